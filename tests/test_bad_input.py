"""Bad input of every kind: correct findings, or one line on stderr and exit code 2, never a
traceback, and never the loss of the other files' findings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import SHARED

from prdlint.cli import cli
from prdlint.readers import MAX_FILE_BYTES

CORPUS = SHARED / "corpus"
CORPUS_FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.is_dir() else []

GOOD_FILE = "prd.md"  # a file with one known finding, linted beside every bad input
GOOD_TEXT = "- As a shopper, I want prices kept in Redis, so that pages load.\n  - Prices show.\n"
GOOD_FINDING = (
    "prd.md:1:39: PRD101 solution-prescriptive names the solution (Redis); "
    "state the user's need and leave the how to the team"
)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path(GOOD_FILE).write_text(GOOD_TEXT, encoding="utf-8")


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    # Only SystemExit (the exit code) may leave the command: anything else is a crash.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def assert_one_error(result: Result, line: str) -> None:
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [line]


def assert_good_file_still_linted(result: Result) -> None:
    assert GOOD_FINDING in result.stdout.splitlines()


# -- every real file in the shared corpus --------------------------------------------------


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.relative_to(CORPUS).as_posix())
def test_every_corpus_file_named_explicitly(path: Path) -> None:
    result = run("check", str(path), GOOD_FILE)
    notice = "prdlint: notice: "  # a file read with no backlog item in it: not an error
    errors = [line for line in result.stderr.splitlines() if not line.startswith(notice)]
    if errors:  # a file prdlint cannot lint (e.g. a Jira sample that is not a search result)
        assert result.exit_code == 2
        assert len(errors) == 1
        assert errors[0].startswith(f"prdlint: error: {path}: ")
    else:
        assert result.exit_code == 1
    assert_good_file_still_linted(result)


def test_corpus_files_that_are_not_lintable_give_the_expected_reason() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    labels = next(CORPUS.glob("labels/*.jsonl"))
    result = run("check", str(labels), GOOD_FILE)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"prdlint: error: {labels}: not a supported file type (")
    assert_good_file_still_linted(result)


# -- empty, huge and binary files ----------------------------------------------------------


def test_empty_markdown_and_story_list() -> None:
    Path("empty.md").write_bytes(b"")
    Path("empty.txt").write_bytes(b"")
    result = run("check", "empty.md", "empty.txt", GOOD_FILE)
    assert result.exit_code == 1
    assert result.stderr == ""
    assert_good_file_still_linted(result)


def test_whitespace_and_bom_only_files() -> None:
    Path("blank.md").write_bytes(b"\xef\xbb\xbf\r\n\r\n   \r\n")
    Path("blank.txt").write_bytes(b"\xff\xfe" + " \r\n".encode("utf-16-le"))
    result = run("check", "blank.md", "blank.txt", GOOD_FILE)
    assert result.exit_code == 1
    assert result.stderr == ""
    assert_good_file_still_linted(result)


def test_a_few_megabytes_of_markdown_give_every_finding_at_its_line() -> None:
    section = "## Feature {n}\n\n- As a shopper, I want prices kept in Redis, so that pages load.\n"
    sections = 6000  # about 0.5 MB; each section is 3 lines plus a blank line
    text = "# Big PRD\n\n" + "\n".join(section.format(n=n) for n in range(sections))
    Path("big.md").write_text(text * 4, encoding="utf-8")  # about 2 MB
    result = run("check", "big.md", GOOD_FILE, "--select", "solution-prescriptive")
    assert result.exit_code == 1
    assert result.stderr == ""
    lines = [line for line in result.stdout.splitlines() if line.startswith("big.md:")]
    assert len(lines) == sections * 4
    copy_lines = text.count("\n")
    expected = [
        f"big.md:{copy * copy_lines + 5 + 4 * n}:39: PRD101 solution-prescriptive names the "
        "solution (Redis); state the user's need and leave the how to the team"
        for copy in range(4)
        for n in range(sections)
    ]
    assert lines == expected
    assert_good_file_still_linted(result)


def test_file_over_the_size_limit_is_refused_without_reading_it() -> None:
    with open("huge.md", "wb") as file:  # sparse: no disk space, no memory
        file.truncate(MAX_FILE_BYTES + 1024 * 1024)
    result = run("check", "huge.md", GOOD_FILE)
    limit = MAX_FILE_BYTES >> 20
    assert_one_error(
        result,
        f"prdlint: error: huge.md: file too large ({limit + 1} MiB; the limit is {limit} MiB)",
    )
    assert_good_file_still_linted(result)


def test_binary_file_with_a_markdown_name() -> None:
    Path("image.md").write_bytes(bytes(range(256)) * 8)
    result = run("check", "image.md", GOOD_FILE)
    assert_one_error(result, "prdlint: error: image.md: binary file (contains NUL bytes), not text")
    assert_good_file_still_linted(result)


def test_nul_bytes_past_the_sniffed_prefix_do_not_crash() -> None:
    Path("late.md").write_bytes(b"# Title\n\n" + b"word " * 3000 + b"\x00\x00 TODO\n")
    result = run("check", "late.md", GOOD_FILE)
    assert result.stderr == (
        "prdlint: notice: late.md: read no backlog items (no story, requirement or epic)\n"
    )
    assert "late.md:3:" in result.stdout  # the placeholder after the NULs is still found
    assert_good_file_still_linted(result)


def test_story_list_in_windows_1252_and_utf16() -> None:
    Path("cp1252.txt").write_bytes("As a caf\xe9 owner, I want TBD.\r\n".encode("cp1252"))
    Path("utf16.txt").write_bytes("As a café owner, I want TBD.\r\n".encode("utf-16"))
    result = run("check", "cp1252.txt", "utf16.txt", GOOD_FILE, "--select", "placeholder")
    assert result.stderr == ""
    message = "contains the placeholder 'TBD'; decide it or move it to Open questions"
    assert result.stdout.splitlines()[:2] == [
        f"cp1252.txt:1:25: PRD303 placeholder {message}",
        f"utf16.txt:1:25: PRD303 placeholder {message}",
    ]


# -- paths that are not plain readable files -----------------------------------------------


def test_directory_loop_through_symlinks_is_walked_once() -> None:
    Path("docs/sub").mkdir(parents=True)
    Path("docs/sub/prd.md").write_text(GOOD_TEXT, encoding="utf-8")
    os.symlink("..", "docs/sub/loop")
    os.symlink(".", "docs/self")
    result = run("check", "docs", "--select", "solution-prescriptive")
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        GOOD_FINDING.replace("prd.md", "docs/sub/prd.md"),
        "Found 1 finding (1 warning) in 2 items (1 file).",
    ]


def test_symlink_pointing_at_itself() -> None:
    os.symlink("loop.md", "loop.md")
    result = run("check", "loop.md", GOOD_FILE)
    assert_one_error(result, "prdlint: error: loop.md: Too many levels of symbolic links")
    assert_good_file_still_linted(result)


def test_dangling_symlink() -> None:
    os.symlink("gone.md", "dangling.md")
    result = run("check", "dangling.md", GOOD_FILE)
    assert_one_error(result, "prdlint: error: dangling.md: No such file or directory")
    assert_good_file_still_linted(result)


def test_fifo_named_or_found_in_a_directory_never_blocks() -> None:
    Path("docs").mkdir()
    os.mkfifo("docs/pipe.md")
    os.mkfifo("pipe.md")
    Path("docs/prd.md").write_text(GOOD_TEXT, encoding="utf-8")
    # In a child process with a time limit: a regression would block on the read forever.
    result = subprocess.run(
        [sys.executable, "-m", "prdlint", "check", "pipe.md", "docs", "--select", "PRD101"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["prdlint: error: pipe.md: not a regular file"]
    assert result.stdout.splitlines()[0] == GOOD_FINDING.replace("prd.md", "docs/prd.md")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file() -> None:
    Path("secret.md").write_text("# Secret\n", encoding="utf-8")
    os.chmod("secret.md", 0)
    try:
        result = run("check", "secret.md", GOOD_FILE)
    finally:
        os.chmod("secret.md", 0o644)
    assert_one_error(result, "prdlint: error: secret.md: permission denied")
    assert_good_file_still_linted(result)


def test_unreadable_directory_entry_is_reported_not_fatal() -> None:
    # Works as root too: a directory with a .md name cannot be read as a file.
    Path("folder.md").mkdir()
    Path("folder.md/inner.md").write_text(GOOD_TEXT, encoding="utf-8")
    result = run("check", "folder.md", GOOD_FILE, "--select", "solution-prescriptive")
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.stdout.splitlines()[:2] == [
        GOOD_FINDING.replace("prd.md", "folder.md/inner.md"),
        GOOD_FINDING,
    ]


# -- broken configuration of every kind ----------------------------------------------------

CONFIG_CASES = [
    (
        ".prdlint.yaml",
        "select: [a\nignore: b\n",
        "{dir}/.prdlint.yaml: invalid YAML at line 2: expected ',' or ']', but got ':'",
    ),
    (
        ".prdlint.yaml",
        "- just\n- a list\n",
        "{dir}/.prdlint.yaml: the top level: must be a table (mapping)",
    ),
    (
        "pyproject.toml",
        "[tool.prdlint]\nselect = [\n",
        "{dir}/pyproject.toml: invalid TOML: Invalid value (at end of document)",
    ),
    (
        ".prdlint.yaml",
        "selct: [placeholder]\n",
        "{dir}/.prdlint.yaml: unknown key 'selct' (known: allow-terms, exclude, extend-select,"
        " fail-on, ignore, include, jira, options, per-file-ignores, rule-packs, select,"
        " severity, skip-sections)",
    ),
    (
        ".prdlint.yaml",
        "select: 5\n",
        "{dir}/.prdlint.yaml: key 'select': must be a list of strings",
    ),
    (
        ".prdlint.yaml",
        "severity: warning\n",
        "{dir}/.prdlint.yaml: key 'severity': must be a table (mapping)",
    ),
    (
        ".prdlint.yaml",
        "select: [no-such-rule]\n",
        "unknown rule 'no-such-rule' in select (see `prdlint rules` for names, codes and tags)",
    ),
    (
        ".prdlint.yaml",
        "ignore: [no-such-rule]\n",
        "unknown rule 'no-such-rule' in ignore (see `prdlint rules` for names, codes and tags)",
    ),
    (
        ".prdlint.yaml",
        "severity: {no-such-rule: error}\n",
        "{dir}/.prdlint.yaml: unknown rule 'no-such-rule' in rule settings",
    ),
    (
        ".prdlint.yaml",
        "severity: {placeholder: fatal}\n",
        "{dir}/.prdlint.yaml: key 'severity.placeholder': unknown severity 'fatal'"
        " (use error, warning or info)",
    ),
    (
        ".prdlint.yaml",
        "fail-on: fatal\n",
        "{dir}/.prdlint.yaml: key 'fail-on': unknown severity 'fatal' (use error, warning or info)",
    ),
    (
        ".prdlint.yaml",
        "rule-packs: [missing-pack.yaml]\n",
        "{dir}/missing-pack.yaml: rule pack not found",
    ),
    (".prdlint.yaml", b"select: [caf\xe9]\n", "{dir}/.prdlint.yaml: config is not UTF-8 text"),
]


@pytest.mark.parametrize(("name", "content", "message"), CONFIG_CASES)
def test_broken_config(name: str, content: str | bytes, message: str) -> None:
    if isinstance(content, bytes):
        Path(name).write_bytes(content)
    else:
        Path(name).write_text(content, encoding="utf-8")
    result = run("check", GOOD_FILE)
    assert_one_error(result, "prdlint: error: " + message.format(dir=Path.cwd()))
    assert result.stdout == ""


def test_bad_fail_on_flag_is_a_usage_error() -> None:
    result = run("check", GOOD_FILE, "--fail-on", "fatal")
    assert result.exit_code == 2
    assert "Invalid value for '--fail-on': 'fatal' is not one of 'error', 'warning', 'info'." in (
        result.stderr
    )


def test_config_flag_naming_a_missing_file() -> None:
    result = run("check", GOOD_FILE, "--config", "nope.yaml")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("prdlint: error: nope.yaml: ")


# -- an invalid date in YAML (PyYAML raises ValueError building it) ------------------------


def test_invalid_date_in_front_matter_is_text() -> None:
    Path("dated.md").write_text("---\ndate: 2024-02-30\n---\n# Notes\n", encoding="utf-8")
    result = run("check", "dated.md", GOOD_FILE)
    assert result.exit_code == 1
    assert_good_file_still_linted(result)


def test_invalid_date_in_config_and_pack_is_one_line() -> None:
    Path("pack.yaml").write_text("rules:\n  - code: X1\n    date: 2024-02-30\n", encoding="utf-8")
    assert_one_error(
        run("check", "--rules", "pack.yaml", GOOD_FILE),
        "prdlint: error: pack.yaml: rule 'X1': missing key 'name'",
    )
    Path(".prdlint.yaml").write_text("jira: {timeout: 2024-02-30}\n", encoding="utf-8")
    result = run("jira", "PROJ")
    assert result.exit_code == 2
    assert "key 'jira.timeout': must be a number of seconds above 0" in result.stderr
