"""One table of built-in formats: the entry points, the fast path and `--format` help
all come from prdlint.formatters.BUILTIN_FORMATS."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import prdlint.formatters
from prdlint.cli import cli
from prdlint.formatters import BUILTIN_FORMATS, load_formatter

ROOT = Path(__file__).resolve().parents[1]


def _no_scan(group: str) -> Any:
    raise AssertionError(f"scanned installed distributions for {group}")


def test_the_entry_points_are_the_table() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["entry-points"]["prdlint.formatters"]
    table = {f.name: f"prdlint.formatters.{f.target}" for f in BUILTIN_FORMATS}
    assert declared == table


@pytest.mark.parametrize("name", [f.name for f in BUILTIN_FORMATS])
def test_every_builtin_loads_without_scanning_distributions(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prdlint.formatters, "entry_points", _no_scan)
    assert callable(load_formatter(name))


def test_format_gitlab_through_the_cli_takes_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "prd.md").write_text("# PRD\n\n- As a shopper, I want a fast checkout.\n")
    monkeypatch.setattr(prdlint.formatters, "entry_points", _no_scan)
    result = CliRunner().invoke(cli, ["check", "--select", "vague-term", "-f", "gitlab", "prd.md"])
    assert result.exit_code == 1, result.output
    assert '"check_name": "PRD302 vague-term"' in result.stdout


def test_format_help_names_every_builtin() -> None:
    help_text = " ".join(CliRunner().invoke(cli, ["check", "--help"]).stdout.split())
    names = ", ".join(f.name for f in BUILTIN_FORMATS)
    assert f"Format: {names} (or a plugin's)." in help_text
