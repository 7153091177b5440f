"""A regex compiled on first use, so importing a module costs nothing until its text needs it.

The checks define dozens of big patterns at module level; compiling them all at import was
about half of a warm `prdlint check` on a small file, although one run uses only some of
them (and GatedPatterns skips those whose anchor words are absent). `LazyPattern` keeps the
source and flags and compiles on the first call; its methods are those of `re.Pattern`.
The source may itself be a function (a big word trie takes a while to build), called then."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

Replacement = str | Callable[[re.Match[str]], str]
Source = str | Callable[[], str]


class LazyPattern:
    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: Source, flags: int | re.RegexFlag = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        if not isinstance(self._source, str):
            self._source = self._source()
        return self._source

    @property
    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            # Two threads may both compile here; they get equal patterns, so no lock.
            compiled = self._compiled = re.compile(self.pattern, self._flags)
        return compiled

    @property
    def flags(self) -> int:
        return self.compiled.flags

    @property
    def groupindex(self) -> Any:
        return self.compiled.groupindex

    @property
    def groups(self) -> int:
        return self.compiled.groups

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(string, maxsplit)

    def sub(self, repl: Replacement, string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def subn(self, repl: Replacement, string: str, count: int = 0) -> tuple[str, int]:
        return self.compiled.subn(repl, string, count)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"


def lazy(source: Source, flags: int | re.RegexFlag = 0) -> LazyPattern:
    """Drop-in for `re.compile` at module level: compiles on first use."""
    return LazyPattern(source, flags)
