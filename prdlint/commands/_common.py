"""Options and wiring shared by the commands that lint (`check`, `jira`): the flags, and
what is done with a session's outcome (baseline file, report, exit code)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from prdlint.baseline import load_baseline, write_baseline
from prdlint.errors import PrdlintError
from prdlint.formatters import BUILTIN_FORMATS, UTF8_FORMATS, FormatOptions, load_formatter
from prdlint.model import Report, Severity
from prdlint.printable import one_line
from prdlint.session import Outcome, RunOptions, Session

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMAT_NAMES = ", ".join(f.name for f in BUILTIN_FORMATS)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@dataclass(frozen=True)
class LintArgs:
    """The options every linting command takes, as one value."""

    output_format: str = "text"
    output: Path | None = None
    config_path: Path | None = None
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    rule_packs: tuple[Path, ...] = ()


def lint_options(function: F) -> F:
    """Add the linting options (in the order `--help` shows them); the command receives
    them as one `lint: LintArgs`."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in LintArgs.__dataclass_fields__}
        if values["output"] == Path("-"):  # `-o -`: standard output, as for inputs
            values["output"] = None
        return function(*args, lint=LintArgs(**values), **kwargs)

    decorators = [
        click.option("--format", "-f", "output_format", default="text", show_default=True,
                     help=f"Format: {FORMAT_NAMES} (or a plugin's)."),
        click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write the report to this file ('-': standard output)."),
        click.option("--config", "config_path", type=click.Path(path_type=Path),
                     help="Config file for every path (default: each file's nearest"
                          " .prdlint.yaml or pyproject.toml)."),
        click.option("--select", multiple=True,
                     help="Only these rules (names, codes, categories or tags; comma-separated)."),
        click.option("--extend-select", multiple=True, help="Add rules to the selection."),
        click.option("--ignore", multiple=True, help="Skip these rules."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
                     help="Lowest severity that fails the run (default: warning)."),
        rule_packs_option,
    ]  # fmt: skip
    for decorator in reversed(decorators):
        wrapper = decorator(wrapper)
    return wrapper  # type: ignore[return-value]


def rule_packs_option(function: F) -> F:
    """`--rules PATH` (repeatable): rule packs to load beside those named in config."""
    option = click.option(
        "--rules",
        "rule_packs",
        multiple=True,
        type=click.Path(path_type=Path),
        help="A YAML rule pack, or a directory of them, to load beside config's rule-packs.",
    )
    return option(function)


def setup_run(lint: LintArgs, start: Path | None = None) -> Session:
    """Config merged with CLI flags (flags win), and the rules the run uses. The config is
    the nearest one at or above `start` (default: the current directory); `check` lints
    each file with its own project's config (Session.lint_files)."""
    options = RunOptions(
        config_path=lint.config_path,
        select=_split(lint.select),
        select_given=bool(lint.select),
        extend_select=_split(lint.extend_select),
        ignore=_split(lint.ignore),
        fail_on=lint.fail_on,
        rule_packs=lint.rule_packs,
        start=start,
    )
    return Session.start(options)


@dataclass(frozen=True)
class ReportArgs:
    """What to make of the run's findings: --baseline, --write-baseline, --exit-zero,
    --statistics, --show-rule-source."""

    show_source: bool = False
    statistics: bool = False
    baseline_path: Path | None = None
    write_baseline_path: Path | None = None
    exit_zero: bool = False

    def baseline(self) -> frozenset[str] | None:
        return load_baseline(self.baseline_path) if self.baseline_path else None


