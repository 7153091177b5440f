"""Declarative rule kinds for YAML packs (Vale-style): data in, a check function out.

`existence` flags words or patterns. Every kind reads the item parts named in `fields`
(default: the story sentence, requirements, descriptions, bodies and criteria)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from prdlint.model import Hit, Item
from prdlint.rule import Context
from prdlint.wordtrie import trie_regex

DEFAULT_FIELDS = ("story", "requirement", "description", "body", "criterion", "title")

KindBuilder = Callable[[Mapping[str, Any]], Callable[[Item, Context], Iterable[Hit]]]


class KindError(ValueError):
    """A kind's settings are wrong; the message names the key."""


def _string_list(spec: Mapping[str, Any], key: str) -> list[str]:
    value = spec.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KindError(f"key '{key}': must be a list of strings")
    return value


def _compile(pattern: str, key: str, flags: int) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise KindError(f"key '{key}': invalid regular expression {pattern!r}: {error}") from None


def words_pattern(words: Iterable[str], patterns: Iterable[str], ignore_case: bool) -> str:
    """One alternation: literal words with word boundaries, plus raw patterns."""
    words = list(words)
    alternatives = [rf"(?<![\w-])(?:{trie_regex(words)})(?![\w-])"] if words else []
    alternatives.extend(f"(?:{p})" for p in patterns)
    return "|".join(alternatives)


def existence(spec: Mapping[str, Any]) -> Callable[[Item, Context], Iterable[Hit]]:
    """Flag each occurrence of `tokens` (words, matched whole) or `patterns` (regexes)."""
    tokens = _string_list(spec, "tokens")
    patterns = _string_list(spec, "patterns")
    if not tokens and not patterns:
        raise KindError("key 'tokens': an existence rule needs tokens or patterns")
    ignore_case = bool(spec.get("ignore-case", True))
    flags = re.IGNORECASE if ignore_case else 0
    for pattern in patterns:
        _compile(pattern, "patterns", flags)
    regex = _compile(words_pattern(tokens, patterns, ignore_case), "tokens", flags)
    fields = tuple(_string_list(spec, "fields") or DEFAULT_FIELDS)

    def check(item: Item, ctx: Context) -> Iterator[Hit]:
        for part in item.parts:
            if part.field not in fields:
                continue
            for match in regex.finditer(part.text):
                if match.end() > match.start() and not ctx.is_allowed(match.group()):
                    yield Hit(part, match.start(), match.end())

    return check


KINDS: dict[str, KindBuilder] = {"existence": existence}
# Keys each kind accepts besides the common rule keys.
KIND_KEYS: dict[str, frozenset[str]] = {
    "existence": frozenset({"tokens", "patterns", "ignore-case", "fields"}),
}
