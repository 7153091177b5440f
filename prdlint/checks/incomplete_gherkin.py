"""incomplete-gherkin: a Given/When scenario in the acceptance criteria with no Then.

Criteria arrive one part per line; a scenario opens at "Given" and must reach "Then"
(on the same line or a later one) before the next "Given" or the end of the criteria."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.model import Hit, Item, Part
from prdlint.rule import Context

_GIVEN = lazy(r"^[\W_]*given\b", re.IGNORECASE)
_THEN = lazy(r"(?:^|[\s,;*_(])then\b", re.IGNORECASE)
_SCENARIO_LABEL = lazy(r"^[\W_]*(?:scenario|example)\b", re.IGNORECASE)


def _open_scenarios(criteria: list[Part]) -> Iterator[Part]:
    opened: Part | None = None
    for part in criteria:
        if _GIVEN.match(part.text) or _SCENARIO_LABEL.match(part.text):
            if opened is not None:
                yield opened
            opened = part if _GIVEN.match(part.text) else None
        if opened is not None and _THEN.search(part.text):
            opened = None
    if opened is not None:
        yield opened


@check("incomplete-gherkin")
def incomplete_gherkin(item: Item, ctx: Context) -> Iterator[Hit]:
    for part in _open_scenarios(item.criteria):
        yield Hit(part, 0, min(len(part.text), 60))
