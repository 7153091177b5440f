"""escape-clause: "if possible", "where feasible", "as appropriate": a requirement made optional.

What a user does at their own discretion ("so that I can adjust it as necessary") is not an
escape clause, so the discretionary forms are not listed. "As appropriate" inside what a
story asks for is left to vague-term, which reports "appropriate" there."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.checks._text import request_regions, word_pattern
from prdlint.model import Hit, Item
from prdlint.rule import Context

ESCAPE_CLAUSES = word_pattern(
    (
        "if possible", "where possible", "whenever possible", "as far as possible",
        "to the extent possible", "if feasible", "where feasible", "when feasible",
        "as appropriate", "where appropriate", "if appropriate", "where necessary",
        "if practical", "where practical", "where practicable", "if practicable",
        "as applicable", "where applicable", "if applicable", "when applicable",
    )
)  # fmt: skip
# The team's capacity as the condition: "if time allows", "time permitting", "if there is
# enough budget", "as resources permit", "should time allow", "if we get to it".
_CAPACITY = r"(?:time|budget|capacity|resources|bandwidth|funding)"
_ALLOWS = r"(?:allows?|permits?|(?:is|are)\s+(?:available|left|sufficient)|remains?)"
_SPARE = r"(?:enough|sufficient|spare|extra|additional)"
CAPACITY_CLAUSES = lazy(
    rf"(?i:\b(?:if|when|as|should|provided|assuming)\s+(?:the\s+)?{_CAPACITY}\s+{_ALLOWS}\b"
    rf"|\bif\s+(?:there\s+is|there['’]s|there\s+are|we\s+have|we\s+get)\s+(?:{_SPARE}\s+{_CAPACITY}\b"
    rf"|{_CAPACITY}(?:\s+(?:left|remaining|available)\b|(?=\s*(?:[,.;)]|$))))"
    rf"|\b{_CAPACITY}\s+(?:permitting|allowing)\b"
    rf"|\bif\s+we\s+(?:get|have)\s+(?:the\s+)?(?:time|chance)\b|\bif\s+we\s+get\s+to\s+it\b)"
)
FIELDS = ("story", "requirement", "criterion", "description")
_CAPACITY_WORDS = ("time", "budget", "capacity", "resource", "bandwidth", "funding", "get to it")


def _mentions_capacity(text: str) -> bool:
    """A substring test before the clause regex: most text names no capacity at all."""
    folded = text.casefold()
    return any(word in folded for word in _CAPACITY_WORDS)


@check("escape-clause")
def escape_clause(item: Item, ctx: Context) -> Iterator[Hit]:
    owned = {id(part): (start, end) for part, start, end in request_regions(item)}
    for part in item.parts_of(*FIELDS):
        span = owned.get(id(part))
        for match in ESCAPE_CLAUSES.finditer(part.text):
            in_request = span is not None and span[0] <= match.start() < span[1]
            if in_request and match.group().casefold().endswith("appropriate"):
                continue  # vague-term reports "appropriate" in the request
            if not ctx.is_allowed(match.group()):
                yield Hit(part, match.start(), match.end())
        if not _mentions_capacity(part.text):
            continue
        for match in CAPACITY_CLAUSES.finditer(part.text):
            if not ctx.is_allowed(match.group()):
                yield Hit(part, match.start(), match.end())
