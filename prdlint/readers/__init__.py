"""Readers turn a source into Items. This module picks a reader by file suffix and turns
bytes into text (BOMs, CRLF, Windows-1252 story lists), raising InputError on bad input."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass

from prdlint.boundedio import MAX_FILE_BYTES
from prdlint.model import Item
from prdlint.readers.settings import ReadSettings

ReadFunction = Callable[[str, str, ReadSettings], list[Item]]

__all__ = ["MAX_FILE_BYTES", "READERS", "InputError", "decode", "reader_for"]


class InputError(Exception):
    """A source that cannot be linted; str() is the one-line reason (no path)."""


@dataclass(frozen=True, slots=True)
class FileReader:
    name: str
    suffixes: tuple[str, ...]
    read: ReadFunction
    in_directories: bool  # linted when found by walking a directory (else only when named)
    legacy_encoding: bool  # fall back to Windows-1252 when the bytes are not UTF-8


def _read_markdown(text: str, path: str, settings: ReadSettings) -> list[Item]:
    from prdlint.readers.markdown import read_markdown

    return read_markdown(text, path, settings)


def _read_story_list(text: str, path: str, settings: ReadSettings) -> list[Item]:
    from prdlint.readers.storylist import read_story_list

    return read_story_list(text, path)


def _read_jira_export(text: str, path: str, settings: ReadSettings) -> list[Item]:
    from prdlint.readers.jira_export import ExportError, read_export

    try:
        return read_export(text, path, settings.ac_field, settings.ignore_label)
    except ExportError as error:
        raise InputError(str(error)) from None


READERS: list[FileReader] = [
    FileReader("markdown", (".md", ".markdown", ".mdown", ".mkd"), _read_markdown, True, False),
    FileReader("story list", (".txt",), _read_story_list, False, True),
    FileReader("Jira export", (".json", ".csv"), _read_jira_export, False, False),
]


BACKLOG_KINDS = frozenset({"story", "requirement", "epic"})
NO_ITEMS = "read no backlog items (no story, requirement or epic)"


def unread_parts(items: list[Item]) -> list[str]:
    """Why some of a file was not read (markup past the parser's nesting limit)."""
    return [str(i.fields["unread"]) for i in items if i.kind == "document" and "unread" in i.fields]


def read_nothing(items: list[Item]) -> bool:
    """A file with text from which no backlog item was read: only document-level rules saw
    it, so "no findings" would hide a reader gap. An empty or blank file is not one."""
    if any(item.kind in BACKLOG_KINDS for item in items):
        return False
    return any(_has_text(item) for item in items)


def _has_text(item: Item) -> bool:
    # a document's first part is its title: the file name when it has no heading
    parts = item.parts[1:] if item.kind == "document" else item.parts
    return any(part.text.strip() for part in parts)


def reader_for(path: str) -> FileReader | None:
    lowered = path.lower()
    return next((r for r in READERS if lowered.endswith(r.suffixes)), None)


def supported_suffixes() -> list[str]:
    return [suffix for reader in READERS for suffix in reader.suffixes]


def check_size(size: int) -> None:
    """InputError when a source of `size` bytes is over the limit."""
    if size > MAX_FILE_BYTES:
        mib = size / 1024 / 1024
        raise InputError(f"file too large ({mib:.0f} MiB; the limit is {MAX_FILE_BYTES >> 20} MiB)")


def decode(data: bytes, legacy_encoding: bool) -> str:
    """Text of a file's bytes with universal newlines; InputError for binary or bad bytes."""
    check_size(len(data))
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one
        try:
            text = data.decode("utf-32")
        except UnicodeDecodeError as error:
            raise InputError(f"invalid UTF-32 at byte {error.start}") from None
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(f"invalid UTF-16 at byte {error.start}") from None
    else:
        if b"\x00" in data[:8192]:
            raise InputError("binary file (contains NUL bytes), not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if not legacy_encoding:
                raise InputError(
                    f"invalid UTF-8 at byte {error.start}; save the file as UTF-8"
                ) from None
            text = data.decode("cp1252", errors="replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
