"""`prdlint check PATHS`: lint markdown PRDs, story lists and exports."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from prdlint.commands._common import (
    emit,
    exit_code,
    lint_options,
    report_problems,
    setup_run,
    use_color,
)
from prdlint.engine import Linter
from prdlint.formatters import FormatOptions
from prdlint.runner import collect_targets, lint_targets


@click.command()
@click.argument("paths", nargs=-1, required=True)
@lint_options
@click.option("--show-source", is_flag=True, help="Name the pack or plugin of each finding's rule.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    output: Path | None,
    config_path: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    no_color: bool,
    show_source: bool,
) -> None:
    """Lint markdown PRDs and story lists (`-` reads markdown from standard input)."""
    run = setup_run(config_path, select, extend_select, ignore, fail_on)
    targets, problems = collect_targets(paths, run.config)
    rules = run.selection.rules
    report = lint_targets(
        targets, rules, Linter(rules, run.settings), run.config, sys.stdin.buffer.read
    )
    report.problems[:0] = problems
    options = FormatOptions(color=use_color(no_color, output), show_source=show_source)
    emit(report, output_format, output, options)
    report_problems(report)
    sys.exit(exit_code(report, run.config.fail_on))
