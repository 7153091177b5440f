"""prdlint findings and problems as lsprotocol diagnostics, and the rule docs a hover shows."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lsprotocol import types

from prdlint.docs import DOCS_PATH
from prdlint.lsp.positions import to_client
from prdlint.model import Finding, Severity
from prdlint.rule import Rule

SOURCE = "prdlint"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def docs_link(rule: Rule) -> str | None:
    """Where a rule's docs are: its section of docs/rules.md for prdlint's own rules,
    the pack file for a project's pack; None for a plugin (no file to point at)."""
    if rule.source == "prdlint" or rule.source.startswith("prdlint ("):
        anchor = f"{rule.name}-{rule.code.lower()}"
        if DOCS_PATH.is_file():  # a source checkout: the generated docs beside the package
            return f"{DOCS_PATH.as_uri()}#{anchor}"
        published = _published_docs()
        return f"{published}#{anchor}" if published else None
    pack = Path(rule.source)
    if pack.suffix in (".yaml", ".yml") and pack.is_file():
        return pack.resolve().as_uri()
    return None


@cache
def _published_docs() -> str | None:
    """The package's Documentation (or Homepage) URL, for an install without the docs."""
    from prdlint.formatters.sarif import _project_urls

    urls = _project_urls()
    return urls.get("documentation") or urls.get("homepage")


def diagnostic(
    finding: Finding, rule: Rule | None, lines: list[str], encoding: str
) -> types.Diagnostic:
    loc = finding.location
    start = to_client(lines, loc.line, loc.column, encoding)
    end = to_client(lines, loc.end_line, loc.end_column, encoding)
    link = docs_link(rule) if rule is not None else None
    return types.Diagnostic(
        range=types.Range(types.Position(*start), types.Position(*end)),
        message=finding.message,
        severity=_SEVERITY[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=link) if link else None,
        source=finding.rule,
        data={"rule": finding.rule, "snippet": finding.snippet, "line": loc.line},
    )


def problem_diagnostic(message: str) -> types.Diagnostic:
    """A config, pack or input problem: one error at the top of the document."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=f"prdlint: {message}",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def note_diagnostic(line: int, message: str) -> types.Diagnostic:
    """Something check reports beside the findings (a part not read, findings left out),
    as information on its line."""
    start = types.Position(max(line - 1, 0), 0)
    return types.Diagnostic(
        range=types.Range(start, start),
        message=f"prdlint: {message}",
        severity=types.DiagnosticSeverity.Information,
        source=SOURCE,
    )


def hover_text(rule: Rule) -> str:
    """The rule's why and use-instead, as markdown."""
    good = "\n".join(f"```markdown\n{e.text.rstrip()}\n```" for e in rule.good)
    parts = [
        f"**{rule.name}** ({rule.code}): {rule.summary}",
        f"**Why is this bad?** {rule.why.strip()}",
        f"**Use instead:** {rule.fix.strip()}",
    ]
    if good:
        parts.append(good)
    return "\n\n".join(parts)
