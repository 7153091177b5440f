"""Run the selected rules over items and turn their hits into findings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from prdlint import suppressions
from prdlint.model import Finding, Hit, Item, ItemRef, Location, Part, Severity
from prdlint.rule import Context, Rule

CONTEXT_CHARS = 400  # how much of a part's text a finding keeps for highlighting


@dataclass(frozen=True)
class LintSettings:
    severity: Mapping[str, Severity] = field(default_factory=dict)  # rule name -> override
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # rule -> options
    allow_terms: frozenset[str] = frozenset()
    explicit: frozenset[str] = frozenset()  # rule names the user selected by name
    known_rules: frozenset[str] = frozenset()  # every rule name and code (casefolded) in the run


def _clip(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    if len(text) <= CONTEXT_CHARS:
        return text, (start, end)
    begin = max(0, min(start - CONTEXT_CHARS // 3, len(text) - CONTEXT_CHARS))
    return text[begin : begin + CONTEXT_CHARS], (
        start - begin,
        min(end, begin + CONTEXT_CHARS) - begin,
    )


def _location(item: Item, part: Part | None, start: int, end: int) -> Location:
    source = item.source
    if part is None:
        line, column = item.line, 1
        end_line, end_column = line, 1
        field_name = None
    else:
        line, column = part.position(start)
        last = max(end - 1, start)
        end_line, end_column = part.position(last)
        # Exclusive end: one past the last character, unless that character is the line
        # break itself (a span ending at a soft break ends at the end of its line).
        end_column += 1 if end > start and part.text[last : last + 1] != "\n" else 0
        field_name = (part.origin or part.field) if source.issue else None
    return Location(
        source.path, line, column, end_line, end_column, source.issue, field_name, source.url
    )


class Linter:
    """Applies a fixed set of rules with the user's settings to batches of items."""

    def __init__(self, rules: Sequence[Rule], settings: LintSettings | None = None) -> None:
        self.settings = settings or LintSettings()
        self.item_rules = [r for r in rules if r.scope == "item"]
        self.backlog_rules = [r for r in rules if r.scope == "backlog"]
        self._severity = {r.name: self.settings.severity.get(r.name, r.severity) for r in rules}
        self._contexts = {r.name: self._context(r) for r in rules}
        self._by_kind: dict[str, list[tuple[Rule, Context]]] = {}

    def _context(self, rule: Rule) -> Context:
        options = {**rule.options, **self.settings.options.get(rule.name, {})}
        return Context(
            options=options,
            allow_terms=self.settings.allow_terms,
            explicitly_selected=rule.name in self.settings.explicit,
        )

    def _rules_for(self, kind: str) -> list[tuple[Rule, Context]]:
        """The item rules that apply to items of `kind`, in rule order (computed once)."""
        found = self._by_kind.get(kind)
        if found is None:
            found = [(r, self._contexts[r.name]) for r in self.item_rules if kind in r.applies_to]
            self._by_kind[kind] = found
        return found

    def finding(self, rule: Rule, item: Item, hit: Hit) -> Finding:
        part = hit.part
        if part is not None:
            start, end = hit.start, max(hit.end, hit.start)
            snippet = part.text[start:end]
            context, span = _clip(part.text, start, end)
        else:
            start = end = 0
            snippet, context, span = item.title, "", (0, 0)
        return Finding(
            rule=rule.name,
            code=rule.code,
            severity=self._severity[rule.name],
            message=rule.format_message(hit, snippet),
            location=_location(item, part, start, end),
            item=ItemRef.of(item),
            snippet=snippet,
            context=context,
            span=span,
            rule_source=rule.source,
        )

    def lint(self, items: Sequence[Item]) -> list[Finding]:
        """Findings for one batch of items (a file, or one Jira result set)."""
        children: dict[str, list[Item]] = {}
        for item in items:
            if item.parent is not None:
                children.setdefault(item.parent, []).append(item)
        documents = {i.source.path or "": i for i in items if i.kind == "document"}
        findings: list[Finding] = []
        for rule in self.item_rules:
            self._contexts[rule.name].children = children
            self._contexts[rule.name].documents = documents
        # Item by item (not rule by rule), so the rules of one item share its memoised
        # story parse while it is still in the cache.
        for item in items:
            for rule, ctx in self._rules_for(item.kind):
                if item.fields.get("suppressed") and _suppressed(item, rule):
                    continue
                findings.extend(self.finding(rule, item, hit) for hit in rule.check(item, ctx))
        for rule in self.backlog_rules:
            ctx = self._contexts[rule.name]
            applicable = [
                i for i in items if i.kind in rule.applies_to and not _suppressed(i, rule)
            ]
            if applicable:
                findings.extend(self._backlog_findings(rule, applicable, ctx))
        findings = suppressions.apply(findings, items, self)
        findings.sort(key=lambda f: f.sort_key)
        return findings

    def _backlog_findings(
        self, rule: Rule, items: Sequence[Item], ctx: Context
    ) -> Iterable[Finding]:
        for hit in rule.check(items, ctx):
            if hit.item is not None:
                yield self.finding(rule, hit.item, hit)


def _suppressed(item: Item, rule: Rule) -> bool:
    names = item.fields.get("suppressed") or ()
    return rule.name in names or rule.code in names or "*" in names
