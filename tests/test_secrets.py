"""No token from the environment ever appears in prdlint's output, errors or reports:
`prdlint check` in every format and failure, and `prdlint jira` on its failure paths
(the real `jira` client over HTTP against the emulator in tests/jira_emulator.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from jira_emulator import USERS, Emulator, IssueSpec

FORMATS = ("text", "json", "github", "sarif", "junit", "markdown", "html")
# Distinctive values: any of them in any output is a leak.
API_TOKEN = "api-tok-7f3c9e1d-SECRET"
PAT = "pat-4b2a8d6e-SECRET"
URL_PASSWORD = "urlpw-91ac-SECRET"
SECRETS = (API_TOKEN, PAT, URL_PASSWORD, USERS["cloud"][1], USERS["dc"])

BAD_PRD = (
    "# Checkout\n\n## Stories\n\n"
    "- As a shopper, I want prices kept in Redis, so that pages load TBD.\n"
    "  - Given a price, then it shows.\n"
)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIRA_")}
    env.update(
        JIRA_URL=f"http://pm:{URL_PASSWORD}@127.0.0.1:{closed_port()}",
        JIRA_EMAIL="pm@example.com",
        JIRA_API_TOKEN=API_TOKEN,
        JIRA_PAT=PAT,
        NO_PROXY="127.0.0.1,localhost",
        NO_COLOR="1",
    )
    env.update(extra)
    return env


def prdlint(
    args: Sequence[str], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prdlint", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def assert_no_secret(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked into output"
        assert "Traceback" not in text


def files_text(directory: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in directory.iterdir())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "prd.md").write_text(BAD_PRD, encoding="utf-8")
    (tmp_path / "reports").mkdir()
    return tmp_path


def _verbose_flag(project: Path) -> list[str]:
    """`--verbose` where the check command has it (it prints more: settings, timings)."""
    help_text = prdlint(["check", "--help"], project, environment()).stdout
    return ["--verbose"] if "--verbose" in help_text else []


# -- prdlint check -------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", FORMATS)
def test_check_reports_in_every_format_carry_no_secret(project: Path, output_format: str) -> None:
    verbose = _verbose_flag(project)
    shown = prdlint(["check", "prd.md", "-f", output_format, *verbose], project, environment())
    assert shown.returncode == 1
    assert "Redis" in shown.stdout  # the report is really there
    report = project / "reports" / f"report.{output_format}"
    written = prdlint(
        ["check", "prd.md", "-f", output_format, "-o", str(report), "--show-rule-source", *verbose],
        project,
        environment(),
    )
    assert written.returncode == 1
    assert "Redis" in report.read_text(encoding="utf-8")
    assert_no_secret(shown.stdout, shown.stderr, written.stdout, written.stderr, files_text(
        project / "reports"
    ))  # fmt: skip


@pytest.mark.parametrize(
    ("files", "config"),
    [
        ({"prd.md": BAD_PRD}, None),  # plain run
        ({}, None),  # missing path
        ({"prd.md": b"\x00\x01binary"}, None),  # unreadable input
        ({"prd.md": BAD_PRD}, "select: [no-such-rule]\n"),  # config error
        ({"prd.md": BAD_PRD}, "select: [a\n"),  # invalid YAML
        ({"prd.md": BAD_PRD}, f"allow-terms: [{API_TOKEN}]\nnope: 1\n"),  # unknown key
    ],
)
def test_check_errors_carry_no_secret(
    tmp_path: Path, files: dict[str, str | bytes], config: str | None
) -> None:
    for name, content in files.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if config is not None:
        (tmp_path / ".prdlint.yaml").write_text(config, encoding="utf-8")
    result = prdlint(["check", "prd.md", *_verbose_flag(tmp_path)], tmp_path, environment())
    assert result.returncode in (1, 2)
    assert_no_secret(result.stdout, result.stderr)


def test_other_commands_carry_no_secret(project: Path) -> None:
    for args in (["rules"], ["rule", "placeholder"], ["--version"], ["--help"], ["check", "-h"]):
        result = prdlint(args, project, environment())
        assert result.returncode == 0, args
        assert_no_secret(result.stdout, result.stderr)


# -- prdlint jira ----------------------------------------------------------------------------

ISSUES = [
    IssueSpec(
        "PROJ-1",
        "Keep prices",
        description="As a shopper, I want prices kept in Redis so that pages load.",
    ),
    IssueSpec("PROJ-2", "Receipts", description="As a buyer, I want receipts TBD."),
]


@pytest.fixture(params=["cloud", "dc"])
def emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    emu = Emulator(request.param, ISSUES, page_cap=1).start()
    yield emu
    emu.stop()


def jira_env(emu: Emulator, good: bool) -> dict[str, str]:
    """The emulator's URL and credentials for its mode, right or wrong."""
    env = environment(JIRA_URL=emu.url)
    if emu.mode == "cloud":
        del env["JIRA_PAT"]
        env["JIRA_API_TOKEN"] = USERS["cloud"][1] if good else API_TOKEN
    else:
        for name in ("JIRA_EMAIL", "JIRA_API_TOKEN"):
            del env[name]
        env["JIRA_PAT"] = USERS["dc"] if good else PAT
    return env


def run_jira(emu: Emulator | None, env: dict[str, str], cwd: Path, *args: str) -> str:
    result = prdlint(["jira", "PROJ", "--timeout", "5", *args], cwd, env)
    assert result.returncode in (1, 2), result.stderr
    if result.returncode == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stdout + result.stderr


