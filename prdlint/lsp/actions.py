"""Quick fixes for a finding: a `prdlint-disable-next-line` directive above its line, a
`prdlint-disable-file` directive at the top, or its term added to `allow-terms`."""

from __future__ import annotations

import re
from pathlib import Path

from lsprotocol import types

from prdlint.lsp.allow_terms import ConfigEdit, add_allowed_term
from prdlint.lsp.lint import LintResult
from prdlint.lsp.positions import from_client, units
from prdlint.model import Finding

REASON = "reason"  # the placeholder the author replaces with why the rule does not apply

# Rules whose check skips a match the user listed in allow-terms (ctx.is_allowed on the
# matched words, which are the finding's snippet).
TERM_RULES = frozenset(
    {
        "solution-prescriptive",
        "database-detail",
        "ui-detail",
        "technical-task",
        "vague-term",
        "open-ended",
        "universal-quantifier",
        "untestable-criterion",
        "escape-clause",
    }
)
# A line that starts a block of its own, and a line after which no paragraph goes on: a
# directive line between them cannot split a paragraph.
_OWN_BLOCK = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|>|\||```|~~~|<!--|$)")
_NOT_PROSE = re.compile(r"^\s*(?:#|\||```|~~~|$)|-->\s*$")
_MAX_TERM = 40  # characters; a longer snippet is a phrase, not a term to allow


def _in_range(finding: Finding, lines: list[str], span: types.Range, encoding: str) -> bool:
    start = from_client(lines, span.start.line, span.start.character, encoding)
    end = from_client(lines, span.end.line, span.end.character, encoding)
    loc = finding.location
    return (loc.line, loc.column) <= end and start <= (loc.end_line, loc.end_column)


def _insert(uri: str, line: int, text: str) -> types.WorkspaceEdit:
    edit = types.TextEdit(types.Range(types.Position(line, 0), types.Position(line, 0)), text)
    return types.WorkspaceEdit(changes={uri: [edit]})


def _front_matter_end(lines: list[str]) -> int:
    """The 0-based line after YAML front matter (0 when there is none)."""
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return index + 1
    return 0


def _continues_paragraph(lines: list[str], index: int) -> bool:
    """True when the line is a paragraph's second or later line: an HTML comment line
    inserted above it would end the paragraph and split the story in two."""
    if index <= 0 or index >= len(lines):
        return False
    return not _OWN_BLOCK.match(lines[index]) and not _NOT_PROSE.search(lines[index - 1])


def _disable_line(uri: str, lines: list[str], finding: Finding, encoding: str) -> types.CodeAction:
    index = finding.location.line - 1
    source = lines[index] if 0 <= index < len(lines) else ""
    title = f"Disable {finding.rule} for this line"
    if _continues_paragraph(lines, index):
        # Inline at the end of the line instead: the paragraph stays one story.
        directive = f" <!-- prdlint-disable-line {finding.rule} -- {REASON} -->"
        end = types.Position(index, units(source, encoding))
        edit = types.TextEdit(types.Range(end, end), directive)
        return types.CodeAction(title, types.CodeActionKind.QuickFix,
                                edit=types.WorkspaceEdit(changes={uri: [edit]}))  # fmt: skip
    indent = source[: len(source) - len(source.lstrip())]
    directive = f"{indent}<!-- prdlint-disable-next-line {finding.rule} -- {REASON} -->\n"
    return types.CodeAction(
        title, types.CodeActionKind.QuickFix, edit=_insert(uri, index, directive)
    )


def _disable_file(uri: str, lines: list[str], finding: Finding) -> types.CodeAction:
    directive = f"<!-- prdlint-disable-file {finding.rule} -- {REASON} -->\n"
    return types.CodeAction(
        title=f"Disable {finding.rule} for this file",
        kind=types.CodeActionKind.QuickFix,
        edit=_insert(uri, _front_matter_end(lines), directive),
    )


def _config_edit(edit: ConfigEdit) -> types.WorkspaceEdit:
    uri = edit.path.resolve().as_uri()
    span = types.Range(types.Position(edit.line, 0), types.Position(edit.end_line, 0))
    text_edit = types.TextDocumentEdit(
        types.OptionalVersionedTextDocumentIdentifier(uri, None), [types.TextEdit(span, edit.text)]
    )
    changes: list[types.TextDocumentEdit | types.CreateFile] = []
    if edit.create:
        changes.append(
            types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True))
        )
    changes.append(text_edit)
    return types.WorkspaceEdit(document_changes=changes)


def _allow_term(finding: Finding, result: LintResult, root: Path) -> types.CodeAction | None:
    term = finding.snippet.strip()
    if finding.rule not in TERM_RULES or not term or "\n" in term or len(term) > _MAX_TERM:
        return None
    config_path = result.config.path if result.config is not None else None
    edit = add_allowed_term(config_path, root, term)
    if edit is None:
        return None
    return types.CodeAction(
        title=f"Allow the term {term!r} (allow-terms in {edit.path.name})",
        kind=types.CodeActionKind.QuickFix,
        edit=_config_edit(edit),
    )


def code_actions(
    uri: str,
    lines: list[str],
    result: LintResult,
    span: types.Range,
    root: Path,
    encoding: str,
    markdown: bool,
) -> list[types.CodeAction]:
    found: list[types.CodeAction] = []
    for finding in result.findings:
        if not _in_range(finding, lines, span, encoding):
            continue
        if markdown:  # story lists have no directive syntax
            found.append(_disable_line(uri, lines, finding, encoding))
            found.append(_disable_file(uri, lines, finding))
        allow = _allow_term(finding, result, root)
        if allow is not None:
            found.append(allow)
    return found
