"""Text output. Plain (not a terminal): one finding a line, `path:line:col: CODE rule-name
message` (ruff style), stable for scripts. On a terminal, or with --verbose: findings grouped
by file or issue, each with its source line and the matched words marked, and a summary
with counts per rule and a hint on reading a rule's docs."""

from __future__ import annotations

from itertools import groupby

from prdlint.formatters import FormatOptions
from prdlint.formatters.statistics import format_statistics
from prdlint.model import Finding, Report, Severity
from prdlint.printable import one_line, printable

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_EXCERPT = 100  # characters of context shown around a match


def _paint(text: str, code: str, options: FormatOptions) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if options.color else text


def _where(finding: Finding) -> str:
    loc = finding.location
    if loc.issue:
        return one_line(f"{loc.issue} [{loc.field or 'issue'}:{loc.line}]")
    return one_line(f"{loc.path}:{loc.line}:{loc.column}")


def finding_line(finding: Finding, options: FormatOptions) -> str:
    code = _paint(finding.code, _COLORS[finding.severity], options)
    message = one_line(finding.message)
    line = f"{_paint(_where(finding) + ':', '1', options)} {code} {finding.rule} {message}"
    if finding.location.url:
        line += f" {one_line(finding.location.url)}"
    if options.show_source:
        line += f" [{one_line(finding.rule_source)}]"
    return line


def excerpt(finding: Finding) -> tuple[str, int, int] | None:
    """The context line holding the match, clipped around it, and the match's columns."""
    start, end = finding.span
    text = printable(finding.context)  # one for one: the span still fits
    if not text or end <= start:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    end = min(end, line_end)
    left = max(line_start, min(start - _EXCERPT // 3, line_end - _EXCERPT))
    right = min(line_end, max(end + _EXCERPT // 3, left + _EXCERPT))
    prefix = "…" if left > line_start else ""
    suffix = "…" if right < line_end else ""
    shown = prefix + text[left:right] + suffix
    offset = len(prefix) - left
    return shown, start + offset, end + offset


def _detail(finding: Finding, options: FormatOptions) -> list[str]:
    loc = finding.location
    where = f"{loc.field or 'issue'}:{loc.line}" if loc.issue else f"{loc.line}:{loc.column}"
    code = _paint(finding.code, _COLORS[finding.severity], options)
    where = one_line(where)
    message = one_line(finding.message)
    head = f"  {where:<8} {code} {_paint(finding.rule, '1', options)}  {message}"
    if options.show_source:
        head += f" [{one_line(finding.rule_source)}]"
    lines = [head]
    shown = excerpt(finding)
    if shown is not None and not options.quiet:
        text, start, end = shown
        marked = text[:start] + _paint(text[start:end], "1;4", options) + text[end:]
        carets = " " * start + _paint("^" * max(end - start, 1), _COLORS[finding.severity], options)
        lines += [f"{'':11}| {marked}", f"{'':11}| {carets}"]
    return lines


def _group_key(finding: Finding) -> str:
    loc = finding.location
    return one_line(f"{loc.issue} {loc.url or ''}".strip() if loc.issue else loc.path or "")


def _grouped(report: Report, options: FormatOptions) -> list[str]:
    lines: list[str] = []
    for key, findings in groupby(report.findings, key=_group_key):
        lines.append(_paint(key, "1;4", options))
        for finding in findings:
            lines.extend(_detail(finding, options))
        lines.append("")
    return lines


def summary_line(report: Report) -> str:
    counts = {s: 0 for s in Severity}
    for finding in report.findings:
        counts[finding.severity] += 1
    items = f"{len(report.items)} item{'s' if len(report.items) != 1 else ''}"
    scope = f"{items} ({report.files} file{'s' if report.files != 1 else ''})"
    if report.source == "jira":  # issues, not files
        scope = items
    if not report.findings:
        return f"No findings in {scope}."
    total = len(report.findings)
    by_severity = ", ".join(f"{counts[s]} {s.label}" for s in reversed(Severity) if counts[s])
    return f"Found {total} finding{'s' if total != 1 else ''} ({by_severity}) in {scope}."


def rule_counts_line(report: Report) -> str:
    counts = ", ".join(f"{rule} {count}" for rule, count in report.by_rule().items())
    return f"By rule: {counts}. `prdlint rule NAME` explains a rule and how to fix it."


def format_text(report: Report, options: FormatOptions) -> str:
    if options.statistics:  # counts per rule instead of each finding, as `ruff --statistics`
        lines = format_statistics(report).splitlines()
    elif options.color or options.verbose:
        lines = _grouped(report, options)
    else:
        lines = [finding_line(f, options) for f in report.findings]
    if options.quiet:
        return "\n".join(lines).rstrip("\n") + "\n" if lines else ""
    lines.append(summary_line(report))
    if report.findings and (options.color or options.verbose) and not options.statistics:
        lines.append(rule_counts_line(report))
    return "\n".join(lines) + "\n"
