"""placeholder: text that was never written: TBD/TODO markers, lorem ipsum, unfilled
template slots ("As a [user type]", "Goal 1"), template instructions, open numbers ("up to
N items").

A word that names a product thing is not a marker ("a TODO list", "TODO items"), nor is an
instruction the user follows ("fill in the form"). Under an "Open questions" heading an
undecided item is where it belongs, so decision markers (TBD, TBC, ???) stay quiet there;
template leftovers are still reported."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.checks._text import word_pattern
from prdlint.model import Hit, Item, Part
from prdlint.rule import Context
from prdlint.wordtrie import trie_regex

FIELDS = ("title", "story", "requirement", "description", "body", "criterion")

_DECIDE = "decide it or move it to Open questions"
_WRITE = "write the real content or delete it"

# A decision nobody has made yet.
_UNDECIDED = word_pattern(
    (
        "TBD", "TBC", "to be determined", "to be decided", "to be confirmed", "to be defined",
        "to be agreed", "to be announced", "pending decision",
    )
)  # fmt: skip
_UNDECIDED_UPPER = lazy(r"(?<![\w-])(?:NEEDS\s+CLARIFICATION|TBA)(?![\w-])|\?{3,}")
# Notes the author left for themselves; "todo"/"fixme" in any case, "XXX" in capitals.
_NOTE = lazy(r"(?<![\w/.-])(?:(?i:todo|fixme)|XXX)(?![\w-])")
# "a TODO list", "TODO items": the product's own thing, not a note.
_NOTE_AS_NOUN_AFTER = lazy(
    r"[\s-]+(?:lists?|items?|apps?|applications?|entries|entry|tasks?|manager|boards?|"
    r"dashboards?|views?|pages?|features?|sections?|tabs?|widgets?|status|counts?)\b",
    re.IGNORECASE,
)
_NOTE_AS_NOUN_BEFORE = lazy(
    r"\b(?:a|an|the|my|your|our|their|his|her|its|each|every|this|that|system|to)\s+$",
    re.IGNORECASE,
)
# Filler text.
_FILLER = word_pattern(("lorem ipsum", "lorem", "dolor sit amet", "placeholder text"))

# An unfilled slot in brackets: "As a [user type]", "[insert screenshot]", "<role>".
_SLOT_LEAD_WORDS = """insert add describe placeholder your enter specific brief short explain
    list include provide fill e.g. eg example tbd todo link screenshot image picture diagram
    mockup figure
    chart some what how why who which"""
_SLOT_LEAD = frozenset(_SLOT_LEAD_WORDS.split())
_SLOT_HEAD_WORDS = """user users role persona actor type action actions goal goals benefit reason
    feature capability outcome value name date number amount description details title url link
    metric kpi target here entity criteria condition result behavior behaviour time
    duration percentage version something thing screenshot image diagram mockup"""
_SLOT_HEAD = frozenset(_SLOT_HEAD_WORDS.split())
_BRACKETED = lazy(r"\[(?P<slot>[^\[\]\n]{2,80})\](?!\()")
# Angle brackets are also command syntax ("pin add <package>"): only the fill-in words.
_ANGLED = lazy(r"(?i:<(?:insert|placeholder|describe|your|enter|add|tbd|todo)\b[^<>\n]{0,60}>)")
# "Goal 1", "Feature A": a numbered heading of a template with nothing written after it.
_NUMBERED_SLOT = lazy(
    r"^[\W_]*(?P<slot>(?:goal|objective|feature|requirement|metric|kpi|persona|user\s+story|"
    r"story|milestone|risk|assumption|option|question|scenario|use\s+case|criterion|entity|"
    r"step)(?:\s*\d{1,2}|\s+[A-Z]))[\s:.]*$",
    re.IGNORECASE,
)
# A template line left as written: "Add here", "Describe the risk here".
_BARE_SLOT = lazy(
    r"(?i:[\W_]*(?P<slot>(?:add|insert|describe|write|list|enter|type|put)\s+(?:[\w-]+\s+){0,3}?"
    r"here)[\W_]*$)"
)
# Instructions to whoever fills in the template.
_INSTRUCTION = lazy(
    r"(?i:\b(?:replace|delete|remove|update|edit|fill\s+(?:in|out)|complete|customi[sz]e)\s+"
    r"this\s+(?:section|text|template|paragraph|line|placeholder|table|list|example|sentence)\b"
    r"|\bthis\s+section\s+(?:should|must|is\s+(?:used\s+)?(?:to|for|where))\b)"
)
# ... and one that opens the text: "Detail the specific features and functionalities".
_INSTRUCTION_LEAD = lazy(
    r"(?i:[\W_]*(?P<words>(?:describe|explain|list|outline|detail|specify|define|enumerate|summari[sz]e)\s+"
    r"(?:(?:the|your|any|all|each|key|main|specific|relevant|primary)\s+){1,3}"
    r"(?:features?|functionalit(?:y|ies)|requirements?|goals?|objectives?|scope|metrics?|kpis?"
    r"|risks?|assumptions?|dependencies|stakeholders?|milestones?|problems?|user\s+journeys?"
    r"|success\s+criteria|alternatives?|user\s+stories|personas?|use\s+cases?|motivation"
    r"|rationale|constraints?|non-goals?)\b))"
)
# Anything the scans below can find contains one of these: most text is skipped after a
# few substring tests instead of nine regex scans.
_TRIGGER_WORDS = (
    "[", "<", "???", "$x", "$n", "tbd", "tbc", "tba", "todo", "fixme", "xxx", "lorem",
    "dolor sit", "placeholder", "to be ", "clarification", "pending decision", "this section",
    "this text", "this template", "this paragraph", "this line", "this table", "this list",
    "this example", "this sentence",
)  # fmt: skip
_TRIGGER = lazy(lambda: trie_regex(_TRIGGER_WORDS))  # searched in casefolded text
_SLOT_LETTERS = frozenset({"N", "X", "Y", "NN", "XX"})


def _may_hold(text: str) -> bool:
    return _TRIGGER.search(text.casefold()) is not None or not _SLOT_LETTERS.isdisjoint(
        text.split()
    )


# "up to N items", "within X days", "$X": a number left as a letter. Not "the last N
# minutes", "top N results": there N is usually the user's own choice.
_OPEN_NUMBER = lazy(
    r"(?:(?i:\b(?:up\s+to|at\s+least|at\s+most|no\s+more\s+than|more\s+than|less\s+than|"
    r"fewer\s+than|within|after|over|under|maximum\s+of|minimum\s+of|limit\s+of))\s+(?P<slot>N|X|Y|NN|XX)\s+[a-z]+"
    r"|(?<![\w$])\$(?P<money>X|N|XX)\b)"
)
_OPEN_SECTION = lazy(
    r"(?i:\b(?:open|outstanding|unresolved|pending)\s+(?:questions?|issues?|items?|decisions?|"
    r"points?)\b|^\W*(?:\d[\d.]*\s*)?questions\b|\bparking\s+lot\b|\bdecision\s+log\b)"
)


def _under_open_questions(item: Item) -> bool:
    path = (*item.heading_path, item.title) if item.kind == "section" else item.heading_path
    return _open_path(tuple(path))


@lru_cache(maxsize=512)
def _open_path(titles: tuple[str, ...]) -> bool:
    return any(_OPEN_SECTION.search(title) for title in titles)


def _is_slot(text: str) -> bool:
    words = [w.strip(".,:;!?'\"()").casefold() for w in text.split()]
    words = [w for w in words if w and not w.isdigit()]
    if not words or len(words) > 8:
        return False
    first, head = words[0], words[-1]
    return (
        first in _SLOT_LEAD or head in _SLOT_HEAD or any(w in ("e.g", "e.g.", "eg") for w in words)
    )


def _slots(part: Part) -> Iterator[Hit]:
    for match in _BRACKETED.finditer(part.text):
        if _is_slot(match.group("slot")):
            yield Hit(part, match.start(), match.end(), message=_message(match.group(), _WRITE))
    for match in _ANGLED.finditer(part.text):
        yield Hit(part, match.start(), match.end(), message=_message(match.group(), _WRITE))


def _notes(part: Part) -> Iterator[Hit]:
    text = part.text
    for match in _NOTE.finditer(text):
        if _NOTE_AS_NOUN_AFTER.match(text, match.end()) or _NOTE_AS_NOUN_BEFORE.search(
            text, max(0, match.start() - 12), match.start()
        ):
            continue
        yield Hit(part, match.start(), match.end(), message=_message(match.group(), _DECIDE))


def _open_numbers(part: Part, item_text: str) -> Iterator[Hit]:
    for match in _OPEN_NUMBER.finditer(part.text):
        slot = match.group("slot") or match.group("money")
        if re.search(rf"\b{slot}\s*(?:=|is\b|equals\b)|\bwhere\s+{slot}\b", item_text):
            continue  # the number is defined in the item
        message = f"leaves a number open ('{match.group()}'); set the number"
        yield Hit(part, match.start(), match.end(), message=message)


def _leads(part: Part) -> Iterator[Hit]:
    """The two checks anchored at the start of the text ("Goal 1", "Detail the ...")."""
    numbered = _NUMBERED_SLOT.match(part.text) or _BARE_SLOT.match(part.text)
    if numbered is not None and part.field != "title":
        slot = numbered.group("slot")
        yield Hit(
            part, numbered.start("slot"), numbered.end("slot"), message=_message(slot, _WRITE)
        )
    lead = _INSTRUCTION_LEAD.match(part.text)
    if lead is not None:
        words = lead.group("words")
        yield Hit(part, lead.start("words"), lead.end("words"), message=_message(words, _WRITE))


def _message(words: str, advice: str) -> str:
    return f"contains the placeholder '{words}'; {advice}"


def _hits(item: Item, part: Part, open_questions: bool) -> Iterator[Hit]:
    if not _may_hold(part.text):
        yield from _leads(part)
        return
    if not open_questions:
        for pattern in (_UNDECIDED, _UNDECIDED_UPPER):
            for match in pattern.finditer(part.text):
                yield Hit(
                    part, match.start(), match.end(), message=_message(match.group(), _DECIDE)
                )
    yield from _notes(part)
    yield from _leads(part)
    for pattern in (_FILLER, _INSTRUCTION):
        for match in pattern.finditer(part.text):
            yield Hit(part, match.start(), match.end(), message=_message(match.group(), _WRITE))
    yield from _slots(part)
    yield from _open_numbers(part, item.text)


@check("placeholder")
def placeholder(item: Item, ctx: Context) -> Iterator[Hit]:
    open_questions = _under_open_questions(item)
    # A document's title is also its first section's; a headed story's title holds its text.
    fields = FIELDS[1:] if item.kind == "document" else FIELDS
    seen: set[tuple[int, int]] = set()
    for part in item.parts_of(*fields):
        for hit in sorted(_hits(item, part, open_questions), key=lambda h: h.start):
            where = part.position(hit.start)
            if where not in seen and not ctx.is_allowed(part.text[hit.start : hit.end]):
                seen.add(where)
                yield hit
