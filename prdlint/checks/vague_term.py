"""vague-term: untestable qualifiers in what is asked (fast, easy, user-friendly, a few, etc.)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.checks._text import request_end, request_regions, word_pattern
from prdlint.model import Hit, Item, Part
from prdlint.rule import Context

# Qualifiers nobody can test, by concept: quality and ease, speed, polish and appeal,
# intelligence and sophistication, sufficiency and fit, grade and class, hedges and
# intensifiers, open amounts and open lists. Bare quantities (some, several, multiple,
# most) and bare "good"/"nice" are left out: in real backlogs they rarely change what is
# asked ("read some articles", "it would be nice to") and flagging them drowned the rest.
VAGUE_WORDS = """
fast, faster, fastest, quick, quicker, quickly, rapid, rapidly, speedy, snappy, swift,
swiftly, promptly, timely, in a timely manner, instantly, near real-time, faster-feeling,
easy, easily, easier, easiest, with ease, effortless, effortlessly, simple, simpler,
simplest, simply, straightforward, hassle-free, painless, convenient, conveniently, handy,
user-friendly, user friendly, intuitive, intuitively, easy to use, easy-to-use,
easy to understand, self-explanatory, understandable, readable, legible, accessible to all,
robust, resilient, flexible, flexibility, versatile, seamless, seamlessly, smooth,
smoothly, fluid, frictionless, efficient, efficiently, effective, effectively, performant,
lightweight, scalable, scalability, reliable, reliably, stable, optimal, optimally, optimized,
optimised, high-performance, high performance,
appropriate, appropriately, adequate, adequately, reasonable, reasonably, sufficient,
sufficiently, suitable, suitably, acceptable, satisfactory, proper, properly, decent,
meaningful, meaningfully, relevant, useful, helpful, more helpful, informative,
sensible, sensibly, correctly formatted, gracefully, graceful, noticeable, unobtrusive,
non-intrusive, unintrusive,
nice-looking, nicer, nicely, pretty good, beautiful, beautifully, beautify, attractive,
attractively, visually appealing, appealing, pleasant, pleasing, delightful, engaging,
elegant, elegantly, sleek, polished, slick, stylish, good-looking, better-looking, cleaner,
clean and simple, uncluttered, tidy, neat, neatly, modern, modernised, modernized,
fresh look, professional-looking, professional looking, eye-catching, prominent,
prominently, enhanced, better performance, better experience, better user experience,
intelligent, intelligently, smart, smarter, sophisticated, powerful, rich,
richer, comprehensive, extensive, robustly, in-depth, thorough, thoroughly,
state-of-the-art, best-in-class, world-class, cutting-edge, high-quality, high quality,
enterprise-grade, production-grade, industrial-strength, industry-standard, top-notch,
first-class, premium quality, next-generation, next-gen, best practices, best practice,
safely, securely, in a secure way, in a safe way, more secure, more inclusive, inclusive,
user-centric, customer-centric,
a few, a lot of, lots of, plenty of, a number of, a variety of, a wide variety of,
a range of, a wide range of, various, numerous, countless, variable number,
as many as possible, as much as possible, as soon as possible, asap, as needed,
if needed, as required, minimal, minimally,
significant, significantly, substantial, substantially, considerable, considerably,
normally, usually, typically, generally, mostly, ideally, preferably, somehow, somewhat,
more or less, roughly, semi-structured, and/or, etc, etc., et cetera,
and so on, and so forth, other such, and the like,
and other, among others, allrelevant, all relevant
"""
# Words that are also verbs or nouns ("clear the cart", "clean up data", "secure the API"):
# a qualifier only after a determiner, a copula or an intensifier ("a clear label").
_ADJECTIVE_ONLY = "clear, clean, secure, better, nicer, solid, friendly, great, excellent"
_ADJECTIVE_CONTEXT = lazy(
    r"(?:\b(?:a|an|is|are|be|been|being|was|were|more|very|really|quite|super|so|too|"
    r"and|or|look|looks|feel|feels|stay|stays|remain|remains|keep|make|makes|nice|"
    r"want|need|have|get|show|shows|give|gives|provide|provides|display|write|"
    r"and\s+a|in\s+a|with\s+a)|,)\s+$",
    re.IGNORECASE,
)
# "improve the flow", "enhance the experience": a change named by its hoped-for quality.
_IMPROVE = lazy(
    r"(?i:\b(?:improve|improved|improving|enhance|enhancing|optimi[sz]e|optimi[sz]ing|"
    r"streamline|streamlining|polish|refine|revamp|modernise|modernize|beautify|tidy\s+up|"
    r"clean\s+up|upgrade)\s+(?:the\s+|our\s+|my\s+|its\s+|their\s+)?(?:overall\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:flow|flows|experience|ux|ui|usability|look|feel|look\s+and\s+feel|"
    r"design|layout|interface|navigation|performance|speed|process|workflow|onboarding|"
    r"readability|accessibility|appearance|aesthetics?|quality|usefulness|efficiency|"
    r"ease\s+of\s+use|user\s+experience)\b|"
    # "improve the dashboard": any part of the product, changed for the better, no measure.
    r"\b(?:improve|improving|enhance|enhancing|revamp|revamping)\s+(?:the|our|its|their|this)"
    r"\s+(?:[\w-]+\s+)?[\w-]+(?=\s*(?:[.;!)]|$|\s+(?:and|so|to|for|in|on|with)\b)))"
)
# "more options", "more inclusive", "less cluttered": a comparison with nothing to compare.
_MORE = lazy(
    r"(?i:\b(?:more|less)\s+(?:options|choices|features|functionality|control|flexibility|"
    r"freedom|variety|visibility|"
    r"[a-z]+(?:ive|ful|able|ible|ent|ant|ous|ic|ly|ed|al)(?![\w-])))"
)
# "as much archival material as possible": the phrase split around its object.
_AS_X_AS_POSSIBLE = lazy(
    r"\bas\s+(?:much|many|soon|quickly|fast|often|far|little|few)\s+\w[^.;,]{0,40}?\s+as\s+possible\b",
    re.IGNORECASE,
)
# "a Modern-Style UI", "clean-looking", "faster-feeling": an evaluative word made into a
# compound adjective; the whole-word list does not match inside a hyphenated word.
_STYLED = lazy(
    r"(?i:\b(?:modern|clean|sleek|nice|nicer|fresh|professional|polished|elegant|smooth|"
    r"simple|simpler|intuitive|fast|faster|snappy|friendly|pretty|beautiful|premium|"
    r"stylish|slick|contemporary)-(?:style|styled|looking|feeling|ish|like)\b)"
)
VAGUE = word_pattern(w.strip() for w in VAGUE_WORDS.replace("\n", " ").split(",") if w.strip())
ADJECTIVE_ONLY = word_pattern(w.strip() for w in _ADJECTIVE_ONLY.split(","))
# "or similar" closes a list only at its end ("mandatory and similar in all plans" is fine).
_SIMILAR_AT_END = lazy(
    r"(?i:\b(?:(?:and|or)\s+similar|and\s+(?:much|many)\s+more|and\s+more)(?=\s*(?:[.,;)\]!]|$)))"
)
# "useful for monitoring", "relevant to my area": the purpose bounds the adjective.
_FOR_PURPOSE = lazy(r"\s+(?:for|to)\s+\w", re.IGNORECASE)
_PURPOSE_ADJECTIVES = frozenset(["useful", "relevant", "helpful", "suitable", "meaningful"])
_AND_OR = lazy(r"\band/or\b", re.IGNORECASE)
# A qualifier made concrete right after it ("fast (under 2 seconds)", "within 5 minutes",
# "relevant items based on the page I am on", "other formats (CSV, JSON)").
_CONCRETE = lazy(
    r"[^.;]{0,30}?(?:(?:\(\s*)?(?:under|within|below|at\s+most|at\s+least|less\s+than|"
    r"more\s+than|fewer\s+than|no\s+more\s+than|<|>|≤|≥)\s*\d|\bbased\s+on\b|"
    r"\baccording\s+to\b|\bas\s+defined\b|\bdefined\s+(?:in|by)\b|\bi\.e\.|\bnamely\b|"
    r"\bthan\s+(?:the|a|an|\d|today|now|before|currently)|:\s*[\"“'\d]|\bincluding\b|"
    r"\bfor\s+(?:the\s+)?(?:minimum|maximum|minimal|fewest|least|shortest|lowest|highest)\s+\w)",
    re.IGNORECASE,
)
# An adjective followed by its examples or a measure in parentheses ("modern sans-serif
# (Inter, SF Pro)", "optimized for social media (1200x630)"); an id ("(NFR2)") is neither.
_EXAMPLES_AFTER = lazy(r"[^.;()]{0,30}?\((?:\s*e\.g\.|[^()]*(?<![\w#-])\d|[^(),]+,)", re.I)
# "(Magic, Pokémon, etc.)": examples of a set the story already bounds ("all games").
_EXAMPLES_ETC = lazy(r"\([^()]{0,80}$")
_THE_BEFORE = lazy(r"\bthe\s+$", re.IGNORECASE)
_ALL_BEFORE = lazy(r"\b(?:all|any|every|each)\s+[\w-]+", re.IGNORECASE)
_CRITERIA_FIELDS = ("criterion",)


def _criteria(item: Item) -> Iterator[tuple[Part, int, int]]:
    """Acceptance criteria: "THEN it SHALL handle errors appropriately" is as untestable as
    the story it was meant to make testable."""
    for part in item.parts:
        if part.field in _CRITERIA_FIELDS:
            yield part, 0, request_end(part.text)


@check("vague-term")
def vague_term(item: Item, ctx: Context) -> Iterator[Hit]:
    for part, start, end in _vague_regions(item):
        matches = [*VAGUE.finditer(part.text, start, end)]
        for pattern in (_AS_X_AS_POSSIBLE, _IMPROVE, _MORE, _SIMILAR_AT_END):
            matches += pattern.finditer(part.text, start, end)
        if "-" in part.text[start:end]:  # a styled compound needs its hyphen: skip the scan
            matches += _STYLED.finditer(part.text, start, end)
        matches += (
            m
            for m in ADJECTIVE_ONLY.finditer(part.text, start, end)
            if _adjective(part.text, m, start)
        )
        seen: set[int] = set()
        for match in sorted(matches, key=lambda m: m.start()):
            word = match.group()
            if any(match.start() <= at < match.end() for at in seen):
                continue
            seen.add(match.start())
            if ctx.is_allowed(word) or _CONCRETE.match(part.text, match.end()):
                continue
            if match.re in (VAGUE.compiled, ADJECTIVE_ONLY.compiled) and _EXAMPLES_AFTER.match(
                part.text, match.end()
            ):
                continue
            if word.casefold() in _PURPOSE_ADJECTIVES and _FOR_PURPOSE.match(
                part.text, match.end()
            ):
                continue
            if _is_name(part.text, match.start(), word):
                continue  # "the Quick Task option": a name, not a qualifier
            if _describes_today(part.text, match, start):
                continue  # "we typically get 30 tickets", "Currently it is hard to ...": context
            if _purpose_of_feature(part.text, match, start):
                continue  # "tags to more easily sort": the hoped-for benefit of a concrete ask
            if _classifies_items(part.text, match):
                continue  # "lists of easy recipes": a kind of item, not how the feature works
            if word.casefold() == "various" and _THE_BEFORE.search(
                part.text, max(0, match.start() - 8), match.start()
            ):
                continue  # "the various pages": all of them, not an open amount
            if _bounded_list(part.text, match, start):
                continue  # "all games (Magic, Pokémon, etc.)": examples of a bounded set
            if _in_label(part.text, match):
                continue  # "View mode toggles (simple vs detailed)": names of options
            if _stated_effect(part.text, match, start) or _evidence(part.text, match):
                continue  # "it will enhance the UI", "a lot of users asked": not the request
            yield Hit(part, match.start(), match.end(), values={"term": word})


def _vague_regions(item: Item) -> Iterator[tuple[Part, int, int]]:
    """The request; and "and/or" wherever it stands, since it changes what is asked. Not
    a rationale or an assumption: it argues for a choice, it asks for nothing."""
    if any(_ARGUMENT_HEADING.search(heading) for heading in item.heading_path[1:]):
        return
    regions = [*request_regions(item), *_criteria(item)]
    requests = [r for r in regions if not _ARGUMENT_LABEL.match(r[0].text, r[1])]
    yield from requests
    for part, start, end in requests:
        for match in _AND_OR.finditer(part.text, end):
            yield part, match.start(), match.end()
        for match in _AND_OR.finditer(part.text, 0, start):
            yield part, match.start(), match.end()


# Sections and labels that argue or assume rather than ask ("Rationale: excellent
# performance", "## Assumptions: the mail service is reliable").
_ARGUMENT_HEADING = lazy(
    r"(?i:\b(?:assumptions?|rationale|justifications?|motivation|dependencies\s+and\s+assumptions)\b)"
)
_ARGUMENT_LABEL = lazy(
    r"(?i:\s*(?:[-*]\s*)?\**(?:rationale|reason|reasoning|why|justification|assumptions?|"
    r"(?:current\s+)?assumption)\**\s*:)"
)
# Inside parentheses, a choice or a list of examples names things ("(simple vs
# detailed)", "(#FFD700 or similar)", "(equities and other assets)").
_PAREN_OPEN = lazy(r"\(([^()]{0,80})$")
_PAREN_CHOICE = lazy(r"(?i:\s(?:vs\.?|versus)\s|/)")
_PAREN_LIST_CLOSERS = frozenset(["or similar", "and similar", "and other"])
_PAREN_REST = lazy(r"[^()]{0,80}\)")
# "... it will enhance the UI": the effect the author expects, after the request itself.
_EFFECT = lazy(
    r"(?i:\b(?:it|this|that|which)\s+(?:will|would|could)\s+(?:also\s+)?"
    r"(?:make|help|enhance|improve|allow|let|give|save|reduce|increase|benefit|provide)\b)"
)
# "a lot of users have asked for this": the evidence for the request, not its size.
_OPEN_AMOUNTS = frozenset(
    ["a lot of", "lots of", "plenty of", "a number of", "numerous", "countless"]
)
_ASKERS = lazy(
    r"(?i:\s+(?:[\w-]+\s+)?(?:users|people|customers|members|players|folks|of\s+you|requests)\s+"
    r"(?:have|has|are|were|asked|ask|requested|request|want|wanted|complain\w*|say|said|"
    r"mention\w*)\b)"
)


def _in_label(text: str, match: re.Match[str]) -> bool:
    """The term sits in a parenthesis that names choices or closes a list of examples."""
    opened = _PAREN_OPEN.search(text, max(0, match.start() - 80), match.start())
    closed = _PAREN_REST.match(text, match.end())
    if opened is None or closed is None:
        return False
    if match.group().casefold() in _PAREN_LIST_CLOSERS:
        return True
    if match.group().casefold() == "and/or":
        return False  # "(email and/or inbox)": still two readings
    return _PAREN_CHOICE.search(f"{opened.group(1)} {closed.group()}") is not None


def _stated_effect(text: str, match: re.Match[str], start: int) -> bool:
    return _EFFECT.search(text, start, match.end()) is not None and bool(
        text[start : match.start()].strip()
    )


def _evidence(text: str, match: re.Match[str]) -> bool:
    return match.group().casefold() in _OPEN_AMOUNTS and bool(_ASKERS.match(text, match.end()))


_OF_ITEMS = lazy(r"\b(?:of|for)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_NOUN_AFTER = lazy(r"\s+[a-z][\w-]*[^\Ws]s\b")


def _classifies_items(text: str, match: re.Match[str]) -> bool:
    """An adjective inside "of/for ... <adjective> <plural noun>" sorts the user's things
    ("lists of easy recipes", "for reliable sources"); it does not qualify the request."""
    word = match.group()
    if not word.isalpha() or word.endswith("ly"):
        return False
    return bool(
        _OF_ITEMS.search(text, max(0, match.start() - 40), match.start())
        and _NOUN_AFTER.match(text, match.end())
    )


def _is_name(text: str, start: int, word: str) -> bool:
    """A capitalised word inside a sentence, or in quotes, is a name (a product or option).
    In a Title Case line a capital marks nothing, but "Add Quick Actions Menu" may still
    name a feature: only an adverb or a styled compound ("Easily", "Modern-Style"), which
    no feature is called, counts there."""
    if start > 0 and text[start - 1] in "\"'“‘`":
        return True
    if not text[start].isupper() or start == 0:
        return False
    before = text[:start].rstrip()
    if not before or before[-1] in ".!?:;-–—":
        return False
    never_a_name = word.casefold().endswith("ly") or "-" in word
    return not (never_a_name and _title_case(text, start))


_LONG_WORD = lazy(r"\b[^\W\d_][\w'-]{3,}")
# Words Title Case leaves in lower case (Chicago and APA style: prepositions, conjunctions).
_SMALL_WORDS = "with from into onto over upon than that this about after before under without"
_TITLE_SMALL_WORDS = frozenset(_SMALL_WORDS.split())


def _title_case(text: str, at: int) -> bool:
    """The sentence around `at` capitalises (nearly) all its longer words."""
    begin = max(text.rfind(mark, 0, at) for mark in ".!?;:\n") + 1
    ends = [e for e in (text.find(mark, at) for mark in ".!?;\n") if e >= 0]
    found = _LONG_WORD.finditer(text, begin, min(ends, default=len(text)))
    words = [m.group() for m in found if m.group().casefold() not in _TITLE_SMALL_WORDS]
    capitals = sum(1 for word in words if word[0].isupper())
    return len(words) >= 3 and capitals >= 0.8 * len(words)


# Ease and speed are what a concrete ask is for: "tags to more easily sort", "a list for
# easy access". A purpose clause ("to"/"for" after a noun) names the hoped-for benefit; the
# request itself ("I want to easily add", "a way to quickly find") still counts.
_BENEFITS = "easy easily easier quick quickly quicker faster fast conveniently convenient"
_BENEFIT_WORDS = frozenset(_BENEFITS.split())
_PURPOSE_BEFORE = lazy(
    r"(?i:\b(?P<head>[\w'-]+)\s+to\s+(?:more\s+|even\s+more\s+)?$"
    r"|\bfor\s+(?:(?:[\w-]+\s+){1,2}(?:or|and)\s+)?(?:more\s+)?$)"
)
_HEADS = """want wants like love wish need needs able how way ways option options ability means
    possibility tool feature function button easy allowed going try trying me us them
    possible simple should must can could will would be is are it
    users user him her people customers"""
_REQUEST_HEADS = frozenset(_HEADS.split())


def _purpose_of_feature(text: str, match: re.Match[str], start: int) -> bool:
    word = match.group().casefold().removeprefix("more ").removeprefix("less ")
    if word not in _BENEFIT_WORDS:
        return False
    before = _PURPOSE_BEFORE.search(text, max(start, match.start() - 40), match.start())
    if before is None or not text[start : before.start()].strip():
        return False
    head = before.group("head")
    return head is None or head.casefold() not in _REQUEST_HEADS


# Context, not the request: a person's habit ("we typically get 30 tickets a day") or a
# sentence about how things are today ("Currently it is hard to find orders quickly").
_HEDGES = frozenset(["usually", "typically", "normally", "generally", "mostly", "often"])
_HABIT_BEFORE = lazy(
    r"(?i:\b(?:i|we|they|he|she|users|customers|people|members|staff|our\s+[\w-]+)\s+$)"
)
_TODAY = lazy(
    r"(?i:\s*(?:currently|right\s+now|at\s+the\s+moment|at\s+present|today|as\s+of\s+now|"
    r"at\s+the\s+minute|nowadays)\s*(?:,|(?:the|it|it's|we|i|there|users|our|this|you|they|"
    r"a|an|people|customers)\b)|\s*(?:it\s+is|it's)\s+(?:hard|difficult|tedious|"
    r"painful|slow|cumbersome)\b)"
)


def _describes_today(text: str, match: re.Match[str], start: int) -> bool:
    if match.group().casefold() in _HEDGES and _HABIT_BEFORE.search(
        text, max(start, match.start() - 30), match.start()
    ):
        return True
    begin = max(text.rfind(mark, 0, match.start()) + 1 for mark in ".!?;")  # its sentence
    return _TODAY.match(text, begin) is not None


_NOT_AN_ADJECTIVE_AFTER = lazy(r"\s+(?:is|are|was|were|to|of|will|has|button|key)\b", re.I)


def _adjective(text: str, match: re.Match[str], start: int) -> bool:
    """ "a clear label", "clear sign ...": the word qualifies; "a clear is in progress" and
    "clear the cart" use it as a noun or a verb."""
    if _NOT_AN_ADJECTIVE_AFTER.match(text, match.end()):
        return False
    if not text[start : match.start()].strip():
        return True
    return (
        _ADJECTIVE_CONTEXT.search(text, max(start, match.start() - 12), match.start()) is not None
    )


def _bounded_list(text: str, match: re.Match[str], start: int) -> bool:
    """ "etc." closing a parenthesised list of examples of a set named in full before it
    ("all games (Magic, Pokémon, etc.)"), or "and other" after "all" ("all courses and
    other appointments")."""
    word = match.group().casefold()
    if word == "and other":
        before = text[max(start, match.start() - 40) : match.start()]
        return _ALL_BEFORE.search(before) is not None
    if not word.startswith("etc"):
        return False
    opened = _EXAMPLES_ETC.search(text, max(start, match.start() - 80), match.start())
    if opened is None:
        return False
    return _ALL_BEFORE.search(text, max(start, opened.start() - 40), opened.start()) is not None
