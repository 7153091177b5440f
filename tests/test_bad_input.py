"""Bad input of every kind: correct findings, or one line on stderr and exit code 2, never a
traceback, and never the loss of the other files' findings."""

from __future__ import annotations

import os
import re
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
        "{dir}/.prdlint.yaml: key 'select': unknown rule 'no-such-rule'"
        " (see `prdlint rules` for names, codes and tags)",
    ),
    (
        ".prdlint.yaml",
        "ignore: [no-such-rule]\n",
        "{dir}/.prdlint.yaml: key 'ignore': unknown rule 'no-such-rule'"
        " (see `prdlint rules` for names, codes and tags)",
    ),
    (
        ".prdlint.yaml",
        "extend-select: [nosuch]\n",
        "{dir}/.prdlint.yaml: key 'extend-select': unknown rule 'nosuch'"
        " (see `prdlint rules` for names, codes and tags)",
    ),
    (
        ".prdlint.yaml",
        "select: []\n",
        "{dir}/.prdlint.yaml: key 'select' is empty: name the rules to run"
        " (leave it out for the defaults)",
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


# -- names and exports that crashed the whole run ------------------------------------------


def test_non_utf8_file_name_in_a_git_work_tree() -> None:
    subprocess.run(["git", "init", "-q", "repo"], check=True)
    Path("repo/prd.md").write_text(GOOD_TEXT, encoding="utf-8")
    Path(os.fsdecode(b"repo/caf\xe9.png")).write_bytes(b"\x89PNG")
    Path(os.fsdecode(b"repo/caf\xe9.md")).write_text(GOOD_TEXT, encoding="utf-8")
    result = run("check", "repo", "--select", "solution-prescriptive")
    assert result.exit_code == 1
    assert result.stderr == ""
    name = "repo/caf\\xe9.md"  # the name's bytes, as git shows them
    assert result.stdout.splitlines()[:2] == [
        GOOD_FINDING.replace("prd.md", name),
        GOOD_FINDING.replace("prd.md", "repo/prd.md"),
    ]


def test_csv_export_with_a_field_over_128_kib() -> None:
    description = "The shopper sees the price. " * 6000  # about 170 KiB in one field
    Path("export.csv").write_text(
        f'Issue key,Summary,Description\nSHOP-1,"As a shopper, I want prices kept in Redis, '
        f'so that pages load.","{description}"\n',
        encoding="utf-8",
    )
    result = run("check", "export.csv", GOOD_FILE, "--select", "solution-prescriptive")
    assert result.stderr == ""
    assert result.stdout.splitlines()[:2] == [
        "SHOP-1 [summary:1]: PRD101 solution-prescriptive names the solution (Redis); "
        "state the user's need and leave the how to the team",
        GOOD_FINDING,
    ]


@pytest.mark.parametrize(
    ("labels", "suppressed"),
    [("5", False), ("9" * 5000, False), ('"prdlint-ignore"', True), ('"a b"', False)],
    ids=["number", "huge-integer", "string-label", "string-two-labels"],
)
def test_json_export_with_labels_that_are_not_a_list(labels: str, suppressed: bool) -> None:
    summary = "As a shopper, I want prices kept in Redis, so that pages load."
    Path("export.json").write_text(
        '{"issues": [{"key": "SHOP-1", "fields": {"summary": "'
        + summary
        + '", "labels": '
        + labels
        + "}}]}",
        encoding="utf-8",
    )
    result = run("check", "export.json", GOOD_FILE, "--select", "solution-prescriptive")
    assert result.stderr == ""
    expected = (
        []
        if suppressed
        else [
            "SHOP-1 [summary:1]: PRD101 solution-prescriptive names the solution (Redis); "
            "state the user's need and leave the how to the team"
        ]
    )
    assert result.stdout.splitlines()[: len(expected) + 1] == [*expected, GOOD_FINDING]


# -- standard input and bounded reads (each in a child process with a time limit: a
# regression would read forever or block) -----------------------------------------------


def prdlint_process(*args: str, stdin: object = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "prdlint", *args],
        stdin=stdin,  # type: ignore[arg-type]
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return result


def test_closed_stdin_is_never_read_unless_dash_is_given() -> None:
    # `prdlint check prd.md <&-`: the child starts with file descriptor 0 closed.
    command = [sys.executable, "-m", "prdlint", "check", GOOD_FILE, "--select", "PRD101"]
    result = subprocess.run(
        ["sh", "-c", '"$@" <&-', "sh", *command], capture_output=True, text=True, timeout=120
    )
    assert result.stderr == ""
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == GOOD_FINDING
    result = subprocess.run(
        ["sh", "-c", '"$@" <&-', "sh", *command, "-"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["prdlint: error: <stdin>: standard input is closed"]
    assert result.stdout.splitlines()[0] == GOOD_FINDING


def test_endless_standard_input_is_read_only_to_the_limit() -> None:
    with open("/dev/zero", "rb") as zero:
        result = prdlint_process("check", "-", GOOD_FILE, "--select", "PRD101", stdin=zero)
    limit = MAX_FILE_BYTES >> 20
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"prdlint: error: <stdin>: standard input too large (over {limit} MiB, the limit)"
    ]
    assert result.stdout.splitlines()[0] == GOOD_FINDING


def test_symlinks_to_devices_and_fifos_are_not_regular_files() -> None:
    os.symlink("/dev/zero", "zero.md")
    os.symlink("/dev/urandom", "random.txt")
    os.mkfifo("pipe")
    os.symlink("pipe", "pipe.md")
    result = prdlint_process("check", "zero.md", "random.txt", "pipe.md", GOOD_FILE)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "prdlint: error: zero.md: not a regular file",
        "prdlint: error: random.txt: not a regular file",
        "prdlint: error: pipe.md: not a regular file",
    ]
    assert result.stdout.splitlines()[0] == GOOD_FINDING


@pytest.mark.parametrize("device", ["/dev/zero", "fifo"])
def test_rule_pack_and_config_that_are_devices_or_fifos(device: str) -> None:
    if device == "fifo":
        os.mkfifo("fifo")
    os.symlink(device, "pack.yaml")
    result = prdlint_process("check", "--rules", "pack.yaml", GOOD_FILE)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "prdlint: error: pack.yaml: cannot read rule pack: not a regular file"
    ]
    os.symlink(device, "config.yaml")
    result = prdlint_process("check", "--config", "config.yaml", GOOD_FILE)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "prdlint: error: config.yaml: cannot read config: not a regular file"
    ]


