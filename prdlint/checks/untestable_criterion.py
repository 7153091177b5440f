"""untestable-criterion: an acceptance criterion that relies on a word nobody can test.

Criteria are where vagueness hurts most: they are the test. A qualifier made concrete
right after it ("quickly (under 2 seconds)") is not flagged."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.checks._text import word_pattern
from prdlint.model import Hit, Item
from prdlint.rule import Context

UNTESTABLE_WORDS = """
fast, faster, quick, quickly, speedy, promptly, timely, in a timely manner, as soon as possible,
asap, easy, easily, easier, simple, simply, user-friendly, user friendly, intuitive, intuitively,
seamless, seamlessly, smooth, smoothly, properly, correctly, as expected, works as expected,
as intended, appropriate, appropriately, reasonable, reasonably, adequate, adequately,
sufficient, sufficiently, acceptable, efficient, efficiently, optimal, optimally, nice,
looks good, good, better, user-centric, robust, performant, scalable, reliable,
reliably, high quality, high-quality, clean, modern, attractive, beautiful, pleasant,
understandable, clear, clearly, meaningful, relevant, minimal, significant, significantly
"""
UNTESTABLE = word_pattern(
    w.strip() for w in UNTESTABLE_WORDS.replace("\n", " ").split(",") if w.strip()
)
# A qualifier made concrete right after it ("fast (under 2 seconds)", "within 5 minutes").
# Matched at the word's end with .match(text, pos): no "^", which only matches at 0.
_CONCRETE = lazy(
    r"[^.;]{0,30}?(?:\(\s*)?(?:under|within|below|at\s+most|at\s+least|less\s+than|more\s+than"
    r"|fewer\s+than|no\s+more\s+than|<|>|≤|≥|i\.e\.|e\.g\.|:|as\s+defined|per\b|according\s+to)"
    r"\s*[\d\"'“(]?",
    re.IGNORECASE,
)

# "Clear" is also a verb ("clear the cart"): an object after it means the action, not a quality.
_CLEAR_VERB = lazy(
    r"\s+(?:the|a|an|all|any|my|your|their|its|this|that|these|those|out|up|it|them)\b",
    re.IGNORECASE,
)


@check("untestable-criterion")
def untestable_criterion(item: Item, ctx: Context) -> Iterator[Hit]:
    for part in item.criteria:
        for match in UNTESTABLE.finditer(part.text):
            word = match.group()
            if ctx.is_allowed(word) or _CONCRETE.match(part.text, match.end()):
                continue
            if word.casefold() == "clear" and _CLEAR_VERB.match(part.text, match.end()):
                continue
            yield Hit(part, match.start(), match.end(), values={"term": word})
