"""prdlint's 1-based code-point columns to LSP positions in each encoding, and back."""

from __future__ import annotations

import pytest

from prdlint.lsp.positions import from_client, split_lines, to_client

LINES = split_lines("# Cart\r\n\n- 🛒 café Redis\rend")


def test_lines_split_at_every_lsp_line_break() -> None:
    assert LINES == ["# Cart", "", "- 🛒 café Redis", "end"]


@pytest.mark.parametrize(("encoding", "character"), [("utf-16", 12), ("utf-8", 15), ("utf-32", 11)])
def test_a_column_after_wide_characters(encoding: str, character: int) -> None:
    # "Redis" is the 12th code point of line 3: after a 2-unit emoji and a 2-byte "é".
    assert to_client(LINES, 3, 12, encoding) == (2, character)
    assert from_client(LINES, 2, character, encoding) == (3, 12)


def test_a_column_past_the_line_end_stays_past_it() -> None:
    # check reports a document finding spanning its title's length on a shorter line 1.
    assert to_client(LINES, 1, 16, "utf-16") == (0, 15)
    assert from_client(LINES, 0, 99, "utf-16") == (1, 7)
