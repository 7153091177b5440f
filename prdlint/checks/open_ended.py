"""open-ended: a list left open ("including but not limited to", "etc.", "and so on").

"etc." and its synonyms inside what a story asks for are vague-term's (it lists them), so
here they are flagged only in criteria, descriptions and the "so that" clause: one
finding per word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.checks._text import request_regions, word_pattern
from prdlint.model import Hit, Item
from prdlint.rule import Context

OPEN_LIST = word_pattern(
    (
        "including but not limited to", "including, but not limited to", "but not limited to",
        "among others", "and the like",
    )
)  # fmt: skip
ET_CETERA = lazy(r"(?<![\w-])(?:etc\b\.?|et\s+cetera\b|and\s+so\s+(?:on|forth)\b)", re.IGNORECASE)
# "and more" / "or similar" close a list only at its end ("related or similar parts" is fine).
LIST_END = lazy(
    r"\b(?:and\s+more|or\s+similar)(?=\s*(?:[.,;)\]!]|$))|\.\.\.(?=\s*[)\]]|\s*$)",
    re.IGNORECASE,
)
FIELDS = ("story", "requirement", "criterion", "description")


@check("open-ended")
def open_ended(item: Item, ctx: Context) -> Iterator[Hit]:
    owned = {id(part): (start, end) for part, start, end in request_regions(item)}
    for part in item.parts_of(*FIELDS):
        found = [pattern.finditer(part.text) for pattern in (OPEN_LIST, ET_CETERA, LIST_END)]
        for match in sorted((m for ms in found for m in ms), key=lambda m: m.start()):
            span = owned.get(id(part))
            in_request = span is not None and span[0] <= match.start() < span[1]
            if match.re is ET_CETERA.compiled and in_request:
                continue  # vague-term reports it
            if not ctx.is_allowed(match.group()):
                yield Hit(part, match.start(), match.end())
