"""Run rules' documented examples as tests: every bad example must make its rule fire and
every good one must not (pylint's functional-test habit).

A small public API, for prdlint's own suite, `prdlint rules --check-examples` and a
plugin's or rule pack's own tests:

    from prdlint.registry import load_packs
    from prdlint.testing import assert_examples

    def test_our_rules_examples() -> None:
        assert_examples(load_packs([Path("prdlint-rules")]))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from prdlint.engine import Linter, LintSettings
from prdlint.model import Item
from prdlint.printable import one_line
from prdlint.readers.markdown import read_markdown
from prdlint.readers.storylist import read_story_list
from prdlint.rule import Example, Rule
from prdlint.session import lint_items

__all__ = [
    "ExampleCase",
    "ExampleFailure",
    "assert_examples",
    "check_examples",
    "example_cases",
    "fires",
]

Verdict = Literal["bad", "good"]
_SHOWN = 60  # characters of an example quoted in a failure line


@dataclass(frozen=True, slots=True)
class ExampleCase:
    """One documented example of one rule; `index` counts from 1 within its verdict."""

    rule: Rule
    verdict: Verdict
    index: int
    example: Example

    @property
    def id(self) -> str:
        """A stable pytest id: `rule-name-bad-1`."""
        return f"{self.rule.name}-{self.verdict}-{self.index}"


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    """An example that misbehaves: a bad one that does not fire, a good one that does, or
    one on which the rule's check raises (`error` says what it raised)."""

    case: ExampleCase
    error: str | None = None

    @property
    def rule(self) -> Rule:
        return self.case.rule

    def describe(self) -> str:
        """One line naming where the rule comes from (a pack's file), the rule and the example."""
        case = self.case
        problem = "does not fire" if case.verdict == "bad" else "fires"
        if self.error is not None:
            problem = f"raises {self.error}"
        return (
            f"{case.rule.source}: {case.rule.code} {case.rule.name}:"
            f" {case.verdict} example {case.index} {problem}: {_quote(case.example.text)}"
        )


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= _SHOWN else flat[: _SHOWN - 3] + "...")


def example_cases(rules: Iterable[Rule]) -> list[ExampleCase]:
    """Every bad and good example of the rules, in order (for `pytest.mark.parametrize`)."""
    return [
        ExampleCase(rule, verdict, index, example)
        for rule in rules
        for verdict, examples in _by_verdict(rule)
        for index, example in enumerate(examples, start=1)
    ]


def _by_verdict(rule: Rule) -> tuple[tuple[Verdict, tuple[Example, ...]], ...]:
    return (("bad", rule.bad), ("good", rule.good))


def _items(example: Example) -> list[Item]:
    if example.format == "markdown":
        return read_markdown(example.text, "example.md")
    return read_story_list(example.text, "example.txt")


def fires(rule: Rule, example: Example, installed: Iterable[Rule] = ()) -> bool:
    """Whether the rule reports the example, as a run selecting only this rule would.
    `installed` are the rules an inline directive in the example may name validly."""
    linter = Linter([rule], LintSettings(explicit=frozenset({rule.name})))
    return any(f.rule == rule.name for f in lint_items(linter, _items(example), installed))


def _misbehaving(
    cases: Iterable[ExampleCase], installed: Sequence[Rule]
) -> Iterator[ExampleFailure]:
    for case in cases:
        try:
            fired = fires(case.rule, case.example, installed)
        except Exception as error:  # a plugin's bug: name the rule and example, keep checking
            yield ExampleFailure(case, one_line(f"{type(error).__name__}: {error}"))
            continue
        if fired != (case.verdict == "bad"):
            yield ExampleFailure(case)


def check_examples(
    rules: Iterable[Rule], installed: Iterable[Rule] | None = None
) -> list[ExampleFailure]:
    """The examples of the rules that misbehave (empty when all behave). `installed`
    (default: the rules themselves) are the rules inline directives may name."""
    checked = list(rules)
    known = checked if installed is None else [*installed, *checked]
    return list(_misbehaving(example_cases(checked), known))


def assert_examples(rules: Iterable[Rule], installed: Iterable[Rule] | None = None) -> None:
    """Fail (AssertionError) naming every misbehaving example, one per line."""
    failures = check_examples(rules, installed)
    if failures:
        lines = [failure.describe() for failure in failures]
        raise AssertionError(f"{len(failures)} rule example(s) misbehave:\n" + "\n".join(lines))
