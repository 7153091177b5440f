"""The CLI end to end: exit codes, output shapes, stdin, rule docs and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prdlint.cli import cli

BAD_STORY = "- As a shopper, I want prices kept in Redis, so that pages load.\n  - Prices show.\n"
CLEAN_STORY = (
    "- As a shopper, I want to compare prices, so that I buy the best offer.\n  - Prices show.\n"
)


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)


def write(name: str, text: str | bytes) -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_findings_print_as_path_line_col_code_name_message_and_exit_1() -> None:
    write("docs/prd.md", BAD_STORY)
    result = run("check", "docs")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docs/prd.md:1:39: PRD101 solution-prescriptive names the solution (Redis); "
        "state the user's need and leave the how to the team",
        "Found 1 finding (1 warning) in 2 items (1 file).",
    ]


def test_clean_input_exits_0() -> None:
    write("prd.md", CLEAN_STORY)
    result = run("check", "prd.md")
    assert result.exit_code == 0
    assert result.stdout == "No findings in 2 items (1 file).\n"


def test_fail_on_error_lets_warnings_pass() -> None:
    write("prd.md", BAD_STORY)
    assert run("check", "prd.md", "--fail-on", "error").exit_code == 0


def test_severity_override_in_config_decides_the_exit_code(tmp_path: Path) -> None:
    write("prd.md", BAD_STORY)
    write(".prdlint.yaml", "severity:\n  solution-prescriptive: info\n")
    result = run("check", "prd.md")
    assert result.exit_code == 0
    assert "PRD101" in result.stdout


def test_json_report_shape() -> None:
    write("prd.md", BAD_STORY)
    report = json.loads(run("check", "prd.md", "--format", "json").stdout)
    assert report["findings"] == [
        {
            "rule": "solution-prescriptive",
            "code": "PRD101",
            "severity": "warning",
            "message": "names the solution (Redis); state the user's need and leave the how to the team",
            "location": {
                "path": "prd.md", "line": 1, "column": 39, "end_line": 1, "end_column": 44,
                "issue": None, "field": None, "url": None,
            },
            "item": {
                "id": "prd.md:1",
                "kind": "story",
                "title": "As a shopper, I want prices kept in Redis, so that pages load.",
            },
            "snippet": "Redis",
        }
    ]  # fmt: skip
    assert report["summary"] == {
        "files": 1,
        "items": 2,
        "findings": 1,
        "by_rule": {"solution-prescriptive": 1},
    }


def test_output_file_receives_the_report() -> None:
    write("prd.md", BAD_STORY)
    result = run("check", "prd.md", "--format", "json", "--output", "report.json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(Path("report.json").read_text())["summary"]["findings"] == 1


def test_stdin_is_read_as_markdown() -> None:
    result = run("check", "-", stdin=BAD_STORY)
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:1:39: PRD101 solution-prescriptive")


def test_story_lists_only_when_named_or_included() -> None:
    write("backlog/stories.txt", "I want to export data.\n")
    write("backlog/requirements.txt", "click>=8\n")
    write("backlog/readme.md", "# Backlog\n")
    assert run("check", "backlog").stdout == "No findings in 1 item (1 file).\n"
    named = run("check", "backlog/stories.txt", "--select", "missing-persona")
    assert named.stdout.splitlines()[0] == (
        "backlog/stories.txt:1:1: PRD201 missing-persona names no persona; "
        "say who wants this (As a ..., I want ...)"
    )
    write(".prdlint.yaml", "include: ['backlog/stories.txt']\nselect: [missing-persona]\n")
    assert run("check", "backlog").exit_code == 1


def test_gitignored_and_excluded_files_are_skipped() -> None:
    subprocess.run(["git", "init", "-q"], check=True)
    write(".gitignore", "build/\n")
    write("build/out.md", BAD_STORY)
    write("drafts/old.md", BAD_STORY)
    write("docs/prd.md", CLEAN_STORY)
    write(".prdlint.yaml", "exclude: ['drafts/*']\n")
    result = run("check", ".")
    assert result.exit_code == 0, result.stdout


def test_select_and_ignore_by_name_code_and_category() -> None:
    write("prd.md", "- As a shopper, I want prices kept in Redis.\n  - shown\n")

    def codes(*args: str) -> list[str]:
        lines = run("check", "prd.md", *args).stdout.splitlines()[:-1]
        return [line.split()[1] for line in lines]

    assert codes("--select", "PRD101") == ["PRD101"]
    assert codes("--select", "missing") == ["PRD202"]
    assert codes("--ignore", "solution-prescriptive") == ["PRD202"]
    assert codes("--select", "solution") == ["PRD101"]


def test_rules_lists_every_rule() -> None:
    result = run("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["PRD101", "solution-prescriptive", "warning"]
    assert any(line.split()[1] == "placeholder" for line in lines if line.strip())


def test_rule_prints_its_documentation_by_name_or_code() -> None:
    by_name = run("rule", "database-detail").stdout
    assert by_name == run("rule", "PRD102").stdout
    assert by_name.startswith("# database-detail (PRD102)\n")
    for heading in ("## Why is this bad?", "## Example", "## Use instead", "## How to fix"):
        assert heading in by_name


def test_python_dash_m_prdlint_works(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "prdlint", "rule", "placeholder"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("# placeholder (PRD303)")


# -- bad input: one line on stderr, exit 2, no traceback, other files still linted ----------


def assert_error(result: Result, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert message in result.stderr.splitlines()


def test_missing_path_is_reported_and_other_files_still_linted() -> None:
    write("prd.md", BAD_STORY)
    result = run("check", "nope.md", "prd.md")
    assert_error(result, "prdlint: error: nope.md: no such file or directory")
    assert "prd.md:1:39: PRD101" in result.stdout


def test_directory_without_lintable_files() -> None:
    write("empty/notes.rst", "nothing\n")
    assert_error(
        run("check", "empty"),
        "prdlint: error: empty: no markdown PRDs or configured story files here",
    )


def test_binary_file_with_md_name() -> None:
    write("logo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write("prd.md", BAD_STORY)
    result = run("check", "logo.md", "prd.md")
    assert_error(result, "prdlint: error: logo.md: binary file (contains NUL bytes), not text")
    assert "prd.md:1:39: PRD101" in result.stdout


def test_invalid_utf8_markdown() -> None:
    write("bad.md", b"# Title\n\nCaf\xe9 menu\n")
    assert_error(
        run("check", "bad.md"),
        "prdlint: error: bad.md: invalid UTF-8 at byte 12; save the file as UTF-8",
    )


def test_empty_file_is_clean() -> None:
    write("empty.md", "")
    result = run("check", "empty.md")
    assert result.exit_code == 0
    assert result.stdout == "No findings in 1 item (1 file).\n"


def test_unsupported_file_type_named_explicitly() -> None:
    write("notes.rst", "x\n")
    result = run("check", "notes.rst")
    assert result.exit_code == 2
    assert result.stderr.startswith("prdlint: error: notes.rst: not a supported file type (.md")


def test_broken_yaml_config_names_file_and_line() -> None:
    write("prd.md", CLEAN_STORY)
    write(".prdlint.yaml", "select: [a\nignore: b\n")
    result = run("check", "prd.md")
    assert result.exit_code == 2
    assert result.stderr.startswith("prdlint: error: ")
    assert ".prdlint.yaml: invalid YAML at line" in result.stderr


def test_broken_toml_config() -> None:
    write("prd.md", CLEAN_STORY)
    write("pyproject.toml", "[tool.prdlint]\nselect = [\n")
    result = run("check", "prd.md")
    assert result.exit_code == 2
    assert "pyproject.toml: invalid TOML" in result.stderr


def test_unknown_config_key() -> None:
    write("prd.md", CLEAN_STORY)
    write(".prdlint.yaml", "selct: [placeholder]\n")
    result = run("check", "prd.md")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"prdlint: error: {Path.cwd() / '.prdlint.yaml'}: unknown key 'selct'"
    )


def test_unknown_rule_in_select_and_ignore() -> None:
    write("prd.md", CLEAN_STORY)
    assert_error(
        run("check", "prd.md", "--select", "no-such-rule"),
        "prdlint: error: --select: unknown rule 'no-such-rule' (see `prdlint rules` for names, codes and tags)",
    )
    assert run("check", "prd.md", "--ignore", "nope").exit_code == 2


def test_unknown_rule_doc() -> None:
    assert_error(run("rule", "nope"), "prdlint: error: unknown rule 'nope' (see `prdlint rules`)")


def test_unknown_format() -> None:
    write("prd.md", CLEAN_STORY)
    result = run("check", "prd.md", "--format", "yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("prdlint: error: unknown format 'yaml' (known: ")
