"""Reading nothing never passes in silence: a file from which no backlog item was read gets a
notice, markup nested past the parser's limit is read or reported, and UTF-32 is UTF-32."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prdlint.cli import cli
from prdlint.readers import decode
from prdlint.readers.markdown import read_markdown

STORY = "- As a shopper, I want prices kept, so that pages load.\n  - Prices show.\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_a_file_with_no_backlog_item_gets_a_notice() -> None:
    # A story in a fenced block is an example (code), not an item (an indented story is read).
    Path("notes.md").write_text("# Notes\n\n```\nAs a user, I want this fenced, so that ok.\n```\n")
    Path("prd.md").write_text(STORY)
    result = run("check", "notes.md", "prd.md", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "prdlint: notice: notes.md: read no backlog items (no story, requirement or epic)"
    ]
    assert json.loads(result.stdout)["notices"] == [
        {"where": "notes.md", "message": "read no backlog items (no story, requirement or epic)"}
    ]


def _nested_list(levels: int) -> str:
    lines = "".join(
        "  " * i + f"- As a user, I want level {i}, so that it nests.\n" for i in range(levels)
    )
    return "# Stories\n\n" + lines + "\nAs a user, I want the end read, so that nothing is lost.\n"


@pytest.mark.parametrize("levels", [10, 12, 40])
def test_lists_nested_ten_levels_and_more_are_read(levels: int) -> None:
    text = _nested_list(levels)
    stories = [i for i in read_markdown(text, "n.md") if i.kind == "story"]
    assert [s.line for s in stories] == [*range(3, 3 + levels), 4 + levels]


def test_blockquotes_twenty_deep_are_read() -> None:
    text = "# X\n\n" + ">" * 25 + " As a user, I want deep quotes, so that they are read.\n"
    assert [(i.kind, i.line) for i in read_markdown(text, "q.md") if i.kind == "story"] == [
        ("story", 3)
    ]


def test_nesting_past_the_limit_is_reported_and_the_rest_still_linted() -> None:
    Path("deep.md").write_text("# X\n\n" + ">" * 150 + " deep\n\n" + STORY)
    Path("prd.md").write_text(STORY)
    result = run("check", "deep.md", "prd.md", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "prdlint: error: deep.md: markup nested more than 100 levels deep at line 3: "
        "the text nested deeper, and what follows it in the same list, was not read"
    ]
    assert json.loads(result.stdout)["summary"]["items"] >= 2


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_is_utf32(codec: str) -> None:
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    data = bom + "As a café owner, I want receipts.\n".encode(codec)
    assert decode(data, False) == "As a café owner, I want receipts.\n"


def test_empty_and_blank_files_get_no_notice() -> None:
    Path("empty.md").write_text("")
    Path("blank.md").write_text("\n\n   \n")
    Path("empty.txt").write_text("")
    result = run("check", "empty.md", "blank.md", "empty.txt")
    assert result.exit_code == 0
    assert result.stderr == ""
