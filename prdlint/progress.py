"""A one-line progress indicator on stderr, drawn only when stderr is a terminal: a bar
when the total is known (files), a running count when it is not (Jira pages)."""

from __future__ import annotations

import sys
from typing import TextIO

_WIDTH = 24


class Progress:
    def __init__(self, noun: str, total: int | None = None, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.noun = noun
        self.total = total
        self.done = 0
        self._drawn = 0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        if self.total:
            filled = _WIDTH * min(self.done, self.total) // self.total
            line = f"[{'#' * filled}{'.' * (_WIDTH - filled)}] {self.done}/{self.total} {self.noun}"
        else:
            line = f"{self.done} {self.noun}"
        self.stream.write("\r" + line.ljust(self._drawn))
        self.stream.flush()
        self._drawn = len(line)

    def close(self) -> None:
        """Erase the line so the report starts on a clean terminal line."""
        if self.enabled and self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
        self._drawn = 0
