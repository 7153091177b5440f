"""One session for every source: `prdlint jira` takes the reporting flags of `check`
(--baseline, --write-baseline, --exit-zero, --statistics, --show-rule-source), and the
Report says what it linted. The real jira client against tests/jira_emulator.py."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from jira_emulator import USERS, Emulator, IssueSpec

from prdlint.cli import cli
from prdlint.readers.markdown import read_markdown
from prdlint.session import RunOptions, Session

FAST = IssueSpec(
    "PROJ-1",
    "As a shopper, I want a fast checkout so that I do not give up",
    acceptance="* Card payment works",
)
COLUMN = IssueSpec(
    "PROJ-2",
    "Orders",
    description=(
        "As a clerk, I want to add a status column to the orders table so that I see state.\n"
        "h3. Acceptance Criteria\n* Status shows"
    ),
)
EASY = IssueSpec(
    "PROJ-3", "As a buyer, I want an easy login so that I can buy", acceptance="* Email works"
)
VAGUE_1 = (
    "PROJ-1 [summary:1]: PRD302 vague-term uses the vague term 'fast';"
    " say what it means in a way a tester can check"
)
SCHEMA_2 = (
    "PROJ-2 [description:1]: PRD102 database-detail dictates the data model"
    " (add a status column); say what the user needs to see or do"
)
VAGUE_3 = (
    "PROJ-3 [summary:1]: PRD302 vague-term uses the vague term 'easy';"
    " say what it means in a way a tester can check"
)


@pytest.fixture
def issues() -> list[IssueSpec]:
    return [FAST, COLUMN]


@pytest.fixture(autouse=True)
def emulator(
    issues: list[IssueSpec], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Emulator]:
    monkeypatch.chdir(tmp_path)
    emu = Emulator("cloud", lambda: issues).start()
    for name in ("JIRA_PAT", "JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("JIRA_URL", emu.url)
    monkeypatch.setenv("JIRA_EMAIL", USERS["cloud"][0])
    monkeypatch.setenv("JIRA_API_TOKEN", USERS["cloud"][1])
    yield emu
    emu.stop()


def jira(*args: str) -> Result:
    return CliRunner().invoke(
        cli, ["jira", "PROJ", "--select", "vague-term,database-detail", *args]
    )


def findings(result: Result, emulator: Emulator) -> list[str]:
    """The finding lines without their browse URL; the summary line last."""
    suffix = f" {emulator.url}/browse/"
    return [line.split(suffix)[0] for line in result.stdout.splitlines()]


def test_jira_write_baseline_then_baseline_reports_only_new_issues(
    issues: list[IssueSpec], emulator: Emulator
) -> None:
    written = jira("--write-baseline", "base.json")
    assert written.exit_code == 0, written.output
    assert written.stderr == "prdlint: recorded 2 findings in base.json\n"
    recorded = json.loads(Path("base.json").read_text(encoding="utf-8"))["findings"]
    assert [(e["source"], e["rule"], e["match"]) for e in recorded] == [
        ("PROJ-1", "vague-term", "fast"),
        ("PROJ-2", "database-detail", "add a status column"),
    ]
    assert jira("--baseline", "base.json").stdout == "No findings in 2 items.\n"
    issues.append(EASY)  # another query string: the emulator caches a query's selection
    result = jira("--baseline", "base.json", "--issue-types", "Story")
    assert result.exit_code == 1
    assert findings(result, emulator) == [VAGUE_3, "Found 1 finding (1 warning) in 3 items."]


def test_jira_bad_baseline_is_one_line_before_connecting(emulator: Emulator) -> None:
    result = jira("--baseline", "missing.json")
    assert result.exit_code == 2
    assert result.stderr == (
        "prdlint: error: missing.json: baseline not found"
        " (create it with --write-baseline missing.json)\n"
    )
    assert emulator.requests() == []


def test_jira_exit_zero_reports_and_exits_zero(emulator: Emulator) -> None:
    result = jira("--exit-zero")
    assert result.exit_code == 0
    assert findings(result, emulator) == [
        VAGUE_1,
        SCHEMA_2,
        "Found 2 findings (2 warning) in 2 items.",
    ]


def test_jira_statistics_counts_per_rule() -> None:
    result = jira("--statistics")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "1\tPRD102\tdatabase-detail",
        "1\tPRD302\tvague-term",
        "Found 2 findings (2 warning) in 2 items.",
    ]


def test_jira_show_rule_source_names_the_pack(emulator: Emulator) -> None:
    lines = jira("--show-rule-source").stdout.splitlines()
    assert lines[0].endswith(f"{emulator.url}/browse/PROJ-1 [prdlint (rules/core.yaml)]")
    assert lines[1].endswith(f"{emulator.url}/browse/PROJ-2 [prdlint (rules/core.yaml)]")


def test_an_empty_jira_query_counts_issues_not_files() -> None:
    # Before the Report said its source, "no files" meant Jira only when items came back.
    result = jira("--issue-types", "Bug")
    assert (result.exit_code, result.stdout) == (0, "No findings in 0 items.\n")


def test_the_report_says_its_source(tmp_path: Path) -> None:
    (tmp_path / "prd.md").write_text("# PRD\n\n- As a shopper, I want a fast checkout.\n")
    session = Session.start(RunOptions(select=("vague-term",)))
    files = session.lint_files(["prd.md"], lambda: b"")
    assert (files.report.source, files.report.files, len(files.report.findings)) == (
        "files",
        1,
        1,
    )
    stream = session.lint_stream(
        iter(read_markdown("# PRD\n\n- As a user, I want a fast app.\n", "x"))
    )
    assert (stream.report.source, stream.report.files) == ("jira", 0)
