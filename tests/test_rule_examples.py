"""Every rule's documented examples are its tests: bad ones fire, good ones stay quiet."""

from __future__ import annotations

import pytest

from prdlint.engine import Linter, LintSettings
from prdlint.readers.markdown import read_markdown
from prdlint.readers.storylist import read_story_list
from prdlint.registry import all_rules
from prdlint.rule import Example, Rule, validate_rule
from prdlint.session import lint_items

RULES = all_rules()


def _lint(rule: Rule, example: Example) -> list[str]:
    if example.format == "markdown":
        items = read_markdown(example.text, "example.md")
    else:
        items = read_story_list(example.text, "example.txt")
    linter = Linter([rule], LintSettings(explicit=frozenset({rule.name})))
    return [f.rule for f in lint_items(linter, items, RULES)]


CASES = [
    pytest.param(rule, example, verdict, id=f"{rule.name}-{verdict}-{index}")
    for rule in RULES
    for verdict, examples in (("bad", rule.bad), ("good", rule.good))
    for index, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "example", "verdict"), CASES)
def test_example(rule: Rule, example: Example, verdict: str) -> None:
    fired = rule.name in _lint(rule, example)
    assert fired == (verdict == "bad"), f"{rule.name} {verdict} example: {example.text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_metadata_is_complete(rule: Rule) -> None:
    assert validate_rule(rule) == []


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


def test_the_ten_core_rules_exist() -> None:
    names = {r.name for r in RULES}
    assert {
        "solution-prescriptive", "database-detail", "ui-detail", "missing-persona",
        "missing-value", "missing-acceptance-criteria", "compound-story", "vague-term",
        "placeholder", "technical-task",
    } <= names  # fmt: skip
