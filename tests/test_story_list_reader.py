"""Story lists: one story a line, whatever the bytes (BOM, CRLF, Windows-1252)."""

from __future__ import annotations

import pytest

from prdlint.readers import InputError, decode
from prdlint.readers.storylist import read_story_list


def test_each_non_empty_line_is_a_story_with_its_line_and_column() -> None:
    items = read_story_list("As a user, I want A.\n\n   As a user, I want B.\t\n", "s.txt")
    assert [(i.id, i.line, i.parts[0].text, i.parts[0].position(0)) for i in items] == [
        ("s.txt:1", 1, "As a user, I want A.", (1, 1)),
        ("s.txt:3", 3, "As a user, I want B.", (3, 4)),
    ]
    assert all(i.kind == "story" and i.fields["one_line"] for i in items)


def test_bom_and_crlf_are_read_as_text() -> None:
    assert decode(b"\xef\xbb\xbfAs a user\r\nAs an admin\r\n", True) == "As a user\nAs an admin\n"


def test_windows_1252_bytes_in_a_story_list_decode() -> None:
    assert (
        decode(b"As a volunteer\x92s friend \x93quoted\x94", True)
        == "As a volunteer’s friend “quoted”"
    )


def test_utf16_with_bom() -> None:
    assert decode("As a user".encode("utf-16"), True) == "As a user"


def test_invalid_utf8_in_markdown_is_an_error_naming_the_byte() -> None:
    with pytest.raises(InputError, match=r"^invalid UTF-8 at byte 5; save the file as UTF-8$"):
        decode(b"# Hi \xff there", False)


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary file"):
        decode(b"PNG\x00\x01\x02", False)
