"""Measure the catalog rules (everything beyond the ten core rules) on the shared corpus.

Run on purpose (not a test):

    python bench/catalog.py                    # findings per rule and corpus, default gating
    python bench/catalog.py --show RULE ...    # also print each finding of these rules
    python bench/catalog.py --scale            # duplicate-story time at 10k..200k stories

Every rule is run, including those off by default; document rules keep their default
gating (design records skipped), as with `--select tag:document`. The scale run builds
synthetic backlogs from the real stories (two words of each replaced at random) and prints
the time per story, which stays flat when the check is near-linear.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

from prdlint.engine import Linter, LintSettings
from prdlint.readers import decode
from prdlint.readers.markdown import read_markdown
from prdlint.readers.storylist import read_story_list
from prdlint.registry import all_rules
from prdlint.rule import Context

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
CORE_CODES = {f"PRD{n}" for n in (101, 102, 103, 104, 201, 202, 203, 301, 302, 303)}
SETS = {
    "user-stories": lambda: sorted((CORPUS / "user-stories").glob("*.txt")),
    "user-stories-github": lambda: [CORPUS / "user-stories-github" / "stories.txt"],
    "prds": lambda: sorted((CORPUS / "prds").glob("0*.md")),
}


def _items(path: Path) -> list:  # type: ignore[type-arg]
    text = decode(path.read_bytes(), "cp1252")
    if path.suffix == ".txt":
        return read_story_list(text, path.name)
    return read_markdown(text, path.name)


def measure(show: set[str]) -> None:
    rules = [r for r in all_rules() if r.code not in CORE_CODES and r.source.startswith("prdlint")]
    rules = [r for r in rules if not r.code.startswith("PRD9")]  # suppression bookkeeping
    linter = Linter(rules, LintSettings())
    table: dict[str, Counter[str]] = {}
    for corpus, files in SETS.items():
        counts: Counter[str] = Counter()
        for path in files():
            for finding in linter.lint(_items(path)):
                counts[finding.rule] += 1
                if finding.rule in show:
                    print(
                        f"{finding.rule} {path.name}:{finding.location.line}: "
                        f"[{finding.snippet[:70]}] {finding.message}"
                    )
        table[corpus] = counts
    print(f"\n{'rule':<33} {'default':<8} " + " ".join(f"{c:>20}" for c in table))
    for rule in rules:
        default = "on" if rule.enabled_by_default else "off"
        cells = " ".join(f"{table[c][rule.name]:>20}" for c in table)
        print(f"{rule.code} {rule.name:<26} {default:<8} {cells}")


def scale() -> None:
    from prdlint.checks.duplicate_story import duplicate_story

    lines = [
        line
        for path in SETS["user-stories"]()
        for line in decode(path.read_bytes(), "cp1252").split("\n")
        if line.strip()
    ]
    rng = random.Random(1)
    for count in (10_000, 50_000, 100_000, 200_000):
        stories = []
        for _ in range(count):
            words = rng.choice(lines).split()
            for _ in range(2):
                words[rng.randrange(len(words))] = f"w{rng.randrange(count)}"
            stories.append(" ".join(words))
        items = read_story_list("\n".join(stories), "big.txt")
        start = time.perf_counter()
        hits = sum(1 for _ in duplicate_story(items, Context()))
        took = time.perf_counter() - start
        print(f"{count:>7} stories  {took:6.2f} s  {took / count * 1e6:5.1f} us/story  {hits} hits")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", nargs="*", default=[], metavar="RULE")
    parser.add_argument("--scale", action="store_true")
    args = parser.parse_args()
    if args.scale:
        scale()
    else:
        measure(set(args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
