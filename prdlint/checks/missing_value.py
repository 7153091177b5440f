"""missing-value: a story that never says why (no "so that", "in order to", "because"...)."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.checks import check
from prdlint.model import Hit, Item
from prdlint.rule import Context
from prdlint.story import parse_story, reason_in


@check("missing-value")
def missing_value(item: Item, ctx: Context) -> Iterator[Hit]:
    part = item.part("story")
    if part is None or item.part("goal") is not None:
        return  # a "goal" part: a use case states its value in its Goal field
    story = parse_story(part.text)
    if story is None:
        # Not in story form: another rule says so; here only a plain request without a reason.
        if reason_in(part.text):
            return
        yield Hit(part, 0, min(len(part.text), 60))
        return
    if story.ends is None:
        yield Hit(part, story.means[0], story.means[1])
