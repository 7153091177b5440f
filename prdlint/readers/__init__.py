"""Readers turn a source into Items. This module picks a reader by file suffix and turns
bytes into text (BOMs, CRLF, Windows-1252 story lists), raising InputError on bad input."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass

from prdlint.model import Item
from prdlint.readers.settings import ReadSettings

ReadFunction = Callable[[str, str, ReadSettings], list[Item]]

# Markdown takes ~40x its size in memory while parsed: 16 MiB stays near 650 MB and
# 40 s, and still holds a 100,000-story list. Larger files are refused up front.
MAX_FILE_BYTES = 16 * 1024 * 1024


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
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
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
