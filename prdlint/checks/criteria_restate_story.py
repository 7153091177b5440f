"""criteria-restate-story: an acceptance criterion that only repeats the story's request.

Compares content words: a criterion whose words are (nearly) all in the story's "I want"
clause adds no condition a tester could check."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._text import story_of
from prdlint.model import Hit, Item
from prdlint.rule import Context

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOP_WORDS = """a an the to of and or in on at for with by from as is are be can could should
must will would i we my our me us you your they their it its this that these those so want
able user users have has do does system verify ensure check make sure"""
_STOP = frozenset(_STOP_WORDS.split())
OVERLAP = 0.8  # share of the criterion's content words already in the request
MIN_WORDS = 2


def content_words(text: str) -> set[str]:
    words = set()
    for word in _WORD.findall(text.casefold()):
        if word in _STOP:
            continue
        # A crude stem so that "exports"/"exported"/"export" compare equal.
        words.add(re.sub(r"(?:ing|ed|es|s)$", "", word) if len(word) > 4 else word)
    return words


@check("criteria-restate-story")
def criteria_restate_story(item: Item, ctx: Context) -> Iterator[Hit]:
    found = story_of(item)
    if found is None or not item.criteria:
        return
    story = found[1]
    request = content_words(story.means_text)
    if len(request) < MIN_WORDS:
        return
    request |= content_words(story.role_text)  # "The accountant can ..." names the persona
    for part in item.criteria:
        words = content_words(part.text)
        if len(words) < MIN_WORDS or re.search(r"\d", part.text):
            continue
        if len(words & request) / len(words) >= OVERLAP:
            yield Hit(part, 0, len(part.text))
