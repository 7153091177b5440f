"""malformed-story: a story line with no recognisable "As a ..., I want ..." means."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.model import Hit, Item
from prdlint.rule import Context
from prdlint.story import actor_role, parse_story

SNIPPET_CHARS = 80
# "As a user, I don't want ..." / "As a worker, I'm able to ...": role and first person are
# there, so the shape is recognisable even though the parser finds no "I want".
_ROLE_AND_SPEAKER = lazy(r"^[\W_]*as\s+(?:an?|the)\s+[^,]{1,80},?\s+I\b", re.IGNORECASE)


@check("malformed-story")
def malformed_story(item: Item, ctx: Context) -> Iterator[Hit]:
    part = item.part("story")
    if part is None or parse_story(part.text) is not None:
        return
    if actor_role(part.text) is not None or _ROLE_AND_SPEAKER.match(part.text):
        return
    yield Hit(part, 0, min(len(part.text), SNIPPET_CHARS))
