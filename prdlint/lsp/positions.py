"""prdlint's 1-based (line, column) in code points to LSP's 0-based (line, character) in
the client's position encoding (UTF-16 unless the client chose UTF-8 or UTF-32), and back.
Lines are split the way LSP splits them: at \\n, \\r\\n and \\r."""

from __future__ import annotations

import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


def units(text: str, encoding: str) -> int:
    """Length of `text` in the encoding's code units."""
    if encoding == "utf-8":
        return len(text.encode("utf-8", errors="surrogatepass"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2


def to_client(lines: list[str], line: int, column: int, encoding: str) -> tuple[int, int]:
    """0-based (line, character) of prdlint's 1-based (line, column)."""
    index = min(max(line - 1, 0), len(lines) - 1)
    text = lines[index] if lines else ""
    before = max(column - 1, 0)
    # Past the end of the line stays past it, one unit a column, as check reports it
    # (a document finding can span its title's length on line 1); clients clamp it.
    return index, units(text[:before], encoding) + max(before - len(text), 0)


def from_client(lines: list[str], line: int, character: int, encoding: str) -> tuple[int, int]:
    """1-based (line, column in code points) of a client position."""
    text = lines[line] if 0 <= line < len(lines) else ""
    count = 0
    for index, char in enumerate(text):
        if count >= character:
            return line + 1, index + 1
        count += units(char, encoding)
    return line + 1, len(text) + 1
