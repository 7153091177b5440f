"""Every way a finding is dropped after the engine, in one ordered pass.

1. Inline directives (`<!-- prdlint-disable ... -->`), read by the markdown reader as
   frozen data on the document item (prdlint/suppressions.py).
2. `per-file-ignores` (config).
3. The baseline (`--baseline`): findings recorded earlier are not reported again.

After step 1 the pass emits `invalid-suppression` and `unused-suppression` itself, on
ruff's check_noqa model: a directive is used when it silenced a finding of a rule that ran.
Those findings then meet steps 2 and 3 like any other, so a per-file-ignore or a baseline
entry can quiet them too. What a Jira label asks to skip is item data: the engine never
runs the rule on that item, so it is not a filter here.

This module imports neither the engine nor the registry: it is given the rules that ran
and the names of every rule installed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from prdlint.baseline import unrecorded
from prdlint.model import Finding, Hit, Item, ItemRef, Location, Part, Severity
from prdlint.per_file_ignores import PerFileIgnores
from prdlint.rule import Rule
from prdlint.suppressions import (
    DIRECTIVES_FIELD,
    INVALID_RULE,
    UNUSED_RULE,
    Directive,
    Suppressions,
    build,
)

DIRECTIVE = "directive"
PER_FILE_IGNORE = "per-file-ignores"
BASELINE = "baseline"


@dataclass(frozen=True, slots=True)
class DocumentDirectives:
    """The directives of one linted document, kept after its items are gone."""

    document: ItemRef
    directives: tuple[Directive, ...]


def directives_of(items: Iterable[Item]) -> list[DocumentDirectives]:
    """The directives the reader put on each document item among `items` (every document,
    so that the pass also knows the run's order of files)."""
    return [
        DocumentDirectives(ItemRef.of(item), item.fields.get(DIRECTIVES_FIELD, ()))
        for item in items
        if item.kind == "document"
    ]


@dataclass(frozen=True)
class FilterSettings:
    rules: Mapping[str, Rule]  # the rules that ran, by name
    known: frozenset[str] = frozenset()  # casefolded names and codes of every installed rule
    severity: Mapping[str, Severity] = field(default_factory=dict)  # rule name -> override
    per_file_ignores: PerFileIgnores | None = None
    baseline: frozenset[str] | None = None  # fingerprints recorded in the baseline file

    @classmethod
    def for_rules(
        cls, rules: Iterable[Rule], severity: Mapping[str, Severity] | None = None
    ) -> FilterSettings:
        """Directives only, every installed rule taken to be among `rules`."""
        ran = {r.name: r for r in rules}
        known = frozenset(key.casefold() for r in ran.values() for key in (r.name, r.code))
        return cls(ran, known, severity or {})


@dataclass(frozen=True)
class Filtered:
    findings: list[Finding]  # what the run reports
    recorded: list[Finding]  # what passed steps 1 and 2: what --write-baseline records
    dropped: Mapping[str, int]  # step -> findings it dropped


def apply(
    findings: Sequence[Finding],
    documents: Sequence[DocumentDirectives],
    settings: FilterSettings,
) -> Filtered:
    """The ordered pass: directives, then per-file-ignores, then the baseline."""
    kept, directive_findings = _directives(findings, documents, settings)
    dropped = {DIRECTIVE: len(findings) - len(kept)}
    kept = _in_order(kept, directive_findings, documents)
    ignores = settings.per_file_ignores
    if ignores:
        before = len(kept)
        kept = ignores.filter(kept)
        dropped[PER_FILE_IGNORE] = before - len(kept)
    recorded = kept
    if settings.baseline is not None:
        kept = unrecorded(kept, settings.baseline)
        dropped[BASELINE] = len(recorded) - len(kept)
    return Filtered(kept, recorded, dropped)


def _directives(
    findings: Sequence[Finding],
    documents: Sequence[DocumentDirectives],
    settings: FilterSettings,
) -> tuple[list[Finding], list[Finding]]:
    """Findings no directive silences, and the directive findings (invalid, unused)."""
    documents = [doc for doc in documents if doc.directives]
    if not documents:
        return list(findings), []
    lookups = {doc.document.source.path: build(doc.directives) for doc in documents}
    used: dict[str | None, set[int]] = {path: set() for path in lookups}
    kept = []
    for finding in findings:
        path = finding.location.path
        lookup = lookups.get(path)
        line = finding.location.line
        index = None if lookup is None else lookup.silencer(finding.rule, finding.code, line)
        if index is None:
            kept.append(finding)
        else:
            used[path].add(index)
    emitted = [
        _directive_finding(settings, doc.document, directive, rule, message)
        for doc in documents
        for rule, directive, message in _problems(
            lookups[doc.document.source.path], used[doc.document.source.path], settings
        )
    ]
    return kept, emitted


def _problems(
    suppressions: Suppressions, used: set[int], settings: FilterSettings
) -> Iterator[tuple[Rule, Directive, str]]:
    invalid = settings.rules.get(INVALID_RULE)
    unused = settings.rules.get(UNUSED_RULE)
    known = settings.known or frozenset(
        key.casefold() for r in settings.rules.values() for key in (r.name, r.code)
    )
    ran = frozenset(key.casefold() for r in settings.rules.values() for key in (r.name, r.code))
    for index, directive in enumerate(suppressions.directives):
        if invalid is not None:
            for key in directive.rules:
                if key not in known:
                    yield invalid, directive, f"unknown rule {key!r} in prdlint-{directive.kind}"
        # A rule that did not run this time cannot prove the directive useless.
        if (
            unused is not None
            and directive.kind != "enable"
            and index not in used
            and all(key in ran for key in directive.rules)
        ):
            yield unused, directive, f"prdlint-{directive.kind} silences nothing here"


def _directive_finding(
    settings: FilterSettings, document: ItemRef, directive: Directive, rule: Rule, message: str
) -> Finding:
    text = directive.text
    part = Part.at(DIRECTIVE, text, directive.line, directive.column)
    end_line, end_column = part.position(max(len(text) - 1, 0))
    hit = Hit(part=part, start=0, end=len(text), message=message)
    source = document.source
    location = Location(
        source.path, directive.line, directive.column, end_line, end_column + 1, source.issue
    )
    return Finding(
        rule=rule.name,
        code=rule.code,
        severity=settings.severity.get(rule.name, rule.severity),
        message=rule.format_message(hit, text),
        location=location,
        item=document,
        snippet=text,
        context=text,
        span=(0, len(text)),
        rule_source=rule.source,
    )


def _in_order(
    kept: list[Finding], added: list[Finding], documents: Sequence[DocumentDirectives]
) -> list[Finding]:
    """Directive findings merged into their file's findings, files staying in run order."""
    if not added:
        return kept
    rank: dict[str | None, int] = {}
    for doc in documents:
        rank.setdefault(doc.document.source.path, len(rank))
    for finding in kept:
        rank.setdefault(finding.location.path, len(rank))
    merged = [*kept, *added]
    merged.sort(key=lambda f: (rank[f.location.path], f.sort_key))
    return merged
