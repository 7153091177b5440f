"""Lint one document's text exactly as `prdlint check PATH` would lint the file: the config
found from the file's folder, its rule packs and the installed plugins, per-file-ignores and
the same size limit. Reuses the session (prdlint/session.py); no LSP types here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from prdlint.commands._common import LintArgs, setup_run
from prdlint.config import Config
from prdlint.errors import PrdlintError
from prdlint.model import Finding, Report
from prdlint.readers import MAX_FILE_BYTES, NO_ITEMS, READERS, FileReader, reader_for
from prdlint.rule import Rule
from prdlint.runner import Target

# The readers the server lints: the editor's files are PRDs and story lists, not exports.
LINTED_READERS = ("markdown", "story list")
# A run must stay short however big the buffer: about 2 s of linting at ~1 MB/s. Real PRDs
# are under 100 KB; `check` still reads files up to its own limit (MAX_FILE_BYTES).
SERVER_MAX_BYTES = 2 * 1024 * 1024


def too_large(size: int) -> str | None:
    """check's "file too large" notice, for the server's lower limit."""
    if size <= SERVER_MAX_BYTES:
        return None
    return (
        f"file too large ({size / 1024 / 1024:.0f} MiB; the limit is "
        f"{SERVER_MAX_BYTES >> 20} MiB in the editor, {MAX_FILE_BYTES >> 20} MiB for prdlint check)"
    )


@dataclass(frozen=True)
class LintResult:
    """The findings of one run, or the one problem that stopped it (a broken config or
    pack, a file too large), with the rules that ran (for hover and code actions)."""

    findings: list[Finding] = field(default_factory=list)
    problem: str | None = None
    notes: list[tuple[int, str]] = field(default_factory=list)  # (line, what was left out)
    rules: Mapping[str, Rule] = field(default_factory=dict)
    config: Config | None = None


def document_reader(path: Path | None, language_id: str | None) -> FileReader | None:
    """The reader for a document: by suffix as `check` picks it, or markdown by language."""
    reader = reader_for(path.name) if path is not None else None
    if reader is None and language_id == "markdown":
        reader = next(r for r in READERS if r.name == "markdown")
    return reader if reader is not None and reader.name in LINTED_READERS else None


def display_path(path: Path | None, root: Path) -> str:
    """The path as `check` run from `root` reports it (per-file-ignores match this)."""
    if path is None:
        return "<untitled>"
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def lint_text(text: str, path: Path | None, reader: FileReader, root: Path) -> LintResult:
    """Findings for `text` as the contents of `path` (None: an unsaved buffer, config
    from `root`)."""
    try:
        run = setup_run(LintArgs(), start=path.parent if path is not None else root)
        filters = run.filters(reported_from=root)  # checked first, as `check` does
    except PrdlintError as error:
        return LintResult(problem=error.format_message())
    rules = {r.name: r for r in run.known}
    display = display_path(path, root)
    # Globs are relative to the config's folder, as for `check` from any directory.
    if run.config.matches(path or root / display, run.config.exclude):
        return LintResult(rules=rules, config=run.config)
    data = text.encode("utf-8", errors="surrogatepass")
    notice = too_large(len(data))
    if notice is not None:
        return LintResult(problem=notice, rules=rules, config=run.config)
    # The session's one filter pass: inline directives, then per-file-ignores.
    report = run.lint_targets([Target(display, None, reader)], lambda: data, filters).report
    if report.files == 0 and report.problems:  # not read at all: the reason is all there is
        return LintResult(problem=report.problems[0].message, rules=rules, config=run.config)
    findings = sorted(report.findings, key=lambda f: f.sort_key)
    return LintResult(findings, rules=rules, config=run.config, notes=_notes(report))


def _notes(report: Report) -> list[tuple[int, str]]:
    """What check prints beside the findings of a file it read: parts it could not read and
    findings left out past the per-rule cap (at the item's line). "No backlog items" is
    left out: in an editor every README would carry it."""
    notes = [(1, p.message) for p in report.problems]
    for notice in report.notices:
        if notice.message == NO_ITEMS:
            continue
        _, _, line = notice.where.rpartition(":")
        notes.append((int(line) if line.isdigit() else 1, notice.message))
    return notes