def test_rule_pack_over_the_size_limit() -> None:
    with open("pack.yaml", "wb") as file:  # sparse
        file.truncate(MAX_FILE_BYTES + 1024 * 1024)
    result = run("check", "--rules", "pack.yaml", GOOD_FILE)
    limit = MAX_FILE_BYTES >> 20
    assert_one_error(
        result,
        f"prdlint: error: pack.yaml: cannot read rule pack: file too large ({limit + 1} MiB;"
        f" the limit is {limit} MiB)",
    )


# -- output: streams that cannot encode the text, control characters, -o ------------------

COFFEE_TEXT = (
    "- As a barista, I want ☕ prices kept in Redis, so that pages load.\n  - Prices show.\n"
)
COFFEE_FINDING = (
    "coffee.md:1:41: PRD101 solution-prescriptive names the solution (Redis); "
    "state the user's need and leave the how to the team"
)


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "html", "junit", "markdown",
                                           "github", "gitlab"])  # fmt: skip
@pytest.mark.parametrize("verbose", [False, True], ids=["plain", "verbose"])
def test_stdout_that_cannot_encode_the_text(output_format: str, verbose: bool) -> None:
    Path("coffee.md").write_text(COFFEE_TEXT, encoding="utf-8")
    args = ["check", "coffee.md", "--select", "PRD101", "--format", output_format]
    result = subprocess.run(
        [sys.executable, "-m", "prdlint", *args, *(["--verbose"] if verbose else [])],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252", "NO_COLOR": "1"},
        timeout=120,
        check=False,
    )
    assert result.stderr == b""
    assert result.returncode == 1
    if output_format in ("json", "sarif", "html", "junit", "gitlab"):
        # Documents that declare UTF-8 are written as UTF-8 whatever the terminal's encoding.
        text = result.stdout.decode("utf-8")
        assert ("☕" in text) is (output_format != "gitlab")  # gitlab has no source text
    else:  # text for people: in the stream's encoding, what it cannot show replaced
        text = result.stdout.decode("cp1252")
        assert "☕" not in text
        if output_format == "text" and not verbose:
            assert text.splitlines()[0] == COFFEE_FINDING


def test_control_characters_of_document_text_never_reach_the_output() -> None:
    # OSC 52 writes the clipboard; ESC[2J clears the screen; C1 CSI (U+009B) is an escape too.
    hostile = "\x1b]52;c;ZXZpbA==\x07 Redis \x1b[2J \x9b31m \x08\x7f"
    Path("coffee.md").write_text(
        f"- As a barista, I want prices kept in Redis, so that pages load. {hostile}\n",
        encoding="utf-8",
    )
    for extra in ([], ["--verbose"], ["--format", "github"], ["--format", "markdown"]):
        result = run("check", "coffee.md", "--select", "PRD101", *extra)
        assert result.exit_code == 1
        for control in ("\x1b", "\x07", "\x9b", "\x08", "\x7f"):
            assert control not in result.stdout, (extra, control)
    result = run("check", "coffee.md", "--select", "PRD101", "--verbose")
    assert "| As a barista, I want prices kept in Redis, so that pages load. ␛]52;c;" in (
        result.stdout
    )


