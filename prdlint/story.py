"""Split a user story into role ("As a ..."), means ("I want ...") and ends ("so that ...").

Only the grammar of the story template is handled here; what counts as a good role or a
real benefit is the rules' business. Spans are character offsets into the parsed text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from prdlint.lazypattern import lazy

Span = tuple[int, int]

# "I want", "we'd like", "I should be able to"... : where the means starts.
_WANT = (
    r"(?:want(?:s)?|wanna|wish(?:es)?|need(?:s)?|expect(?:s)?|require(?:s)?|prefer(?:s)?"
    r"|(?:do\s+not|don['’]t|never)\s+want|['’]m\s+able\s+to"
    r"|desire(?:s)?|would\s+(?:like|love|prefer|want)|['’]d\s+(?:like|love)|like"
    r"|(?:should|must|shall|will|would)\s+(?:be\s+able|have\s+the\s+ability)\s+to"
    r"|am\s+able\s+to|have\s+the\s+ability\s+to|can|could|should|must|shall|will|may|have|get)"
)
_SUBJECT = r"(?:I|we|i)"
_MEANS_MARK = lazy(rf"(?<![\w'])(?:{_SUBJECT})\s*(?:{_WANT})(?![\w'])", re.IGNORECASE)

# The role: "As a/an/the <role>," at the start, allowing story ids, labels and markup first.
_ROLE = lazy(
    r"(?P<lead>[\W_]*+(?:(?:US|story|user\s+story)[\s#-]*\d+[\w.]*\s*[:.)-]\s*)?[\W_]*+"
    r"(?:(?:user\s+)?story\s*[:.-]\s*[\W_]*+)?)"
    r"(?:as|if\s+I\s+(?:were|was|am))\s+(?:(?:an?|the|one|some|any)\s+)?(?P<role>.{1,120}?)"
    r"\s*[,;:-]?\s*"
    # the benefit may sit between role and means: "As a host, so that I can ..., I want ..."
    r"(?:(?P<mid>(?:so\s+that|so|in\s+order\s+(?:to|for|that))\s[^\n]{1,160}?)[\s,;:-]*)?"
    r"(?=(?:{mark}))".replace("{mark}", _MEANS_MARK.pattern),
    re.IGNORECASE,
)

# "In order to <ends>, as a <role>, I want <means>": the benefit first (Connextra variant).
_ENDS_FIRST = lazy(
    r"^[\W_]*(?:in\s+order\s+to|so\s+that|to)\s+(?P<ends>[^\n]+?),?\s+(?=as\s+(?:an?|the)\s)",
    re.IGNORECASE,
)

# Where the ends clause starts.
_ENDS_MARK = lazy(
    r"(?:,?\s+|,\s*|\.\s+)\(?(?P<mark>so\s+that|so\s+as\s+to|in\s+order\s+(?:to|that|for)|such\s+that"
    r"|due\s+to|otherwise|therefore|this\s+(?:ensures|will|would|allows|helps|makes|lets)"
    r"|this\s+(?:feature|change|way)\s+(?:would|will)|would\s+save"
    r"|for\s+(?=(?:an?\s+)?(?:easy|easier|quick|quicker|fast|faster|better|simpler)\s)"
    r"|for\s+(?=(?:clarity|consistency|security|safety|compliance|traceability|transparency|"
    r"accessibility|auditing|audit\s+purposes|reference|convenience|future\s+reference)\b)"
    r"|so\s+(?=(?:I|we|they|you|he|she|it|the|my|our|their|users?|customers?|people|staff|"
    r"everyone|others|this|that|[A-Z]\w*)\b)|because|since|in\s+case|as\s+this|as\s+it|which\s+(?:will|would)"
    r"|(?:to|and)\s+(?:ensure|make\s+sure|allow|enable|help|avoid|prevent|reduce|increase|improve"
    r"|save|support|keep|stay|get\s+a\s+sense|simplify|protect|locate|know|learn|understand"
    r"|follow|verify|decide|comply|maintain|facilitate|encourage|speed\s+up|guarantee|minimi[sz]e"
    r"|maximi[sz]e|attract|promote|boost|lower|find\s+out|create|plan|stop|share|make|identify"
    r"|determine|assess|evaluate|demonstrate|prove|justify)"
    r"|for\s+the\s+purpose\s+of)\b",
    re.IGNORECASE,
)

# A subject that wants something without the "As a" template: "Users need to ...",
# "The admin should be able to ...". System-ish subjects are not personas.
_ACTOR_SUBJECT = lazy(
    r"^[\W_]*(?:the\s+|an?\s+|our\s+|all\s+|every\s+)?(?P<role>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)"
    r"\s+(?:wants?|needs?|would\s+like|wish(?:es)?|should\s+be\s+able|must\s+be\s+able|can|"
    r"is\s+able|are\s+able|expects?)\b",
    re.IGNORECASE,
)
_NOT_PERSONA = frozenset(
    {
        "system", "application", "app", "platform", "site", "website", "service", "software",
        "tool", "it", "this", "there", "page", "product", "backend", "frontend", "api",
        "server", "database", "code", "module", "we", "i", "table", "column", "field", "data",
        "button", "screen", "form", "feature", "function", "component", "model", "ui",
        "interface", "dashboard", "report", "list", "menu", "option", "layout", "background",
        "logo", "text", "program", "bot", "job", "script", "pipeline",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Story:
    """The template parts of one story sentence. `role`/`means`/`ends` are spans or None;
    `template` names the wording used (e.g. "as-a/i-want/so-that"), for consistency checks."""

    text: str
    role: Span | None
    means: Span
    ends: Span | None
    template: str

    def _slice(self, span: Span | None) -> str:
        return self.text[span[0] : span[1]] if span else ""

    @property
    def role_text(self) -> str:
        return self._slice(self.role)

    @property
    def means_text(self) -> str:
        return self._slice(self.means)

    @property
    def ends_text(self) -> str:
        return self._slice(self.ends)


def _want_word(marker: str) -> str:
    words = marker.lower().split()
    return "-".join(["i", *words[1:2]]) if len(words) > 1 else "i-want"


def _ends_mark_word(mark: str) -> str:
    words = mark.lower().split()
    return "to" if words[0] == "to" else "-".join(words[:2])


# Words after which "to <verb>" completes the request instead of giving its reason:
# "be able to", "a way to", "allow users to".
_TAKER_WORDS = """able want wants like need needs how what where when whether way ways
    ability option
    options possibility opportunity chance permission access right time going have has had
    try trying used wish forget remember continue start begin agree decide expect ask asked
    be is are was easy possible allowed required reminder instructions prompt prompted and
    order me us them him her you users people others someone anyone everyone members apps"""
_INFINITIVE_TAKERS = frozenset(_TAKER_WORDS.split())
# "use ALFRED to ...", "have the app to ...": the infinitive belongs to the request.
_REQUEST_VERB = lazy(r"(?:to\s+)?(?:use|using|have|let|ask|tell|need)\b", re.IGNORECASE)
_OBJECT_START = lazy(
    r"(?:the|a|an|my|our|their|his|her|its|all|every|each|this|that|these|those|some|any|users?"
    r"|people|customers?|them|it|me|us|him|someone|everyone|[A-Z]\w*)\b"
)


_TO_WORD = lazy(r"\bto\b", re.IGNORECASE)
_WORD = lazy(r"\S+")


def _reason_at(text: str, start: int, match: re.Match[str], first_to: int) -> bool:
    """Whether a reason marker really opens the reason (not "be able to learn ...").
    Looks only at a bounded window before the marker, so a long line stays linear."""
    mark = match.group("mark").casefold()
    if mark.startswith("and"):
        return mark.split()[1:2] in (["ensure"], ["make"])  # "... and ensure/make sure ..."
    if not mark.startswith("to"):
        return True
    before = text[max(start, match.start() - 40) : match.start()].split()
    if not before or before[-1].casefold().strip(",.") in _INFINITIVE_TAKERS:
        return False
    if _REQUEST_VERB.match(text, start) and len(text[start : match.start()][:120].split()) <= 4:
        return False
    if _OBJECT_START.match(text, start):
        # "I want the system to notify me": the first infinitive after an object is the request.
        return first_to < match.start()
    return True


def _first_reason(text: str, start: int, end: int) -> re.Match[str] | None:
    first_word = _WORD.match(text, start)
    after_first = first_word.end() if first_word else start
    to_word = _TO_WORD.search(text, after_first, end)
    first_to = to_word.start() if to_word else end
    for match in _ENDS_MARK.finditer(text, start, end):
        if match.start("mark") > start + 2 and _reason_at(text, start, match, first_to):
            return match
    return None


def _split_ends(text: str, start: int, end: int) -> tuple[Span, Span | None, str]:
    match = _first_reason(text, start, end)
    if match is None:
        return (start, _rstrip(text, start, end)), None, ""
    means_end = _rstrip(text, start, match.start())
    ends_start = match.end("mark")
    while ends_start < end and text[ends_start] in " ,":
        ends_start += 1
    return (start, means_end), (ends_start, _rstrip(text, ends_start, end)), match.group("mark")


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!*_"):
        end -= 1
    return end


# Memoised: the reader and several rules parse the same sentence; Story is immutable.
@lru_cache(maxsize=256)
def parse_story(text: str) -> Story | None:
    """The story template parts of `text`, or None when it has no "I want"-like means."""
    ends_first = _ENDS_FIRST.match(text)
    offset = ends_first.end() if ends_first else 0
    role_match = _ROLE.match(text, offset)
    mid: Span | None = None
    if role_match:
        role: Span | None = role_match.span("role")
        mark = _MEANS_MARK.match(text, role_match.end())
        if role_match.group("mid"):
            mid = role_match.span("mid")
    else:
        role = None
        mark = _MEANS_MARK.search(text, offset)
        if mark and mark.start() > offset + 60:
            return None
    if mark is None:
        return None
    means_start = mark.end()
    while means_start < len(text) and text[means_start] in " ,:":
        means_start += 1
    if ends_first or mid:
        means: Span = (means_start, _rstrip(text, means_start, len(text)))
        ends: Span | None = ends_first.span("ends") if ends_first else mid
        ends_word = "in-order" if ends_first else "so-that-first"
    else:
        means, ends, ends_word = _split_ends(text, means_start, len(text))
        ends_word = _ends_mark_word(ends_word) if ends else ""
    template = "/".join(
        part for part in ("as-a" if role else "", _want_word(mark.group()), ends_word) if part
    )
    return Story(text, role, means, ends, template)


def reason_in(text: str) -> bool:
    """Whether free text (not in story form) gives a reason anywhere."""
    return _LEADING_REASON.match(text) is not None or _first_reason(text, 0, len(text)) is not None


_LEADING_REASON = lazy(
    r"[\W_]*(?:since|because|so\s+that|so\s+(?:I|we|they|users?|people|volunteers?)\b|"
    r"in\s+order\s+(?:to|for)|to\s+\w+[^,\n]{0,80},)",
    re.IGNORECASE,
)
REASON_MARK = _ENDS_MARK
_OPENS_WITH_REASON = lazy(r"[\W_]*(?:so|since|because)\b", re.IGNORECASE)


def opens_with_reason(text: str) -> bool:
    """Free text that is all reason ("So volunteers can ..."): it asks for nothing itself."""
    return _OPENS_WITH_REASON.match(text) is not None


def actor_role(text: str) -> str | None:
    """A persona named outside the template ("Customers need to ..."), or None."""
    match = _ACTOR_SUBJECT.match(text)
    if match is None:
        return None
    role = match.group("role")
    if role.split()[-1].lower().rstrip("s") in _NOT_PERSONA or role.lower() in _NOT_PERSONA:
        return None
    return role


_STORY_START = lazy(
    r"^[\W_]*+(?:(?:US|story|user\s+story)[\s#-]*\d+[\w.]*\s*[:.)-]\s*)?[\W_]*+"
    r"(?:(?:user\s+)?story\s*[:.-]\s*[\W_]*+)?"
    r"(?:as\s+(?:an?|the)?\s*\w|in\s+order\s+to\s)",
    re.IGNORECASE,
)


# "As a matter of fact, we ...", "As part of this milestone, we will ...": idioms, not roles.
_NOT_A_ROLE = lazy(
    r"(?:matter|result|consequence|part|rule|reminder|example|side|bonus|first|last|default|"
    r"fallback|workaround|whole|general|far|long|soon|well|such|follows?|mentioned|noted|"
    r"described|discussed|above|below|before|usual)\b",
    re.IGNORECASE,
)


def looks_like_story(text: str) -> bool:
    """Whether a markdown paragraph or list item is written as a user story."""
    if not _STORY_START.match(text):
        return False
    story = parse_story(text)
    return story is not None and not (story.role and _NOT_A_ROLE.match(story.role_text))
