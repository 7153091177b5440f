"""`prdlint rules --check-examples` and `prdlint.testing`: every rule's bad examples fire and
its good ones do not, for built-ins, packs and plugins; a misbehaving example is named."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdlint.cli import cli
from prdlint.registry import all_rules, find_rule, load_packs
from prdlint.rule import Rule
from prdlint.testing import assert_examples, check_examples, example_cases

WRONG_PACK = """\
rules:
  - code: WRG101
    name: wrong-stack-term
    kind: existence
    category: solution
    severity: warning
    applies-to: [story]
    tokens: [Redis]
    summary: The story names Redis.
    message: "names our stack ('{match}')"
    why: Which datastore carries a change is the team's decision.
    fix: Say what the user needs.
    examples:
      bad:
        - "As a shopper, I want my basket cached in Redis, so that it loads quickly."
        - "As a shopper, I want my basket cached in Memcached, so that it loads quickly."
      good:
        - "As a shopper, I want my basket to open within a second, so that I keep shopping."
        - "As a shopper, I want Redis to keep my basket, so that I can come back to it later."
"""

WRONG_BAD = (
    "wrong.yaml: WRG101 wrong-stack-term: bad example 2 does not fire:"
    " 'As a shopper, I want my basket cached in Memcached, so th...'"
)
WRONG_GOOD = (
    "wrong.yaml: WRG101 wrong-stack-term: good example 2 fires:"
    " 'As a shopper, I want Redis to keep my basket, so that I c...'"
)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["rules", "--check-examples", *args])
    return result.exit_code, result.output


def _plugin_rule() -> Rule:
    rule = find_rule(all_rules(), "EXA101")
    assert rule is not None, "install the example plugin: pip install ./examples/plugin"
    return rule


def test_the_builtin_and_plugin_examples_all_behave(here: Path) -> None:
    rules = all_rules()
    assert _plugin_rule() in rules  # installed plugins are checked too
    code, output = _run()
    assert (code, output) == (
        0,
        f"all {len(example_cases(rules))} examples of {len(rules)} rules behave\n",
    )


def test_a_pack_with_a_wrong_bad_and_a_wrong_good_example_names_both(here: Path) -> None:
    (here / "wrong.yaml").write_text(WRONG_PACK, encoding="utf-8")
    rules = all_rules([Path("wrong.yaml")])
    code, output = _run("--rules", "wrong.yaml")
    assert code == 1
    assert output.splitlines() == [
        WRONG_BAD,
        WRONG_GOOD,
        f"2 of {len(example_cases(rules))} examples misbehave ({len(rules)} rules)",
    ]


def test_a_missing_pack_is_a_usage_error(here: Path) -> None:
    assert _run("--rules", "nope.yaml") == (2, "prdlint: error: nope.yaml: rule pack not found\n")


def test_check_examples_is_text_only(here: Path) -> None:
    code, output = _run("--format", "json")
    assert code == 2
    assert output.splitlines()[-1] == "Error: --check-examples reports as text only"


def test_the_pack_prdlint_init_writes_is_checked(here: Path) -> None:
    assert CliRunner().invoke(cli, ["init"]).exit_code == 0
    code, output = _run()  # the pack is named in the config init wrote
    assert (code, output.startswith("all ")) == (0, True), output
    pack = here / "prdlint-rules" / "our-stack.yaml"
    text = pack.read_text(encoding="utf-8")
    # A team edits the tokens and forgets the examples: Redis is no longer flagged.
    pack.write_text(text.replace("tokens: [Kafka, Postgres, Redis,", "tokens: [Kafka,"), "utf-8")
    code, output = _run()
    assert code == 1
    assert output.splitlines()[0] == (
        "prdlint-rules/our-stack.yaml: OUR101 our-stack-term: bad example 1 does not fire:"
        " 'As a shopper, I want my basket cached in Redis, so that i...'"
    )


def test_the_api_returns_the_failures_of_a_pack(here: Path) -> None:
    (here / "wrong.yaml").write_text(WRONG_PACK, encoding="utf-8")
    failures = check_examples(load_packs([Path("wrong.yaml")]))
    assert [(f.rule.code, f.case.verdict, f.case.index) for f in failures] == [
        ("WRG101", "bad", 2),
        ("WRG101", "good", 2),
    ]
    assert [f.describe() for f in failures] == [WRONG_BAD, WRONG_GOOD]


def test_the_example_plugin_passes_through_prdlint_testing() -> None:
    rule = _plugin_rule()
    assert check_examples([rule]) == []
    assert_examples([rule])  # what a plugin's own test suite calls


def test_assert_examples_fails_naming_each_misbehaving_example() -> None:
    rule = _plugin_rule()
    swapped = replace(rule, bad=rule.good, good=rule.bad)  # every example now misbehaves
    with pytest.raises(AssertionError) as caught:
        assert_examples([swapped])
    lines = str(caught.value).splitlines()
    count = len(rule.bad) + len(rule.good)
    assert lines[0] == f"{count} rule example(s) misbehave:"
    assert lines[1].startswith(
        "plugin prdlint-plugin-example: EXA101 story-mentions-ticket: bad example 1 does not fire: "
    )
    assert len(lines) == count + 1


def test_the_example_plugins_own_suite_passes() -> None:
    # A plugin's suite calls prdlint.testing the way a plugin author would: run it as one.
    suite = Path(__file__).resolve().parents[1] / "examples" / "plugin" / "tests"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(suite)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    cases = len(example_cases([_plugin_rule()]))
    assert f"{cases + 1} passed" in done.stdout


def test_a_check_that_raises_on_an_example_is_named_not_a_crash() -> None:
    rule = _plugin_rule()

    def broken(item: object, ctx: object) -> list[object]:
        raise ValueError("no ticket pattern\nconfigured")

    failures = check_examples([replace(rule, check=broken)])
    assert [f.describe() for f in failures][:2] == [
        "plugin prdlint-plugin-example: EXA101 story-mentions-ticket: bad example 1 raises"
        " ValueError: no ticket pattern␊configured: 'See JIRA-123.'",
        "plugin prdlint-plugin-example: EXA101 story-mentions-ticket: bad example 2 raises"
        " ValueError: no ticket pattern␊configured: 'As per PAY-42, implement the ticket.'",
    ]
    assert len(failures) == len(example_cases([rule]))