def test_control_characters_in_a_file_name_are_replaced_in_errors() -> None:
    result = run("check", "evil\x1b[2J.md", GOOD_FILE)
    assert_one_error(result, "prdlint: error: evil␛[2J.md: no such file or directory")


def test_output_dash_means_standard_output() -> None:
    result = run("check", GOOD_FILE, "--select", "PRD101", "-o", "-")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == GOOD_FINDING
    assert not Path("-").exists()


def test_output_never_overwrites_an_input_file() -> None:
    result = run("check", GOOD_FILE, "--format", "json", "-o", GOOD_FILE)
    assert_one_error(
        result, "prdlint: error: prd.md: --output would overwrite an input file; name another"
    )
    assert Path(GOOD_FILE).read_text(encoding="utf-8") == GOOD_TEXT
    Path("docs").mkdir()
    Path("docs/a.md").write_text(GOOD_TEXT, encoding="utf-8")
    result = run("check", "docs", "-o", "docs/a.md")
    assert_one_error(
        result, "prdlint: error: docs/a.md: --output would overwrite an input file; name another"
    )
    assert Path("docs/a.md").read_text(encoding="utf-8") == GOOD_TEXT


# -- prdlint's own faults -----------------------------------------------------------------


def test_internal_error_has_its_own_exit_code_and_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from prdlint.engine import Linter

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a value quoted from a document")

    monkeypatch.setattr(Linter, "lint", broken)
    result = CliRunner().invoke(cli, ["check", GOOD_FILE])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert re.fullmatch(
        r"prdlint: internal error: KeyError at runner\.py:\d+; this is a bug in prdlint or a "
        r"plugin, not in the input: please report it \(PRDLINT_DEBUG=1 shows the traceback\)\n",
        result.stderr,
    ), result.stderr


# -- empty selections and paths ------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["--select", ""], "--select is empty: name the rules to run (leave it out for the defaults)"),
        (["--select", " , "], "--select is empty: name the rules to run (leave it out for the defaults)"),
        (["--extend-select", "nosuch"], "--extend-select: unknown rule 'nosuch' (see `prdlint rules` for names, codes and tags)"),
        (["--ignore", "PRD101,nosuch"], "--ignore: unknown rule 'nosuch' (see `prdlint rules` for names, codes and tags)"),
    ],
)  # fmt: skip
def test_empty_or_unknown_selection_flags(args: list[str], line: str) -> None:
    result = run("check", GOOD_FILE, *args)
    assert_one_error(result, f"prdlint: error: {line}")
    assert result.stdout == ""


def test_select_flag_overrides_an_empty_config_select() -> None:
    Path(".prdlint.yaml").write_text("select: []\n", encoding="utf-8")
    result = run("check", GOOD_FILE, "--select", "PRD101")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == GOOD_FINDING


def test_empty_path_is_an_error_not_the_current_directory() -> None:
    result = run("check", "")
    assert_one_error(result, 'prdlint: error: "": empty path')
    assert result.stdout.splitlines() == ["No findings in 0 items (0 files)."]
    result = run("check", "", GOOD_FILE, "--select", "PRD101")
    assert_one_error(result, 'prdlint: error: "": empty path')
    assert result.stdout.splitlines()[0] == GOOD_FINDING


# -- findings capped per rule per item -----------------------------------------------------


def test_findings_are_capped_per_rule_per_item_and_the_rest_counted() -> None:
    story = "- As a shopper, I want " + " and ".join(["TBD"] * 250) + ", so that pages load.\n"
    Path("many.md").write_text(story, encoding="utf-8")
    result = run("check", "many.md", GOOD_FILE, "--select", "placeholder,PRD101")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("many.md:")]
    message = (
        "PRD303 placeholder contains the placeholder 'TBD'; decide it or move it to Open questions"
    )
    assert lines == [f"many.md:1:{24 + 8 * n}: {message}" for n in range(100)]
    assert result.stderr.splitlines() == [
        "prdlint: notice: many.md:1: placeholder found 150 more in this item, "
        "left out (the first 100 are shown)"
    ]
    assert_good_file_still_linted(result)
