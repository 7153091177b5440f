"""The config reaches every reader: the same issues through `prdlint jira` (the real jira
client against tests/jira_emulator.py) and through `prdlint check` on a saved search
response give the same findings, with `jira: {ac-field, ignore-label}` honoured by both."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from jira_emulator import USERS, Emulator, IssueSpec

from prdlint.cli import cli
from tests.helpers import jira_rows

CONFIG = (
    "jira: {ac-field: Definition of Done, ignore-label: team-skip}\n"
    "select: [vague-term, database-detail, missing-acceptance-criteria]\n"
)
JQL = "project = PROJ AND issuetype in (Epic, Story) AND statusCategory != Done"
ISSUES = [
    # criteria only in the team's own field: not missing criteria, but vague
    IssueSpec(
        "PROJ-1",
        "As a shopper, I want a fast way to save my cart so that I can buy later",
        acceptance="* The cart is kept for 30 days",
    ),
    # the team's ignore label: never linted
    IssueSpec("PROJ-2", "As a clerk, I want a fast search", labels=["team-skip"]),
    # the team's label for one rule: that rule is skipped, the others run
    IssueSpec(
        "PROJ-3",
        "As a clerk, I want a quick and easy order form so that I save time",
        description="Add a status column to the orders table.",
        labels=["team-skip:vague-term"],
    ),
    # no criteria anywhere
    IssueSpec("PROJ-4", "As a buyer, I want receipts so that I can claim expenses"),
]
EXPECTED = [
    ("PROJ-1", "summary", "vague-term", 1, "fast"),
    ("PROJ-3", "description", "database-detail", 1, "Add a status column"),
    ("PROJ-3", "summary", "missing-acceptance-criteria", 1, ISSUES[2].summary[:60]),
    ("PROJ-4", "summary", "missing-acceptance-criteria", 1, ISSUES[3].summary[:60]),
]


@pytest.fixture
def emulator(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".prdlint.yaml").write_text(CONFIG, encoding="utf-8")
    emu = Emulator("dc", ISSUES, ac_field_name="Definition of Done").start()
    for name in ("JIRA_EMAIL", "JIRA_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("JIRA_URL", emu.url)
    monkeypatch.setenv("JIRA_PAT", USERS["dc"])
    yield emu
    emu.stop()


def saved_search(emu: Emulator) -> dict[str, Any]:
    """What a user saves from Jira: the search response, with the `names` of its fields."""
    query = urllib.parse.urlencode({"jql": JQL, "expand": "names"})
    request = urllib.request.Request(
        f"{emu.url}/rest/api/2/search?{query}",
        headers={"Authorization": f"Bearer {USERS['dc']}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # the local emulator
        body: dict[str, Any] = json.load(response)
    body["names"] = {f["id"]: f["name"] for f in emu.field_list()}
    return body


# (a title is clipped to 60 characters in a finding's snippet)


def full(result: Result) -> list[tuple[Any, ...]]:
    """Everything a finding says but where its issue can be browsed."""
    report = json.loads(result.stdout)
    return [
        (f["rule"], f["code"], f["message"], f["snippet"], f["location"]["issue"],
         f["location"]["field"], f["location"]["line"], f["location"]["column"])
        for f in report["findings"]
    ]  # fmt: skip


def test_live_jira_and_an_export_give_the_same_findings(emulator: Emulator) -> None:
    live = CliRunner().invoke(cli, ["jira", "PROJ", "-f", "json"])
    assert live.exit_code == 1, live.output
    assert jira_rows(live) == EXPECTED
    Path("export.json").write_text(json.dumps(saved_search(emulator)), encoding="utf-8")
    exported = CliRunner().invoke(cli, ["check", "export.json", "-f", "json"])
    assert exported.exit_code == 1, exported.output
    assert full(exported) == full(live)


def test_a_csv_export_honours_the_jira_table_too(emulator: Emulator) -> None:
    Path("export.csv").write_text(
        "Issue key,Summary,Issue Type,Status,Labels,Custom field (Definition of Done)\n"
        f'PROJ-1,"{ISSUES[0].summary}",Story,To Do,,* The cart is kept for 30 days\n'
        f'PROJ-2,"{ISSUES[1].summary}",Story,To Do,team-skip,\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", "export.csv", "-f", "json"])
    assert jira_rows(result) == [EXPECTED[0]]
