"""Run the selected rules over items and turn their hits into findings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from prdlint.model import Finding, Hit, InputProblem, Item, ItemRef, Location, Part, Severity
from prdlint.rule import Context, Rule

CONTEXT_CHARS = 400  # how much of a part's text a finding keeps for highlighting
# Findings one rule may report on one item: past this, more say nothing new to the author
# and a 9 MB one-line story would build a million of them (minutes, gigabytes).
MAX_FINDINGS_PER_RULE = 100


@dataclass(frozen=True)
class LintSettings:
    severity: Mapping[str, Severity] = field(default_factory=dict)  # rule name -> override
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # rule -> options
    allow_terms: frozenset[str] = frozenset()
    explicit: frozenset[str] = frozenset()  # rule names the user selected by name


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
        self.rules = tuple(rules)
        self.item_rules = [r for r in rules if r.scope == "item"]
        self.backlog_rules = [r for r in rules if r.scope == "backlog"]
        self._severity = {r.name: self.settings.severity.get(r.name, r.severity) for r in rules}
        self._running = frozenset(r.name for r in rules)
        self._contexts = {r.name: self._context(r) for r in rules}
        self._by_kind: dict[str, list[tuple[Rule, Context]]] = {}
        self.left_out: list[InputProblem] = []  # notices: findings over the cap, per item

    def _context(self, rule: Rule) -> Context:
        options = {**rule.options, **self.settings.options.get(rule.name, {})}
        return Context(
            options=options,
            allow_terms=self.settings.allow_terms,
            explicitly_selected=rule.name in self.settings.explicit,
            running=self._running,
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

    def lint(self, items: Sequence[Item], backlog: bool = True) -> list[Finding]:
        """Findings for one batch of items (a file, or one Jira result set). With
        `backlog=False` the backlog rules wait: the caller gathers `backlog_items` of
        every batch of the run and calls `lint_backlog` once."""
        self._share(items)
        findings: list[Finding] = []
        # Item by item (not rule by rule), so the rules of one item share its memoised
        # story parse while it is still in the cache.
        for item in items:
            findings.extend(self._item_findings(item))
        if not backlog:
            findings.sort(key=lambda f: f.sort_key)
            return findings
        return self._finish(findings, items)

    def lint_slice(self, items: Sequence[Item], start: int, stop: int) -> list[Finding]:
        """The item rules' findings for `items[start:stop]`, in item order, not sorted:
        one slice of a large batch linted on another core, with the whole batch's maps."""
        self._share(items)
        return [f for item in items[start:stop] for f in self._item_findings(item)]

    def backlog_items(self, items: Iterable[Item]) -> list[Item]:
        """The compact copies of `items` that the backlog rules compare (only the kinds
        they read, only the parts they read), to keep across the batches of a run."""
        kinds = {kind for rule in self.backlog_rules for kind in rule.applies_to}
        return [_slim(item) for item in items if item.kind in kinds]

    def lint_backlog(self, items: Sequence[Item]) -> list[Finding]:
        """The backlog rules' findings over `backlog_items` gathered from a whole run."""
        return self._finish([], items)

    def lint_stream(self, items: Iterable[Item]) -> tuple[list[Finding], list[ItemRef]]:
        """Lint one source that arrives in pieces (a Jira result, page by page) without
        holding it: each story is linted as it comes and only a slim copy stays for the
        epics (linted last, when all their children are known) and the backlog rules."""
        findings: list[Finding] = []
        refs: list[ItemRef] = []
        epics: list[Item] = []
        kept: list[Item] = []
        for item in items:
            refs.append(ItemRef.of(item))
            if item.kind == "epic":
                epics.append(item)
                continue
            findings.extend(self._item_findings(item))
            kept.append(_slim(item))
        batch = [*epics, *kept]
        self._share(batch)
        for epic in epics:
            findings.extend(self._item_findings(epic))
        return self._finish(findings, batch), refs

    def _share(self, items: Sequence[Item]) -> None:
        """Give every item rule the batch's epic -> children and path -> document maps."""
        children: dict[str, list[Item]] = {}
        for item in items:
            if item.parent is not None:
                children.setdefault(item.parent, []).append(item)
        documents = {i.source.path or "": i for i in items if i.kind == "document"}
        for rule in self.item_rules:
            self._contexts[rule.name].children = children
            self._contexts[rule.name].documents = documents

    def _item_findings(self, item: Item) -> Iterator[Finding]:
        for rule, ctx in self._rules_for(item.kind):
            if item.fields.get("suppressed") and _suppressed(item, rule):
                continue
            hits = iter(rule.check(item, ctx))
            for shown, hit in enumerate(hits):
                if shown == MAX_FINDINGS_PER_RULE:
                    self._leave_out(rule, item, 1 + sum(1 for _ in hits))
                    break
                yield self.finding(rule, item, hit)

    def _leave_out(self, rule: Rule, item: Item, count: int) -> None:
        where = item.source.issue or f"{item.source.path or '<stdin>'}:{item.line}"
        self.left_out.append(
            InputProblem(
                where,
                f"{rule.name} found {count} more in this item, left out "
                f"(the first {MAX_FINDINGS_PER_RULE} are shown)",
            )
        )

    def _finish(self, findings: list[Finding], items: Sequence[Item]) -> list[Finding]:
        for rule in self.backlog_rules:
            ctx = self._contexts[rule.name]
            applicable = [
                i for i in items if i.kind in rule.applies_to and not _suppressed(i, rule)
            ]
            if applicable:
                findings.extend(self._backlog_findings(rule, applicable, ctx))
        findings.sort(key=lambda f: f.sort_key)
        return findings

    def _backlog_findings(
        self, rule: Rule, items: Sequence[Item], ctx: Context
    ) -> Iterable[Finding]:
        for hit in rule.check(items, ctx):
            if hit.item is not None:
                yield self.finding(rule, hit.item, hit)


# What a linted item keeps for the rules that look across items: its identity, its story
# or requirement sentence (duplicates, templates) and whether it has criteria (epics).
_SLIM_FIELDS = ("title", "story", "requirement")


def _slim(item: Item) -> Item:
    parts = [p for p in item.parts if p.field in _SLIM_FIELDS]
    parts.extend(item.criteria[:1])
    return replace(item, parts=tuple(parts))


def _suppressed(item: Item, rule: Rule) -> bool:
    names = item.fields.get("suppressed") or ()
    return rule.name in names or rule.code in names or "*" in names
