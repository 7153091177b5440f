"""One run of prdlint, from config and sources to a Report, for every command that lints.

A Session is the run's config (file merged with flags), its rules and their settings.
`lint_files` (paths, standard input, exports) and `lint_items` (a stream of items, such as
a live Jira query) read and lint, then send the engine's findings through the one filter
pass (prdlint/filters.py). Both return an Outcome: the Report to emit, which says its
source, and the findings a --write-baseline records. Emitting and exiting stay with the
commands."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from prdlint import filters
from prdlint.config import Config, ConfigFinder, load_config
from prdlint.engine import Linter, LintSettings
from prdlint.errors import ConfigError, PrdlintError
from prdlint.filters import DocumentDirectives, FilterSettings
from prdlint.model import Finding, Item, Report, Severity
from prdlint.parallel import lint_each
from prdlint.per_file_ignores import PerFileIgnores
from prdlint.progress import Progress
from prdlint.registry import Selection, all_rules, select_rules
from prdlint.rule import Rule
from prdlint.runner import Target, collect_targets, lint_targets

PROGRESS_FROM = 20  # files; fewer finish before a bar is worth drawing


@dataclass(frozen=True)
class RunOptions:
    """What the command line may set over the config file (flags win)."""

    config_path: Path | None = None
    select: tuple[str, ...] = ()
    select_given: bool = False  # --select was given (so an empty one is an error)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    rule_packs: tuple[Path, ...] = ()
    start: Path | None = None  # where the config search starts (default: the current dir)
    # Files are linted with their own project's config, found from each file (--config: the
    # one given); the current directory's config serves standard input and Jira.


@dataclass(frozen=True)
class Outcome:
    report: Report  # what the run reports: after directives, per-file-ignores, baseline
    recorded: list[Finding]  # what passed directives and per-file-ignores (--write-baseline)
    fails: bool | None = None  # a finding at or above its project's fail-on (None: not known)


def _merged(config: Config, options: RunOptions) -> Config:
    if options.rule_packs:
        config = replace(config, rule_packs=(*config.rule_packs, *options.rule_packs))
    if options.select:
        config = replace(config, select=options.select)
    if options.extend_select:
        config = replace(config, extend_select=(*config.extend_select, *options.extend_select))
    if options.ignore:
        config = replace(config, ignore=(*config.ignore, *options.ignore))
    if options.fail_on:
        config = replace(config, fail_on=Severity.parse(options.fail_on))
    return config


def _check_selectors(rules: Sequence[Rule], config: Config, options: RunOptions) -> None:
    """Every selector known, each error naming where it was written (the flag, or the
    config file and key); an empty selection is an error, not a run of no rules."""
    where = f"{config.path}: key" if config.path else "config key"
    sources: list[tuple[str, tuple[str, ...], bool]] = [
        ("--select", options.select, options.select_given),
        ("--extend-select", options.extend_select, False),
        ("--ignore", options.ignore, False),
        (f"{where} 'select'", config.select or (), config.select == () and not options.select),
        (f"{where} 'extend-select'", config.extend_select, False),
        (f"{where} 'ignore'", config.ignore, False),
    ]
    for label, selectors, required in sources:
        if required and not selectors:
            raise ConfigError(f"{label} is empty: {EMPTY_SELECTION}")
        for selector in selectors:
            try:
                select_rules(rules, [selector])
            except ConfigError:
                raise ConfigError(
                    f"{label}: unknown rule {selector.strip()!r}"
                    " (see `prdlint rules` for names, codes and tags)"
                ) from None


EMPTY_SELECTION = "name the rules to run (leave it out for the defaults)"


@dataclass(frozen=True)
class Session:
    config: Config
    selection: Selection
    settings: LintSettings
    known: tuple[Rule, ...] = ()  # every installed rule, selected or not
    options: RunOptions = RunOptions()

    @classmethod
    def start(cls, options: RunOptions) -> Session:
        """The config merged with the flags, and the rules the run uses."""
        return cls.of(load_config(options.config_path, options.start), options)

    @classmethod
    def of(cls, loaded: Config, options: RunOptions) -> Session:
        """The session of one project's config, merged with the flags."""
        config = _merged(loaded, options)
        rules = all_rules(config.rule_packs)
        _check_selectors(rules, loaded, options)
        selection = select_rules(rules, config.select, config.ignore, config.extend_select)
        names = {r.name for r in rules}
        for name in [*config.severity, *config.options]:
            if name not in names:
                where = config.path or "config"
                raise ConfigError(f"{where}: unknown rule {name!r} in rule settings")
        check_options(config, {r.name: r for r in rules})
        settings = LintSettings(
            severity=config.severity,
            options=config.options,
            allow_terms=config.allow_terms,
            explicit=selection.explicit,
        )
        return cls(config, selection, settings, tuple(rules), options)

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self.selection.rules

    def linter(self) -> Linter:
        return Linter(self.rules, self.settings)

    def filters(
        self, baseline: frozenset[str] | None = None, reported_from: Path | None = None
    ) -> FilterSettings:
        """The filter pass of this run: directives, per-file-ignores, then `baseline`.
        Reported paths are relative to `reported_from` (default: the current directory)."""
        ignores = PerFileIgnores(
            self.config.per_file_ignores,
            self.known,
            str(self.config.path or "config"),
            self.config.folder,
            reported_from,
        )
        return FilterSettings(
            rules={r.name: r for r in self.rules},
            known=frozenset(key.casefold() for r in self.known for key in (r.name, r.code)),
            severity=self.config.severity,
            per_file_ignores=ignores or None,
            baseline=baseline,
        )

    def lint_files(
        self,
        paths: Sequence[str],
        stdin: Callable[[], bytes],
        baseline: frozenset[str] | None = None,
        output: Path | None = None,
    ) -> Outcome:
        """Lint files, directories and `-` (standard input); `output` (the report's file)
        must not be one of them."""
        settings = self.filters(baseline)  # config errors before any file is read
        finder = ConfigFinder(self.config, fixed=self.options.config_path is not None)
        targets, problems = collect_targets(paths, finder.for_file)
        refuse_overwriting_inputs(output, (t.path for t in targets if t.path is not None))
        runs = self._projects(targets, baseline, settings)  # every config checked first
        outcomes = [session.lint_targets(group, stdin, ran) for session, ran, group in runs]
        outcome = outcomes[0] if len(outcomes) == 1 else _joined(outcomes)
        outcome.report.problems[:0] = problems
        return outcome

    def _projects(
        self, targets: Sequence[Target], baseline: frozenset[str] | None, settings: FilterSettings
    ) -> list[tuple[Session, FilterSettings, list[Target]]]:
        """The targets grouped by their project's config (in run order), each group with
        its session and filter pass; this session for standard input and its own files."""
        sessions: dict[Path | None, tuple[Session, FilterSettings]] = {
            _key(self.config): (self, settings)
        }
        groups: dict[Path | None, list[Target]] = {}
        for target in targets:
            config = target.config or self.config
            key = _key(config)
            if key not in sessions:
                session = Session.of(config, self.options)
                sessions[key] = (session, session.filters(baseline))
            groups.setdefault(key, []).append(target)
        if not groups:
            return [(self, settings, [])]
        return [(*sessions[key], group) for key, group in groups.items()]

    def lint_targets(
        self,
        targets: Sequence[Target],
        stdin: Callable[[], bytes],
        settings: FilterSettings | None = None,
    ) -> Outcome:
        """Read and lint targets already chosen (an editor's buffer is one, read by stdin)."""
        settings = settings or self.filters()
        progress = Progress("files", len(targets)) if len(targets) >= PROGRESS_FROM else None
        documents: list[DocumentDirectives] = []
        linter = self.linter()
        report = lint_targets(
            targets,
            self.rules,
            linter,
            self.config,
            stdin,
            on_file=(lambda _: progress.advance()) if progress else None,
            documents=documents,
            each=lint_each(targets, linter, self.config.read_settings, stdin),
        )
        if progress:
            progress.close()
        return _filtered(report, documents, settings, self.config.fail_on)

    def lint_stream(self, items: Iterable[Item], settings: FilterSettings | None = None) -> Outcome:
        """Lint one source that arrives in pieces (a live Jira query), never holding it."""
        settings = settings or self.filters()
        linter = self.linter()
        findings, refs = linter.lint_stream(items)
        rules = {r.name: r for r in self.rules}
        report = Report(findings, refs, 0, rules, notices=linter.left_out, source="jira")
        return _filtered(report, [], settings, self.config.fail_on)


