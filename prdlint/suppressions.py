"""Inline suppression directives in markdown, in markdownlint's vocabulary:

    <!-- prdlint-disable vague-term PRD102 -- reason -->   off from here (no names: all rules)
    <!-- prdlint-enable vague-term -->                      on again (no names: everything)
    <!-- prdlint-disable-next-line placeholder -->          off for the next line only
    <!-- prdlint-disable-line placeholder -->               off for this line only
    <!-- prdlint-disable-file -->                           off for the whole file

Rules are named by name or code, separated by spaces or commas; text after `--` is the
reason. Directives are read from the markdown-it tokens, so a comment inside a fenced or
indented code block or a code span is an example, not a directive.

The markdown reader parses a document's directives once, as frozen `Directive` records kept
on the document item (`fields["directives"]`). prdlint/filters.py applies them after the
engine: it builds a `Suppressions` lookup per document, asks it which directive silences a
finding, and itself remembers which directives were used, so `unused-suppression` can name
the ones that silenced nothing and `invalid-suppression` the rule names nobody knows.
This module is data and parsing only: it imports nothing of prdlint but the model."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from markdown_it.token import Token

DirectiveKind = Literal["disable", "enable", "disable-next-line", "disable-line", "disable-file"]

MARKER = "prdlint-"
_DIRECTIVE = re.compile(
    r"<!--\s*prdlint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*?)-->",
    re.DOTALL,
)
_ALL = "*"
INVALID_RULE = "invalid-suppression"
UNUSED_RULE = "unused-suppression"
DIRECTIVES_FIELD = "directives"  # document item field: tuple[Directive, ...]


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


@dataclass(frozen=True)
class Suppressions:
    """The directives of one document, ready to say which one silences a (rule, line)."""

    directives: tuple[Directive, ...] = ()
    _lines: tuple[int, ...] = ()  # sorted lines where the state changes
    _states: tuple[_State, ...] = ()
    _single: dict[int, list[int]] = field(default_factory=dict)  # line -> directive indexes
    _file: tuple[int, ...] = ()  # disable-file directive indexes

    def __bool__(self) -> bool:
        return bool(self.directives)

    def silencer(self, rule_name: str, rule_code: str, line: int) -> int | None:
        """The index of the directive that silences this rule on this line, if any."""
        keys = (rule_name.casefold(), rule_code.casefold())
        for index in self._file:
            if _names_rule(self.directives[index], keys):
                return index
        for index in self._single.get(line, ()):
            if _names_rule(self.directives[index], keys):
                return index
        position = bisect_right(self._lines, line) - 1
        if position < 0:
            return None
        state = self._states[position]
        for key, index in state.disabled:
            if key in keys:
                return index
        for key, index in state.disabled:
            if key == _ALL and not (state.reenabled & set(keys)):
                return index
        return None


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


def collect(text: str, tokens: Sequence[Token]) -> tuple[Directive, ...]:
    """The directives of a markdown document, from the tokens its reader already parsed."""
    if MARKER not in text:  # the common case costs one substring search
        return ()
    return tuple(_html_directives(tokens, text.splitlines()))


def build(directives: Sequence[Directive]) -> Suppressions:
    """Turn directives (in document order) into the lookup structure."""
    lines: list[int] = []
    states: list[_State] = []
    single: dict[int, list[int]] = {}
    file: list[int] = []
    disabled: dict[str, int] = {}
    reenabled: set[str] = set()
    for index, directive in enumerate(directives):
        if directive.kind == "disable-file":
            file.append(index)
            continue
        if directive.kind == "disable-line":
            single.setdefault(directive.line, []).append(index)
            continue
        if directive.kind == "disable-next-line":
            single.setdefault(directive.line + 1, []).append(index)
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
        if lines and lines[-1] == directive.line:
            states[-1] = state
        else:
            lines.append(directive.line)
            states.append(state)
    return Suppressions(tuple(directives), tuple(lines), tuple(states), single, tuple(file))
