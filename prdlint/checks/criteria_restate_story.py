"""criteria-restate-story: an acceptance criterion that only repeats the story's request.

Compares content words: a criterion whose words are (nearly) all in the story's "I want"
clause adds no condition a tester could check."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._text import story_of
from prdlint.checks._tokens import content_words
from prdlint.model import Hit, Item
from prdlint.rule import Context

# Words a criterion may add without adding a condition ("the user can ...").
_FILLER = frozenset({"user", "users"})
OVERLAP = 0.8  # share of the criterion's content words already in the request
MIN_WORDS = 2


def _words(text: str) -> frozenset[str]:
    return content_words(text) - _FILLER


@check("criteria-restate-story")
def criteria_restate_story(item: Item, ctx: Context) -> Iterator[Hit]:
    found = story_of(item)
    if found is None or not item.criteria:
        return
    story = found[1]
    request = set(_words(story.means_text))
    if len(request) < MIN_WORDS:
        return
    request |= _words(story.role_text)  # "The accountant can ..." names the persona
    for part in item.criteria:
        words = _words(part.text)
        if len(words) < MIN_WORDS or re.search(r"\d", part.text):
            continue
        if len(words & request) / len(words) >= OVERLAP:
            yield Hit(part, 0, len(part.text))
