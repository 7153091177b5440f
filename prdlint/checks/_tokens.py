"""Content words of a sentence, for comparing stories with each other and with criteria."""

from __future__ import annotations

from functools import lru_cache

from prdlint.checks._lazy import lazy

_WORD = lazy(r"[a-z0-9]+(?:'[a-z]+)?")
_STOP_WORDS = """a an the to of and or in on at for with by from as is are be been can could
should must will would i i'm i'd we we'd my our me us you your they their them it its this
that these those so want wants need needs like able have has do does also into about via
verify ensure check make sure system"""
STOP = frozenset(_STOP_WORDS.split())
_SUFFIX = lazy(r"(?:ing|ed|es|s)$")


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words minus function and template words, crudely stemmed so that
    "exports", "exported" and "export" compare equal."""
    return frozenset(_stem(word) for word in _WORD.findall(text.casefold()) if word not in STOP)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _SUFFIX.sub("", word) if len(word) > 4 else word
