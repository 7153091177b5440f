"""compound-story: two separable needs in one story ("edit and delete", "view X and export Y")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.checks._text import request_regions, story_of
from prdlint.model import Hit, Item
from prdlint.rule import Context
from prdlint.wordtrie import trie_regex

# Verbs that name a separate user action; "X and Y" between two of them is two stories.
ACTIONS = """
add edit delete remove create update view see browse search find filter sort export import
download upload print share send receive email notify track manage approve reject cancel
book pay buy purchase order rate review comment like follow subscribe unsubscribe register
sign log login archive restore publish unpublish submit assign schedule invite join leave
save bookmark copy move rename tag flag report record conduct generate modify change configure
display list compare select show store post contact learn identify confirm accept
get navigate enter access open reset choose pick enable disable customize personalise
personalize upgrade transfer withdraw redeem apply enrol enroll verify attach link connect
sync translate annotate vote request reply respond message chat remind plan analyse analyze
visualise visualize calculate monitor play watch read write draft preview obtain retrieve
set claim duplicate merge reserve rent return refund invoice replace scan test deploy install"""
# Words as often nouns as verbs ("login settings", "order history"): after "and" they
# are a second action only when an object or an end follows them ("and order them").
_NOUNISH_WORDS = """book comment contact email flag like list log login order post rate record
    report
    review schedule share sign store tag track display change copy move play watch message
    chat set plan request return refund invoice link vote draft print search filter sort
    access transfer test"""
_NOUNISH = frozenset(_NOUNISH_WORDS.split())
_OBJECT_START = lazy(
    r"\s+(?:the|a|an|all|any|my|your|their|his|her|its|our|this|that|these|those|it|them|"
    r"me|us|each|every|new|existing|other|some|up|out|off|\d+)\b|\s*(?:$|[,.;:)])",
    re.IGNORECASE,
)
# Looking at a thing to decide on it is one need: "view and approve a profile".
_LOOK_WORDS, _DECIDE_WORDS = "view see review read check inspect preview", "approve reject confirm"
_LOOK, _DECIDE = frozenset(_LOOK_WORDS.split()), frozenset(_DECIDE_WORDS.split())
# Giving an input to get its result is one need: "enter my zip code and get a list".
_INPUT_WORDS, _RESULT_WORDS = "enter select choose pick upload", "get see view receive"
_INPUT, _RESULT = frozenset(_INPUT_WORDS.split()), frozenset(_RESULT_WORDS.split())
# Making a thing to take it away is one need: "generate and download QR codes".
_MAKE_WORDS, _TAKE_WORDS = "generate create make build produce", "download export print save"
_MAKE, _TAKE = frozenset(_MAKE_WORDS.split()), frozenset(_TAKE_WORDS.split())
# Asking and being answered is one need: "post a question and receive an answer".
_ANSWER = lazy(
    r"(?i:\s+(?:(?:a|an|the|my|our|their|any|some|timely|quick|prompt)\s+){0,2}"
    r"(?:answers?|repl(?:y|ies)|responses?|confirmations?|receipts?|acknowledge?ments?|feedback)\b)"
)
# Signing in first is a step, not a feature: "log in and view my orders".
_SIGN_IN_FIRST = lazy(r"(?i:(?:log|sign)\s*(?:in|on)\s+(?:and|&)\s)")
# "... and set the light theme as default": the default is a detail of the same feature.
_AS_DEFAULT = lazy(r"(?i:[^.;,]{0,40}?\b(?:as|the)\s+(?:the\s+)?default\b)")
# Verbs that say the same thing: "browse and find", "remove/delete" is one need.
_SYNONYMS = [
    {"view", "see", "display", "browse", "list", "show", "find", "search", "look", "access", "open",
     "read", "preview", "navigate"},
    {"edit", "update", "modify", "change", "manage", "configure", "set", "customize",
     "customise", "personalize", "personalise", "enter"},
    {"remove", "delete", "cancel", "archive"},
    {"add", "create", "register", "sign", "join", "post", "publish", "submit", "upload", "enter",
     "write", "draft", "import", "apply", "enrol", "enroll"},
    {"log", "login"},
    {"enable", "disable", "activate", "deactivate"},
    {"save", "store", "bookmark", "record", "keep"},
    {"download", "export", "print"},
    {"get", "obtain", "retrieve", "receive"},
    {"plan", "schedule", "book", "reserve", "rent"},
    {"track", "monitor", "watch"},
    {"pay", "buy", "purchase", "order"},
    {"return", "refund"},
    {"reply", "respond", "comment"},
    {"rate", "review", "score", "grade"},
    {"link", "connect", "attach", "sync"},
    {"verify", "confirm", "check", "approve", "accept"},
    {"analyse", "analyze", "visualise", "visualize", "calculate", "compare"},
]  # fmt: skip
_ACTION = r"(?:" + trie_regex(ACTIONS.split()) + r")"  # grouped by first letter: cheap to try
_SECOND = rf"(?:{_ACTION}|be\s+(?:notified|alerted|informed|reminded|warned))"
_LEAD = r"\b"
# A verb in verb position follows these words (or starts the request, or follows an
# adverb); after "a dropdown", "all", "discounts," the same word is a noun.
_VERB_CONTEXT_WORDS = "to can could will would should must may i we by able also and or want need"
_VERB_CONTEXT = frozenset(f"{_VERB_CONTEXT_WORDS} like wish then both either me us".split())
# "Enable import/export", "support upload/download": features named by their actions.
_SLASH_CONTEXT = _VERB_CONTEXT | {"enable", "enables", "support", "supports", "allow", "allows"}
# "edit and delete", "to view my orders and (to) export them".
_TWO_ACTIONS = lazy(
    rf"(?i:{_LEAD}(?P<first>{_ACTION})(?:s|ed|ing)?\b[^,;.()]{{0,80}}?"
    rf"(?:,\s*|\s+)(?:and/or|and|&|as\s+well\s+as|and\s+also|and\s+then)\s+(?:to\s+)?(?:also\s+)?"
    rf"(?:be\s+able\s+to\s+)?(?P<second>{_SECOND})\b)"
)
# "add or remove": opposite actions offered as alternatives are still two stories.
_OPPOSITES = lazy(
    r"(?i:\b(?:add|create|insert)\s+(?:or|and/or)\s+(?:remove|delete)\b"
    r"|\b(?:remove|delete)\s+(?:or|and/or)\s+(?:add|create)\b"
    r"|\b(?:log|sign)\s*(?:in|on)\s*(?:/|and|or|&)\s*(?:out|off)\b)"
)
# "view, confirm, and manage bookings": a list of actions.
_ACTION_LIST = lazy(
    rf"(?i:{_LEAD}(?P<first>{_ACTION})(?:s|ed|ing)?\s*,\s*(?:{_ACTION}\s*,\s*)*(?:and|or)?\s*"
    rf"(?P<second>{_ACTION})\b)"
)
# "... and be able to view ...": a second capability added to the first.
_AND_ABLE = lazy(
    r"(?i:\band\s+(?:also\s+)?be\s+able\s+to\s+\w+"
    # "... and the ability to export", "as well as the option to ..."
    r"|\b(?:and|as\s+well\s+as|along\s+with|plus)\s+(?:also\s+)?(?:the|an?)\s+"
    r"(?:ability|option|possibility|capability)\s+to\s+\w+"
    r")"
)
# "... and also Y", "not only X but also Y": a second request added to the first. Not a
# place or time for the same need ("and also on mobile").
_AND_ALSO = lazy(
    r"(?i:\b(?:and|but)\s+also\s+(?!(?:in|on|at|for|from|with|by|via|when|if|as|during|after|"
    r"before|offline|online)\b)\w+)"
)
# "..., and be notified of new research": a notification added to another capability.
_AND_NOTIFIED = lazy(
    r"(?i:(?<=[\w,]\s)and\s+(?:to\s+)?(?:be|get|getting|being)\s+"
    r"(?:notified|alerted|reminded|informed|warned)\b)"
)
# "view shipments, edit addresses and get delay alerts": three actions, each with its object.
_VERB_PHRASES = lazy(
    rf"(?i:\b(?P<first>{_ACTION})\s+[^,;.()]{{1,50}}?,\s*(?P<second>{_ACTION})\s+"
    rf"[^,;.()]{{1,50}}?,?\s+(?:and|or)\s+(?:to\s+)?(?P<third>{_SECOND})\b)"
)
# A second story in the same item: "... I want X. As a user, I (also) want Y."
_SECOND_STORY = lazy(
    r"(?i:[.;!?]\s+(?P<story>(?:and\s+)?(?:as\s+(?:an?|the)\s+[^.;,]{1,60}?,?\s+)?(?:I|we)\s+"
    r"(?:also\s+)?(?:want|would\s+like|need|wish)\b))"
)
_SLASH_ACTIONS = lazy(rf"(?i:{_LEAD}(?P<first>{_ACTION})/(?P<second>{_ACTION})\b)")
# "one for editing profiles and another for deleting them": two things, counted.
_ONE_AND_ANOTHER = lazy(
    r"(?i:\bone\s+(?:for|to)\s+(?P<first>\w+)\b[^.;]{0,60}?"
    r"\band\s+(?:another|one|the\s+other)\s+(?:for|to)\s+(?P<second>\w+)\b)"
)
# "patients can view health records, book appointments": two verb phrases joined by a
# comma alone, the second ending the sentence (a third item would be a noun list).
_COMMA_PAIR = lazy(
    rf"(?i:\b(?:can|could|to|will|may|should|must)\s+(?P<first>{_ACTION})\s+[^,;.()]{{1,50}}?"
    rf",\s*(?P<second>{_ACTION})\s+[\w'-]+(?:\s+[\w'-]+){{0,5}}?\s*(?=$|[.;!?)]))"
)
_DETERMINER = lazy(r"(?i:\s+(?:the|a|an|all|any|my|your|their|his|her|its|our|this|these)\b)")


def _comma_pair_ok(text: str, match: re.Match[str]) -> bool:
    """A noun-like second verb ("book", "order") counts only in parallel with a bare first
    object: "view health records, book appointments"."""
    second = match.group("second").casefold()
    if second not in _NOUNISH or _OBJECT_START.match(text, match.end("second")):
        return True
    return _DETERMINER.match(text, match.end("first")) is None


# Imperative verbs of work items (common commit-message verbs): a task line that lists
# two of them, "Fix the frontmatter, refresh the skill; tighten permissions", is two tasks.
_TASK_VERBS = r"""(?:fix|refresh|tighten|loosen|extract|slim|trim|drop|bump|upgrade|downgrade|
    migrate|refactor|rename|clean|prune|split|merge|document|deprecate|replace|rewrite|
    simplify|harden|add|remove|delete|update|archive|move|create|implement|introduce)"""
_PHRASE = r"(?:[^,;.]|\.(?=\S)){2,80}?"  # "BACKLOG.md" does not end the phrase
_TASK_LIST = lazy(
    rf"(?ix:(?:[A-Z]+-\d+\s+|\[[^\]]*\]\s*)?(?P<first>{_TASK_VERBS})\s+{_PHRASE}"
    rf"[,;]\s*(?:and\s+)?(?P<second>{_TASK_VERBS})\s+{_PHRASE}"
    rf"[,;]\s*(?:and\s+)?(?P<third>{_TASK_VERBS})\b)"
)
# "some of the features supported at launch: A. B. C": the item names a list of features.
_FEATURE_LIST = lazy(
    r"(?i:\b(?:features|capabilities|functionalities)\b[^.:;]{0,40}?\s*:"
    r"(?=\s*[^\s.,;][^.,;]{1,80}[.,;]\s*[^\s.,;]))"
)
# A later sentence that grants another capability: "Sends reminders. Gives them the
# option to cancel.", "... Allow users to configure keys."
_SECOND_CAPABILITY = lazy(
    r"(?i:[.;!?]\s+(?:it\s+|this\s+|also\s+)?(?:gives?|allows?|lets?|enables?|offers?)\s+"
    r"(?:them|users?|the\s+users?|customers?|people|him|her|[\w-]+s)\s+"
    r"(?:(?:also\s+)?(?:the\s+)?(?:option|ability|possibility|chance)\s+)?to\s+\w+)"
)
# A list of features after a colon, each opening with its own action verb:
# "able to: i. view patients ... ii. edit prescriptions", "to: Add categories. Edit them."
_LIST_MARK = lazy(r"(?i:(?::|[.;]|\b(?:[ivx]{1,4}|\d{1,2}|[a-h])[.)])\s+(?:[ivx]{1,4}[.)]\s+)?)")
_LEADING_ACTION = lazy(rf"(?i:(?P<verb>{_ACTION})\b)")
# "A and B system", "a pricing plan and billing system": two features joined.
_TWO_FEATURES = lazy(
    r"(?i:\b(?:a|an)\s+[\w-]+\s+(?:plan|system|module|feature|tool|page|portal|dashboard)\s+and\s+"
    r"(?:a\s+|an\s+)?[\w-]+\s+(?:plan|system|module|feature|tool|page|portal|dashboard)\b)"
)
# Two quality attributes of the product asked for together ("the server to be secure and to
# operate quickly"): each is its own requirement with its own measure. Grouped by the
# ISO/IEC 25010 product quality characteristics; two words of one group are one need.
_QUALITY_GROUPS = {
    "performance": "fast quick quickly rapid responsive performant efficient scalable speedy "
    "snappy fast-loading lightweight",
    "usability": "easy usable intuitive user-friendly accessible learnable simple",
    "reliability": "reliable available stable robust resilient fault-tolerant dependable reliably",
    "security": "secure securely safe private confidential protected encrypted",
    "maintainability": "maintainable modular testable extensible",
    "portability": "portable cross-platform installable",
    "compatibility": "compatible interoperable",
}
_QUALITY_OF = {word: group for group, words in _QUALITY_GROUPS.items() for word in words.split()}
_QUALITY_WORD = "|".join(sorted(map(re.escape, _QUALITY_OF), key=len, reverse=True))
_CONVENIENCE = frozenset(["easy", "simple", "quick", "quickly", "fast", "intuitive"])
_QUALITY_PAIR = lazy(
    rf"(?i:\b(?:be|is|are|remains?|stays?)\s+(?:very\s+|highly\s+)?(?P<first>{_QUALITY_WORD})"
    rf"\s*,?\s+and\s+(?:to\s+)?(?:be\s+|(?:operate|run|perform|respond|load|work)\s+)?"
    rf"(?:very\s+|highly\s+)?(?P<second>{_QUALITY_WORD})\b)"
)


def _quality_hit(text: str, start: int, end: int, ctx: Context) -> re.Match[str] | None:
    if " and " not in text[start:end]:
        return None  # both need an "and": skip the scan on most stories
    for match in _QUALITY_PAIR.finditer(text, start, end):
        first, second = (_QUALITY_OF[match.group(g).casefold()] for g in ("first", "second"))
        words = {match.group(g).casefold() for g in ("first", "second")}
        if words <= _CONVENIENCE:
            continue  # "quick and easy": one wish for convenience, said twice
        if first != second and not ctx.is_allowed(match.group()):
            return match
    return None


# Two people's flows in one item: "the volunteer selects timeslots ..., and then the
# administrators assign shifts". Each actor's part is a story of its own persona.
_ACTORS = """user customer client buyer seller vendor member guest visitor volunteer admin
    administrator moderator manager staff employee teacher student parent driver rider
    passenger host player patient doctor nurse author editor reviewer owner tenant landlord
    organizer organiser attendee coach trainer agent librarian applicant recruiter candidate"""
_ACTOR = r"(?:" + trie_regex(_ACTORS.split()) + r")(?:s|es)?"
_TWO_ACTORS = lazy(
    rf"(?i:\b(?:the|a|an|each|every)\s+(?P<a>{_ACTOR})\s+(?:can\s+|will\s+|should\s+|may\s+)?"
    rf"(?P<first>{_ACTION})(?:s|es)?\b[^.;]{{1,100}}?,?\s+and\s+(?:then\s+)?(?:the|an?)\s+"
    rf"(?P<b>{_ACTOR})\s+(?:can\s+|will\s+|should\s+|may\s+)?(?P<second>{_ACTION})(?:s|es)?\b)"
)


def _actors_hit(text: str, start: int, end: int, ctx: Context) -> re.Match[str] | None:
    if " and " not in text[start:end]:
        return None
    for match in _TWO_ACTORS.finditer(text, start, end):
        a, b = (match.group(g).casefold().rstrip("s") for g in ("a", "b"))
        different = a != b and not a.startswith(b) and not b.startswith(a)
        if different and not ctx.is_allowed(match.group()):
            return match
    return None


_SHARED_OBJECT = lazy(r"(?i:\b(?:search|filter|sort)\s+by\b)")


# A feature title joining two areas ("Catalogue & reservations"): one side a short noun
# phrase each. Sides that name one area ("Search and browse", "Terms and conditions") are
# not two features.
_TITLE_PAIR = lazy(
    r"[\W_]*(?P<first>[^\W\d_][\w'-]*(?:\s+[\w'-]+){0,2})\s+(?:&|and|\+)\s+"
    r"(?P<second>[^\W\d_][\w'-]*(?:\s+[\w'-]+){0,2})[\W_]*$"
)
_FIXED_PAIR_TEXT = """terms and conditions|questions and answers|q and a
    |pros and cons|drag and drop|copy and paste|cut and paste|find and replace|search and replace
    |trial and error|black and white|research and development|r and d|profit and loss
    |mergers and acquisitions|roles and permissions|users and roles|users and permissions
    |date and time|time and date|name and address|first and last name|shipping and handling
    |sales and marketing|help and support|tips and tricks|news and events|health and safety
    |privacy and security|security and privacy|safety and security|look and feel
    |authentication and authorization|authentication and authorisation|read and write
    |rules and regulations|dos and don'ts|bug fixes and improvements|fixes and improvements
    |save and continue|save and exit|save and close|plug and play|click and collect
    |arts and crafts|food and drink|food and beverage|friends and family|family and friends
    |hardware and software|ins and outs|bits and pieces|odds and ends|rock and roll
    |accessibility and inclusion|diversity and inclusion|reporting and analytics
    |analytics and reporting|monitoring and alerting|backup and restore|backup and recovery
    |login and logout|sign in and sign out"""
_FIXED_PAIRS = frozenset(" ".join(pair.split()) for pair in _FIXED_PAIR_TEXT.split("|"))
# Nouns for one area: either side of "Search and filtering" names the same feature.
_AREA_SYNONYMS = [
    "search searching browse browsing filter filtering discovery find finding lookup sort",
    "preferences settings customization customisation personalization personalisation "
    "options configuration profile",
    "analytics reporting reports statistics insights metrics dashboard dashboards",
    "validation verification quality checks review",
    "upload uploading import importing ingestion",
    "export exporting download downloading",
    "notifications alerts reminders",
    "payments payment billing checkout invoicing pricing",
    "reservations reservation booking bookings",
    "interface ui ux navigation layout design experience",
    "performance speed optimization optimisation",
    "design implementation development build setup architecture",
    "login sign-in authentication authorization access accounts account registration signup",
]
_AREA_OF = {word[:5]: n for n, group in enumerate(_AREA_SYNONYMS) for word in group.split()}


# An id or label before a headed item's title: "LIB-1:", "Feature 2:", "Story 1.4 -".
_TITLE_LEAD = lazy(
    r"(?i:[\W_]*(?:(?:[a-z]+[-_ ]?)?\d[\w.]*|(?:feature|story|user\s+story|requirement)"
    r"(?:\s+[\w.]+)?)\s*[:.)-]\s*)"
)
_TITLE_TAIL = lazy(r"\s*\((?:priority|p\d)[^)]*\)\s*$", re.IGNORECASE)


def _title_hit(item: Item) -> Hit | None:
    """A headed feature described in prose whose title joins two areas. A title over a
    template story ("As a ..., I want ...") is left to the story's own check."""
    title = item.part("title")
    if title is None or item.kind not in ("story", "requirement"):
        return None
    if story_of(item) is not None or title.text.rstrip().endswith("."):
        return None  # a sentence, not a title
    lead = _TITLE_LEAD.match(title.text)
    start = lead.end() if lead else 0
    tail = _TITLE_TAIL.search(title.text, start)
    match = _TITLE_PAIR.match(title.text[: tail.start() if tail else len(title.text)], start)
    if match is None:
        return None
    part = title
    first, second = (match.group(g).casefold().replace("&", "and") for g in ("first", "second"))
    if f"{first} and {second}" in _FIXED_PAIRS:
        return None
    heads = [_AREA_OF.get(side.split()[-1][:5], side.split()[-1][:5]) for side in (first, second)]
    if heads[0] == heads[1] or _AREA_OF.get(first.split()[0][:5]) == heads[1]:
        return None
    words = title.text[match.start("first") : match.end("second")]
    message = f"joins two features in its title ({words}); give each its own item"
    return Hit(part, match.start("first"), match.end("second"), message=message)


