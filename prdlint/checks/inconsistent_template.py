"""inconsistent-template: a few stories worded with a different template than the rest.

Compares the "I want" wording and the benefit wording ("so that", "in order to"...) of
each story with the backlog's dominant choice. Stories without a benefit are not compared
on it (missing-value reports them)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.checks._text import story_of
from prdlint.model import Hit, Item, Part
from prdlint.rule import Context
from prdlint.story import Story

# A role that holds a want ("owner, I only want ...") means the parser took a later "I can"
# for the template's want: the wording it would report is not the author's template.
_MISREAD = lazy(r"\b(?:want|wants|like|need|needs|wish)\b", re.IGNORECASE)
MIN_STORIES = 8  # below this there is no convention to deviate from
DOMINANCE = 0.75  # the dominant wording's share of the stories that have the slot


# Benefit markers that are a template choice; "so I can" is "so that I can" said quickly,
# and purpose clauses ("to keep", "in case") are grammar, not a template.
_ENDS_TEMPLATES = {"so-that": "so-that", "so": "so-that", "in-order": "in-order",
                   "because": "because", "since": "because"}  # fmt: skip


def _slots(story: Story) -> tuple[str, str | None]:
    pieces = story.template.split("/")
    if pieces and pieces[0] == "as-a":
        pieces = pieces[1:]
    want = pieces[0] if pieces else ""
    ends = _ENDS_TEMPLATES.get(pieces[1]) if len(pieces) > 1 else None
    return want, ends


def _dominant(values: Sequence[str]) -> str | None:
    if len(values) < MIN_STORIES:
        return None
    value, count = Counter(values).most_common(1)[0]
    return value if count / len(values) >= DOMINANCE else None


def _phrase(slot: str) -> str:
    return slot.replace("-", " ").replace("i ", "I ", 1)


@check("inconsistent-template", scope="backlog")
def inconsistent_template(items: Sequence[Item], ctx: Context) -> Iterator[Hit]:
    parsed: list[tuple[Item, Part, str, str | None]] = []
    for item in items:
        found = story_of(item)
        if (
            found is not None
            and found[1].role is not None
            and not _MISREAD.search(found[1].role_text)
        ):
            parsed.append((item, found[0], *_slots(found[1])))
    main_want = _dominant([want for *_, want, _ in parsed])
    main_ends = _dominant([ends for *_, ends in parsed if ends])
    for item, part, want, ends in parsed:
        if main_want and want != main_want:
            used, usual = want, main_want
        elif main_ends and ends and ends != main_ends:
            used, usual = ends, main_ends
        else:
            continue
        yield Hit(
            part,
            0,
            min(len(part.text), 80),
            item=item,
            values={"used": _phrase(used), "usual": _phrase(usual)},
        )
