"""Options and wiring shared by the commands that lint (`check`, `jira`)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import click

from prdlint.config import Config, load_config
from prdlint.engine import LintSettings
from prdlint.errors import ConfigError, PrdlintError
from prdlint.formatters import FormatOptions, load_formatter
from prdlint.model import Report, Severity
from prdlint.printable import one_line
from prdlint.registry import Selection, all_rules, select_rules
from prdlint.rule import Rule

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


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
                     help="Format: text, json, github, sarif, junit, markdown, gitlab, html."),
        click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write the report to this file ('-': standard output)."),
        click.option("--config", "config_path", type=click.Path(path_type=Path),
                     help="Config file (default: nearest .prdlint.yaml or pyproject.toml)."),
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


@dataclass(frozen=True)
class RunSetup:
    config: Config
    selection: Selection
    settings: LintSettings
    known: tuple[Rule, ...] = ()  # every rule, selected or not (suppressions, per-file-ignores)


def setup_run(lint: LintArgs, start: Path | None = None) -> RunSetup:
    """Config merged with CLI flags (flags win), and the rules the run uses. The config is
    the nearest one at or above `start` (default: the current directory)."""
    config = load_config(lint.config_path, start)
    loaded = config
    if lint.rule_packs:
        config = replace(config, rule_packs=(*config.rule_packs, *lint.rule_packs))
    if lint.select:
        config = replace(config, select=_split(lint.select))
    if lint.extend_select:
        extend = (*config.extend_select, *_split(lint.extend_select))
        config = replace(config, extend_select=extend)
    if lint.ignore:
        config = replace(config, ignore=(*config.ignore, *_split(lint.ignore)))
    if lint.fail_on:
        config = replace(config, fail_on=Severity.parse(lint.fail_on))
    rules = all_rules(config.rule_packs)
    _check_selectors(rules, loaded, lint)
    selection = select_rules(rules, config.select, config.ignore, config.extend_select)
    known = {r.name for r in rules}
    for name in [*config.severity, *config.options]:
        if name not in known:
            raise ConfigError(f"{config.path or 'config'}: unknown rule {name!r} in rule settings")
    settings = LintSettings(
        severity=config.severity,
        options=config.options,
        allow_terms=config.allow_terms,
        explicit=selection.explicit,
        known_rules=frozenset(key.casefold() for r in rules for key in (r.name, r.code)),
    )
    return RunSetup(config, selection, settings, tuple(rules))


def _check_selectors(rules: Sequence[Rule], config: Config, lint: LintArgs) -> None:
    """Every selector known, each error naming where it was written (the flag, or the
    config file and key); an empty selection is an error, not a run of no rules."""
    where = f"{config.path}: key" if config.path else "config key"
    sources: list[tuple[str, tuple[str, ...], bool]] = [
        ("--select", _split(lint.select), bool(lint.select)),
        ("--extend-select", _split(lint.extend_select), False),
        ("--ignore", _split(lint.ignore), False),
        (f"{where} 'select'", config.select or (), config.select == () and not lint.select),
        (f"{where} 'extend-select'", config.extend_select, False),
        (f"{where} 'ignore'", config.ignore, False),
    ]
    for label, selectors, required in sources:
        if required and not selectors:
            raise ConfigError(
                f"{label} is empty: name the rules to run (leave it out for the defaults)"
            )
        for selector in selectors:
            try:
                select_rules(rules, [selector])
            except ConfigError:
                raise ConfigError(
                    f"{label}: unknown rule {selector.strip()!r}"
                    " (see `prdlint rules` for names, codes and tags)"
                ) from None


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
    return sys.stdout.isatty()


# Formats whose documents declare UTF-8 (JSON by its spec, SARIF, XML and HTML by their
# headers): written as UTF-8 bytes whatever the terminal's encoding, so they stay valid.
UTF8_FORMATS = frozenset({"json", "sarif", "html", "junit", "gitlab"})


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
    if buffer is None:  # a text-only stream (an embedding program's)
        stream.write(data.decode(encoding))
        stream.flush()
        return
    stream.flush()
    buffer.write(data)
    buffer.flush()


def refuse_overwriting_inputs(output: Path | None, inputs: Iterable[Path]) -> None:
    """PrdlintError when --output names one of the files being linted."""
    if output is None or not output.exists():
        return
    for path in inputs:
        try:
            same = os.path.samefile(output, path)  # also through a symlink or hard link
        except OSError:
            continue
        if same:
            raise PrdlintError(f"{output}: --output would overwrite an input file; name another")


def exit_code(report: Report, fail_on: Severity) -> int:
    if report.problems:
        return EXIT_ERROR
    if any(f.severity >= fail_on for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def report_problems(report: Report) -> None:
    for problem in report.problems:
        click.echo(f"prdlint: error: {one_line(str(problem))}", err=True)
    for notice in report.notices:
        click.echo(f"prdlint: notice: {one_line(str(notice))}", err=True)