def test_jira_connection_refused_with_credentials_in_the_url(tmp_path: Path) -> None:
    output = run_jira(None, environment(), tmp_path)
    assert output.startswith("prdlint: error: ")
    assert_no_secret(output)


def test_jira_bad_credentials(emulator: Emulator, tmp_path: Path) -> None:
    output = run_jira(emulator, jira_env(emulator, good=False), tmp_path)
    assert "prdlint: error: " in output
    assert_no_secret(output)


@pytest.mark.parametrize(
    ("status", "body", "headers"),
    [
        (500, "<html>oops</html>", {}),
        (429, "", {"Retry-After": "0"}),
        (400, '{"errorMessages":["Error in the JQL Query"]}', {}),
        (200, "{not json", {}),
    ],
)
def test_jira_failures_while_searching(
    emulator: Emulator, tmp_path: Path, status: int, body: str, headers: dict[str, str]
) -> None:
    emulator.fail(r"/search", status, body, headers=headers)
    output = run_jira(emulator, jira_env(emulator, good=True), tmp_path)
    assert "prdlint: error: " in output
    assert_no_secret(output)


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "html"])
def test_jira_reports_carry_no_secret(
    emulator: Emulator, tmp_path: Path, output_format: str
) -> None:
    report = tmp_path / f"report.{output_format}"
    output = run_jira(
        emulator, jira_env(emulator, good=True), tmp_path, "-f", output_format, "-o", str(report)
    )
    assert "prdlint: error" not in output, output
    text = report.read_text(encoding="utf-8")
    assert "PROJ-1" in text
    assert_no_secret(output, text)


# -- masking whole tokens, and configuration errors blamed on the configuration ------------


def test_mask_replaces_whole_tokens_not_substrings() -> None:
    from prdlint.jira_live import mask

    message = "check that JIRA_URL points at Jira (with its context path)"
    assert mask(message, ["e", "x"]) == message  # a one-character token garbles nothing
    assert mask("token e rejected; e, then (e)", ["e"]) == "token *** rejected; ***, then (***)"
    assert mask("a=s3cr3t&b=1 Bearer s3cr3t", ["s3cr3t"]) == "a=***&b=1 Bearer ***"
    assert mask("xs3cr3t s3cr3tx", ["s3cr3t"]) == "xs3cr3t s3cr3tx"
    assert mask("https://pm:pw@host/x", []) == "https://***@host/x"


def test_jira_error_with_a_one_character_token_is_not_garbled(tmp_path: Path) -> None:
    env = environment(JIRA_URL=f"http://127.0.0.1:{closed_port()}", JIRA_PAT="e")
    del env["JIRA_API_TOKEN"]
    result = prdlint(["jira", "PROJ", "--timeout", "5"], tmp_path, env)
    assert result.returncode == 2
    assert result.stderr.startswith("prdlint: error: cannot connect to Jira at http://127.0.0.1:")
    assert result.stderr.endswith(
        "(connection refused) while connecting: check JIRA_URL or --server and that the site is "
        "reachable\n"
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:99999", "Jira server 'http://127.0.0.1:99999' has an invalid port"),
        ("http://127.0.0.1:abc", "Jira server 'http://127.0.0.1:abc' has an invalid port"),
        ("http://[::1", "Jira server 'http://[::1' is not a valid URL (Invalid IPv6 URL)"),
    ],
)
def test_jira_invalid_url_is_a_configuration_error(tmp_path: Path, url: str, message: str) -> None:
    result = prdlint(["jira", "PROJ"], tmp_path, environment(JIRA_URL=url))
    assert result.returncode == 2
    assert result.stderr == (
        f"prdlint: error: {message}: set JIRA_URL like https://your-site.atlassian.net"
        " or https://host/jira\n"
    )


@pytest.mark.parametrize("variable", ["JIRA_PAT", "JIRA_API_TOKEN", "JIRA_EMAIL"])
def test_jira_credential_with_a_line_break_is_a_configuration_error(
    tmp_path: Path, variable: str
) -> None:
    env = environment(JIRA_URL=f"http://127.0.0.1:{closed_port()}")
    if variable != "JIRA_PAT":
        del env["JIRA_PAT"]
    env[variable] = f"{PAT[:8]}\n{PAT[8:]}"
    result = prdlint(["jira", "PROJ"], tmp_path, env)
    assert result.returncode == 2
    assert result.stderr == (
        f"prdlint: error: {variable} holds a line break or control character; "
        "set it to the credential alone\n"
    )


@pytest.mark.parametrize("timeout", ["nan", "inf", "-1", "0"])
def test_jira_timeout_must_be_a_finite_number_above_zero(tmp_path: Path, timeout: str) -> None:
    result = prdlint(["jira", "PROJ", "--timeout", timeout], tmp_path, environment())
    assert result.returncode == 2
    assert "Invalid value for '--timeout'" in result.stderr
    assert "Traceback" not in result.stderr
    (tmp_path / ".prdlint.yaml").write_text(f"jira: {{timeout: .{timeout}}}\n", encoding="utf-8")
    if timeout in ("nan", "inf"):
        result = prdlint(["jira", "PROJ"], tmp_path, environment())
        assert result.returncode == 2
        assert result.stderr.endswith("key 'jira.timeout': must be a number of seconds above 0\n")
