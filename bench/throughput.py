"""Throughput on one core: stories per second for story lists, MB per second for markdown,
how the cost grows with the input (2,000 -> 20,000 -> 200,000 stories), the cost of each
rule, and `prdlint check` beside `proselint` on the whole shared corpus.

    python bench/throughput.py [--max-stories 200000] [--runs 3] [--skip-proselint]

Every size runs in a fresh process (no warm caches, honest peak memory). Targets: at least
20,000 stories/s; 10x the input costs at most 11x the time; at least 7x proselint's speed
on the corpus, start-up included. proselint is installed from PyPI into a scratch
virtualenv on first use."""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPUS, interleaved, machine, pip_tool, prdlint_command, tool_version


def corpus_stories() -> list[str]:
    from prdlint.readers import decode

    lines: list[str] = []
    for path in sorted([*CORPUS.glob("user-stories/*.txt"), *CORPUS.glob("user-stories-*/*.txt")]):
        text = decode(path.read_bytes(), legacy_encoding=True)
        lines.extend(line.strip() for line in text.split("\n") if line.strip())
    return lines


def story_lines(count: int) -> list[str]:
    """`count` stories: the corpus stories, copied as often as needed. Each copy is tagged
    "(batch N)" so copies are not exact duplicates of each other: a real backlog does not
    hold the same story 100 times, and duplicate-story would measure that instead."""
    stories = corpus_stories()
    return [f"{stories[i % len(stories)]} (batch {i // len(stories)})" for i in range(count)]


def corpus_markdown() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("prds/*.md")))


def _linter():  # type: ignore[no-untyped-def]
    from prdlint.engine import Linter
    from prdlint.registry import all_rules, select_rules

    rules = select_rules(all_rules(), None).rules
    return rules, Linter(rules)


def measure_stories(count: int) -> dict[str, float]:
    """Read and lint a story list of `count` lines in this process."""
    from prdlint.readers import decode
    from prdlint.readers.storylist import read_story_list

    data = "\n".join(story_lines(count)).encode()
    _, linter = _linter()
    start = time.process_time()
    items = read_story_list(decode(data, legacy_encoding=True), "stories.txt")
    read = time.process_time() - start
    findings = linter.lint(items)
    total = time.process_time() - start
    return {"items": len(items), "read": read, "total": total, "findings": len(findings)}


def measure_markdown(copies: int) -> dict[str, float]:
    """Parse, read and lint `copies` concatenations of the corpus PRDs in this process."""
    from prdlint.readers.markdown import ReadSettings, _parser, read_markdown

    text = "\n\n".join([corpus_markdown()] * copies)
    _, linter = _linter()
    start = time.process_time()
    _parser().parse(text)
    parse = time.process_time() - start
    start = time.process_time()
    items = read_markdown(text, "prds.md", ReadSettings())
    read = time.process_time() - start
    findings = linter.lint(items)
    total = time.process_time() - start
    return {
        "mb": len(text.encode()) / 1e6,
        "items": len(items),
        "parse": parse,
        "read": read,
        "total": total,
        "findings": len(findings),
    }


def per_rule_costs() -> list[tuple[str, float]]:
    """Microseconds per story for each default rule alone, on the corpus story lists."""
    from prdlint.engine import Linter
    from prdlint.readers.storylist import read_story_list

    items = read_story_list("\n".join(story_lines(5000)), "stories.txt")
    rules, _ = _linter()
    costs = []
    for rule in rules:
        linter = Linter([rule])
        start = time.process_time()
        linter.lint(items)
        costs.append((rule.name, (time.process_time() - start) / len(items) * 1e6))
    return sorted(costs, key=lambda c: -c[1])


def in_child(kind: str, size: int) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(size)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def child(kind: str, size: int) -> None:
    figures = measure_stories(size) if kind == "stories" else measure_markdown(size)
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def report_stories(max_stories: int) -> None:
    print("Story lists (read + all default rules, CPU time of one process):")
    sizes = [n for n in (2_000, 20_000, 200_000, 2_000_000) if n <= max_stories]
    previous = None
    for size in sizes:
        f = in_child("stories", size)
        growth = f" {f['total'] / previous:5.1f}x the time for 10x" if previous else ""
        print(
            f"  {size:>9,} stories  {f['total']:7.2f} s  {f['items'] / f['total']:8,.0f} stories/s"
            f"  (reading {f['items'] / f['read']:9,.0f}/s)  peak {f['peak_mb']:5.0f} MB{growth}"
        )
        previous = f["total"]


def report_markdown() -> None:
    print("Markdown PRDs (the corpus PRDs concatenated; CPU time of one process):")
    previous = None
    for copies in (3, 30):
        f = in_child("markdown", copies)
        growth = f" {f['total'] / previous:5.1f}x the time for 10x" if previous else ""
        rules = f["total"] - f["read"]
        print(
            f"  {f['mb']:6.1f} MB  markdown-it parse {f['mb'] / f['parse']:5.2f} MB/s,"
            f" reader {f['mb'] / f['read']:5.2f} MB/s, rules {f['mb'] / rules:5.2f} MB/s,"
            f" all {f['mb'] / f['total']:5.2f} MB/s  peak {f['peak_mb']:5.0f} MB{growth}"
        )
        previous = f["total"]


def report_proselint(runs: int) -> None:
    files = sorted(str(p) for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt"))
    proselint = pip_tool("proselint", "proselint")
    version = tool_version([str(proselint), "version"])
    print(f"Whole corpus ({len(files)} .md/.txt files), wall time with start-up,"
          f" proselint {version}:")  # fmt: skip
    results = interleaved(
        {
            "prdlint check": [*prdlint_command(), "check", *files],
            "proselint check": [str(proselint), "check", *files],
        },
        runs,
    )
    for name, times in results.items():
        print(f"  {name:<16} median {statistics.median(times):6.2f} s   min {min(times):6.2f} s")
    ratio = statistics.median(results["proselint check"]) / statistics.median(
        results["prdlint check"]
    )
    verdict = "meets" if ratio >= 7 else "misses"
    print(f"  prdlint is {ratio:.1f}x faster -> {verdict} the target (at least 7x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-stories", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-proselint", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    print(machine())
    report_stories(args.max_stories)
    report_markdown()
    print("Cost of each default rule alone (microseconds per story, corpus story lists):")
    for name, cost in per_rule_costs():
        print(f"  {name:<30} {cost:6.1f}")
    if not args.skip_proselint:
        report_proselint(args.runs)


if __name__ == "__main__":
    main()
