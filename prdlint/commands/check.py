"""`prdlint check PATHS`: lint markdown PRDs, story lists and exports."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from prdlint.baseline import load_baseline, new_findings, write_baseline
from prdlint.boundedio import read_stdin
from prdlint.commands._common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    Display,
    LintArgs,
    display_options,
    emit,
    exit_code,
    lint_options,
    refuse_overwriting_inputs,
    report_problems,
    setup_run,
)
from prdlint.engine import Linter
from prdlint.per_file_ignores import PerFileIgnores
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
    ignores = PerFileIgnores(
        run.config.per_file_ignores, run.known, str(run.config.path or "config")
    )
    baseline = load_baseline(baseline_path) if baseline_path else None
    targets, problems = collect_targets(paths, run.config)
    refuse_overwriting_inputs(lint.output, (t.path for t in targets if t.path is not None))
    rules = run.selection.rules
    progress = Progress("files", len(targets)) if len(targets) >= PROGRESS_FROM else None
    report = lint_targets(
        targets,
        rules,
        Linter(rules, run.settings),
        run.config,
        read_stdin,  # only called when `-` is a target: a closed stdin is no error
        on_file=(lambda _: progress.advance()) if progress else None,
    )
    if progress:
        progress.close()
    report.problems[:0] = problems
    if ignores:
        report.findings = ignores.filter(report.findings)
    if write_baseline_path:
        write_baseline(report, write_baseline_path)
        click.echo(f"prdlint: recorded {len(report.findings)} findings in {write_baseline_path}",
                   err=True)  # fmt: skip
    if baseline is not None:
        report = new_findings(report, baseline)
    options = display.options(lint.output, show_source=show_source, statistics=statistics)
    emit(report, lint.output_format, lint.output, options)
    report_problems(report)
    code = exit_code(report, run.config.fail_on)
    sys.exit(EXIT_CLEAN if code == EXIT_FINDINGS and (exit_zero or write_baseline_path) else code)