def _key(config: Config) -> Path | None:
    return None if config.path is None else Path(os.path.abspath(config.path))


def _joined(outcomes: Sequence[Outcome]) -> Outcome:
    """One outcome for the projects of one run, in run order."""
    reports = [o.report for o in outcomes]
    report = Report(
        findings=[f for r in reports for f in r.findings],
        items=[i for r in reports for i in r.items],
        files=sum(r.files for r in reports),
        rules={name: rule for r in reports for name, rule in r.rules.items()},
        problems=[p for r in reports for p in r.problems],
        notices=[n for r in reports for n in r.notices],
    )
    recorded = [f for o in outcomes for f in o.recorded]
    return Outcome(report, recorded, any(o.fails for o in outcomes))


_KINDS: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "true or false"),
    (int, "a whole number"),
    (float, "a number"),
    (str, "a string"),
    (list, "a list"),
    (dict, "a table"),
)


def _fits(value: Any, default: Any) -> str | None:
    """None when `value` has the declared option's kind, else that kind in words."""
    for kind, words in _KINDS:
        if isinstance(default, kind):
            if kind is float:
                kind = (int, float)  # 1 is a fine value for a 0.8 default
            ok = isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
            return None if ok else words
    return None  # a default of another kind (None): any value


def check_options(config: Config, rules: Mapping[str, Rule]) -> None:
    """Every option in config is one its rule declares, of the declared kind: a misspelt
    key or a wrong value is a one-line ConfigError naming the file, rule and key, before
    any file is read (it used to be ignored, or to fail mid-run)."""
    where = config.path or "config"
    for name, given in config.options.items():
        declared = rules[name].options
        for key, value in given.items():
            if key not in declared:
                known = ", ".join(sorted(declared)) or "none"
                raise ConfigError(
                    f"{where}: key 'options.{name}.{key}': rule {name} has no option {key!r}"
                    f" (its options: {known})"
                )
            wanted = _fits(value, declared[key])
            if wanted is not None:
                raise ConfigError(
                    f"{where}: key 'options.{name}.{key}': must be {wanted}"
                    f" (default {declared[key]!r}), not {value!r}"
                )


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


def _filtered(
    report: Report,
    documents: Sequence[DocumentDirectives],
    settings: FilterSettings,
    fail_on: Severity,
) -> Outcome:
    result = filters.apply(report.findings, documents, settings)
    fails = any(f.severity >= fail_on for f in result.findings)
    return Outcome(replace(report, findings=result.findings), result.recorded, fails)


def lint_items(
    linter: Linter, items: Sequence[Item], installed: Iterable[Rule] = ()
) -> list[Finding]:
    """Findings for items in memory as a run would report them: directives applied, and
    a directive naming a rule outside `installed` (default: the linter's) is invalid."""
    settings = FilterSettings.for_rules(linter.rules, linter.settings.severity)
    known = frozenset(key.casefold() for r in installed for key in (r.name, r.code))
    settings = replace(settings, known=settings.known | known)
    return filters.apply(linter.lint(items), filters.directives_of(items), settings).findings
