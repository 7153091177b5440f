"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding,
which the runner turns into annotations on the pull request's diff."""

from __future__ import annotations

from prdlint.formatters import FormatOptions
from prdlint.model import Finding, Report, Severity
from prdlint.printable import printable

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as the runner expects (actions/toolkit `escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value; `:` and `,` would end it early (`escapeProperty`)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, properties: list[tuple[str, str]], message: str) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return (
        f"::{level} {props}::{escape_data(message)}"
        if props
        else f"::{level}::{escape_data(message)}"
    )


def format_finding(finding: Finding) -> str:
    loc = finding.location
    title = f"{finding.code} {finding.rule}"
    message = finding.message
    properties: list[tuple[str, str]] = []
    if loc.path:
        properties.append(("file", loc.path))
        if loc.line > 0:
            properties += [("line", str(loc.line)), ("col", str(loc.column))]
            if loc.end_line >= loc.line:
                properties += [("endLine", str(loc.end_line)), ("endColumn", str(loc.end_column))]
    else:
        # A Jira finding has no file to annotate: the message names the issue and its URL.
        where = loc.issue or finding.item.source.label
        if loc.field:
            where += f" [{loc.field}:{loc.line}]" if loc.line > 0 else f" [{loc.field}]"
        message = f"{where}: {message}"
        if loc.url:
            message += f" ({loc.url})"
    properties.append(("title", title))
    return _command(_LEVELS[finding.severity], properties, message)


def format_github(report: Report, options: FormatOptions) -> str:
    lines = [format_finding(f) for f in sorted(report.findings, key=lambda f: f.sort_key)]
    # Inputs that could not be read fail the run; show them where the findings are shown.
    lines += [
        _command("error", [("title", "prdlint input error")], str(problem))
        for problem in report.problems
    ]
    # Every newline inside a command is escaped (%0A): what is left to make visible is
    # the other control characters, which the runner's log would pass to the browser.
    return printable("\n".join(lines)) + "\n" if lines else ""
