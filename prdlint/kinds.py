"""Declarative rule kinds for YAML packs (Vale-style): data in, a check function out.

- `existence`: flag each occurrence of words (`tokens`) or regular expressions (`patterns`);
- `required`: an item must have headed `sections`, non-empty `parts`, and a match of one of
  its `tokens`/`patterns`;
- `occurrence`: at most `max` / at least `min` matches, at most `max-words` / `max-chars`
  per part;
- `conditional`: when the `if` words or patterns appear, the `then` requirements must hold.

Every kind reads the item parts named in `fields`, honours `ignore-case` (default true) and
`word-boundaries` (tokens match whole words; default true). User patterns run on the `regex`
engine with a timeout, so a pattern that backtracks catastrophically cannot hang a run: its
rule reports the timeout once and stops. Built-in packs are trusted and use `re`."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prdlint.model import Hit, Item, Part
from prdlint.rule import Context
from prdlint.wordtrie import trie_regex, whole_words

PART_FIELDS = ("title", "story", "requirement", "description", "body", "criterion")
DEFAULT_FIELDS = ("story", "requirement", "description", "body", "criterion", "title")
# Seconds one scan of one part by a user pattern may take; normal patterns need microseconds.
PATTERN_TIMEOUT = 0.5
_PART_NAMES = {"criterion": "acceptance criteria", "story": "story sentence"}

ItemCheck = Callable[[Item, Context], Iterable[Hit]]
KindBuilder = Callable[[Mapping[str, Any], bool], ItemCheck]


class KindError(ValueError):
    """A kind's settings are wrong; the message names the key."""


# -- reading settings ------------------------------------------------------------------------
def _string_list(spec: Mapping[str, Any], key: str, label: str | None = None) -> list[str]:
    value = spec.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise KindError(f"key '{label or key}': must be a list of non-empty strings")
    return value


def _flag(spec: Mapping[str, Any], key: str, default: bool) -> bool:
    value = spec.get(key, default)
    if not isinstance(value, bool):
        raise KindError(f"key '{key}': must be true or false")
    return value


def _limit(spec: Mapping[str, Any], key: str) -> int | None:
    value = spec.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise KindError(f"key '{key}': must be a whole number, 0 or more")
    return value


def _fields(spec: Mapping[str, Any], label: str = "fields") -> tuple[str, ...]:
    fields = _string_list(spec, "fields", label)
    unknown = [f for f in fields if f not in PART_FIELDS]
    if unknown:
        raise KindError(
            f"key '{label}': unknown field {unknown[0]!r} (use {', '.join(PART_FIELDS)})"
        )
    return tuple(fields) or DEFAULT_FIELDS