def _in_verb_position(
    text: str, start: int, region_start: int, context: frozenset[str] = _VERB_CONTEXT
) -> bool:
    before = text[max(region_start, start - 40) : start].split()  # bounded: stays linear
    if not before:
        return True
    word = before[-1].casefold()
    return word in context or word.endswith("ly")


_PHRASAL_SIGN = lazy(r"(?i:(?:log|sign)\s+(?:in|on|up|out|off)\b)")
_NOUN_FOLLOWER = lazy(r"\s*(?:$|[,.;:)]|(?:at|in|on|for|of|with|from|to|is|are)\b)", re.I)


def _second_is_noun(text: str, match: re.Match[str]) -> bool:
    """ "track my child's activity and schedule at camp", "edit the profile and login
    settings": the second word follows an object of the first and has none of its own, so
    it is a noun joined to the first object."""
    if "second" not in match.groupdict() or match.group("second") is None:
        return False
    gap = text[match.end("first") : match.start("second")]
    if len(gap.split()) <= 1:
        return False  # "edit and delete": both act on what follows
    if _PHRASAL_SIGN.match(text, match.start("second")):
        return False  # "sign up and log in": "log in" is a verb, not the noun "log"
    if _NOUN_FOLLOWER.match(text, match.end("second")) is not None:
        return True
    second = match.group("second").casefold()
    return second in _NOUNISH and _OBJECT_START.match(text, match.end("second")) is None


