"""vague-term: untestable qualifiers in what is asked (fast, easy, user-friendly, some, etc.)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._text import request_regions, word_pattern
from prdlint.model import Hit, Item
from prdlint.rule import Context

VAGUE_WORDS = """
fast, faster, quick, quickly, easy, easily, easier, simple, simply, user-friendly, user friendly,
intuitive, intuitively, robust, flexible, flexibility, seamless, seamlessly, efficient,
efficiently, appropriate, appropriately, adequate, adequately, reasonable, reasonably,
sufficient, sufficiently, optimal, optimized, optimised, nice, nicer, good, better, pretty good,
clean, modern, smooth, smoothly, responsive, scalable, reliable, performant, lightweight,
state-of-the-art, best-in-class, world-class, cutting-edge, high-quality, high quality,
some, several, various, a few, few, many, numerous, multiple, a number of, a lot of, lots of,
most, normally, usually, typically, generally, often, rarely, as needed, if needed,
as required, as much as possible, as soon as possible, asap, minimal, minimize, maximize,
significant, significantly, large, small, prominent, semi-structured, and/or, etc, etc., et cetera,
and so on, user-centric, enhanced, improved, better performance, easy to use, easy-to-use
"""
VAGUE = word_pattern(w.strip() for w in VAGUE_WORDS.replace("\n", " ").split(",") if w.strip())
_AND_OR = re.compile(r"\band/or\b|\betc\b\.?", re.IGNORECASE)
# A qualifier made concrete right after it ("fast (under 2 seconds)", "within 5 minutes").
_CONCRETE = re.compile(
    r"^[^.;]{0,30}?(?:\(\s*)?(?:under|within|below|at\s+most|at\s+least|less\s+than|"
    r"more\s+than|fewer\s+than|no\s+more\s+than|<|>|≤|≥)\s*\d",
    re.IGNORECASE,
)
_CRITERIA_FIELDS = ("criterion",)


@check("vague-term")
def vague_term(item: Item, ctx: Context) -> Iterator[Hit]:
    for part, start, end in request_regions(item):
        for match in VAGUE.finditer(part.text, start, end):
            word = match.group()
            if ctx.is_allowed(word) or _CONCRETE.match(part.text, match.end()):
                continue
            yield Hit(part, match.start(), match.end(), values={"term": word})
