"""not-full-sentence: a story cut off mid-sentence or with an empty "I want" or "so that"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.model import Hit, Item
from prdlint.rule import Context
from prdlint.story import parse_story

# A sentence does not end on a connective, an article or a preposition, nor trail off.
_DANGLING = re.compile(
    r"(?:(?<![\w'])(?:so\s+that|so|to|and|or|but|the|a|an|with|for|of|in|on|at|by|from|into"
    r"|that|because|when|which|where|if|my|our|their|your|is|are|be|can|will|would)"
    r"|\.\.\.|…|[,;:(-])[\s*_]*$",
    re.IGNORECASE,
)


@check("not-full-sentence")
def not_full_sentence(item: Item, ctx: Context) -> Iterator[Hit]:
    part = item.part("story")
    if part is None:
        return
    text = part.text.rstrip()
    dangling = _DANGLING.search(text)
    if dangling is not None:
        yield Hit(part, dangling.start(), dangling.end(), values={"why": "trails off"})
        return
    story = parse_story(text)
    if story is not None and story.means[1] <= story.means[0]:
        yield Hit(part, 0, len(text), values={"why": "says nothing after 'I want'"})
