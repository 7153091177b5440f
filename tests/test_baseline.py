"""Baselines, per-file-ignores, --exit-zero and --statistics through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prdlint.cli import cli

STORY_FAST = (
    "- As a shopper, I want a fast checkout, so that I do not give up.\n  - Card payment works.\n"
)
STORY_EASY = "- As a shopper, I want an easy login, so that I can buy.\n  - Login by email works.\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--select", "vague-term", *args])


def lines(result: Result) -> list[str]:
    return result.stdout.splitlines()


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write(name: str, text: str) -> None:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(text, encoding="utf-8")


def test_write_baseline_records_findings_sorted_and_exits_zero() -> None:
    write("prd.md", f"# Checkout\n\n{STORY_FAST}")
    result = run("prd.md", "--write-baseline", "base.json")
    assert result.exit_code == 0
    assert result.stderr == "prdlint: recorded 1 findings in base.json\n"
    document = json.loads(Path("base.json").read_text(encoding="utf-8"))
    assert document == {
        "prdlint-baseline": 1,
        "findings": [
            {
                "fingerprint": document["findings"][0]["fingerprint"],
                "rule": "vague-term",
                "code": "PRD302",
                "source": "prd.md",
                "item": "As a shopper, I want a fast checkout, so that I do not give up.",
                "match": "fast",
            }
        ],
    }
    assert Path("base.json").read_text(encoding="utf-8").startswith('{\n  "prdlint-baseline": 1,\n')


def test_baseline_reports_only_new_findings_even_when_lines_move() -> None:
    write("prd.md", f"# Checkout\n\n{STORY_FAST}")
    assert run("prd.md", "--write-baseline", "base.json").exit_code == 0
    # The old story moves down three lines and a new vague story appears above it.
    write("prd.md", f"# Checkout\n\nIntro.\n\n{STORY_EASY}\n{STORY_FAST}")
    result = run("prd.md", "--baseline", "base.json")
    assert result.exit_code == 1
    assert lines(result) == [
        "prd.md:5:27: PRD302 vague-term uses the vague term 'easy'; say what it means in a way"
        " a tester can check",
        "Found 1 finding (1 warning) in 3 items (1 file).",
    ]
    write("prd.md", f"# Checkout\n\nIntro.\n\n{STORY_FAST}")
    assert run("prd.md", "--baseline", "base.json").exit_code == 0


def test_baseline_is_stable_across_runs() -> None:
    write("b.md", f"# B\n\n{STORY_EASY}")
    write("a.md", f"# A\n\n{STORY_FAST}\n{STORY_FAST}")
    assert run("a.md", "b.md", "--write-baseline", "one.json").exit_code == 0
    assert run("b.md", "a.md", "--write-baseline", "two.json").exit_code == 0
    one = Path("one.json").read_text(encoding="utf-8")
    assert one == Path("two.json").read_text(encoding="utf-8")
    entries = json.loads(one)["findings"]
    assert [(e["source"], e["match"]) for e in entries] == [
        ("a.md", "fast"),
        ("a.md", "fast"),
        ("b.md", "easy"),
    ]
    # The same problem twice is two entries: fixing one of them is progress, adding a third is new.
    assert len({e["fingerprint"] for e in entries}) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "prdlint: error: base.json: baseline not found (create it with --write-baseline base.json)"),
        ("{not json", "prdlint: error: base.json:1: baseline is not valid JSON (Expecting property name enclosed in double quotes)"),
        ('{"findings": []}', "prdlint: error: base.json: not a prdlint baseline (version 1 expected)"),
        ('{"prdlint-baseline": 1, "findings": [{}]}', "prdlint: error: base.json: key 'findings' must be a list of entries with a fingerprint"),
    ],
)  # fmt: skip
def test_bad_baseline_is_a_one_line_error(content: str | None, message: str) -> None:
    write("prd.md", f"# Checkout\n\n{STORY_FAST}")
    if content is not None:
        write("base.json", content)
    result = run("prd.md", "--baseline", "base.json")
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert result.stdout == ""


def test_exit_zero_reports_but_passes() -> None:
    write("prd.md", f"# Checkout\n\n{STORY_FAST}")
    result = run("prd.md", "--exit-zero")
    assert result.exit_code == 0
    assert lines(result)[0].startswith("prd.md:3:26: PRD302 vague-term")
    # Input errors still fail: --exit-zero only waives findings.
    assert run("missing.md", "--exit-zero").exit_code == 2


def test_statistics() -> None:
    write("prd.md", f"# Checkout\n\n{STORY_FAST}\n{STORY_EASY}\n{STORY_FAST}")
    result = CliRunner().invoke(
        cli, ["check", "--select", "vague-term,missing-persona", "--statistics", "prd.md"]
    )
    assert lines(result) == [
        "3\tPRD302\tvague-term",
        "Found 3 findings (3 warning) in 4 items (1 file).",
    ]


def test_per_file_ignores() -> None:
    write(
        "pyproject.toml",
        '[tool.prdlint.per-file-ignores]\n"docs/rfcs/*.md" = ["vague-term"]\n'
        '"**/legacy.md" = ["PRD302"]\n',
    )
    write("docs/rfcs/one.md", f"# RFC\n\n{STORY_FAST}")
    write("legacy.md", f"# Old\n\n{STORY_FAST}")
    write("docs/prd.md", f"# PRD\n\n{STORY_FAST}")
    result = run("docs", "legacy.md")
    assert [line.split(":")[0] for line in lines(result)[:-1]] == ["docs/prd.md"]


def test_per_file_ignores_unknown_rule_is_a_config_error() -> None:
    write("pyproject.toml", '[tool.prdlint.per-file-ignores]\n"*.md" = ["vague-terms"]\n')
    write("prd.md", f"# Checkout\n\n{STORY_FAST}")
    result = run("prd.md")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "pyproject.toml: key 'per-file-ignores.*.md': unknown rule 'vague-terms'\n"
    )
