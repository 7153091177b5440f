"""The example plugin (examples/plugin, installed with `pip install ./examples/plugin`) is a
first-class citizen: its rule is listed, documented, selectable, ignorable, suppressible and
reported in every format, and its formatter is usable with --format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdlint.cli import cli
from prdlint.engine import Linter
from prdlint.readers.storylist import read_story_list
from prdlint.registry import all_rules, find_rule

pytest.importorskip(
    "prdlint_example", reason="the example plugin is not installed: pip install ./examples/plugin"
)

SOURCE = "plugin prdlint-plugin-example"
PRD = """\
# Refunds

## Requirements

- See PAY-42 for the details.
<!-- prdlint-disable-next-line story-mentions-ticket -->
- As per PAY-43, implement it.
- The refund list shows every refund of the month with its amount (see PAY-44).
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "prd.md").write_text(PRD, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_rule_is_registered_through_the_entry_point() -> None:
    rule = find_rule(all_rules(), "EXA101")
    assert rule is not None
    assert (rule.name, rule.source) == ("story-mentions-ticket", SOURCE)
    linter = Linter([rule])
    for example in rule.bad:
        assert [f.rule for f in linter.lint(read_story_list(example.text, "s.txt"))] == [
            "story-mentions-ticket"
        ]
    for example in rule.good:
        assert linter.lint(read_story_list(example.text, "s.txt")) == []


def test_listed_by_prdlint_rules(project: Path) -> None:
    code, output = run("rules")
    assert code == 0
    line = next(line for line in output.splitlines() if line.startswith("EXA101"))
    assert line.split()[:3] == ["EXA101", "story-mentions-ticket", "warning"]
    assert line.endswith(f"[{SOURCE}]")
    code, output = run("rules", "--format", "json")
    listed = next(r for r in json.loads(output) if r["code"] == "EXA101")
    assert (listed["name"], listed["source"], listed["tags"]) == (
        "story-mentions-ticket",
        SOURCE,
        ["example-plugin"],
    )


def test_documented_by_prdlint_rule(project: Path) -> None:
    code, output = run("rule", "story-mentions-ticket")
    assert code == 0
    lines = output.splitlines()
    assert lines[0] == "# story-mentions-ticket (EXA101)"
    assert lines[4] == (
        "Severity: warning. Category: missing pieces. Applies to: requirement, story. "
        f"Source: {SOURCE}."
    )
    assert "## Why is this bad?" in lines and "See JIRA-123." in lines


def test_fires_is_suppressible_and_shows_its_source(project: Path) -> None:
    code, output = run("check", "--select", "EXA101", "--show-rule-source", "prd.md")
    assert code == 1
    assert output.splitlines() == [
        "prd.md:5:7: EXA101 story-mentions-ticket only points at PAY-42; state the need here "
        f"so the story stands on its own [{SOURCE}]",
        "Found 1 finding (1 warning) in 4 items (1 file).",
    ]


@pytest.mark.parametrize(
    ("args", "fires"),
    [
        (["--select", "story-mentions-ticket"], True),
        (["--select", "tag:example-plugin"], True),
        (["--select", "EXA"], True),
        (["--select", "missing", "--ignore", "story-mentions-ticket"], False),
        (["--select", "EXA101", "--ignore", "EXA101"], False),
    ],
)
def test_selectable_and_ignorable(project: Path, args: list[str], fires: bool) -> None:
    code, output = run("check", "--format", "json", *args, "prd.md")
    rules = {f["rule"] for f in json.loads(output)["findings"]}
    assert ("story-mentions-ticket" in rules) == fires
    assert code == (1 if rules else 0)


def test_reported_in_sarif_with_its_metadata(project: Path) -> None:
    code, output = run("check", "--select", "EXA101", "--format", "sarif", "prd.md")
    assert code == 1
    run_ = json.loads(output)["runs"][0]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == ["EXA101"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in run_["results"]] == [("EXA101", 5)]  # fmt: skip


def test_plugin_formatter(project: Path) -> None:
    code, output = run("check", "--select", "EXA101", "--format", "example-csv", "prd.md")
    assert code == 1
    assert list(csv.reader(io.StringIO(output))) == [
        ["path", "issue", "line", "column", "code", "rule", "severity", "message"],
        ["prd.md", "", "5", "7", "EXA101", "story-mentions-ticket", "warning",
         "only points at PAY-42; state the need here so the story stands on its own"],
    ]  # fmt: skip


def test_inline_suppression_names_the_plugin_rule(project: Path) -> None:
    """Line 7 of PRD is silenced by the disable-next-line comment above it; without the
    comment it fires."""
    (project / "bare.md").write_text(
        PRD.replace("<!-- prdlint-disable-next-line story-mentions-ticket -->\n", ""),
        encoding="utf-8",
    )
    for name, lines in (("bare.md", [5, 6]), ("prd.md", [5])):
        code, output = run("check", "--select", "EXA101", "--format", "json", name)
        assert code == 1
        assert [f["location"]["line"] for f in json.loads(output)["findings"]] == lines
