"""Inline suppression directives in markdown, in markdownlint's vocabulary:

    <!-- prdlint-disable vague-term PRD102 -- reason -->   off from here (no names: all rules)
    <!-- prdlint-enable vague-term -->                      on again (no names: everything)
    <!-- prdlint-disable-next-line placeholder -->          off for the next line only
    <!-- prdlint-disable-line placeholder -->               off for this line only
    <!-- prdlint-disable-file -->                           off for the whole file

Rules are named by name or code, separated by spaces or commas; text after `--` is the
reason. Directives are read from the markdown-it tokens, so a comment inside a fenced or
indented code block or a code span is an example, not a directive.

The reader parses a document's directives once into a `Suppressions` (kept on the document
item); the engine asks `allows(rule, code, line)` for each finding, and the Suppressions
remembers which directive silenced what, so `unused-suppression` can name the ones that
silenced nothing and `invalid-suppression` the rule names nobody knows."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Literal

from prdlint.model import Finding, Hit, Item, Part

if TYPE_CHECKING:
    from markdown_it.token import Token

    from prdlint.engine import Linter

DirectiveKind = Literal["disable", "enable", "disable-next-line", "disable-line", "disable-file"]

MARKER = "prdlint-"
_DIRECTIVE = re.compile(
    r"<!--\s*prdlint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*?)-->",
    re.DOTALL,
)
_ALL = "*"
INVALID_RULE = "invalid-suppression"
UNUSED_RULE = "unused-suppression"


@dataclass(frozen=True, slots=True)
class Directive:
    """One directive as written: where, what kind, the rule keys it names (casefolded;
    empty means every rule) and the reason given after `--`."""

    kind: DirectiveKind
    rules: tuple[str, ...]
    line: int
    column: int
    text: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class _State:
    """What is off from a line on: rule key (or `*`) -> the directive that turned it off,
    and the keys turned back on under a `*` disable."""

    disabled: tuple[tuple[str, int], ...] = ()
    reenabled: frozenset[str] = frozenset()


@dataclass
class Suppressions:
    """The directives of one document, ready to answer `allows` for any (rule, line)."""

    directives: list[Directive] = field(default_factory=list)
    _lines: list[int] = field(default_factory=list)  # sorted lines where the state changes
    _states: list[_State] = field(default_factory=list)
    _single: dict[int, list[int]] = field(default_factory=dict)  # line -> directive indexes
    _file: list[int] = field(default_factory=list)  # disable-file directive indexes
    used: set[int] = field(default_factory=set)  # indexes that silenced something

    def __bool__(self) -> bool:
        return bool(self.directives)

    def allows(self, rule_name: str, rule_code: str, line: int) -> bool:
        """False when a directive silences this rule on this line (and records its use)."""
        keys = (rule_name.casefold(), rule_code.casefold())
        for index in self._file:
            if _names_rule(self.directives[index], keys):
                self.used.add(index)
                return False
        for index in self._single.get(line, ()):
            if _names_rule(self.directives[index], keys):
                self.used.add(index)
                return False
        position = bisect_right(self._lines, line) - 1
        if position < 0:
            return True
        state = self._states[position]
        for key, index in state.disabled:
            if key in keys:
                self.used.add(index)
                return False
        for key, index in state.disabled:
            if key == _ALL and not (state.reenabled & set(keys)):
                self.used.add(index)
                return False
        return True

    def unused(self) -> list[Directive]:
        """Disabling directives that silenced nothing so far."""
        return [
            d for i, d in enumerate(self.directives) if d.kind != "enable" and i not in self.used
        ]


def _names_rule(directive: Directive, keys: tuple[str, str]) -> bool:
    return not directive.rules or any(key in directive.rules for key in keys)


def _split_body(body: str) -> tuple[tuple[str, ...], str]:
    names, _, reason = body.partition("--")
    keys = tuple(k.casefold() for k in re.split(r"[\s,]+", names.strip()) if k)
    return keys, " ".join(reason.split())


def _directives_in(content: str, line: int, column: int = 1) -> Iterator[Directive]:
    """Directives in one HTML token's content, which starts at (line, column)."""
    for match in _DIRECTIVE.finditer(content):
        before = content[: match.start()]
        newlines = before.count("\n")
        col = (column + len(before)) if not newlines else len(before) - before.rfind("\n")
        rules, reason = _split_body(match.group(2))
        kind: DirectiveKind = match.group(1)  # type: ignore[assignment]
        yield Directive(kind, rules, line + newlines, col, match.group(0), reason)


