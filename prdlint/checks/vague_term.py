"""vague-term: untestable qualifiers in what is asked (fast, easy, user-friendly, a few, etc.)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._text import request_regions, word_pattern
from prdlint.model import Hit, Item, Part
from prdlint.rule import Context

# Qualifiers nobody can test. Bare quantities (some, several, multiple, most) and bare
# "good"/"nice" are left out: in real backlogs they rarely change what is asked ("read some
# articles", "it would be nice to") and flagging them drowned the real findings.
VAGUE_WORDS = """
fast, faster, quick, quickly, easy, easily, easier, with ease, simple, user-friendly,
user friendly, intuitive, intuitively, robust, flexible, flexibility, seamless, seamlessly,
efficient, efficiently, appropriate, appropriately, adequate, adequately, reasonable,
reasonably, sufficient, sufficiently, optimal, optimized, optimised, pretty good, clean,
modern, smooth, smoothly, responsive, scalable, reliable, performant, lightweight,
state-of-the-art, best-in-class, world-class, cutting-edge, high-quality, high quality,
a few, a lot of, lots of, normally, usually, typically, generally, as needed, if needed,
as required, as much as possible, as soon as possible, asap, minimal, significant,
significantly, prominent, semi-structured, and/or, etc, etc., et cetera, and so on,
user-centric, enhanced, better performance, easy to use, easy-to-use, beautify, beautiful,
attractive, pleasant, more helpful, helpful, properly, visually appealing, nicely
"""
# "as much archival material as possible": the phrase split around its object.
_AS_X_AS_POSSIBLE = re.compile(
    r"\bas\s+(?:much|many|soon|quickly|fast|often|far|little|few)\s+\w[^.;,]{0,40}?\s+as\s+possible\b",
    re.IGNORECASE,
)
VAGUE = word_pattern(w.strip() for w in VAGUE_WORDS.replace("\n", " ").split(",") if w.strip())
_AND_OR = re.compile(r"\band/or\b", re.IGNORECASE)
# A qualifier made concrete right after it ("fast (under 2 seconds)", "within 5 minutes").
_CONCRETE = re.compile(
    r"^[^.;]{0,30}?(?:\(\s*)?(?:under|within|below|at\s+most|at\s+least|less\s+than|"
    r"more\s+than|fewer\s+than|no\s+more\s+than|<|>|≤|≥)\s*\d",
    re.IGNORECASE,
)
_CRITERIA_FIELDS = ("criterion",)


@check("vague-term")
def vague_term(item: Item, ctx: Context) -> Iterator[Hit]:
    for part, start, end in _vague_regions(item):
        matches = [*VAGUE.finditer(part.text, start, end)]
        matches += _AS_X_AS_POSSIBLE.finditer(part.text, start, end)
        for match in matches:
            word = match.group()
            if ctx.is_allowed(word) or _CONCRETE.match(part.text, match.end()):
                continue
            if _is_name(part.text, match.start()):
                continue  # "the Quick Task option": a name, not a qualifier
            if _classifies_items(part.text, match):
                continue  # "lists of easy recipes": a kind of item, not how the feature works
            yield Hit(part, match.start(), match.end(), values={"term": word})


def _vague_regions(item: Item) -> Iterator[tuple[Part, int, int]]:
    """The request; and "and/or" wherever it stands, since it changes what is asked."""
    requests = list(request_regions(item))
    yield from requests
    for part, start, end in requests:
        for match in _AND_OR.finditer(part.text, end):
            yield part, match.start(), match.end()
        for match in _AND_OR.finditer(part.text, 0, start):
            yield part, match.start(), match.end()


_OF_ITEMS = re.compile(r"\b(?:of|for)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z][\w-]*s\b")


def _classifies_items(text: str, match: re.Match[str]) -> bool:
    """An adjective inside "of/for ... <adjective> <plural noun>" sorts the user's things
    ("lists of easy recipes", "for reliable sources"); it does not qualify the request."""
    word = match.group()
    if not word.isalpha() or word.endswith("ly"):
        return False
    return bool(
        _OF_ITEMS.search(text, max(0, match.start() - 40), match.start())
        and _NOUN_AFTER.match(text, match.end())
    )


def _is_name(text: str, start: int) -> bool:
    """A capitalised word inside a sentence, or in quotes, is a name (a product or option)."""
    if start > 0 and text[start - 1] in "\"'“‘`":
        return True
    if not text[start].isupper() or start == 0:
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?:;-–—"
