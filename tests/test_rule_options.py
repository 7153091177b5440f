"""Rule options are checked at load against the options each rule declares: an unknown
key or a value of the wrong kind is one line naming the file, rule and key, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prdlint.cli import cli

STORY = "# PRD\n\n- As a shopper, I want to pay by card, so that I can finish my order.\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("prd.md").write_text(STORY, encoding="utf-8")


def run_with(config: str) -> Result:
    Path(".prdlint.yaml").write_text(config, encoding="utf-8")
    return CliRunner().invoke(cli, ["check", "prd.md"])


def assert_one_line_error(result: Result, message: str) -> None:
    assert result.exit_code == 2
    assert result.stdout == ""
    config = Path(".prdlint.yaml").resolve()
    assert result.stderr == f"prdlint: error: {config}: {message}\n"


def test_a_misspelt_option_is_an_error_not_ignored() -> None:
    result = run_with("options: {story-too-long: {max_word: 5}}\n")
    assert_one_line_error(
        result,
        "key 'options.story-too-long.max_word': rule story-too-long has no option"
        " 'max_word' (its options: max-words)",
    )


def test_a_value_of_the_wrong_kind_is_an_error_before_any_file_is_read() -> None:
    result = run_with("options: {story-too-long: {max-words: ten}}\n")
    assert_one_line_error(
        result,
        "key 'options.story-too-long.max-words': must be a whole number (default 50), not 'ten'",
    )


def test_a_flag_is_not_a_number() -> None:
    result = run_with("options: {duplicate-story: {threshold: true}}\n")
    assert_one_line_error(
        result,
        "key 'options.duplicate-story.threshold': must be a number (default 0.8), not True",
    )


def test_an_option_for_a_rule_that_declares_none() -> None:
    result = run_with("options: {vague-term: {words: [fast]}}\n")
    assert_one_line_error(
        result,
        "key 'options.vague-term.words': rule vague-term has no option 'words' (its options: none)",
    )


def test_declared_options_of_the_declared_kind_are_used() -> None:
    result = run_with(
        "options: {story-too-long: {max-words: 5}, duplicate-story: {threshold: 1}}\n"
    )
    assert result.exit_code == 1, result.output
    assert "PRD305 story-too-long is 16 words long (limit 5)" in result.stdout
