"""A fixed report for the CI formatter tests, built straight from the model: two file
findings, one Jira finding with no path, one clean item."""

from __future__ import annotations

from collections.abc import Iterable

from prdlint.model import Finding, Hit, Item, ItemRef, Location, Report, Severity, Source
from prdlint.rule import Example, Rule

PRD = Source("docs/prd.md")
JIRA = Source(None, issue="PROJ-7", url="https://jira.example.com/browse/PROJ-7")


def _no_check(item: Item, ctx: object) -> Iterable[Hit]:
    return ()


def make_rule(code: str, name: str, severity: Severity, category: str) -> Rule:
    return Rule(
        code=code,
        name=name,
        summary=f"Summary of {name}.",
        why=f"Why {name} matters.",
        fix=f"How to fix {name}.",
        severity=severity,
        category=category,
        applies_to=frozenset({"story"}),
        message="{match}",
        check=_no_check,
        bad=(Example(f"Bad {name}."),),
        good=(Example(f"Good {name}."),),
        tags=("core",),
    )


RULES = {
    "database-detail": make_rule("PRD101", "database-detail", Severity.ERROR, "solution"),
    "vague-term": make_rule("PRD105", "vague-term", Severity.WARNING, "clarity"),
    "placeholder": make_rule("PRD108", "placeholder", Severity.INFO, "clarity"),
}

STORY_A = ItemRef("docs/prd.md#story-1", "story", "Order status", None, PRD, 10)
STORY_B = ItemRef("docs/prd.md#story-2", "story", "Quick search", None, PRD, 18)
STORY_C = ItemRef("docs/prd.md#story-3", "story", "Clean story", None, PRD, 30)
ISSUE = ItemRef("PROJ-7", "story", "Export invoices", None, JIRA, 0)

DB = Finding(
    rule="database-detail",
    code="PRD101",
    severity=Severity.ERROR,
    message="Names a table: orders, status",
    location=Location("docs/prd.md", 12, 5, 12, 30),
    item=STORY_A,
    snippet="orders table",
)
VAGUE = Finding(
    rule="vague-term",
    code="PRD105",
    severity=Severity.WARNING,
    message="'fast' is not testable\n100% vague",
    location=Location("docs/prd.md", 20, 7, 20, 11),
    item=STORY_B,
    snippet="fast",
)
TBD = Finding(
    rule="placeholder",
    code="PRD108",
    severity=Severity.INFO,
    message="'TBD' is a placeholder",
    location=Location(None, 4, 9, 4, 12, issue="PROJ-7", field="description", url=JIRA.url),
    item=ISSUE,
    snippet="TBD",
)


def sample_report() -> Report:
    return Report(
        findings=[TBD, VAGUE, DB],
        items=[STORY_A, STORY_B, STORY_C, ISSUE],
        files=1,
        rules=RULES,
    )
