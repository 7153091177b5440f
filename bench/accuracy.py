"""Measure the core rules against human labels: per-rule TP/FP/FN/TN, precision, recall.

Run on purpose (not a test):

    python bench/accuracy.py                      # the shared dev set
    python bench/accuracy.py bench/labels-team.jsonl other.jsonl
    python bench/accuracy.py --quiet              # the table only
    python bench/accuracy.py --browse [RULE ...]  # every finding on the raw story corpora

A labels file is JSON Lines: {"dataset": ..., "text": ..., "labels": {rule: 1 | 0 | null}}
(../shared/corpus/labels/GUIDE.md). `null` means the labelers disagreed: not scored.
Each story is linted as one line of a story list, through the real reader and engine.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from prdlint.engine import Linter, LintSettings
from prdlint.readers.storylist import read_story_list
from prdlint.registry import all_rules, select_rules

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
DEV_SET = SHARED / "labels" / "user-stories-dev.jsonl"
RULES = (
    "solution-prescriptive", "database-detail", "ui-detail", "technical-task",
    "missing-persona", "missing-value", "compound-story", "vague-term",
)  # fmt: skip


def load(path: Path) -> list[dict[str, object]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                sys.exit(f"{path}:{number}: not JSON ({error.msg})")
    return rows


def fired_rules(texts: Sequence[str], names: Iterable[str]) -> list[dict[str, str]]:
    """For each text, rule name -> message of its first finding."""
    rules = list(select_rules(all_rules(), list(names)).rules)
    linter = Linter(rules, LintSettings(explicit=frozenset()))
    clean = [" ".join(t.split()) for t in texts]
    items = read_story_list("\n".join(clean), "labels.txt")
    by_line: list[dict[str, str]] = [{} for _ in clean]
    for finding in linter.lint(items):
        by_line[finding.location.line - 1].setdefault(finding.rule, finding.message)
    return by_line


def score(path: Path, quiet: bool) -> None:
    rows = load(path)
    texts = [str(row["text"]) for row in rows]
    fired = fired_rules(texts, RULES)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: dict[str, list[str]] = defaultdict(list)
    for row, text, hits in zip(rows, texts, fired, strict=True):
        labels = row["labels"]
        assert isinstance(labels, dict)
        for rule in RULES:
            truth = labels.get(rule)
            if truth is None:
                continue
            got = rule in hits
            kind = ("TP" if truth else "FP") if got else ("FN" if truth else "TN")
            counts[rule][kind] += 1
            if kind == "FP":
                misses[rule].append(f"  FP  {text}\n        -> {hits[rule]}")
            elif kind == "FN":
                misses[rule].append(f"  FN  {text}")
    print(f"{path} ({len(rows)} stories)")
    print(f"{'rule':24} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>5} {'precision':>9} {'recall':>7}")
    for rule in RULES:
        c = counts[rule]
        tp, fp, fn = c["TP"], c["FP"], c["FN"]
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
        recall = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
        print(f"{rule:24} {tp:4} {fp:4} {fn:4} {c['TN']:5} {precision:>9} {recall:>7}")
    if not quiet:
        for rule in RULES:
            if misses[rule]:
                print(f"\n{rule}:")
                print("\n".join(misses[rule]))
    print()


def browse(names: Sequence[str]) -> None:
    """Print every finding per rule on the raw story corpora, for reading."""
    files = sorted((SHARED / "user-stories").glob("*.txt"))
    files.append(SHARED / "user-stories-github" / "stories.txt")
    texts: list[str] = []
    for file in files:
        raw = file.read_bytes()
        try:
            decoded = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            decoded = raw.decode("cp1252", errors="replace")
        lines = [line.strip() for line in decoded.splitlines() if line.strip()]
        texts.extend(f"{file.stem}: {line}" for line in lines)
    stories = [t.split(": ", 1)[1] for t in texts]
    fired = fired_rules(stories, names or RULES)
    for rule in names or RULES:
        hits = [(text, got[rule]) for text, got in zip(texts, fired, strict=True) if rule in got]
        print(f"\n== {rule}: {len(hits)} of {len(texts)} stories")
        for text, message in hits:
            print(f"  {text}\n      -> {message}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("files", nargs="*", type=Path, help="labels JSONL (default: dev set)")
    parser.add_argument("--quiet", action="store_true", help="print the tables only")
    parser.add_argument("--browse", nargs="*", metavar="RULE", help="findings on the corpora")
    args = parser.parse_args(argv)
    if args.browse is not None:
        browse(args.browse)
        return 0
    for path in args.files or [DEV_SET]:
        score(path, args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
