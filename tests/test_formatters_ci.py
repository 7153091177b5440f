"""Exact output of the CI formats (github, junit, markdown, statistics, sarif) for a fixed
report built from the model: two file findings, one Jira finding without a path."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace

from _ci_report import DB, ISSUE, RULES, STORY_A, STORY_C, TBD, VAGUE, sample_report

from prdlint.fingerprints import fingerprints
from prdlint.formatters import FormatOptions
from prdlint.formatters.github import escape_data, escape_property, format_github
from prdlint.formatters.gitlab import format_gitlab
from prdlint.formatters.junit import format_junit
from prdlint.formatters.markdown import MAX_ROWS, format_markdown
from prdlint.formatters.sarif import format_sarif
from prdlint.formatters.statistics import format_statistics
from prdlint.model import InputProblem, Location, Report

OPTIONS = FormatOptions()


def test_github_commands() -> None:
    assert format_github(sample_report(), OPTIONS).splitlines() == [
        "::notice title=PRD108 placeholder::PROJ-7 [description:4]: 'TBD' is a placeholder"
        " (https://jira.example.com/browse/PROJ-7)",
        "::error file=docs/prd.md,line=12,col=5,endLine=12,endColumn=30,"
        "title=PRD101 database-detail::Names a table: orders, status",
        "::warning file=docs/prd.md,line=20,col=7,endLine=20,endColumn=11,"
        "title=PRD105 vague-term::'fast' is not testable%0A100%25 vague",
    ]


def test_github_escaping_follows_the_runner() -> None:
    assert escape_data("50%\r\nnext: a, b") == "50%25%0D%0Anext: a, b"
    assert escape_property("dir,x/a:b%.md") == "dir%2Cx/a%3Ab%25.md"
    odd = replace(DB, location=Location("a,b:c.md", 3, 1, 3, 4))
    line = format_github(Report([odd], [], 1, RULES), OPTIONS)
    assert line.startswith("::error file=a%2Cb%3Ac.md,line=3,col=1,endLine=3,endColumn=4,")


def test_github_reports_input_problems_and_nothing_when_clean() -> None:
    report = Report([], [], 1, RULES, problems=[InputProblem("docs/x.md", "binary file")])
    assert (
        format_github(report, OPTIONS)
        == "::error title=prdlint input error::docs/x.md: binary file\n"
    )
    assert format_github(Report([], [STORY_C], 1, RULES), OPTIONS) == ""


def test_junit_structure() -> None:
    root = ET.fromstring(format_junit(sample_report(), OPTIONS))
    assert root.tag == "testsuites"
    assert root.attrib == {
        "name": "prdlint",
        "tests": "4",
        "failures": "3",
        "errors": "0",
        "skipped": "0",
    }
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("tests"), s.get("failures")) for s in suites] == [
        ("PROJ", "1", "1"),
        ("docs/prd.md", "3", "2"),
    ]
    cases = suites[1].findall("testcase")
    assert [c.attrib for c in cases] == [
        {
            "classname": "docs/prd.md",
            "name": "story: Order status",
            "file": "docs/prd.md",
            "line": "10",
        },
        {
            "classname": "docs/prd.md",
            "name": "story: Quick search",
            "file": "docs/prd.md",
            "line": "18",
        },
        {
            "classname": "docs/prd.md",
            "name": "story: Clean story",
            "file": "docs/prd.md",
            "line": "30",
        },
    ]
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.attrib == {"message": "1 finding: database-detail", "type": "prdlint"}
    assert (
        failure.text
        == "docs/prd.md:12:5: PRD101 database-detail [error] Names a table: orders, status"
    )
    assert cases[2].find("failure") is None
    jira = suites[0].find("testcase")
    assert jira is not None and jira.get("name") == "story PROJ-7: Export invoices"
    assert jira.get("file") is None
    jira_failure = jira.find("failure")
    assert jira_failure is not None
    assert (
        jira_failure.text
        == "PROJ-7 [description]:4:9: PRD108 placeholder [info] 'TBD' is a placeholder"
    )


def test_junit_groups_findings_of_one_item_and_reports_problems() -> None:
    second = replace(
        DB,
        message="Names a column: <status> & \x0b",
        location=Location("docs/prd.md", 13, 1, 13, 7),
    )
    report = Report(
        [DB, second], [STORY_A], 1, RULES, problems=[InputProblem("bad.md", "invalid UTF-8")]
    )
    root = ET.fromstring(format_junit(report, OPTIONS))
    assert (
        root.attrib["tests"] == "2"
        and root.attrib["failures"] == "1"
        and root.attrib["errors"] == "1"
    )
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "2 findings: database-detail"
    assert failure.text is not None and failure.text.splitlines() == [
        "docs/prd.md:12:5: PRD101 database-detail [error] Names a table: orders, status",
        "docs/prd.md:13:1: PRD101 database-detail [error] Names a column: <status> & \ufffd",
    ]
    error = root.find("testsuite[@name='prdlint inputs']/testcase/error")
    assert error is not None and error.attrib == {"message": "invalid UTF-8", "type": "input"}


def test_markdown_summary() -> None:
    assert format_markdown(sample_report(), OPTIONS) == (
        "### prdlint: 3 findings (1 error, 1 warning, 1 info) in 1 file, 4 items\n"
        "\n"
        "| Rule | Findings |\n"
        "| --- | ---: |\n"
        "| `PRD101` database-detail | 1 |\n"
        "| `PRD108` placeholder | 1 |\n"
        "| `PRD105` vague-term | 1 |\n"
        "\n"
        "| Severity | Where | Rule | Message |\n"
        "| --- | --- | --- | --- |\n"
        "| error | `docs/prd.md:12:5` | `PRD101` database-detail"
        " | Names a table: orders, status |\n"
        "| warning | `docs/prd.md:20:7` | `PRD105` vague-term"
        " | 'fast' is not testable 100% vague |\n"
        "| info | [PROJ-7 (description)](https://jira.example.com/browse/PROJ-7) | `PRD108`"
        " placeholder | 'TBD' is a placeholder |\n"
    )


def test_markdown_escapes_untrusted_text_and_caps_rows() -> None:
    hostile = replace(DB, message="a | b <script>alert(1)</script>")
    many = [replace(hostile, location=Location("docs/prd.md", n, 1, n, 2)) for n in range(1, 53)]
    text = format_markdown(Report(many, [STORY_A], 1, RULES), OPTIONS)
    assert "<script>" not in text
    assert "| Names" not in text and "a \\| b &lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert text.count("| error |") == MAX_ROWS
    assert text.endswith("…and 2 more (see the full report).\n")


def test_markdown_clean_run() -> None:
    report = Report([], [STORY_C], 1, RULES)
    assert format_markdown(report, OPTIONS) == "### prdlint: no findings (1 file, 1 item)\n"


def test_statistics() -> None:
    report = Report([DB, DB, VAGUE, TBD] + [VAGUE] * 9, [], 1, RULES)
    assert format_statistics(report) == (
        "10\tPRD105\tvague-term\n 2\tPRD101\tdatabase-detail\n 1\tPRD108\tplaceholder\n"
    )
    assert format_statistics(Report([], [], 1, RULES)) == ""


def test_sarif_content() -> None:
    log = json.loads(format_sarif(sample_report(), OPTIONS))
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["PRD101", "PRD105", "PRD108"]
    assert rules[0] == {
        "id": "PRD101",
        "name": "database-detail",
        "shortDescription": {"text": "Summary of database-detail."},
        "fullDescription": {"text": "Why database-detail matters."},
        "help": {
            "text": "Why database-detail matters.\n\nHow to fix: How to fix database-detail.",
            "markdown": "**Why it matters:** Why database-detail matters.\n\n"
            "**How to fix:** How to fix database-detail.\n\n"
            "**Bad:** Bad database-detail.\n\n**Good:** Good database-detail.",
        },
        "defaultConfiguration": {"level": "error", "enabled": True},
        "properties": {"tags": ["solution", "core"], "source": "prdlint"},
    }
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert by_rule["PRD101"]["ruleIndex"] == 0
    assert by_rule["PRD101"]["level"] == "error"
    assert by_rule["PRD108"]["level"] == "note"
    assert by_rule["PRD101"]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "docs/prd.md"},
        "region": {
            "startLine": 12,
            "startColumn": 5,
            "endLine": 12,
            "endColumn": 30,
            "snippet": {"text": "orders table"},
        },
    }
    assert by_rule["PRD108"]["locations"] == [
        {
            "logicalLocations": [
                {"name": "PROJ-7", "fullyQualifiedName": "PROJ-7", "kind": "issue"}
            ],
            "physicalLocation": {
                "artifactLocation": {"uri": "https://jira.example.com/browse/PROJ-7"}
            },
            "properties": {"field": "description", "line": 4},
        }
    ]
    assert by_rule["PRD108"]["message"] == {"text": "'TBD' is a placeholder"}
    assert ISSUE.id == "PROJ-7"


def test_sarif_fingerprints_survive_lines_moving() -> None:
    def fingerprint_of(finding: object) -> str:
        log = json.loads(format_sarif(Report([finding], [], 1, RULES), OPTIONS))  # type: ignore[list-item]
        return str(log["runs"][0]["results"][0]["partialFingerprints"]["prdlint/v1"])

    moved = replace(DB, location=Location("docs/prd.md", 40, 1, 40, 26))
    other_text = replace(DB, snippet="orders column")
    assert fingerprint_of(DB) == fingerprint_of(moved)
    assert fingerprint_of(DB) != fingerprint_of(other_text)
    assert fingerprints([DB, moved]) == [fingerprints([DB])[0], fingerprints([DB])[0] + "#2"]


def test_gitlab_code_quality() -> None:
    issues = json.loads(format_gitlab(sample_report(), OPTIONS))
    prints = fingerprints([TBD, DB, VAGUE])
    assert issues == [
        {
            "description": "'TBD' is a placeholder (https://jira.example.com/browse/PROJ-7)",
            "check_name": "PRD108 placeholder",
            "fingerprint": prints[0],
            "severity": "info",
            "location": {"path": "PROJ-7", "lines": {"begin": 4, "end": 4}},
        },
        {
            "description": "Names a table: orders, status",
            "check_name": "PRD101 database-detail",
            "fingerprint": prints[1],
            "severity": "major",
            "location": {"path": "docs/prd.md", "lines": {"begin": 12, "end": 12}},
        },
        {
            "description": "'fast' is not testable\n100% vague",
            "check_name": "PRD105 vague-term",
            "fingerprint": prints[2],
            "severity": "minor",
            "location": {"path": "docs/prd.md", "lines": {"begin": 20, "end": 20}},
        },
    ]