def _one_flow(match: re.Match[str]) -> bool:
    """ "view and approve a profile", "enter my zip code and get a list": looking at a thing
    is part of deciding on it, and an input is given for its result."""
    groups = match.groupdict()
    if not groups.get("first") or not groups.get("second"):
        return False
    first, second = groups["first"].casefold(), groups["second"].casefold()
    if (first in _LOOK and second in _DECIDE) or (first in _INPUT and second in _RESULT):
        return True
    if first in _MAKE and second in _TAKE:
        return True
    if second in ("get", "receive") and _ANSWER.match(match.string, match.end("second")):
        return True
    if _SIGN_IN_FIRST.match(match.string, match.start("first")):
        return True
    return second in ("set", "make") and bool(_AS_DEFAULT.match(match.string, match.end("second")))


def _same_need(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    if not groups.get("first") or not groups.get("second"):
        return False
    first, second = groups["first"].casefold(), groups["second"].casefold()
    return first == second or any(first in group and second in group for group in _SYNONYMS)


def _three_actions(match: re.Match[str]) -> bool:
    """Each listed verb acts on its own object and not all say the same thing."""
    words = [match.group(g).casefold() for g in ("first", "second", "third")]
    if words[1] in _NOUNISH and _OBJECT_START.match(match.string, match.end("second")) is None:
        return False
    pairs = itertools.pairwise(words)
    return any(a != b and not any(a in g and b in g for g in _SYNONYMS) for a, b in pairs)


_PAIR_PATTERNS = (
    _TWO_ACTIONS, _ACTION_LIST, _OPPOSITES, _AND_ABLE, _AND_ALSO, _AND_NOTIFIED, _SLASH_ACTIONS,
    _TWO_FEATURES, _ONE_AND_ANOTHER,
)  # fmt: skip


# Actions inside a "when/if/after ..." clause describe when the need arises, not the need.
_CONDITION_BEFORE = lazy(
    r"(?i:\b(?:when|whenever|if|after|once|before|while|until)\s+(?:i|we|you|they|he|she|"
    r"users?|the\s+[\w-]+|an?\s+[\w-]+)\s+(?:can\s+|will\s+|have\s+|first\s+)?$)"
)


_SUBORDINATOR = lazy(r"(?i:\b(?:when|whenever|if|after|once|before|while|until)\b)")


def _context(pattern: object) -> frozenset[str]:
    return _SLASH_CONTEXT if pattern is _SLASH_ACTIONS else _VERB_CONTEXT


def _pair_hit(text: str, start: int, end: int, ctx: Context) -> re.Match[str] | None:
    for pattern in _PAIR_PATTERNS:
        for match in pattern.finditer(text, start, end):
            if (
                _SHARED_OBJECT.search(match.group())
                or _same_need(match)
                or _one_flow(match)
                or _second_is_noun(text, match)
            ):
                continue
            if match.groupdict().get("first") and _CONDITION_BEFORE.search(
                text, max(start, match.start("first") - 30), match.start("first")
            ):
                continue  # "when I deploy a version and update the pipeline": the trigger
            if match.groupdict().get("second") and _SUBORDINATOR.search(
                text, match.end("first"), match.start("second")
            ):
                continue  # "upgrade it when I deploy and update ...": the second is the trigger's
            counted = pattern is _ONE_AND_ANOTHER  # "one for editing": a noun-phrase verb
            if (
                not counted
                and match.groupdict().get("first")
                and not _in_verb_position(text, match.start("first"), start, _context(pattern))
            ):
                continue
            if ctx.is_allowed(match.group()):
                continue
            return match
    return None


def _colon_list_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """From a colon on, two list entries that open with different, unrelated actions."""
    colon = text.find(":", max(0, start - 3), end)  # the means may begin just after it
    if colon < 0:
        return None
    verbs: list[re.Match[str]] = []
    for mark in _LIST_MARK.finditer(text, colon, end):
        verb = _LEADING_ACTION.match(text, mark.end())
        if verb is None:
            continue
        word = verb.group("verb").casefold()
        for earlier in verbs:
            other = earlier.group("verb").casefold()
            if other != word and not any(other in g and word in g for g in _SYNONYMS):
                return earlier.start(), verb.end()
        verbs.append(verb)
    return None


def _comma_hit(text: str, start: int, end: int, ctx: Context) -> re.Match[str] | None:
    for match in _COMMA_PAIR.finditer(text, start, end):
        one_need = _same_need(match) or _one_flow(match)
        if _comma_pair_ok(text, match) and not one_need and not ctx.is_allowed(match.group()):
            return match
    return None


def _list_hit(text: str, start: int, end: int, ctx: Context) -> re.Match[str] | None:
    for match in _VERB_PHRASES.finditer(text, start, end):
        if (
            _three_actions(match)
            and _in_verb_position(text, match.start("first"), start)
            and not ctx.is_allowed(match.group())
        ):
            return match
    return None


@check("compound-story")
def compound_story(item: Item, ctx: Context) -> Iterator[Hit]:
    for part, start, end in request_regions(item):
        match = (
            _list_hit(part.text, start, end, ctx)
            or _pair_hit(part.text, start, end, ctx)
            or _quality_hit(part.text, start, end, ctx)
        )
        if match is not None:
            quality = match.re is _QUALITY_PAIR.compiled  # the span starts at the attribute
            yield Hit(part, match.start("first") if quality else match.start(), match.end())
            return
        actors = _actors_hit(part.text, start, end if story_of(item) else len(part.text), ctx)
        if actors is not None:
            who = f"{actors.group('a')} ... {actors.group('b')}"
            message = f"holds two people's flows ({who}); give each persona its own story"
            yield Hit(part, actors.start("a"), actors.end(), message=message)
            return
        comma = _comma_hit(part.text, start, end, ctx)
        if comma is not None:
            yield Hit(part, comma.start("first"), comma.end())
            return
        span = _colon_list_span(part.text, start, end)
        if span is not None and not ctx.is_allowed(part.text[span[0] : span[1]]):
            yield Hit(part, *span)
            return
        task = _TASK_LIST.match(part.text, start, end)
        if task is not None and not ctx.is_allowed(task.group()):
            yield Hit(part, task.start("first"), task.end())
            return
        listed = _FEATURE_LIST.search(part.text, start, end)
        if listed is not None and not ctx.is_allowed(listed.group()):
            message = f"lists several features ({listed.group()}); give each its own story"
            yield Hit(part, listed.start(), listed.end(), message=message)
            return
        extra = _SECOND_CAPABILITY.search(part.text, start, end)
        if extra is not None and not ctx.is_allowed(extra.group()):
            words = extra.group().lstrip(".;!? ")
            message = f"adds another capability ({words}); give it its own story"
            yield Hit(part, extra.end() - len(words), extra.end(), message=message)
            return
        second = _SECOND_STORY.search(part.text, start) if part.field == "story" else None
        if second is not None and not ctx.is_allowed(second.group("story")):
            message = f"holds a second story ({second.group('story')}); split it into two stories"
            yield Hit(part, second.start("story"), second.end("story"), message=message)
            return
    title = _title_hit(item)
    if (
        title is not None
        and title.part
        and not ctx.is_allowed(title.part.text[title.start : title.end])
    ):
        yield title
