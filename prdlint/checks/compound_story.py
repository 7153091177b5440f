"""compound-story: two separable needs in one story ("edit and delete", "view X and export Y")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._text import request_regions
from prdlint.model import Hit, Item
from prdlint.rule import Context

# Verbs that name a separate user action; "X and Y" between two of them is two stories.
ACTIONS = """
add edit delete remove create update view see browse search find filter sort export import
download upload print share send receive email notify track manage approve reject cancel
book pay buy purchase order rate review comment like follow subscribe unsubscribe register
sign log login archive restore publish unpublish submit assign schedule invite join leave
save bookmark copy move rename tag flag report record conduct generate modify change configure
display list compare select"""
_ACTION = r"(?:" + "|".join(sorted(ACTIONS.split(), key=len, reverse=True)) + r")"
# "edit and delete", "to view my orders and (to) export them", "X, Y and Z" actions.
_TWO_ACTIONS = re.compile(
    rf"(?i:\b(?:to\s+)?(?:be\s+able\s+to\s+)?{_ACTION}(?:s|ed|ing)?\b[^,;.]{{0,60}}?"
    rf"(?:,\s*|\s+)(?:and|&|as\s+well\s+as|and\s+also|and\s+then)\s+(?:to\s+)?(?:also\s+)?"
    rf"(?:be\s+able\s+to\s+)?{_ACTION}\b)"
)
_SLASH_ACTIONS = re.compile(rf"(?i:\b{_ACTION}/{_ACTION}\b)")
# "A and B system", "a pricing plan and billing system": two features joined.
_TWO_FEATURES = re.compile(
    r"(?i:\b(?:a|an)\s+[\w-]+\s+(?:plan|system|module|feature|tool|page|portal|dashboard)\s+and\s+"
    r"(?:a\s+|an\s+)?[\w-]+\s+(?:plan|system|module|feature|tool|page|portal|dashboard)\b)"
)
_SHARED_OBJECT = re.compile(r"(?i:\b(?:search|filter|sort)\s+by\b)")


@check("compound-story")
def compound_story(item: Item, ctx: Context) -> Iterator[Hit]:
    for part, start, end in request_regions(item):
        for pattern in (_TWO_ACTIONS, _SLASH_ACTIONS, _TWO_FEATURES):
            match = pattern.search(part.text, start, end)
            if match is not None and not _SHARED_OBJECT.search(match.group()):
                yield Hit(part, match.start(), match.end())
                return
