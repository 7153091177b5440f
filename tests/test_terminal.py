"""Terminal output: grouped findings with the match marked, --quiet/--verbose, colour only
on request, Jira summaries, and a progress bar only on a terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdlint.cli import cli
from prdlint.formatters import FormatOptions
from prdlint.formatters.text import excerpt, format_text
from prdlint.model import Finding, ItemRef, Location, Report, Severity, Source
from prdlint.progress import Progress

STORIES = (
    "As a shopper, I want prices kept in Redis, so that pages load.\n"
    "I want to export my statements.\n"
)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("stories.txt").write_text(STORIES)


def run(*args: str) -> list[str]:
    result = CliRunner().invoke(cli, ["check", "stories.txt", "--select", "PRD101,PRD201", *args])
    return result.stdout.splitlines()


def test_verbose_groups_by_file_and_marks_the_match() -> None:
    assert run("--verbose") == [
        "stories.txt",
        "  1:37     PRD101 solution-prescriptive  names the solution (Redis); state the user's need and leave the how to the team",
        "           | As a shopper, I want prices kept in Redis, so that pages load.",
        "           |                                     ^^^^^",
        "  2:1      PRD201 missing-persona  names no persona; say who wants this (As a ..., I want ...)",
        "           | I want to export my statements.",
        "           | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        "",
        "Found 2 findings (2 warning) in 2 items (1 file).",
        "By rule: missing-persona 1, solution-prescriptive 1. `prdlint rule NAME` explains a rule and how to fix it.",
    ]


def test_plain_output_is_one_line_a_finding_and_quiet_drops_the_summary() -> None:
    plain = run()
    assert plain[0].startswith("stories.txt:1:37: PRD101 solution-prescriptive names the solution")
    assert plain[-1] == "Found 2 findings (2 warning) in 2 items (1 file)."
    assert run("--quiet") == plain[:-1]


def test_quiet_and_verbose_exclude_each_other() -> None:
    result = CliRunner().invoke(cli, ["check", "stories.txt", "-q", "-v"])
    assert result.exit_code == 2
    assert "--quiet and --verbose exclude each other" in result.stderr


def _finding(context: str, span: tuple[int, int], issue: str | None = None) -> Finding:
    location = Location(None if issue else "a.md", 3, 5, 3, 9, issue, "description" if issue else None,
                        f"https://jira.example.com/browse/{issue}" if issue else None)  # fmt: skip
    source = Source(location.path, issue, location.url)
    item = ItemRef(issue or "a.md:3", "story", "t", None, source, 3)
    snippet = context[span[0] : span[1]]
    return Finding("vague-term", "PRD302", Severity.WARNING, "vague", location, item, snippet,
                   context, span)  # fmt: skip


def test_colour_marks_severity_and_match_only_when_asked() -> None:
    report = Report([_finding("make it fast", (8, 12))], [], 1, {})
    coloured = format_text(report, FormatOptions(color=True))
    assert "\x1b[33mPRD302\x1b[0m" in coloured
    assert "make it \x1b[1;4mfast\x1b[0m" in coloured
    assert "\x1b[" not in format_text(report, FormatOptions())


def test_jira_findings_group_by_issue_and_the_summary_counts_issues() -> None:
    finding = _finding("make it fast", (8, 12), issue="PROJ-7")
    report = Report([finding], [finding.item], 0, {}, source="jira")
    lines = format_text(report, FormatOptions(verbose=True)).splitlines()
    assert lines[:2] == [
        "PROJ-7 https://jira.example.com/browse/PROJ-7",
        "  description:3 PRD302 vague-term  vague",
    ]
    assert lines[-2] == "Found 1 finding (1 warning) in 1 item."


def test_excerpt_clips_long_lines_around_the_match() -> None:
    context = "x" * 300 + " fast " + "y" * 300
    text, start, end = excerpt(_finding(context, (301, 305)))  # type: ignore[misc]
    assert text[start:end] == "fast"
    assert text.startswith("…") and text.endswith("…")
    assert len(text) <= 102


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_and_erases_itself() -> None:
    stream = _Terminal()
    progress = Progress("files", 4, stream)
    progress.advance()
    progress.advance()
    progress.close()
    assert stream.getvalue() == (
        "\r[######..................] 1/4 files"
        "\r[############............] 2/4 files"
        "\r" + " " * 36 + "\r"
    )


def test_progress_counts_when_the_total_is_unknown_and_is_silent_off_a_terminal() -> None:
    stream = _Terminal()
    Progress("issues fetched from Jira", None, stream).advance(100)
    assert stream.getvalue() == "\r100 issues fetched from Jira"
    silent = io.StringIO()
    Progress("files", 3, silent).advance()
    assert silent.getvalue() == ""
