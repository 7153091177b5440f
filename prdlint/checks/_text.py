"""Helpers the checks share: which spans of an item to read, and word-list patterns."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from prdlint.model import Item, Part
from prdlint.story import Story, parse_story

Region = tuple[Part, int, int]  # a part and a [start, end) span of its text

PROSE_FIELDS = ("story", "requirement", "description", "criterion")


def story_of(item: Item) -> tuple[Part, Story] | None:
    part = item.part("story")
    if part is None:
        return None
    story = parse_story(part.text)
    return (part, story) if story else None


def regions(item: Item, fields: Iterable[str] = PROSE_FIELDS) -> Iterator[Region]:
    """Whole parts of the given fields (and an epic's title and body)."""
    wanted = set(fields)
    if item.kind == "epic":
        wanted |= {"title", "body"}
    for part in item.parts:
        if part.field in wanted:
            yield part, 0, len(part.text)


def request_regions(item: Item) -> Iterator[Region]:
    """What the item asks for: a story's means (not its "so that" clause), a
    requirement's text. Descriptions and criteria are not the request."""
    found = story_of(item)
    if found is not None:
        part, story = found
        yield part, story.means[0], story.means[1]
        return
    for part in item.parts:
        if part.field in ("story", "requirement"):
            yield part, 0, len(part.text)


def word_pattern(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Whole-word alternation; longest first so multi-word terms win."""
    alternatives = sorted({w for w in words}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in alternatives)
    return re.compile(rf"(?<![\w/.-])(?:{body})(?![\w-]|\.\w)", flags)


def role_text(item: Item) -> str:
    found = story_of(item)
    return found[1].role_text.casefold() if found else ""


_DEVELOPER_ROLES = re.compile(
    r"\b(?:developer|programmer|engineer|integrator|api\s+(?:user|consumer|client)|"
    r"data\s+scientist|analyst|devops|sre|operator|sysadmin|system\s+administrator|maintainer|"
    r"contributor|researcher|admin(?:istrator)?|it\s+staff)s?\b",
    re.IGNORECASE,
)


def is_technical_persona(item: Item) -> bool:
    """Developers, operators and analysts: people for whom technology can be the need."""
    return bool(_DEVELOPER_ROLES.search(role_text(item)))
