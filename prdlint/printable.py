"""Document text is untrusted: before it reaches a terminal (text, GitHub and markdown
output, error lines), its control characters are made visible, so a PRD cannot clear the
screen, move the cursor or write the clipboard (OSC 52), also through a pipe or a CI log."""

from __future__ import annotations

# C0 (but tab and newline) as their Control Pictures (ESC -> ␛), DEL as ␡, C1 as U+FFFD:
# one character for one, so columns and highlight offsets stay where they were.
_TABLE = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
_TABLE[0x7F] = 0x2421
_TABLE.update({code: 0xFFFD for code in range(0x80, 0xA0)})


def printable(text: str) -> str:
    """`text` with its control characters (but tab and newline) replaced, one for one."""
    return text.translate(_TABLE)


def one_line(text: str) -> str:
    """`printable`, and newlines too: an error or finding line stays one line."""
    return printable(text).replace("\n", "␊")
