"""The plugin's own suite: its rules' bad examples fire and its good ones do not, checked
with prdlint.testing as prdlint checks its own rules (`pytest examples/plugin/tests`)."""

from __future__ import annotations

import pytest
from prdlint_example import load_rules

from prdlint.testing import ExampleCase, ExampleFailure, assert_examples, example_cases, fires


def test_every_example_behaves() -> None:
    assert_examples(load_rules())


@pytest.mark.parametrize("case", example_cases(load_rules()), ids=lambda c: c.id)
def test_example(case: ExampleCase) -> None:
    fired = fires(case.rule, case.example)
    assert fired == (case.verdict == "bad"), ExampleFailure(case).describe()