def report_options(function: F) -> F:
    """Add the reporting options; the command receives them as one `reporting`."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in ReportArgs.__dataclass_fields__}
        return function(*args, reporting=ReportArgs(**values), **kwargs)

    decorators = [
        click.option("--show-rule-source", "show_source", is_flag=True,
                     help="Name the pack or plugin each finding's rule came from."),
        click.option("--statistics", is_flag=True,
                     help="Show counts per rule instead of each finding."),
        click.option("--baseline", "baseline_path",
                     type=click.Path(dir_okay=False, path_type=Path),
                     help="Report only findings that are not recorded in this baseline file."),
        click.option("--write-baseline", "write_baseline_path",
                     type=click.Path(dir_okay=False, path_type=Path),
                     help="Record today's findings in this baseline file, then exit 0."),
        click.option("--exit-zero", is_flag=True,
                     help="Exit 0 even with findings (report-only jobs)."),
    ]  # fmt: skip
    for decorator in reversed(decorators):
        wrapper = decorator(wrapper)
    return wrapper  # type: ignore[return-value]


def finish(
    session: Session, outcome: Outcome, lint: LintArgs, display: Display, reporting: ReportArgs
) -> NoReturn:
    """Write the baseline if asked, emit the report, name the problems, exit."""
    report = outcome.report
    written = reporting.write_baseline_path
    if written:
        write_baseline(replace(report, findings=outcome.recorded), written)
        click.echo(f"prdlint: recorded {len(outcome.recorded)} findings in {written}", err=True)
    options = display.options(
        lint.output, show_source=reporting.show_source, statistics=reporting.statistics
    )
    emit(report, lint.output_format, lint.output, options)
    report_problems(report)
    code = exit_code(report, session.config.fail_on, outcome.fails)
    lenient = reporting.exit_zero or written is not None
    sys.exit(EXIT_CLEAN if code == EXIT_FINDINGS and lenient else code)


@dataclass(frozen=True)
class Display:
    """How much to show and whether in colour: --no-color, --quiet, --verbose."""

    no_color: bool = False
    quiet: bool = False
    verbose: bool = False

    def options(self, output: Path | None, **extra: bool) -> FormatOptions:
        return FormatOptions(
            color=use_color(self.no_color, output), quiet=self.quiet, verbose=self.verbose, **extra
        )


def display_options(function: F) -> F:
    """Add --no-color/--quiet/--verbose; the command receives them as one `display`."""

    @functools.wraps(function)
    def wrapper(*args: Any, no_color: bool, quiet: bool, verbose: bool, **kwargs: Any) -> Any:
        if quiet and verbose:
            raise click.UsageError("--quiet and --verbose exclude each other")
        return function(*args, display=Display(no_color, quiet, verbose), **kwargs)

    for decorator in (
        click.option("--verbose", "-v", is_flag=True, help="Show each match in its context."),
        click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary."),
        click.option("--no-color", is_flag=True, help="Never colour the output (also NO_COLOR)."),
    ):
        wrapper = decorator(wrapper)
    return wrapper  # type: ignore[return-value]


def use_color(no_color: bool, output: Path | None) -> bool:
    if no_color or output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout is not None and sys.stdout.isatty()  # None: started with stdout closed


# Formats whose documents declare UTF-8 (JSON by its spec, SARIF, XML and HTML by their
# headers) are written as UTF-8 bytes whatever the terminal's encoding: UTF8_FORMATS.


def emit(report: Report, output_format: str, output: Path | None, options: FormatOptions) -> None:
    text = load_formatter(output_format)(report, options)
    if text and not text.endswith("\n"):
        text += "\n"  # empty stays empty
    if output is None:
        write_stdout(text, utf8=output_format in UTF8_FORMATS)
        return
    try:
        # errors="replace": a lone surrogate (from a Jira JSON escape) cannot be UTF-8.
        output.write_text(text, encoding="utf-8", errors="replace")
    except OSError as error:
        raise PrdlintError(f"{output}: cannot write report: {error.strerror}") from None


def write_stdout(text: str, utf8: bool) -> None:
    """`text` on standard output in its encoding (or UTF-8), what it cannot encode replaced:
    a cp1252 console or PYTHONIOENCODING=ascii shows '?' instead of crashing the run."""
    stream = sys.stdout
    if stream is None or not text:  # started with stdout closed: nothing can be shown
        return
    encoding = "utf-8" if utf8 else (getattr(stream, "encoding", None) or "utf-8")
    data = text.encode(encoding, errors="replace")
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is None:  # a text-only stream (an embedding program's)
            stream.write(data.decode(encoding))
            stream.flush()
            return
        stream.flush()
        buffer.write(data)
        buffer.flush()
    except BrokenPipeError:
        raise  # the reader left (`| head`): main() ends quietly
    except OSError as error:  # a full disk (>/dev/full), a closed descriptor
        raise PrdlintError(f"cannot write to standard output: {error.strerror}") from None


def exit_code(report: Report, fail_on: Severity, fails: bool | None = None) -> int:
    """`fails`: the session's verdict, each file against its own project's fail-on."""
    if report.problems:
        return EXIT_ERROR
    if fails if fails is not None else any(f.severity >= fail_on for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def report_problems(report: Report) -> None:
    for problem in report.problems:
        click.echo(f"prdlint: error: {one_line(str(problem))}", err=True)
    for notice in report.notices:
        click.echo(f"prdlint: notice: {one_line(str(notice))}", err=True)
