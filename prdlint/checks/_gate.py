"""Many regexes, each run only on text that holds one of its anchor words.

Python's `re` tries every alternative of a big `a|b|c` at every position, so a rule of
thirty patterns costs thirty tries per character even on a story that mentions none of
their words. Here each pattern names the words it cannot match without (as word starts:
"migrat" anchors "migrate", "migrations"); the text's words are looked up once in a dict
and only the patterns whose anchors are present run. The result is what one alternation
of all the patterns, in order, would find: leftmost match first, then the earlier pattern,
never overlapping. Each pattern compiles the first time its anchors occur, so a rule
whose words a run never sees costs no compile time at all."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from prdlint.checks._lazy import LazyPattern

_WORD = re.compile(r"[a-z0-9]+")
_CACHE_LIMIT = 100_000  # words remembered per pattern set (a few MB at most)


@lru_cache(maxsize=4096)
def text_words(text: str) -> frozenset[str]:
    """The text's casefolded words, computed once per text for every pattern set.

    Every GatedPatterns of every rule asks for the words of the same part; the bounded
    cache turns those repeated findall + casefold passes into one per text per run."""
    return frozenset(_WORD.findall(text.casefold()))


class GatedPatterns:
    def __init__(self, entries: Sequence[tuple[str | None, str]]) -> None:
        """`entries`: (anchor stems separated by spaces, or None for "always run"; pattern)."""
        self.patterns = [LazyPattern(pattern) for _, pattern in entries]
        self._always = frozenset(i for i, (anchors, _) in enumerate(entries) if anchors is None)
        self._by_stem: dict[str, list[int]] = {}
        for index, (anchors, _) in enumerate(entries):
            for stem in (anchors or "").split():
                self._by_stem.setdefault(stem, []).append(index)
        self._lengths = sorted({len(stem) for stem in self._by_stem})
        self._cache: dict[str, tuple[int, ...]] = {}

    def _word(self, word: str) -> tuple[int, ...]:
        """The patterns one word calls for (cached: a backlog repeats its words)."""
        found: set[int] = set()
        for length in self._lengths:
            if length > len(word):
                break
            found.update(self._by_stem.get(word[:length], ()))
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = hit = tuple(found)
        return hit

    def _wanted(self, text: str) -> list[int]:
        wanted = set(self._always)
        cache = self._cache
        for word in text_words(text):
            hit = cache.get(word)
            if hit is None:
                hit = self._word(word)
            if hit:
                wanted.update(hit)
        return sorted(wanted)

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        stop = len(text) if end is None else end
        found: list[tuple[int, int, int]] = []
        for index in self._wanted(text[start:stop]):
            found.extend(
                (m.start(), index, m.end())
                for m in self.patterns[index].finditer(text, start, stop)
            )
        found.sort()
        spans: list[tuple[int, int]] = []
        last = -1
        for at, _, to in found:
            if at >= last:
                spans.append((at, to))
                last = max(to, at + 1)
        return spans
