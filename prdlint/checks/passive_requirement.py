"""passive-requirement: "shall be generated", "must be approved": who does it is lost.

Only modal passives in requirements and acceptance criteria are flagged; a named agent
("... by the finance team") or a state rather than an action ("must be able", "be logged
in") is not."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.model import Hit, Item
from prdlint.rule import Context

_IRREGULAR = (
    "shown|seen|given|sent|built|kept|made|done|written|hidden|taken|chosen|known|found|set"
    "|put|run|read|paid|held|left|brought|bought|told|sold|drawn|thrown|shut|cut|spent|won"
)
# Participles that describe a state, not an action someone performs.
_STATE = frozenset(
    {
        "able", "based", "logged", "signed", "required", "allowed", "permitted", "located",
        "limited", "restricted", "aligned", "aware", "expected", "supposed", "used", "related",
        "needed", "interested", "involved", "satisfied", "concerned", "connected", "enabled",
        "disabled", "completed", "finished", "authenticated", "authorized", "authorised",
        "registered", "subscribed", "prepared", "compliant", "consistent", "accessible",
        "exposed", "scoped", "localized", "localised", "translated", "encrypted",
    }
)  # fmt: skip
_PASSIVE = lazy(
    rf"\b(?:shall|must|should|will|can|could|may|needs?\s+to|has\s+to|have\s+to|is\s+to|are\s+to)"
    rf"\s+(?:not\s+|also\s+|always\s+|automatically\s+|only\s+)?be\s+"
    rf"(?P<verb>[a-z]+ed|{_IRREGULAR})\b(?!\s+by\s+(?!default|email|e-mail|phone|sms|post|date"
    rf"|name|mail|text)\w)",
    re.IGNORECASE,
)
FIELDS = ("requirement", "criterion")


@check("passive-requirement")
def passive_requirement(item: Item, ctx: Context) -> Iterator[Hit]:
    for part in item.parts_of(*FIELDS):
        for match in _PASSIVE.finditer(part.text):
            if match.group("verb").casefold() in _STATE:
                continue
            yield Hit(part, match.start(), match.end())
