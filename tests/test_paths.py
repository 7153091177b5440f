"""Predictable paths, as in ruff: each file is linted with its own project's config (found
walking up from the file), and `include`, `exclude` and `per-file-ignores` globs are
relative to that config's folder. So the results never depend on the current directory."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdlint.cli import cli

REDIS = "- As a shopper, I want prices kept in Redis, so that pages load.\n  - Prices show.\n"
STORY_LIST = "As a clerk, I want the form built with Angular, so that I file quickly.\n"
KAFKA = (
    "- As a driver, I want route updates sent through Kafka, so that I avoid traffic jams.\n"
    "  - Routes refresh.\n"
)
REACT = (
    "- As a teacher, I want the gradebook built in React, so that marking is quick.\n"
    "  - Grades save.\n"
)

PROJECT_CONFIG = """\
fail-on: error
include: ["backlog/*.txt"]
exclude: ["drafts/*"]
per-file-ignores:
  "docs/legacy/*.md": [solution-prescriptive]
"""

Found = tuple[str, str, int, int, str, str]  # rule, absolute path, line, column, severity, message


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(cwd: Path, *args: str) -> tuple[int, list[Found]]:
    """Exit code and findings of `prdlint check ARGS --format json` run from `cwd`, each
    path made absolute so that runs from different folders compare."""
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, ["check", *args, "--format", "json"])
    finally:
        os.chdir(previous)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    findings = [
        (
            f["rule"],
            Path(os.path.abspath(cwd / f["location"]["path"])).as_posix(),
            f["location"]["line"],
            f["location"]["column"],
            f["severity"],
            f["message"],
        )
        for f in json.loads(result.stdout)["findings"]
    ]
    return result.exit_code, findings


def redis_finding(path: Path) -> Found:
    return (
        "solution-prescriptive",
        path.as_posix(),
        1,
        39,
        "warning",
        "names the solution (Redis); state the user's need and leave the how to the team",
    )


def angular_finding(path: Path) -> Found:
    return (
        "solution-prescriptive",
        path.as_posix(),
        1,
        40,
        "warning",
        "names the solution (Angular); state the user's need and leave the how to the team",
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """outer/proj: a project whose config includes, excludes and ignores per file."""
    root = tmp_path / "outer" / "proj"
    write(root / ".prdlint.yaml", PROJECT_CONFIG)
    write(root / "docs" / "prd.md", REDIS)
    write(root / "docs" / "legacy" / "old.md", KAFKA)  # ignored per file
    write(root / "drafts" / "wip.md", REACT)  # excluded
    write(root / "backlog" / "stories.txt", STORY_LIST)  # included
    return root


def test_root_subdirectory_and_outside_give_the_same_findings_and_exit_code(
    project: Path,
) -> None:
    expected = [
        angular_finding(project / "backlog" / "stories.txt"),
        redis_finding(project / "docs" / "prd.md"),
    ]
    from_root = check(project, ".")
    from_subdirectory = check(project / "docs", "..")
    from_outside = check(project.parent, "proj")
    assert from_root == (0, expected)  # warnings only, and the project fails on errors
    assert from_subdirectory == from_root
    assert from_outside == from_root


def test_exclude_and_per_file_ignores_are_relative_to_the_config_folder(project: Path) -> None:
    named = ("legacy/old.md", "../drafts/wip.md", "prd.md")
    assert check(project / "docs", *named) == (0, [redis_finding(project / "docs" / "prd.md")])
    outside = [f"proj/docs/{name}" for name in named]
    assert check(project.parent, *outside) == (0, [redis_finding(project / "docs" / "prd.md")])


def test_two_projects_in_one_run_each_use_their_own_config(tmp_path: Path) -> None:
    quiet = write(tmp_path / "a" / "prd.md", REDIS)
    write(tmp_path / "a" / ".prdlint.yaml", "ignore: [solution-prescriptive]\n")
    lenient = write(tmp_path / "b" / "prd.md", REDIS)
    write(tmp_path / "b" / "pyproject.toml", '[tool.prdlint]\nfail-on = "error"\n')
    # a ignores the rule; b reports it, and its warning does not fail b (nor the run).
    assert check(tmp_path, "a", "b") == (0, [redis_finding(lenient)])
    # Each project's own fail-on: a's default (warning) fails on a finding of its own.
    write(tmp_path / "a" / ".prdlint.yaml", "ignore: []\n")
    assert check(tmp_path, "b", "a") == (1, [redis_finding(lenient), redis_finding(quiet)])


def test_config_option_is_every_files_config_with_globs_relative_to_it(project: Path) -> None:
    outer = project.parent
    write(outer / "strict.yaml", 'exclude: ["proj/docs/*"]\n')
    # The project's own config (exclude drafts, include backlog, fail-on error) is not read.
    wip = (project / "drafts" / "wip.md").as_posix()
    expected = [("solution-prescriptive", wip, 1, 47, "warning", REACT_MESSAGE)]
    assert check(project / "docs", "--config", "../../strict.yaml", "..") == (1, expected)
    assert check(outer, "--config", "strict.yaml", "proj") == (1, expected)


REACT_MESSAGE = "names the solution (React); state the user's need and leave the how to the team"


def test_the_editor_server_matches_globs_from_the_config_folder(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prdlint.lsp.lint import document_reader, lint_text

    monkeypatch.chdir(tmp_path)  # the server's own directory is neither root nor project
    root = project.parent  # a workspace holding the project
    reader = document_reader(None, "markdown")
    assert reader is not None
    old = project / "docs" / "legacy" / "old.md"
    wip = project / "drafts" / "wip.md"
    prd = project / "docs" / "prd.md"
    ignored = lint_text(KAFKA, old, reader, root).findings
    assert [f.rule for f in ignored if f.rule == "solution-prescriptive"] == []
    assert lint_text(REACT, wip, reader, root).findings == []
    reported = [
        (f.rule, f.location.path, f.location.line, f.location.column)
        for f in lint_text(REDIS, prd, reader, root).findings
    ]
    assert reported == [("solution-prescriptive", "proj/docs/prd.md", 1, 39)]


def test_a_file_in_no_project_gets_the_defaults_not_the_current_directorys(
    project: Path, tmp_path: Path
) -> None:
    loose = write(tmp_path / "loose" / "prd.md", REDIS)
    # The project's fail-on (error) is not the loose file's: its warning fails the run.
    assert check(project, str(loose)) == (1, [redis_finding(loose)])
