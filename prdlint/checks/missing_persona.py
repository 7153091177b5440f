"""missing-persona: a story that never says who wants it."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.checks import check
from prdlint.model import Hit, Item
from prdlint.roles import human_actor
from prdlint.rule import Context
from prdlint.story import parse_story


@check("missing-persona")
def missing_persona(item: Item, ctx: Context) -> Iterator[Hit]:
    part = item.part("story")
    if part is None or item.part("actor") is not None:
        return  # an "actor" part: the persona was named for a whole list ("A user can:")
    story = parse_story(part.text)
    if story is not None and story.role is not None:
        return
    if human_actor(part.text) is not None:
        return  # a person named in any wording: "Let customers ...", "Drivers entering ..."
    yield Hit(part, 0, min(len(part.text), 60))
