"""not-full-sentence: a story cut off mid-sentence or with an empty "I want" or "so that"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.model import Hit, Item
from prdlint.rule import Context
from prdlint.story import parse_story

# A sentence does not end on a connective, an article or a possessive, nor trail off with
# a comma or an ellipsis. Prepositions and particles may end one ("log in", "sign up for"),
# and a colon introduces a list, so neither is flagged; "to" only after "want"/"able".
_DANGLING = lazy(
    r"(?:(?<![\w'])(?:so\s+that|so|and|or|but|the|a|an|because|when|which|if|my|our|their"
    r"|your|is|are|be|can|will|would|(?:want|like|able|need|wish|have)\s+to)"
    r"|\.\.\.|…|[,;(])[\s*_]*$",
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
