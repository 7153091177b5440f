"""The technology gazetteer (rules/technology/*.txt): thousands of names in categories,
found in a text with one tokenisation and dict lookups (no regex per name).

A file holds one name a line; `#` starts a comment. A leading `=` marks a name that is also
an English word, matched only as written ("Flask", not "a flask"); `~` marks one whose lower
case is an everyday word ("Spring", "Rails", "Stripe"): it counts only next to a build cue
("using Rails", "a Spring backend") or capitalised in mid-sentence outside a Title Case run.
bench/technology.py says how each file was built and re-marks them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from prdlint.checks._lazy import lazy
from prdlint.shipped import rules_directory

# Languages are a build choice only where the text says so ("written in Go", "a Python
# script"): "go", "C", "Ruby" and "Swift" are ordinary words and names too.
NEEDS_CUE = frozenset({"languages"})

_TOKEN = lazy(r"[A-Za-z0-9](?:[A-Za-z0-9]|[.\-/'](?=[A-Za-z0-9]))*(?:\+\+|#)?")
_GAP = lazy(r"[\s-]+")
_CUE_BEFORE = lazy(
    r"(?i:\b(?:use|uses|using|used|via|with|in|built\s+(?:with|in|on)|written\s+in|"
    r"implemented\s+(?:in|with)|based\s+on|powered\s+by|switch(?:ing)?\s+to|"
    r"migrat\w*\s+to|upgrad\w*\s+to|port\w*\s+to|on\s+top\s+of|adopt|introduce|install|"
    r"integrat\w*|connect|set\s*up|configure|deploy\w*\s+(?:to|on)|host\w*\s+on)\s+"
    r"(?:the\s+|a\s+|an\s+|our\s+)?(?:latest\s+|new\s+)?$)"
)
_HEAD_AFTER = lazy(
    r"(?i:[\s-]+(?:apps?|application|server|backend|back-end|frontend|front-end|framework|"
    r"librar(?:y|ies)|components?|cluster|instance|jobs?|queues?|workers?|tests?|suite|"
    r"scripts?|pipeline|containers?|images?|services?|stack|project|codebase|code|modules?|"
    r"templates?|store|hooks?|router|routes?|controllers?|models?|views?|database|db|"
    r"buckets?|functions?|endpoints?|version|runtime|deployment|setup|config(?:uration)?|"
    r"dependency|package|account|api|webhooks?|checkout|elements?|widgets?|forms?)\b)"
)
_SENTENCE_START = lazy(r"(?:^|[.!?:;\n(\[\"*#>|-])\s*$")


@dataclass(frozen=True, slots=True)
class Name:
    text: str  # as written in the file
    words: tuple[str, ...]  # its tokens as written
    category: str
    exact: bool  # match the case as written
    ambiguous: bool  # an everyday word: needs a build cue or a mid-sentence capital


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: Name


Index = dict[str, list[Name]]  # first token (casefolded) -> names, longest first


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=1)
def gazetteer() -> Index:
    """Every name of every file, loaded on first use (start-up pays nothing)."""
    index: Index = {}
    for path in sorted((rules_directory() / "technology").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                _add(index, line.strip(), path.stem)
    for names in index.values():
        names.sort(key=lambda n: -len(n.words))
    return index


_CAMEL = lazy(r"[a-z][A-Z]")


def _add(index: Index, line: str, category: str) -> None:
    mark = line[0] if line[0] in "=~" else ""
    text = line[len(mark) :].strip()
    # a name without spaces is one token (the tokeniser keeps . - / + # inside a word)
    words = (text,) if " " not in text else tuple(t for _, _, t in _tokens(text))
    if not words:
        return
    # A single name marked "=" is a proper noun ("Cassandra", "Kafka"): written in lower
    # case ("firebase", "mongodb") it is still the technology. So is a longer one led by a
    # camel-case brand ("GitHub Actions" as "GitHub actions" or "github actions"): no
    # English word steps from lower to upper case, unlike "CAN bus" or "Cloud Run".
    exact = mark == "~" or (mark == "=" and len(words) > 1 and not _CAMEL.search(words[0]))
    name = Name(text, words, category, exact=exact, ambiguous=mark == "~")
    index.setdefault(words[0].casefold(), []).append(name)
    if len(words) > 1:  # "web sockets" also as the one token "web-sockets"
        joined = "-".join(words)
        index.setdefault(joined.casefold(), []).append(
            Name(text, (joined,), category, name.exact, name.ambiguous)
        )


@lru_cache(maxsize=4096)
def mentions(text: str) -> tuple[Mention, ...]:
    """The named technologies in `text`, left to right, longest name first at a token.
    Cached: the solution and technical-task rules read the same parts."""
    index = gazetteer()
    tokens = _tokens(text)
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        word = tokens[i][2]
        # fast path: most tokens are no name's first word and have no head to split off
        if word.casefold() not in index and not _SPLITTABLE.search(word):
            i += 1
            continue
        hit = _match_at(text, tokens, i, index)
        if hit is None:
            i += 1
            continue
        mention, used = hit
        if _counts(text, mention):
            found.append(mention)
        i += used
    return tuple(found)


def _match_at(
    text: str, tokens: list[tuple[int, int, str]], i: int, index: Index
) -> tuple[Mention, int] | None:
    start, _, word = tokens[i]
    for key, cut in _keys(word):
        for name in index.get(key.casefold(), ()):
            size = len(name.words)
            if size == 1:
                if _same(name, 0, word[:cut]) or _set_up_in_lower_case(
                    text, start, name, word[:cut]
                ):
                    return Mention(start, start + cut, name), 1
                continue
            if cut != len(word) or i + size > len(tokens):
                continue
            span = tokens[i : i + size]
            if all(
                _same(name, k, t[2]) and _GAP.fullmatch(text, span[k - 1][1], t[0])
                for k, t in enumerate(span)
                if k
            ) and _same(name, 0, word):
                return Mention(start, span[-1][1], name), size
    return None


# "Integrate stripe", "set up sentry", "integrate bootstrap": a managed service or framework
# written in lower case is still the product when it is the bare object of a set-up verb (no
# article: "install a stripe" is not).
_SET_UP_CATEGORIES = frozenset({"cloud", "frameworks"})
_SET_UP_BEFORE = lazy(r"(?i:\b(?:integrate|install|configure|set\s*up|setup)\s+$)")


def _set_up_in_lower_case(text: str, start: int, name: Name, word: str) -> bool:
    return (
        name.ambiguous
        and name.category in _SET_UP_CATEGORIES
        and word.casefold() == name.words[0].casefold()
        and _SET_UP_BEFORE.search(text, max(0, start - 20), start) is not None
        and (name.category == "cloud" or not _NOUN_AFTER.match(text, start + len(word)))
    )


# "Set up parcel lockers", "integrate spring cleaning": a lower-case framework name that
# modifies a noun is an everyday word, not the framework.
_NOUN_AFTER = lazy(
    r"[ \t]+(?!(?:and|or|for|with|to|in|into|on|as|so|the|a|an|via|using|instead)\b)[a-z]"
)


_SPLITTABLE = lazy(r"[-/]|'s$")


def _keys(word: str) -> list[tuple[str, int]]:
    """The whole token, then its head before a hyphen or slash ("Redis-backed" -> "Redis"),
    then without a possessive ("Dijkstra's")."""
    keys = [(word, len(word))]
    cut = min((p for p in (word.find("-"), word.find("/")) if p > 0), default=-1)
    if cut > 0:
        keys.append((word[:cut], cut))
    if word.endswith("'s"):
        keys.append((word[:-2], len(word) - 2))
    return keys


def _same(name: Name, k: int, word: str) -> bool:
    want = name.words[k]
    return word == want if name.exact else word.casefold() == want.casefold()


def _counts(text: str, mention: Mention) -> bool:
    name = mention.name
    if name.category in NEEDS_CUE:
        return _language_cue(text, mention)
    if name.ambiguous:
        return _build_cue(text, mention) or _mid_sentence_capital(text, mention)
    # "Cloud Storage Bucket Manager": part of a longer proper name, not the product
    return not (name.exact and len(name.words) > 1 and _CAPITAL_AFTER.match(text, mention.end))


_CAPITAL_AFTER = lazy(r"[ \t]+[A-Z][a-z]")
# A language is chosen for the build only in so many words: "written in Go", "a Python
# backend". "Analysis in R" or "in Python" is where the user works.
_LANGUAGE_CUE = lazy(
    r"(?i:\b(?:use|uses|using|written\s+in|built\s+(?:with|in|on)|implemented\s+(?:in|with)|"
    r"(?:re)?write\s+(?:it\s+|the\s+\w+\s+)?in|switch(?:ing)?\s+to|migrat\w*\s+to|port\w*\s+to)\s+"
    r"(?:the\s+|a\s+)?(?:latest\s+)?$)"
)
_LANGUAGE_HEAD = lazy(
    r"(?i:[\s-]+(?:backend|back-end|server|service|microservice|codebase|implementation|"
    r"rewrite|code|script|lambda)s?\b)"
)


def _language_cue(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 40) : mention.start]
    return bool(_LANGUAGE_CUE.search(before)) or (
        len(mention.name.text) > 1 and _LANGUAGE_HEAD.match(text, mention.end) is not None
    )


def _build_cue(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 40) : mention.start]
    if len(mention.name.text) > 1 and _CUE_BEFORE.search(before):
        return True
    return _HEAD_AFTER.match(text, mention.end) is not None


_WORD_BEFORE = lazy(r"([A-Za-z][\w.]*)\s+$")
_WORD_AFTER = lazy(r"\s+([A-Za-z][\w.]*)")
_ARTICLES = frozenset({"a", "an", "the", "our", "my", "your", "their"})
_SMALL = frozenset({"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with"})


def _mid_sentence_capital(text: str, mention: Mention) -> bool:
    """ "add Stripe payments": a capitalised name inside a sentence, not part of a Title
    Case run ("Sentry Mode", "Spring Sale") nor the first word."""
    before = text[max(0, mention.start - 30) : mention.start]
    if _SENTENCE_START.search(before):
        return False
    prev = _WORD_BEFORE.search(before)
    after = _WORD_AFTER.match(text, mention.end)
    if prev and prev.group(1).casefold() in _ARTICLES:
        return False  # "the Spring sale": a name after an article needs its head noun
    return not (
        (prev and prev.group(1)[0].isupper() and prev.group(1).casefold() not in _SMALL)
        or (after and after.group(1)[0].isupper())
    )
