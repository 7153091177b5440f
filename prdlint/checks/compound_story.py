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
display list compare select show store post contact learn identify confirm accept"""
# Verbs that say the same thing: "browse and find", "remove/delete" is one need.
_SYNONYMS = [
    {"view", "see", "display", "browse", "list", "show", "find", "search", "look"},
    {"edit", "update", "modify", "change", "manage", "configure"},
    {"remove", "delete", "cancel", "archive"},
    {"add", "create", "register", "sign", "join", "post", "publish", "submit", "upload"},
    {"log", "login"},
    {"save", "store", "bookmark", "record", "keep"},
    {"download", "export", "print"},
]
_ACTION = r"(?:" + "|".join(sorted(ACTIONS.split(), key=len, reverse=True)) + r")"
_SECOND = rf"(?:{_ACTION}|be\s+(?:notified|alerted|informed|reminded))"
_LEAD = r"\b"
# A verb in verb position follows these words (or starts the request, or follows an
# adverb); after "a dropdown", "all", "discounts," the same word is a noun.
_VERB_CONTEXT_WORDS = "to can could will would should must may i we by able also and or want need"
_VERB_CONTEXT = frozenset(f"{_VERB_CONTEXT_WORDS} like wish then both either me us".split())
# "edit and delete", "to view my orders and (to) export them".
_TWO_ACTIONS = re.compile(
    rf"(?i:{_LEAD}(?P<first>{_ACTION})(?:s|ed|ing)?\b[^,;.()]{{0,80}}?"
    rf"(?:,\s*|\s+)(?:and|&|as\s+well\s+as|and\s+also|and\s+then)\s+(?:to\s+)?(?:also\s+)?"
    rf"(?:be\s+able\s+to\s+)?(?P<second>{_SECOND})\b)"
)
# "add or remove": opposite actions offered as alternatives are still two stories.
_OPPOSITES = re.compile(
    r"(?i:\b(?:add|create|insert)\s+(?:or|and/or)\s+(?:remove|delete)\b"
    r"|\b(?:remove|delete)\s+(?:or|and/or)\s+(?:add|create)\b)"
)
# "view, confirm, and manage bookings": a list of actions.
_ACTION_LIST = re.compile(
    rf"(?i:{_LEAD}(?P<first>{_ACTION})(?:s|ed|ing)?\s*,\s*(?:{_ACTION}\s*,\s*)*(?:and|or)?\s*"
    rf"(?P<second>{_ACTION})\b)"
)
# "... and be able to view ...": a second capability added to the first.
_AND_ABLE = re.compile(r"(?i:\band\s+(?:also\s+)?be\s+able\s+to\s+\w+)")
_SLASH_ACTIONS = re.compile(rf"(?i:{_LEAD}(?P<first>{_ACTION})/(?P<second>{_ACTION})\b)")
# "A and B system", "a pricing plan and billing system": two features joined.
_TWO_FEATURES = re.compile(
    r"(?i:\b(?:a|an)\s+[\w-]+\s+(?:plan|system|module|feature|tool|page|portal|dashboard)\s+and\s+"
    r"(?:a\s+|an\s+)?[\w-]+\s+(?:plan|system|module|feature|tool|page|portal|dashboard)\b)"
)
_SHARED_OBJECT = re.compile(r"(?i:\b(?:search|filter|sort)\s+by\b)")


def _in_verb_position(text: str, start: int, region_start: int) -> bool:
    before = text[max(region_start, start - 40) : start].split()  # bounded: stays linear
    if not before:
        return True
    word = before[-1].casefold()
    return word in _VERB_CONTEXT or word.endswith("ly")


_NOUN_FOLLOWER = re.compile(r"\s*(?:$|[,.;:)]|(?:at|in|on|for|of|with|from|to|is|are)\b)", re.I)


def _second_is_noun(text: str, match: re.Match[str]) -> bool:
    """ "track my child's activity and schedule at camp": the second word has no object of
    its own while the first had one, so it is a noun joined to the first object."""
    if "second" not in match.groupdict() or match.group("second") is None:
        return False
    gap = text[match.end("first") : match.start("second")]
    has_own_object = len(gap.split()) > 1
    return has_own_object and _NOUN_FOLLOWER.match(text, match.end("second")) is not None


def _same_need(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    if not groups.get("first") or not groups.get("second"):
        return False
    first, second = groups["first"].casefold(), groups["second"].casefold()
    return first == second or any(first in group and second in group for group in _SYNONYMS)


@check("compound-story")
def compound_story(item: Item, ctx: Context) -> Iterator[Hit]:
    for part, start, end in request_regions(item):
        for pattern in (
            _TWO_ACTIONS, _ACTION_LIST, _OPPOSITES, _AND_ABLE, _SLASH_ACTIONS, _TWO_FEATURES,
        ):  # fmt: skip
            for match in pattern.finditer(part.text, start, end):
                if _SHARED_OBJECT.search(match.group()) or _same_need(match):
                    continue
                if _second_is_noun(part.text, match):
                    continue
                if match.groupdict().get("first") and not _in_verb_position(
                    part.text, match.start("first"), start
                ):
                    continue
                if not ctx.is_allowed(match.group()):
                    yield Hit(part, match.start(), match.end())
                    return