def _mapping(spec: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = spec.get(key)
    if not isinstance(value, dict):
        raise KindError(f"key '{key}': must be a mapping (e.g. {{tokens: [...]}})")
    return value


# -- patterns --------------------------------------------------------------------------------
def words_pattern(
    words: Iterable[str], patterns: Iterable[str], word_boundaries: bool = True
) -> str:
    """One alternation: literal words (whole words unless told otherwise), plus raw patterns."""
    words = list(words)
    alternatives = []
    if words:  # one trie for all words: a long list costs a few tests per position
        alternatives.append(whole_words(words) if word_boundaries else trie_regex(words))
    alternatives.extend(f"(?:{p})" for p in patterns)
    return "|".join(alternatives)


class Matcher:
    """A compiled alternation of words and patterns. Guarded matchers (user packs) use the
    `regex` engine with a timeout; a timeout raises TimeoutError to the kind's check."""

    def __init__(self, source: str, ignore_case: bool, guarded: bool) -> None:
        self.source = source
        self.guarded = guarded
        if guarded:
            import regex  # only user packs pay for its import

            self._regex: Any = regex.compile(source, regex.IGNORECASE if ignore_case else 0)
        else:
            self._regex = re.compile(source, re.IGNORECASE if ignore_case else 0)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.guarded:
            matches: Iterator[re.Match[str]] = self._regex.finditer(text, timeout=PATTERN_TIMEOUT)
            return matches
        found: Iterator[re.Match[str]] = self._regex.finditer(text)
        return found

    def search(self, text: str) -> re.Match[str] | None:
        return next((m for m in self.finditer(text) if m.end() > m.start()), None)


def _validate(pattern: str, key: str, ignore_case: bool, guarded: bool) -> None:
    """Compile one pattern alone, so the error names the pattern that is wrong."""
    try:
        Matcher(pattern, ignore_case, guarded)
    except Exception as error:  # re.error or regex.error, whose base classes differ
        raise KindError(f"key '{key}': invalid regular expression {pattern!r}: {error}") from None


def _matcher(
    tokens: Sequence[str],
    patterns: Sequence[str],
    spec: Mapping[str, Any],
    guarded: bool,
    key: str = "patterns",
) -> Matcher | None:
    if not tokens and not patterns:
        return None
    ignore_case = _flag(spec, "ignore-case", True)
    for pattern in patterns:
        _validate(pattern, key, ignore_case, guarded)
    source = words_pattern(tokens, patterns, _flag(spec, "word-boundaries", True))
    return Matcher(source, ignore_case, guarded)


def _scoped(item: Item, fields: Sequence[str]) -> list[Part]:
    return [part for part in item.parts if part.field in fields]


def _matches(
    matcher: Matcher, parts: Iterable[Part], ctx: Context | None
) -> Iterator[tuple[Part, re.Match[str]]]:
    """Non-empty matches, except the user's allowed terms (when `ctx` is given)."""
    for part in parts:
        for match in matcher.finditer(part.text):
            if match.end() > match.start() and not (ctx and ctx.is_allowed(match.group())):
                yield part, match


def _anchor(item: Item) -> Hit:
    """A hit on the item as a whole: its title (or first part), first line."""
    part = item.part("title") or (item.parts[0] if item.parts else None)
    if part is None:
        return Hit()
    return Hit(part, 0, len(part.text.split("\n", 1)[0]))


def _guard(name: str, check: ItemCheck) -> ItemCheck:
    """Turn a pattern timeout into one finding that says so, then skip the rule: a pattern
    that backtracks catastrophically on one text will on the next one too."""
    timed_out = False

    def guarded(item: Item, ctx: Context) -> Iterator[Hit]:
        nonlocal timed_out
        if timed_out:
            return
        try:
            hits = list(check(item, ctx))
        except TimeoutError:
            timed_out = True
            anchor = _anchor(item)
            message = (
                f"the {name} rule's pattern took over {PATTERN_TIMEOUT}s on this text "
                "(catastrophic backtracking?); the rule is skipped for the rest of the run: "
                "simplify its pattern"
            )
            yield Hit(anchor.part, anchor.start, anchor.end, message=message)
            return
        yield from hits

    return guarded


# -- headings --------------------------------------------------------------------------------
def headings_under(item: Item, ctx: Context) -> list[str]:
    """Titles of the headings inside an item: for a document all of them; for a section,
    epic or story that starts at a heading, the deeper headings up to its end."""
    document = ctx.document_of(item)
    if document is None:
        return []
    outline: Sequence[tuple[int, str, int]] = document.fields.get("headings", ())
    if item.kind == "document":
        return [title for _, title, _ in outline]
    start = next((i for i, h in enumerate(outline) if h[2] == item.line), None)
    if start is None:
        return []
    level = outline[start][0]
    found = []
    for heading_level, title, _ in outline[start + 1 :]:
        if heading_level <= level:
            break
        found.append(title)
    return found


@dataclass(frozen=True)
class Requirements:
    """What an item must contain: each of `sections` (heading patterns, or a "Name:" label
    line), each of `parts` (non-empty fields), and a match of `matcher` (any of its words)."""

    sections: tuple[tuple[str, Matcher, Matcher], ...]  # (as written, heading, label line)
    parts: tuple[str, ...]
    matcher: Matcher | None
    wanted: str  # the words and patterns, for messages
    fields: tuple[str, ...]

    @classmethod
    def parse(
        cls, spec: Mapping[str, Any], options: Mapping[str, Any], guarded: bool, prefix: str
    ) -> Requirements:
        sections = _string_list(spec, "sections", f"{prefix}sections")
        parts = _string_list(spec, "parts", f"{prefix}parts")
        unknown = [p for p in parts if p not in PART_FIELDS]
        if unknown:
            raise KindError(
                f"key '{prefix}parts': unknown field {unknown[0]!r} (use {', '.join(PART_FIELDS)})"
            )
        tokens = _string_list(spec, "tokens", f"{prefix}tokens")
        patterns = _string_list(spec, "patterns", f"{prefix}patterns")
        if not (sections or parts or tokens or patterns):
            raise KindError(f"key '{prefix}sections': give sections, parts, tokens or patterns")
        ignore_case = _flag(options, "ignore-case", True)
        compiled = []
        for section in sections:
            _validate(section, f"{prefix}sections", ignore_case, guarded)
            heading = Matcher(section, ignore_case, guarded)
            label = Matcher(rf"(?m)^[\s#*_]*(?:{section})[\s*_]*(?::|$)", ignore_case, guarded)
            compiled.append((section, heading, label))
        matcher = _matcher(tokens, patterns, options, guarded, f"{prefix}patterns")
        fields = _fields(spec, f"{prefix}fields") if "fields" in spec else _fields(options)
        return cls(tuple(compiled), tuple(parts), matcher, ", ".join([*tokens, *patterns]), fields)

    def missing(self, item: Item, ctx: Context) -> Iterator[str]:
        """What the item lacks, one phrase each."""
        scoped = _scoped(item, self.fields)
        headings = headings_under(item, ctx) if self.sections else []
        for written, heading, label in self.sections:
            if not any(heading.search(title) for title in headings) and not any(
                next(label.finditer(part.text), None) for part in scoped
            ):
                yield written
        for name in self.parts:
            if not any(p.text.strip() for p in item.parts_of(name)):
                yield _PART_NAMES.get(name, name)
        # An allowed term still satisfies a requirement: allow-terms only silence findings.
        if self.matcher is not None and next(_matches(self.matcher, scoped, None), None) is None:
            yield self.wanted


# -- the kinds -------------------------------------------------------------------------------
def existence(spec: Mapping[str, Any], guarded: bool = False) -> ItemCheck:
    """Flag each occurrence of `tokens` (words, matched whole) or `patterns` (regexes)."""
    tokens = _string_list(spec, "tokens")
    patterns = _string_list(spec, "patterns")
    matcher = _matcher(tokens, patterns, spec, guarded)
    if matcher is None:
        raise KindError("key 'tokens': an existence rule needs tokens or patterns")
    fields = _fields(spec)

    def check(item: Item, ctx: Context) -> Iterator[Hit]:
        for part, match in _matches(matcher, _scoped(item, fields), ctx):
            yield Hit(part, match.start(), match.end())

    return check


def required(spec: Mapping[str, Any], guarded: bool = False) -> ItemCheck:
    """Flag an item that lacks a required section, part or pattern (one finding each)."""
    needs = Requirements.parse(spec, spec, guarded, "")

    def check(item: Item, ctx: Context) -> Iterator[Hit]:
        for missing in needs.missing(item, ctx):
            anchor = _anchor(item)
            yield Hit(anchor.part, anchor.start, anchor.end, values={"missing": missing})

    return check


def occurrence(spec: Mapping[str, Any], guarded: bool = False) -> ItemCheck:
    """Flag more than `max` (or fewer than `min`) matches in an item, and parts longer than
    `max-words` words or `max-chars` characters."""
    matcher = _matcher(_string_list(spec, "tokens"), _string_list(spec, "patterns"), spec, guarded)
    most, least = _limit(spec, "max"), _limit(spec, "min")
    max_words, max_chars = _limit(spec, "max-words"), _limit(spec, "max-chars")
    if matcher is None and (most is not None or least is not None):
        raise KindError("key 'tokens': 'max' and 'min' count matches of tokens or patterns")
    if matcher is not None and most is None and least is None:
        raise KindError("key 'max': give 'max' or 'min' to limit how often the words occur")
    if matcher is None and max_words is None and max_chars is None:
        raise KindError("key 'max': give max/min with tokens or patterns, or max-words/max-chars")
    if most is not None and least is not None and least > most:
        raise KindError("key 'min': must not be more than 'max'")
    fields = _fields(spec)

    def check(item: Item, ctx: Context) -> Iterator[Hit]:
        scoped = _scoped(item, fields)
        for part in scoped:
            for limit, size in ((max_words, len(part.text.split())), (max_chars, len(part.text))):
                if limit is not None and size > limit:
                    values = {"count": str(size), "limit": str(limit)}
                    yield Hit(part, 0, len(part.text), values=values)
        if matcher is None:
            return
        found = list(_matches(matcher, scoped, ctx))
        if most is not None and len(found) > most:
            part, match = found[most]
            values = {"count": str(len(found)), "limit": str(most)}
            yield Hit(part, match.start(), match.end(), values=values)
        if least is not None and len(found) < least:
            anchor = _anchor(item)
            values = {"count": str(len(found)), "limit": str(least)}
            yield Hit(anchor.part, anchor.start, anchor.end, values=values)

    return check


def conditional(spec: Mapping[str, Any], guarded: bool = False) -> ItemCheck:
    """When the `if` words or patterns appear in an item, it must meet the `then`
    requirements (sections, parts, or one of the words or patterns); one finding per item,
    at the first `if` match."""
    condition = _mapping(spec, "if")
    unknown = set(condition) - {"tokens", "patterns", "fields"}
    if unknown:
        raise KindError(f"key 'if.{sorted(unknown)[0]}': 'if' takes tokens, patterns, fields")
    trigger = _matcher(
        _string_list(condition, "tokens", "if.tokens"),
        _string_list(condition, "patterns", "if.patterns"),
        spec,
        guarded,
        "if.patterns",
    )
    if trigger is None:
        raise KindError("key 'if': give tokens or patterns")
    if_fields = _fields(condition, "if.fields") if "fields" in condition else _fields(spec)
    consequence = _mapping(spec, "then")
    unknown = set(consequence) - {"tokens", "patterns", "sections", "parts", "fields"}
    if unknown:
        raise KindError(
            f"key 'then.{sorted(unknown)[0]}': 'then' takes tokens, patterns, sections, parts, "
            "fields"
        )
    needs = Requirements.parse(consequence, spec, guarded, "then.")

    def check(item: Item, ctx: Context) -> Iterator[Hit]:
        first = next(_matches(trigger, _scoped(item, if_fields), ctx), None)
        if first is None:
            return
        part, match = first
        missing = list(needs.missing(item, ctx))
        if missing:
            yield Hit(part, match.start(), match.end(), values={"missing": "; ".join(missing)})

    return check


@dataclass(frozen=True)
class Kind:
    build: Callable[[Mapping[str, Any], bool], ItemCheck]
    keys: frozenset[str]  # keys the kind accepts besides the common rule keys
    values: frozenset[str]  # placeholders its messages may use


_MATCHING = frozenset({"tokens", "patterns", "ignore-case", "word-boundaries", "fields"})
KIND_SPECS: dict[str, Kind] = {
    "existence": Kind(existence, _MATCHING, frozenset({"match"})),
    "required": Kind(required, _MATCHING | {"sections", "parts"}, frozenset({"match", "missing"})),
    "occurrence": Kind(
        occurrence,
        _MATCHING | {"max", "min", "max-words", "max-chars"},
        frozenset({"match", "count", "limit"}),
    ),
    "conditional": Kind(
        conditional,
        frozenset({"if", "then", "ignore-case", "word-boundaries", "fields"}),
        frozenset({"match", "missing"}),
    ),
}
KINDS: dict[str, KindBuilder] = {name: kind.build for name, kind in KIND_SPECS.items()}
KIND_KEYS: dict[str, frozenset[str]] = {name: kind.keys for name, kind in KIND_SPECS.items()}


def build(kind: str, spec: Mapping[str, Any], name: str, guarded: bool) -> ItemCheck:
    """The check for one YAML rule; KindError names the key that is wrong."""
    _check_message(kind, str(spec.get("message", "")))
    check = KIND_SPECS[kind].build(spec, guarded)
    return _guard(name, check) if guarded else check


def _check_message(kind: str, message: str) -> None:
    allowed = KIND_SPECS[kind].values
    try:
        names = [field for _, field, _, _ in string.Formatter().parse(message) if field is not None]
    except ValueError as error:
        raise KindError(
            f"key 'message': {error} (write {{{{ and }}}} for literal braces)"
        ) from None
    for name in names:
        if name not in allowed:
            known = ", ".join("{" + v + "}" for v in sorted(allowed))
            raise KindError(
                f"key 'message': unknown placeholder {{{name}}}; kind {kind!r} provides {known}"
            )
