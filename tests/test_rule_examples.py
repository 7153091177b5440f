"""Every rule's documented examples are its tests: bad ones fire, good ones stay quiet."""

from __future__ import annotations

import pytest

from prdlint.registry import all_rules
from prdlint.rule import Rule, validate_rule
from prdlint.testing import ExampleCase, ExampleFailure, example_cases, fires

RULES = all_rules()
CASES = example_cases(RULES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_example(case: ExampleCase) -> None:
    fired = fires(case.rule, case.example, RULES)
    assert fired == (case.verdict == "bad"), ExampleFailure(case).describe()


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
