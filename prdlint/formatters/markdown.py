"""A compact markdown summary for pull-request comments and `$GITHUB_STEP_SUMMARY`:
a headline, counts per rule, then the findings (capped, so a comment stays readable)."""

from __future__ import annotations

from prdlint.formatters import FormatOptions
from prdlint.model import Finding, Report, Severity
from prdlint.printable import printable

MAX_ROWS = 50


def _cell(text: str) -> str:
    """Backlog text is untrusted: keep it from breaking the table or injecting HTML."""
    text = " ".join(text.split())
    for raw, safe in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|"), ("`", "'")):
        text = text.replace(raw, safe)
    return text


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _where(finding: Finding) -> str:
    loc = finding.location
    if loc.path:
        return f"`{_cell(loc.path)}:{loc.line}:{loc.column}`" if loc.line > 0 else loc.path
    label = _cell(loc.issue or finding.item.source.label)
    if loc.field:
        label += f" ({_cell(loc.field)})"
    return f"[{label}]({loc.url})" if loc.url else label


def _headline(report: Report) -> str:
    scope = f"{_plural(report.files, 'file')}, {_plural(len(report.items), 'item')}"
    if not report.findings:
        return f"### prdlint: no findings ({scope})"
    counts = [
        _plural(sum(f.severity is severity for f in report.findings), severity.label)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    ]
    shown = ", ".join(c for c in counts if not c.startswith("0 "))
    return f"### prdlint: {_plural(len(report.findings), 'finding')} ({shown}) in {scope}"


def format_markdown(report: Report, options: FormatOptions) -> str:
    lines = [_headline(report), ""]
    if report.findings:
        codes = {f.rule: f.code for f in report.findings}
        lines += ["| Rule | Findings |", "| --- | ---: |"]
        lines += [f"| `{codes[rule]}` {rule} | {n} |" for rule, n in report.by_rule().items()]
        lines += ["", "| Severity | Where | Rule | Message |", "| --- | --- | --- | --- |"]
        findings = sorted(report.findings, key=lambda f: (-f.severity, *f.sort_key))
        for finding in findings[:MAX_ROWS]:
            lines.append(
                f"| {finding.severity.label} | {_where(finding)} | `{finding.code}` {finding.rule}"
                f" | {_cell(finding.message)} |"
            )
        if len(findings) > MAX_ROWS:
            lines += ["", f"…and {len(findings) - MAX_ROWS} more (see the full report)."]
        lines.append("")
    if report.problems:
        lines.append("**Could not lint:**")
        lines += [f"- {_cell(str(problem))}" for problem in report.problems]
        lines.append("")
    return printable("\n".join(lines))
