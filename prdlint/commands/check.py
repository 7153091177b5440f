"""`prdlint check PATHS`: lint markdown PRDs, story lists and exports."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from prdlint import filters
from prdlint.baseline import load_baseline, write_baseline
from prdlint.commands._common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    Display,
    LintArgs,
    display_options,
    emit,
    exit_code,
    lint_options,
    report_problems,
    setup_run,
)
from prdlint.engine import Linter
from prdlint.filters import DocumentDirectives
from prdlint.progress import Progress
from prdlint.runner import collect_targets, lint_targets

PROGRESS_FROM = 20  # files; fewer finish before a bar is worth drawing


@click.command()
@click.argument("paths", nargs=-1, required=True)
@lint_options
@display_options
@click.option(
    "--show-rule-source", "show_source", is_flag=True,
    help="Name the pack or plugin each finding's rule came from.",
)  # fmt: skip
@click.option("--statistics", is_flag=True, help="Show counts per rule instead of each finding.")
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Report only findings that are not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record today's findings in this baseline file, then exit 0.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (report-only jobs).")
def check(
    paths: tuple[str, ...],
    lint: LintArgs,
    display: Display,
    show_source: bool,
    statistics: bool,
    baseline_path: Path | None,
    write_baseline_path: Path | None,
    exit_zero: bool,
) -> None:
    """Lint markdown PRDs and story lists (`-` reads markdown from standard input)."""
    run = setup_run(lint)
    settings = run.filters()  # checks per-file-ignores before the baseline is read
    if baseline_path:
        settings = replace(settings, baseline=load_baseline(baseline_path))
    targets, problems = collect_targets(paths, run.config)
    rules = run.selection.rules
    progress = Progress("files", len(targets)) if len(targets) >= PROGRESS_FROM else None
    documents: list[DocumentDirectives] = []
    report = lint_targets(
        targets,
        rules,
        Linter(rules, run.settings),
        run.config,
        sys.stdin.buffer.read,
        on_file=(lambda _: progress.advance()) if progress else None,
        documents=documents,
    )
    if progress:
        progress.close()
    report.problems[:0] = problems
    filtered = filters.apply(report.findings, documents, settings)
    if write_baseline_path:
        write_baseline(replace(report, findings=filtered.recorded), write_baseline_path)
        click.echo(f"prdlint: recorded {len(filtered.recorded)} findings in {write_baseline_path}",
                   err=True)  # fmt: skip
    report.findings = filtered.findings
    options = display.options(lint.output, show_source=show_source, statistics=statistics)
    emit(report, lint.output_format, lint.output, options)
    report_problems(report)
    code = exit_code(report, run.config.fail_on)
    sys.exit(EXIT_CLEAN if code == EXIT_FINDINGS and (exit_zero or write_baseline_path) else code)
