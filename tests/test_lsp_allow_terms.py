""" "Allow this term" edits the project config line by line: each shape of `allow-terms`
the edit extends, read back by prdlint's own config loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from prdlint.config import read_config_file
from prdlint.lsp.allow_terms import ConfigEdit, add_allowed_term


def _apply(text: str, edit: ConfigEdit) -> str:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n") and edit.line >= len(lines):
        lines[-1] += "\n"
    return "".join([*lines[: edit.line], edit.text, *lines[edit.end_line :]])


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        (".prdlint.yaml", "allow-terms: [CSV]\n", "allow-terms: [CSV, Redis]\n"),
        (".prdlint.yaml", "allow-terms: []  # none\n", "allow-terms: [Redis]  # none\n"),
        (
            ".prdlint.yaml",
            "allow-terms:\n    - CSV\n    - REST API\nfail-on: error\n",
            "allow-terms:\n    - CSV\n    - REST API\n    - Redis\nfail-on: error\n",
        ),
        (".prdlint.yml", "fail-on: error\n", "fail-on: error\n\nallow-terms: [Redis]\n"),
        (".prdlint.yaml", "fail-on: error", "fail-on: error\n\nallow-terms: [Redis]\n"),
        (
            "pyproject.toml",
            '[project]\nname = "x"\n\n[tool.prdlint]\nfail-on = "error"\n',
            '[project]\nname = "x"\n\n[tool.prdlint]\nallow-terms = ["Redis"]\nfail-on = "error"\n',
        ),
        (
            "pyproject.toml",
            '[tool.prdlint]\nallow-terms = ["CSV"]\n\n[tool.prdlint.severity]\n',
            '[tool.prdlint]\nallow-terms = ["CSV", "Redis"]\n\n[tool.prdlint.severity]\n',
        ),
    ],
)
def test_the_term_is_added_and_the_rest_kept(
    tmp_path: Path, name: str, before: str, after: str
) -> None:
    config = tmp_path / name
    config.write_text(before, encoding="utf-8")
    edit = add_allowed_term(config, tmp_path, "Redis")
    assert edit is not None and not edit.create
    config.write_text(_apply(before, edit), encoding="utf-8")
    assert config.read_text(encoding="utf-8") == after
    assert "redis" in read_config_file(config).allow_terms


def test_a_term_yaml_would_misread_is_quoted(tmp_path: Path) -> None:
    edit = add_allowed_term(None, tmp_path, "#1: fast")
    assert edit == ConfigEdit(tmp_path / ".prdlint.yaml", 0, 0, 'allow-terms: ["#1: fast"]\n', True)
    edit.path.write_text(edit.text, encoding="utf-8")
    assert read_config_file(edit.path).allow_terms == frozenset({"#1: fast"})


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".prdlint.yaml", "allow-terms: CSV\n"),  # a scalar: not a shape to extend
        ("pyproject.toml", '[tool.prdlint]\nallow-terms = [\n  "CSV",\n]\n'),
        ("pyproject.toml", '[tool.prdlint.severity]\nvague-term = "info"\n'),
    ],
)
def test_shapes_it_cannot_extend_safely_offer_nothing(tmp_path: Path, name: str, text: str) -> None:
    config = tmp_path / name
    config.write_text(text, encoding="utf-8")
    assert add_allowed_term(config, tmp_path, "Redis") is None
