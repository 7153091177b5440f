"""`prdlint jira` end to end: the real `jira` client over HTTP against the emulator in
tests/jira_emulator.py, in Cloud and Data Center modes, and every failure it can inject."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from jira_emulator import USERS, Emulator, IssueSpec, corpus_body

from prdlint.cli import cli
from tests.helpers import jira_rows

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "tests" / "data" / "jira" / "pack.yaml"
SECRETS = (USERS["cloud"][1], USERS["dc"], "wrong-token-0000")

LONG = "\n".join(f"Line {n} of a long description." for n in range(1, 5000))

ISSUES = [
    IssueSpec("PROJ-1", "Saved carts", "Epic", description="h2. Problem\nShoppers lose carts."),
    IssueSpec(
        "PROJ-2",
        "Keep the cart",
        description=(
            "As a shopper, I want my cart kept so that I can buy later.\n"
            "Add a column to the orders table.\n"
            "h3. Acceptance Criteria\n"
            "* Given a cart, when I return, then it is there\n"
            "* The page is fast"
        ),
        epic="PROJ-1",
    ),
    IssueSpec(
        "PROJ-3",
        "As a guest, I want to email my cart so that I can buy on my phone",
        acceptance=(
            "* Given an email, when I send, then a link arrives\n* The email is user-friendly"
        ),
        epic="PROJ-1",
    ),
    IssueSpec("PROJ-4", "As a buyer, I want receipts so that I can claim expenses"),
    IssueSpec(
        "PROJ-5",
        "Cache prices",
        description=(
            "As a buyer, I want prices now.\r\n{code:sql}\r\nCREATE TABLE p;\r\n{code}\r\n"
            "Use Redis."
        ),
        status="indeterminate",
    ),
    IssueSpec("PROJ-6", "Ignored", description="a table", labels=["prdlint-ignore"]),
    IssueSpec(
        "PROJ-7", "Half ignored", description="a column", labels=["prdlint-ignore:schema-talk"]
    ),
    IssueSpec("PROJ-8", "Done already", description="a table", status="done"),
    IssueSpec("PROJ-9", "A bug", "Bug", description="the table is wrong"),
    IssueSpec("PROJ-10", "Long one", description=LONG + "\nThen a table."),
]

EXPECTED = [
    ("PROJ-10", "description", "schema-talk", 5000, "table"),
    ("PROJ-2", "description", "schema-talk", 2, "column"),
    ("PROJ-2", "description", "schema-talk", 2, "table"),
    ("PROJ-2", "description", "soft-criterion", 5, "fast"),
    ("PROJ-3", "acceptance-criteria", "soft-criterion", 2, "user-friendly"),
    ("PROJ-5", "description", "schema-talk", 5, "Redis"),
]


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / ".prdlint.yaml"
    path.write_text(f"rule-packs: ['{PACK}']\nselect: [schema-talk, soft-criterion]\n")
    return path


@pytest.fixture(params=["cloud", "dc"])
def emulator(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    emu = Emulator(
        request.param, ISSUES, page_cap=2, boards={7: "project = PROJ ORDER BY Rank ASC"}
    )
    emu.start()
    _environment(monkeypatch, emu)
    yield emu
    emu.stop()


def _environment(monkeypatch: pytest.MonkeyPatch, emu: Emulator) -> None:
    for name in ("JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN", "JIRA_PAT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("JIRA_URL", emu.url)
    if emu.mode == "cloud":
        monkeypatch.setenv("JIRA_EMAIL", USERS["cloud"][0])
        monkeypatch.setenv("JIRA_API_TOKEN", USERS["cloud"][1])
    else:
        monkeypatch.setenv("JIRA_PAT", USERS["dc"])


def _run(config: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["jira", *args, "--config", str(config), "-f", "json"])


def _assert_one_line_error(result: Result, expected: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0] == f"prdlint: error: {expected}"
    for secret in SECRETS:
        assert secret not in result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""


# ----------------------------------------------------------------------- success


def test_project_default_query_all_pages(emulator: Emulator, config: Path) -> None:
    result = _run(config, "PROJ")
    assert result.exit_code == 1, result.output
    assert jira_rows(result) == EXPECTED
    report = json.loads(result.stdout)
    assert report["summary"]["items"] == 7
    first = report["findings"][0]["location"]
    assert first["url"] == f"{emulator.url}/browse/PROJ-10"
    assert first["path"] is None
    searches = emulator.requests(r"/search")
    assert len(searches) == 4  # 7 issues, pages of 2 (the emulator's cap)
    assert emulator.requests(r"/issue/") == []  # never one request per issue
    assert len(emulator.requests(r"/field$")) == 1
    jql = searches[0][2]["jql"][0]
    assert jql == "project = PROJ AND issuetype in (Epic, Story) AND statusCategory != Done"
    fields = set(searches[0][2]["fields"])
    link = {"customfield_12311"} if emulator.mode == "dc" else set()
    assert fields == {
        "summary", "description", "issuetype", "status", "labels", "parent", "customfield_10433",
    } | link  # fmt: skip
    if emulator.mode == "cloud":
        assert [bool(s[2].get("nextPageToken")) for s in searches] == [False, True, True, True]
    else:
        assert [s[2]["startAt"][0] for s in searches] == ["0", "2", "4", "6"]


def test_text_output_names_issue_field_and_url(emulator: Emulator, config: Path) -> None:
    result = CliRunner().invoke(cli, ["jira", "PROJ", "--config", str(config), "--limit", "2"])
    assert result.exit_code == 1
    url = f"{emulator.url}/browse/PROJ-2"
    assert result.stdout.splitlines()[:2] == [
        f"PROJ-2 [description:2]: JT101 schema-talk names database structure: column {url}",
        f"PROJ-2 [description:2]: JT101 schema-talk names database structure: table {url}",
    ]


def test_epics_and_children_are_linked(emulator: Emulator, config: Path) -> None:
    from prdlint.jira_live import JiraSession, Query, credentials_from_env, fetch_items

    session = JiraSession(credentials_from_env(os.environ), timeout=5).open()
    items = {i.id: i for i in fetch_items(session, Query(project="PROJ"))}
    assert items["PROJ-1"].kind == "epic"
    assert [(k, i.parent) for k, i in items.items() if i.parent] == [
        ("PROJ-2", "PROJ-1"),
        ("PROJ-3", "PROJ-1"),
    ]


def test_limit_jql_and_issue_types(emulator: Emulator, config: Path) -> None:
    limited = _run(config, "PROJ", "--limit", "3")
    assert [r[0] for r in jira_rows(limited)] == ["PROJ-2", "PROJ-2", "PROJ-2", "PROJ-3"]
    assert json.loads(limited.stdout)["summary"]["items"] == 3
    bugs = _run(config, "PROJ", "--issue-types", "Bug")
    assert jira_rows(bugs) == [("PROJ-9", "description", "schema-talk", 1, "table")]
    query = _run(config, "--jql", "project = PROJ AND key = PROJ-8")
    assert jira_rows(query) == [("PROJ-8", "description", "schema-talk", 1, "table")]


def test_board(emulator: Emulator, config: Path) -> None:
    result = _run(config, "--board", "7")
    assert jira_rows(result) == EXPECTED
    jql = emulator.requests(r"/search")[0][2]["jql"][0]
    assert jql == "(project = PROJ) AND issuetype in (Epic, Story) AND statusCategory != Done"


def test_board_not_found(emulator: Emulator, config: Path) -> None:
    result = _run(config, "--board", "99")
    _assert_one_line_error(
        result, f"no board 99 on Jira at {emulator.url} (404): check the --board id"
    )


def test_acceptance_field_found_by_configured_name(
    monkeypatch: pytest.MonkeyPatch, config: Path
) -> None:
    emu = Emulator("cloud", ISSUES[2:3], ac_field_name="Definition of Done").start()
    try:
        _environment(monkeypatch, emu)
        assert jira_rows(_run(config, "PROJ")) == []  # no field called "Acceptance Criteria"
        expected = [("PROJ-3", "acceptance-criteria", "soft-criterion", 2, "user-friendly")]
        assert jira_rows(_run(config, "PROJ", "--ac-field", "Definition of Done")) == expected
        config.write_text(config.read_text() + "jira:\n  ac-field: Definition of Done\n")
        assert jira_rows(_run(config, "PROJ")) == expected
    finally:
        emu.stop()


def test_server_from_config_and_context_path(
    monkeypatch: pytest.MonkeyPatch, emulator: Emulator, config: Path
) -> None:
    monkeypatch.delenv("JIRA_URL")
    config.write_text(config.read_text() + f"jira:\n  url: {emulator.url}/\n")
    assert jira_rows(_run(config, "PROJ")) == EXPECTED
    bad = _run(config, "PROJ", "--server", emulator.url + "/jira")
    _assert_one_line_error(
        bad,
        f"Jira at {emulator.url}/jira answered 404 while connecting: check JIRA_URL "
        "(include the context path, e.g. https://host/jira)",
    )


def test_retry_after_429_then_success(emulator: Emulator, config: Path) -> None:
    emulator.fail("/search", 429, b"{}", headers={"Retry-After": "0"}, times=2)
    result = _run(config, "PROJ")
    assert result.exit_code == 1
    assert jira_rows(result) == EXPECTED
    assert len(emulator.requests("/search")) == 6  # 2 refused + 4 pages


# ----------------------------------------------------------------------- failures


def test_wrong_credentials(
    monkeypatch: pytest.MonkeyPatch, emulator: Emulator, config: Path
) -> None:
    name = "JIRA_API_TOKEN" if emulator.mode == "cloud" else "JIRA_PAT"
    monkeypatch.setenv(name, "wrong-token-0000")
    result = _run(config, "PROJ")
    _assert_one_line_error(
        result,
        f"Jira at {emulator.url} rejected the credentials (401) while checking the credentials: "
        "set JIRA_EMAIL and JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT (Server/Data Center) "
        "to valid values",
    )
    assert emulator.requests("/search") == []


def test_missing_credentials_and_server(monkeypatch: pytest.MonkeyPatch, config: Path) -> None:
    for name in ("JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN", "JIRA_PAT"):
        monkeypatch.delenv(name, raising=False)
    _assert_one_line_error(
        _run(config, "PROJ"), "no Jira server: set JIRA_URL or pass --server URL"
    )
    monkeypatch.setenv("JIRA_URL", "https://example.atlassian.net")
    _assert_one_line_error(
        _run(config, "PROJ"),
        "no Jira credentials: set JIRA_EMAIL and JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT "
        "(Server/Data Center)",
    )
    monkeypatch.setenv("JIRA_EMAIL", "pm@example.com")
    _assert_one_line_error(
        _run(config, "PROJ"),
        "JIRA_API_TOKEN is not set: set JIRA_EMAIL and JIRA_API_TOKEN (Jira Cloud) or "
        "JIRA_PAT (Server/Data Center)",
    )
    monkeypatch.setenv("JIRA_URL", "example.atlassian.net")
    monkeypatch.setenv("JIRA_API_TOKEN", "wrong-token-0000")
    _assert_one_line_error(
        _run(config, "PROJ"),
        "Jira server 'example.atlassian.net' is not an http(s) URL: set JIRA_URL like "
        "https://your-site.atlassian.net or https://host/jira",
    )


def test_no_project_is_a_usage_error(config: Path) -> None:
    result = _run(config)
    assert result.exit_code == 2
    assert "give a project key, --jql QUERY or --board ID" in result.stderr


CAPTCHA = {"X-Authentication-Denied-Reason": "CAPTCHA_CHALLENGE; login-url=http://x/login.jsp"}


@pytest.mark.parametrize(
    ("route", "status", "body", "headers", "message"),
    [
        (
            "/myself",
            403,
            b"",
            CAPTCHA,
            "Jira at {url} wants a CAPTCHA login (403) after failed logins: sign in once in a "
            "browser, then check the credentials and retry",
        ),
        (
            "/search",
            403,
            b'{"errorMessages":["You do not have permission to browse issues."],"errors":{}}',
            {},
            "Jira at {url} denied access (403) while searching: You do not have permission to "
            "browse issues.; check the account's permissions",
        ),
        (
            "/search",
            410,
            corpus_body("error.cloud-410-legacy-search-removed.json"),
            {},
            "Jira at {url} says the API is gone (410): The requested API has been removed. "
            "Please migrate to the /rest/api/3/search/jql API. A full migration guideline is "
            "available at https://developer.atlassian.com/changelog/#CHANGE-2046; upgrade with "
            "pip install -U 'prdlint[jira]'",
        ),
        (
            "/search",
            429,
            b"{}",
            {"Retry-After": "0", "X-RateLimit-Limit": "100"},
            "Jira at {url} is rate limiting requests (429) (it asks to wait 0 s) while "
            "searching: try again later or lower --limit",
        ),
        (
            "/search",
            429,
            b"<html>Too Many Requests</html>",
            {"Retry-After": "120"},
            "Jira at {url} is rate limiting requests (429) (it asks to wait 120 s) while "
            "searching: try again later or lower --limit",
        ),
        (
            "/search",
            429,
            b"{}",
            {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"},
            "Jira at {url} is rate limiting requests (429) while searching: try again later or "
            "lower --limit",
        ),
        (
            "/field",
            500,
            b"<html>Internal error</html>",
            {},
            "Jira at {url} had a server error (500) while reading the field list: try again later",
        ),
        (
            "/search",
            503,
            b"",
            {},
            "Jira at {url} had a server error (503) while searching: try again later",
        ),
        (
            "/search",
            200,
            b"{not json",
            {},
            "Jira at {url} sent a response that is not valid Jira JSON while searching: check "
            "that JIRA_URL points at Jira (with its context path)",
        ),
        (
            "/search",
            200,
            b'["a list"]',
            {},
            "Jira at {url} sent a response that is not valid Jira JSON while searching: check "
            "that JIRA_URL points at Jira (with its context path)",
        ),
        (
            "/serverInfo",
            200,
            b"<html><body>Log in</body></html>",
            {},
            "Jira at {url} sent a response that is not valid Jira JSON while connecting: check "
            "that JIRA_URL points at Jira (with its context path)",
        ),
    ],
)
def test_http_failures(
    emulator: Emulator,
    config: Path,
    route: str,
    status: int,
    body: bytes,
    headers: dict[str, str],
    message: str,
) -> None:
    emulator.fail(route, status, body, headers=headers)
    _assert_one_line_error(_run(config, "PROJ"), message.format(url=emulator.url))
    if status == 429:
        retries = 3 if headers["Retry-After"] == "0" else 1  # long or dated waits fail at once
        assert len(emulator.requests("/search")) == retries


def test_bad_jql_and_unknown_project(emulator: Emulator, config: Path) -> None:
    _assert_one_line_error(
        _run(config, "--jql", "project = PROJ AND (status = Open"),
        "Jira rejected the query (400): Error in the JQL Query: Expecting ')' before the end "
        "of the query.; check --jql, the project key and --issue-types",
    )
    _assert_one_line_error(
        _run(config, "NOPE"),
        "Jira rejected the query (400): The value 'NOPE' does not exist for the field "
        "'project'.; check --jql, the project key and --issue-types",
    )


def test_read_timeout(emulator: Emulator, config: Path) -> None:
    emulator.fail("/search", 500, delay=2.0)
    result = _run(config, "PROJ", "--timeout", "0.3")
    _assert_one_line_error(
        result,
        f"Jira at {emulator.url} did not answer within 0.3 s while searching: check the "
        "network or raise --timeout",
    )


def test_connection_refused(monkeypatch: pytest.MonkeyPatch, config: Path) -> None:
    with socket.socket() as probe:  # a port that nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("JIRA_URL", f"http://pm:hunter2secret@127.0.0.1:{port}")
    monkeypatch.setenv("JIRA_PAT", "dc-pat-s3cret")
    result = _run(config, "PROJ")
    _assert_one_line_error(
        result,
        f"cannot connect to Jira at {url} (connection refused) while connecting: check "
        "JIRA_URL or --server and that the site is reachable",
    )
    assert "hunter2secret" not in result.output


def test_missing_jira_extra_names_the_install_command(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['jira'] = None\n"
        "from prdlint.cli import main\n"
        "sys.argv = ['prdlint', 'jira', 'PROJ']\n"
        "main()\n"
    )
    env = {"JIRA_URL": "http://127.0.0.1:9", "JIRA_PAT": "dc-pat-s3cret", "PATH": "/usr/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert done.returncode == 2
    assert done.stderr == (
        "prdlint: error: the jira extra is not installed: pip install 'prdlint[jira]'\n"
    )


def test_unknown_jira_config_key(config: Path) -> None:
    config.write_text(config.read_text() + "jira:\n  token: abc\n")
    _assert_one_line_error(
        _run(config, "PROJ"),
        f"{config}: unknown key 'jira.token' "
        "(known: url, ac-field, issue-types, ignore-label, timeout)",
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("progress", [True, False])
def test_progress_goes_to_stderr_only_when_asked(
    emulator: Emulator, monkeypatch: pytest.MonkeyPatch, progress: bool
) -> None:
    from prdlint.jira_live import JiraSession, Query, credentials_from_env, fetch_items

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    session = JiraSession(credentials_from_env(os.environ), timeout=5, progress=progress)
    items = list(fetch_items(session.open(), Query(project="PROJ", limit=5)))
    assert len(items) == 5
    if not progress:
        assert terminal.getvalue() == ""
        return
    # Data Center says how many issues match (a bar); Cloud's enhanced search does not.
    steps = (
        [
            "[#########...............] 2/5",
            "[###################.....] 4/5",
            "[########################] 5/5",
        ]
        if emulator.mode == "dc"
        else ["2", "4", "5"]
    )
    drawn = [f"{step} issues fetched from Jira" for step in steps]
    assert terminal.getvalue() == "".join(f"\r{line}" for line in drawn) + (
        "\r" + " " * len(drawn[-1]) + "\r"
    )


STORY_ISSUES = [
    IssueSpec(
        "SHOP-1",
        "Refunds",
        description=(
            "Refunds should be possible for any paid order within 30 days.\n\n"
            "*Scenario: Refund a paid order*\nGiven a paid order\nWhen a refund is asked for\n"
            "Then the money is returned"
        ),
    ),
    IssueSpec("SHOP-2", "Saved carts", description="Shoppers keep their cart between visits."),
    IssueSpec("SHOP-3", "Refund report", "Task", description="Export refunds monthly."),
]


@pytest.mark.parametrize("mode", ["cloud", "dc"])
def test_story_issues_are_stories_whatever_their_wording(
    mode: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / ".prdlint.yaml"
    config.write_text("select: [missing-persona, missing-acceptance-criteria]\n")
    emu = Emulator(mode, STORY_ISSUES)
    emu.start()
    try:
        _environment(monkeypatch, emu)
        result = _run(config, "--jql", "project = SHOP")
    finally:
        emu.stop()
    assert result.exit_code == 1, result.output
    assert jira_rows(result) == [
        ("SHOP-1", "description", "missing-persona", 1, "Refunds should be possible for any paid order within 30 days"),
        ("SHOP-2", "description", "missing-acceptance-criteria", 1, "Shoppers keep their cart between visits."),
        ("SHOP-3", "summary", "missing-acceptance-criteria", 1, "Refund report"),
    ]  # a Task names no persona and is not told to  # fmt: skip
