"""universal-quantifier: "always", "never", "at all times" in what is asked or tested.

Only the request (a story's means, a requirement) and acceptance criteria are read: a
universal in the "so that" clause is the user's hope, not a claim anyone must test."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._text import request_regions, word_pattern
from prdlint.model import Hit, Item
from prdlint.rule import Context

UNIVERSALS = word_pattern(
    (
        "always", "never", "at all times", "all the time", "in all cases", "in every case",
        "under all circumstances", "under any circumstances", "without exception",
        "zero downtime", "no downtime",
    )
)  # fmt: skip
_HUNDRED_PERCENT = word_pattern(("100%", "100 %", "100 percent"))


@check("universal-quantifier")
def universal_quantifier(item: Item, ctx: Context) -> Iterator[Hit]:
    regions = [*request_regions(item), *((p, 0, len(p.text)) for p in item.criteria)]
    for part, start, end in regions:
        for pattern in (UNIVERSALS, _HUNDRED_PERCENT):
            for match in pattern.finditer(part.text, start, end):
                if not ctx.is_allowed(match.group()):
                    yield Hit(part, match.start(), match.end())
