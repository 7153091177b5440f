"""Plain text, one finding a line: `path:line:col: CODE rule-name message` (ruff style)."""

from __future__ import annotations

from prdlint.formatters import FormatOptions
from prdlint.formatters.statistics import format_statistics
from prdlint.model import Finding, Report, Severity

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, options: FormatOptions) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if options.color else text


def finding_line(finding: Finding, options: FormatOptions) -> str:
    loc = finding.location
    if loc.issue:
        where = f"{loc.issue} [{loc.field or 'issue'}:{loc.line}]:"
    else:
        where = f"{loc.path}:{loc.line}:{loc.column}:"
    code = _paint(finding.code, _COLORS[finding.severity], options)
    line = f"{_paint(where, '1', options)} {code} {finding.rule} {finding.message}"
    if loc.url:
        line += f" {loc.url}"
    if options.show_source:
        line += f" [{finding.rule_source}]"
    return line


def summary_line(report: Report) -> str:
    counts = {s: 0 for s in Severity}
    for finding in report.findings:
        counts[finding.severity] += 1
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    items = f"{len(report.items)} item{'s' if len(report.items) != 1 else ''}"
    if not report.findings:
        return f"No findings in {items} ({files})."
    total = len(report.findings)
    by_severity = ", ".join(f"{counts[s]} {s.label}" for s in reversed(Severity) if counts[s])
    return f"Found {total} finding{'s' if total != 1 else ''} ({by_severity}) in {items} ({files})."


def format_text(report: Report, options: FormatOptions) -> str:
    if options.statistics:  # counts per rule instead of each finding, as `ruff --statistics`
        lines = format_statistics(report).splitlines()
    else:
        lines = [finding_line(f, options) for f in report.findings]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
