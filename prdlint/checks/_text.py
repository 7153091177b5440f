"""Helpers the checks share: which spans of an item to read, who is speaking, word lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from prdlint.checks._lazy import LazyPattern, lazy
from prdlint.doctype import DESIGN_DOCUMENTS
from prdlint.model import Item, Part
from prdlint.rule import Context
from prdlint.story import REASON_MARK, Story, opens_with_reason, parse_story
from prdlint.wordtrie import whole_words

Region = tuple[Part, int, int]  # a part and a [start, end) span of its text

# "heading": a headed item's title without its id, when a paragraph states the item.
PROSE_FIELDS = ("story", "requirement", "description", "criterion", "goal", "heading")

# Documents whose job is to choose the solution: solution rules skip them unless selected.


def story_of(item: Item) -> tuple[Part, Story] | None:
    part = item.part("story")
    if part is None:
        return None
    story = parse_story(part.text)
    return (part, story) if story else None


def in_design_document(item: Item, ctx: Context) -> bool:
    """Whether a solution rule should stay quiet: the item sits in a design doc, RFC, ADR or
    KEP, which legitimately names solutions, and the user did not select the rule by name."""
    return item.fields.get("document_type") in DESIGN_DOCUMENTS and not ctx.explicitly_selected


def regions(item: Item, fields: Iterable[str] = PROSE_FIELDS) -> Iterator[Region]:
    """Whole parts of the given fields (and an epic's title and body)."""
    wanted = set(fields)
    if item.kind == "epic":
        wanted |= {"title", "body"}
    for part in item.parts:
        if part.field in wanted:
            yield part, 0, len(part.text)


def written_regions(item: Item) -> Iterator[Region]:
    """Everything the PM wrote as prose: an item's story, requirement, description and
    criteria, and the paragraphs and bullets of a section or document (a PRD's feature
    list is the PM's text too)."""
    if item.kind in ("section", "document"):
        yield from regions(item, ("body",))
    else:
        yield from regions(item)


def request_end(text: str, start: int = 0) -> int:
    """Where the request in free text ends: at its first reason clause, if any."""
    match = REASON_MARK.search(text, start)
    return match.start() if match and match.start("mark") > start + 2 else len(text)


def request_regions(item: Item) -> Iterator[Region]:
    """What the item asks for: a story's means (not its "so that" clause), a
    requirement's or free story line's text up to its reason. Descriptions and criteria
    are not the request."""
    found = story_of(item)
    if found is not None:
        part, story = found
        yield part, story.means[0], story.means[1]
        return
    for part in item.parts:
        if part.field in ("story", "requirement") and not opens_with_reason(part.text):
            yield part, 0, request_end(part.text)


def word_pattern(words: Iterable[str], flags: int = re.IGNORECASE) -> LazyPattern:
    """Whole-word match of any listed term (a trie, so long lists stay cheap); a space in a
    term matches any run of spaces or hyphens."""
    terms = tuple(words)  # the trie is built on first use

    def source() -> str:
        return whole_words(terms, space=r"[\s-]+", before=r"[\w/.-]", after=r"[\w-]|\.\w")

    return lazy(source, flags)


def role_text(item: Item) -> str:
    found = story_of(item)
    return found[1].role_text.casefold() if found else ""


# The people who build the product. "A backend developer" or "the team" speaks for the
# team; "an app developer", "a developer using our API" is a customer who develops.
_TEAM_ROLE = lazy(
    r"^(?:(?:backend|back-end|frontend|front-end|full[\s-]?stack|lead|senior|junior|software|release|build|"
    r"web|css|ui|mobile|android|ios|devops|cloud|qa|test|platform|infrastructure|"
    r"site\s+reliability|database|db|data|ml|system|systems|project|scrum|dev)\s+)?"
    r"(?:developer|programmer|engineer|architect|devops|dev|team|team\s+member|tester|"
    r"qa|maintainer|product\s+owner|scrum\s+master|system|coder)s?$"
)
_DEVELOPER_ROLES = lazy(
    r"\b(?:developer|programmer|engineer|integrator|api\s+(?:user|consumer|client)|"
    r"data\s+scientist|analyst|researcher|operator|sysadmin|system\s+administrator|"
    r"maintainer|contributor|admin(?:istrator)?|it\s+staff|publisher)s?\b",
    re.IGNORECASE,
)


def _clean_role(role: str) -> str:
    return " ".join(re.sub(r"[^\w\s/-]", " ", role).split()).removeprefix("the ")


def is_team_role(role: str) -> bool:
    """Whether the speaker is the team building the product (not one of its users)."""
    return bool(_TEAM_ROLE.match(_clean_role(role.casefold())))


def is_team_speaker(item: Item) -> bool:
    """A team role, or nobody at all ("Set up CI", "We need to ..."): the team's own voice."""
    found = story_of(item)
    if found is None or found[1].role is None:
        text = item.part("story") or item.part("requirement")
        return text is None or not _starts_with_user(text.text)
    return is_team_role(found[1].role_text)


_USER_SUBJECT = lazy(
    r"^[\W_]*(?:the\s+|an?\s+|our\s+|each\s+|every\s+|all\s+)?(?:users?|customers?|visitors?|"
    r"members?|shoppers?|patients?|students?|teachers?|admins?|administrators?|staff|"
    r"volunteers?|clients?|buyers?|sellers?|players?)\b",
    re.IGNORECASE,
)


def _starts_with_user(text: str) -> bool:
    return bool(_USER_SUBJECT.match(text))


def is_technical_persona(item: Item) -> bool:
    """Developers, integrators and analysts who USE the product: technology can be their
    need. The team's own developers are not: their tool choices are the team's design."""
    role = role_text(item)
    return bool(_DEVELOPER_ROLES.search(role)) and not is_team_role(role)


# A technology the user receives or opens is the user's own format: "download ... as an
# SQLite database", "get a Data Package into Node".
_USERS_FORMAT = lazy(
    r"(?i:\b(?:to|can|could|will|i|we|and|or|should|must|please|want|wants)\s+(?:\w+\s+)?"
    r"(?:download|export|import|open)(?:s|ed|ing)?\b[^.;,]{0,60}$"
    r"|\b(?:get|gets|getting|load|loads)\b[^.;,]{0,40}\b(?:into|as)\s+(?:an?\s+|my\s+)?\w*\s*$)"
)

# "a jQuery plugin", "an Elasticsearch integration", "pipelines that use Kafka": the
# technology is the user's own ecosystem, which the product must fit.
_USERS_ECOSYSTEM_AFTER = lazy(
    r"(?i:[\s-]+(?:plugin|plug-in|integration|connector|adapter|extension|sdk|client|support|"
    r"compatibility|compatible|users?|developers?|emulator)s?\b)"
)
_USERS_ECOSYSTEM_BEFORE = lazy(
    r"(?i:\b(?:integrat\w+\s+with|support\s+for|compatible\s+with|works?\s+with|connect\s+to|"
    r"that\s+uses?|which\s+uses?|from|with\s+my|in\s+my|on\s+my|to\s+my)\s+(?:\w+\s+)?$)"
)


def users_own_technology(text: str, start: int, at: int, end: int) -> bool:
    """The technology is the user's own tool, format or ecosystem, not the team's choice."""
    return (
        _USERS_FORMAT.search(text, max(start, at - 70), at) is not None
        or _USERS_ECOSYSTEM_BEFORE.search(text, max(start, at - 40), at) is not None
        or _USERS_ECOSYSTEM_AFTER.match(text, end) is not None
    )
