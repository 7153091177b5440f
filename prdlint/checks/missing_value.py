"""missing-value: a story that never says why (no "so that", "in order to", "because"...).

The template's own markers are read by the story parser; here also the reasons written in
other words: the pain it removes ("instead of typing"), who it is for and what they get
("for them to have ...", "to let users ..."), what it prevents ("to avoid ...") and a stated
goal ("with the aim of ...", "which saves ...")."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.model import Hit, Item
from prdlint.rule import Context
from prdlint.story import parse_story, reason_in

_PERSON = (
    r"(?:me|us|them|him|her|you|users?|people|customers?|members?|staff|everyone|others|"
    r"the\s+(?:users?|team|customers?|members?|staff|public))"
)
OTHER_REASONS = lazy(
    rf"(?i:\binstead\s+of\s+(?:\w+ing|having\s+to|manually|the\s+current)\b"
    rf"|\bfor\s+{_PERSON}\s+to\s+\w+"
    rf"|\bto\s+(?:avoid|prevent|ensure|make\s+sure|guarantee|minimi[sz]e|maximi[sz]e)\b"
    rf"|\bto\s+(?:enable|allow|help|let|permit|empower)\s+{_PERSON}\b"
    rf"|\bto\s+save\s+(?:time|money|effort|costs?|resources)\b"
    rf"|\bwith\s+the\s+(?:goal|aim|purpose|intent(?:ion)?)\s+of\b"
    rf"|\b(?:my|our|the)\s+(?:goal|aim|purpose)\s+(?:is|being)\b"
    rf"|\b(?:that|this)\s+way\b"
    rf"|\bwhich\s+(?:helps|lets|allows|enables|means|saves|makes|prevents|avoids|reduces)\b)"
)


def _gives_reason(text: str, start: int, end: int) -> bool:
    """A reason after the request's first word ("I want to prevent ..." is the request)."""
    return OTHER_REASONS.search(text, start + 1, end) is not None


@check("missing-value")
def missing_value(item: Item, ctx: Context) -> Iterator[Hit]:
    part = item.part("story")
    if part is None or item.part("goal") is not None:
        return  # a "goal" part: a use case states its value in its Goal field
    story = parse_story(part.text)
    if story is None:
        # Not in story form: another rule says so; here only a plain request without a reason.
        if reason_in(part.text) or _gives_reason(part.text, 0, len(part.text)):
            return
        yield Hit(part, 0, min(len(part.text), 60))
        return
    if story.ends is None and not _gives_reason(part.text, story.means[0], len(part.text)):
        yield Hit(part, story.means[0], story.means[1])