def _html_directives(tokens: Sequence[Token], lines: Sequence[str]) -> Iterator[Directive]:
    for token in tokens:
        if token.type == "html_block" and token.map:
            yield from _directives_in(token.content, token.map[0] + 1)
        elif token.type == "inline" and token.map and token.children:
            line = token.map[0] + 1
            for child in token.children:
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "html_inline" and MARKER in child.content:
                    source = lines[line - 1] if line <= len(lines) else ""
                    column = source.find(child.content) + 1 or 1
                    yield from _directives_in(child.content, line, column)


def collect(text: str, tokens: Sequence[Token]) -> Suppressions:
    """The directives of a markdown document, from the tokens its reader already parsed."""
    if MARKER not in text:  # the common case costs one substring search
        return Suppressions()
    return build(list(_html_directives(tokens, text.splitlines())))


def parse(text: str) -> Suppressions:
    """Parse `text` as markdown and collect its directives (for callers without tokens)."""
    if MARKER not in text:
        return Suppressions()
    from prdlint.readers.markdown import _parser

    return collect(text, _parser().parse(text))


def build(directives: list[Directive]) -> Suppressions:
    """Turn directives (in document order) into the lookup structure."""
    result = Suppressions(directives=directives)
    disabled: dict[str, int] = {}
    reenabled: set[str] = set()
    for index, directive in enumerate(directives):
        if directive.kind == "disable-file":
            result._file.append(index)
            continue
        if directive.kind == "disable-line":
            result._single.setdefault(directive.line, []).append(index)
            continue
        if directive.kind == "disable-next-line":
            result._single.setdefault(directive.line + 1, []).append(index)
            continue
        keys = directive.rules or (_ALL,)
        if directive.kind == "disable":
            if _ALL in keys:
                disabled.clear()
                reenabled.clear()
            for key in keys:
                disabled[key] = index
                reenabled.discard(key)
        elif not directive.rules:  # enable everything
            disabled.clear()
            reenabled.clear()
        else:
            for key in keys:
                disabled.pop(key, None)
                if _ALL in disabled:
                    reenabled.add(key)
        # The state applies from the directive's own line on (an inline disable covers its line).
        state = _State(tuple(disabled.items()), frozenset(reenabled))
        if result._lines and result._lines[-1] == directive.line:
            result._states[-1] = state
        else:
            result._lines.append(directive.line)
            result._states.append(state)
    return result


# --- wiring into the engine -------------------------------------------------------------

SUPPRESSIONS_FIELD = "suppressions"


@cache
def _registered_keys() -> frozenset[str]:
    from prdlint.registry import all_rules

    return frozenset(key.casefold() for r in all_rules() for key in (r.name, r.code))


def _directive_hit(directive: Directive, message: str) -> Hit:
    part = Part.at("directive", directive.text, directive.line, directive.column)
    return Hit(part=part, start=0, end=len(directive.text), message=message)


def apply(findings: list[Finding], items: Sequence[Item], linter: Linter) -> list[Finding]:
    """Drop the findings the documents' directives silence, then add `invalid-suppression`
    and `unused-suppression` findings where those rules are selected."""
    documents = [i for i in items if i.fields.get(SUPPRESSIONS_FIELD)]
    if not documents:
        return findings
    by_path: dict[str | None, Suppressions] = {
        doc.source.path: doc.fields[SUPPRESSIONS_FIELD] for doc in documents
    }
    for each in by_path.values():
        each.used.clear()  # count uses per lint run
    kept = []
    for finding in findings:
        directives = by_path.get(finding.location.path)
        if directives is None or directives.allows(
            finding.rule, finding.code, finding.location.line
        ):
            kept.append(finding)
    rules = {**{r.name: r for r in linter.item_rules}, **{r.name: r for r in linter.backlog_rules}}
    selected = frozenset(key.casefold() for r in rules.values() for key in (r.name, r.code))
    known = linter.settings.known_rules or _registered_keys()
    for doc in documents:
        problems = _problems(doc.fields[SUPPRESSIONS_FIELD], known, selected, set(rules))
        for name, directive, message in problems:
            kept.append(linter.finding(rules[name], doc, _directive_hit(directive, message)))
    return kept


def _problems(
    suppressions: Suppressions,
    known: Iterable[str],
    selected: frozenset[str],
    rule_names: set[str],
) -> Iterator[tuple[str, Directive, str]]:
    known = frozenset(known)
    if INVALID_RULE in rule_names:
        for directive in suppressions.directives:
            for key in directive.rules:
                if key not in known:
                    yield (
                        INVALID_RULE,
                        directive,
                        f"unknown rule {key!r} in prdlint-{directive.kind}",
                    )
    if UNUSED_RULE in rule_names:
        for directive in suppressions.unused():
            # A rule that did not run this time cannot prove the directive useless.
            if all(key in selected for key in directive.rules):
                yield UNUSED_RULE, directive, f"prdlint-{directive.kind} silences nothing here"
