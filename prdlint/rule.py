"""The Rule record and the interface a check implements.

A rule is data (code, name, docs, examples, severity, scope) plus one check. Built-in
rules, YAML packs and Python plugins all produce the same record."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from prdlint.model import Hit, Item, Severity

CODE_PATTERN = re.compile(r"^[A-Z]{2,8}[0-9]{3,4}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

# The categories rules are grouped under in reports; every rule has exactly one.
CATEGORIES = {
    "solution": "solution detail",
    "missing": "missing pieces",
    "clarity": "clarity",
}

ExampleFormat = Literal["story", "markdown"]


@dataclass(frozen=True, slots=True)
class Example:
    """A bad or good example; `format` says how to read it: one story line or a markdown doc."""

    text: str
    format: ExampleFormat = "story"


@dataclass(slots=True)
class Context:
    """What a check may know beyond its item: its options, the user's allowed terms, the
    items around it, and whether the user named this rule explicitly in `select`."""

    options: Mapping[str, Any] = field(default_factory=dict)
    allow_terms: frozenset[str] = frozenset()
    explicitly_selected: bool = False
    running: frozenset[str] = frozenset()  # names of every rule in the run
    children: Mapping[str, Sequence[Item]] = field(default_factory=dict)
    documents: Mapping[str, Item] = field(default_factory=dict)  # source path -> document

    def is_allowed(self, term: str) -> bool:
        return term.casefold() in self.allow_terms

    def children_of(self, item: Item) -> Sequence[Item]:
        return self.children.get(item.id, ())

    def document_of(self, item: Item) -> Item | None:
        """The document item an item was read from (its outline is in fields["headings"])."""
        return self.documents.get(item.source.path or "")


ItemCheck = Callable[[Item, Context], Iterable[Hit]]
BacklogCheck = Callable[[Sequence[Item], Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """One rule. `check` takes an item (scope "item") or all items of one source
    (scope "backlog") and yields Hits; `message` is a str.format template over the
    hit's `values` plus `{match}` (the matched text)."""

    code: str
    name: str
    summary: str
    why: str
    fix: str
    severity: Severity
    category: str
    applies_to: frozenset[str]
    message: str
    check: Callable[..., Iterable[Hit]]
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    tags: tuple[str, ...] = ()
    scope: Literal["item", "backlog"] = "item"
    enabled_by_default: bool = True
    options: Mapping[str, Any] = field(default_factory=dict)
    source: str = "prdlint"

    @property
    def all_tags(self) -> tuple[str, ...]:
        return (self.category, *self.tags)

    def format_message(self, hit: Hit, match: str) -> str:
        if hit.message is not None:
            return hit.message
        try:
            return self.message.format_map({"match": match, **hit.values})
        except (KeyError, IndexError, ValueError):
            return self.message


def validate_rule(rule: Rule) -> list[str]:
    """Problems with a rule's metadata, each as one phrase; empty when the rule is sound."""
    problems = []
    if not CODE_PATTERN.match(rule.code):
        problems.append(f"code {rule.code!r} must be 2-8 capitals and 3-4 digits, e.g. PRD101")
    if not NAME_PATTERN.match(rule.name):
        problems.append(f"name {rule.name!r} must be kebab-case")
    if rule.category not in CATEGORIES:
        problems.append(f"category {rule.category!r} must be one of {', '.join(CATEGORIES)}")
    for key in ("summary", "why", "fix", "message"):
        if not getattr(rule, key).strip():
            problems.append(f"{key} is empty")
    if not rule.bad or not rule.good:
        problems.append("needs at least one bad and one good example")
    return problems
