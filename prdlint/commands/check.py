"""`prdlint check PATHS`: lint markdown PRDs, story lists and exports."""

from __future__ import annotations

import click

from prdlint.boundedio import read_stdin
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
    # read_stdin is only called when `-` is a target: a closed stdin is no error.
    outcome = session.lint_files(paths, read_stdin, reporting.baseline(), output=lint.output)
    finish(session, outcome, lint, display, reporting)
