"""`--statistics`: how many findings each rule produced, like `ruff check --statistics`."""

from __future__ import annotations

from prdlint.model import Report


def format_statistics(report: Report) -> str:
    """One line per rule, most frequent first: `count<TAB>code<TAB>name`; empty if clean."""
    codes = {f.rule: f.code for f in report.findings}
    counts = report.by_rule()
    if not counts:
        return ""
    width = len(str(max(counts.values())))
    return "".join(f"{n:>{width}}\t{codes[rule]}\t{rule}\n" for rule, n in counts.items())
