"""`prdlint check PATHS`: lint markdown PRDs, story lists and exports."""

from __future__ import annotations

import sys

import click

from prdlint.commands._common import (
    Display,
    LintArgs,
    ReportArgs,
    display_options,
    finish,
    lint_options,
    report_options,
    setup_run,
)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@lint_options
@display_options
@report_options
def check(paths: tuple[str, ...], lint: LintArgs, display: Display, reporting: ReportArgs) -> None:
    """Lint markdown PRDs and story lists (`-` reads markdown from standard input)."""
    session = setup_run(lint)
    outcome = session.lint_files(paths, sys.stdin.buffer.read, reporting.baseline())
    finish(session, outcome, lint, display, reporting)
