"""Streaming a source through the rules gives the same findings as linting it whole."""

from __future__ import annotations

from prdlint.engine import Linter, LintSettings
from prdlint.model import Item, Part, Source
from prdlint.registry import all_rules, select_rules


def _issue(key: str, kind: str, story: str, parent: str | None = None, criteria: int = 0) -> Item:
    parts = [Part.at("title", story[:40], 1, origin="summary"), Part.at("story", story, 1)]
    parts += [Part.at("criterion", f"criterion {n}", 2 + n) for n in range(criteria)]
    source = Source(None, key, f"https://jira.example.com/browse/{key}")
    return Item(key, kind, story[:40], source, 1, tuple(parts), parent=parent)


ISSUES = [
    _issue("P-1", "story", "As a buyer, I want to pay by card, so that I check out.", "P-9", 1),
    _issue("P-2", "story", "As a buyer, I want my cart cached in Redis, so that it loads.", "P-9"),
    _issue("P-3", "story", "As a buyer, I want to pay by card, so that I check out."),
    _issue("P-9", "epic", "Epic: Payments"),
    _issue("P-8", "epic", "Epic: Refunds"),
]


def test_stream_and_batch_agree_and_epics_see_children_that_came_first() -> None:
    rules = select_rules(all_rules(), None).rules
    batch = Linter(rules, LintSettings()).lint(ISSUES)
    streamed, refs = Linter(rules, LintSettings()).lint_stream(iter(ISSUES))
    summary = [(f.rule, f.item.id, f.location.line) for f in streamed]
    assert summary == [(f.rule, f.item.id, f.location.line) for f in batch]
    assert [r.id for r in refs] == ["P-1", "P-2", "P-3", "P-9", "P-8"]
    # P-9's child P-1 has criteria, so only the childless epic P-8 lacks them.
    epics = [f.item.id for f in streamed if f.rule == "missing-acceptance-criteria"]
    assert "P-8" in epics and "P-9" not in epics
    assert [(f.item.id, f.message) for f in streamed if f.rule == "duplicate-story"] == [
        ("P-1", "nearly duplicates P-3; merge them or say how they differ"),
    ]
