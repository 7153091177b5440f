"""Fixture documents carry their expected findings (markdownlint style).

Each `tests/fixtures/<rule-name>[.variant].md` is linted with that one rule, as a user who
did not select it by name would run it; a line ending in `<!-- expect: rule-name -->` must
get exactly that finding and no other line may get one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prdlint.engine import Linter, LintSettings
from prdlint.readers.markdown import read_markdown
from tests.helpers import rules_named

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.md"))
_EXPECT = re.compile(r"<!--\s*expect:\s*([\w\s,-]+?)\s*-->")


def expected(text: str) -> set[tuple[int, str]]:
    found = set()
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _EXPECT.finditer(line):
            found |= {(number, name.strip()) for name in match.group(1).split(",")}
    return found


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_findings_match_their_markers(path: Path) -> None:
    rule = path.name.split(".")[0]
    text = path.read_text(encoding="utf-8")
    findings = Linter(rules_named(rule), LintSettings()).lint(read_markdown(text, path.name))
    assert {(f.location.line, f.rule) for f in findings} == expected(text)


def test_every_fixture_names_a_rule() -> None:
    names = {path.name.split(".")[0] for path in FIXTURES}
    assert names == {rule.name for rule in rules_named(*names)}


def test_design_documents_are_linted_when_the_rule_is_selected_by_name() -> None:
    path = Path(__file__).parent / "fixtures" / "solution-prescriptive.design-doc.md"
    items = read_markdown(path.read_text(encoding="utf-8"), path.name)
    settings = LintSettings(explicit=frozenset({"solution-prescriptive"}))
    findings = Linter(rules_named("solution-prescriptive"), settings).lint(items)
    assert [(f.location.line, f.snippet) for f in findings] == [
        (10, "Kubernetes"),  # one finding a line: PostgreSQL beside it is the same rewrite
        (11, "Redis"),
    ]  # "caches" as a verb is the wish for a copy, not a caching layer
