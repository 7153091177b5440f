"""Markdown PRDs and backlogs -> Items.

One pass over markdown-it tokens. Stories are recognised wherever authors write them (list
items, paragraphs, headings, table cells, "**User Story:**" labels); acceptance criteria
attach to the story they follow (nested lists, an "Acceptance criteria" heading or label,
Given/When/Then lines, checklists). Code, HTML and front matter are never prose."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from prdlint import doctype, suppressions
from prdlint.lazypattern import lazy
from prdlint.model import Item, Part, Segment, Source
from prdlint.readers.settings import ReadSettings
from prdlint.roles import human_actor
from prdlint.story import actor_role, looks_like_story, parse_story, reason_in

_AC_LABEL = lazy(
    r"^[\W_]*(?:acceptance\s+(?:criteria|criterion|tests?|conditions?|scenarios?)|"
    r"(?:conditions?|criteria)\s+of\s+satisfaction|post[- ]?conditions?|COS|AC|"
    r"definition\s+of\s+done|DoD)\b[\W_]*(?:\([^)]*\))?[\s:*_-]*",
    re.IGNORECASE,
)
_LINE_AC_LABEL = lazy(
    r"\n[\W_]*acceptance\s+criteria\b[\W_]*(?:\([^)]*\))?[\s:*_-]*", re.IGNORECASE
)
# A Gherkin scenario's title ("*Scenario: Refund a paid order*"): its steps are criteria.
_SCENARIO = lazy(
    r"^[\W_]*scenario(?:\s+outline)?(?:\s*#?\s*\d+[\w.]*)?\s*(?::|[\u2013\u2014-]\s)",
    re.IGNORECASE,
)
# A heading that is one backlog item: an id ("AUTH-3: Reset a password", "US01 Login",
# "FR-006") or a numbered story or requirement ("User Story 1 - Checkout", "Requirement 2").
_HEADED_ITEM = lazy(
    r"^[\W_]*(?:(?P<label>(?i:user\s+story|story|requirement|use\s+case|feature)\s*#?\s*"
    r"\d+(?:\.\d+)*|(?:US|UC|FR|NFR|REQ|BR)[-_ ]?\d+(?:\.\d+)*"
    r"|(?i:use\s+case)(?=\s*[:\u2013\u2014-]))\b"
    r"|(?P<id>[A-Z][A-Z0-9]{1,9}-\d+(?:\.\d+)*)(?=\s*[:.)|\]\u2013\u2014-]))"
    r"[\]\s:.)|\u2013\u2014*_-]*"
)
_PRIORITY_SUFFIX = lazy(r"\s*[(\[]\s*priority\s*[:=-]?\s*([^)\]]+?)\s*[)\]]\W*$", re.I)
# A headed story's paragraph that says why it matters ("**Why this priority**: ...", Spec Kit).
_VALUE_LABEL = lazy(
    r"^[\W_]*(?:why\s+this\s+priority|why|(?:business\s+)?value|benefits?|rationale)"
    r"[\s*_]*:[\s*_]*",
    re.IGNORECASE,
)
_USE_CASE = lazy(r"^[\W_]*(?:use\s+case|UC)\b", re.IGNORECASE)
# The labelled parts of a use case: who acts, what they want, and the rest of its template
# (read as its description; its postconditions are criteria, see _AC_LABEL).
_USE_CASE_FIELD = lazy(
    r"^[\W_]*(?:(?P<actor>(?:primary\s+|secondary\s+|supporting\s+)?actors?)"
    r"|(?P<goal>goals?|(?:goal\s+in\s+)?context|purpose)"
    r"|(?P<other>pre[- ]?conditions?|triggers?|(?:main|basic|normal|primary)\s+(?:success\s+)?"
    r"(?:flows?|scenarios?|courses?|paths?)(?:\s+of\s+events)?|flow\s+of\s+events|steps"
    r"|alternat(?:e|ive)\s+(?:flows?|scenarios?|courses?|paths?)|extensions?"
    r"|exceptions?(?:\s+flows?)?|stakeholders?|scope|level|frequency|special\s+requirements))"
    r"\b[\W_]*?(?:\([^)]*\))?[\s:*_-]*",
    re.IGNORECASE,
)
_REQUIREMENT_LABEL = lazy(r"^[\W_]*(?:requirement|FR|NFR|REQ|BR)\b", re.IGNORECASE)
# A requirement wherever it is written: an id first ("FR-006:", "**NFR2:**", "REQ-12"), or a
# "The system shall/must" sentence.
_REQUIREMENT_LINE = lazy(
    r"^[\W_]*(?:(?:FR|NFR|REQ|BR|SR)[-_ ]?\d+(?:\.\d+)*\b"
    r"|(?:the\s+)?(?:[\w-]+\s+){0,2}(?:system|application|app|platform|service|software|"
    r"product|server|website|site|api|tool)\s+(?:shall|must)\b)",
    re.IGNORECASE,
)
# Sub-headings that hold a part of the item above them, not a new topic.
_PART_HEADING = lazy(
    r"^[\W_]*(?:functional\s+rules?|business\s+rules?|rules|notes?|details?|description|"
    r"acceptance|criteria|scenarios?|definition\s+of\s+done|technical\s+notes?)\b",
    re.IGNORECASE,
)
# "A user should be able to:" before a list: each item of that list is one story.
_LEAD_IN = lazy(
    r"\b(?:should|must|shall|will|can|could|wants?\s+to|needs?\s+to)(?:\s+be\s+able\s+to)?"
    r"[\s*_]*:[\s*_]*$",
    re.IGNORECASE,
)
# A table column that names the item ("ID", "#", "Key", "Story ID").
_TABLE_ID_HEADER = lazy(
    r"^\W*(?:id|#|no\.?|key|ref|(?:story|item|req\w*)\s*(?:id|#|no\.?))\W*$", re.I
)
_TABLE_ID_CELL = lazy(r"^\W*[A-Z]{0,10}[-_ ]?\d+(?:\.\d+)*\W*$", re.I)
_REQUIREMENT_SECTION = lazy(
    r"requirement|constraints?|must[- ]haves?|non[- ]?functional|\bN?FRs?\b|quality\s+attributes",
    re.IGNORECASE,
)
_GHERKIN = lazy(r"^[\W_]*(?:given|when|then|and|but)\b", re.IGNORECASE)
_GHERKIN_START = lazy(r"^[\W_]*(?:given|when|then)\b", re.IGNORECASE)
# A scenario in one line ("Given I have an account, When I ..., Then I ..."): not a story
# even though "I have" is one of a story's templates.
_SCENARIO_STEPS = lazy(r"^[\W_]*(?:given|when)\b.*\bthen\b", re.IGNORECASE | re.DOTALL)
# A list line that is only a link to an anchor of the same document (a table of contents).
_TOC_LINE = lazy(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\d+(?:\.\d+)*\.?\s+)?\[[^\]]*\]\(#[^)\s]*\)\W*$")
_CHECKBOX = lazy(r"^\s*\[[ xX]\]\s+")
_EPIC = lazy(r"^[\W_]*epic\b", re.IGNORECASE)
_REQUIREMENTS = lazy(
    r"requirement|functional|\bfeatures?\b|must[- ]haves?|should[- ]haves?|could[- ]haves?"
    r"|capabilit|user\s+needs|specifications?\b|acceptance|\bscope\b|\bN?FRs?\b"
    r"|quality\s+attributes",
    re.IGNORECASE,
)
_NOT_REQUIREMENTS = lazy(
    r"non[- ]?goals?|out\s+of\s+scope|open\s+questions?|glossary|references?|alternatives"
    r"|appendix|future|changelog|change\s+log|edge\s+cases?|clarifications?|key\s+entities"
    r"|assumptions?",
    re.IGNORECASE,
)
# A heading that names the list under it a backlog ("Product Backlog", "Backlog / Remaining"),
# not one about a backlog ("Data backlog proposal").
_BACKLOG_HEADING = lazy(r"^[\W_]*(?:product\s+|sprint\s+)?backlog\b", re.IGNORECASE)
_STORIES = lazy(r"\bstor(?:y|ies)\b|backlog", re.IGNORECASE)
# What each column of a backlog table holds, tried in this order (a "Story ID" or "Story
# points" column is not the story; a "Done" column is a status, "Definition of done" criteria).
_TABLE_COLUMNS = (
    ("id", _TABLE_ID_HEADER),
    (
        "points",
        lazy(r"^\W*(?:(?:story\s*)?points?|pts|sp|estimates?|estimation|size|effort)\b", re.I),
    ),
    ("priority", lazy(r"^\W*(?:priority|prio|pri|moscow|importance|rank)\b", re.I)),
    ("status", lazy(r"^\W*(?:status|state|done\??)\W*$", re.I)),
    (
        "criteria",
        lazy(
            r"acceptance|criteria|conditions|\bcos\b|how\s+to\s+demo|done|^\W*a\.?c\.?s?\W*$", re.I
        ),
    ),
)
# The column that states the item, best first: the story, else the requirement, else a name.
_TABLE_STATEMENT = (
    lazy(r"user\s*stor|\bstory\b", re.I),
    lazy(r"requirement|\breq\b|\bneeds?\b|capabilit|feature", re.I),
    lazy(r"description|title|summary|\bname\b|\bitem\b", re.I),
)
_TABLE_STORY_COLUMN = _TABLE_STATEMENT[0]
_MIN_REQUIREMENT_WORDS = 4


@dataclass(frozen=True, slots=True)
class Body:
    """A free-text field (a Jira description) read as markdown."""

    story: Part | None
    description: tuple[Part, ...]
    criteria: tuple[Part, ...]
    code: tuple[Part, ...] = ()  # code blocks, never prose


# markdown-it's default (20 levels: a list item is two) silently drops the rest of a file
# from a list nested 10 deep on; past this limit the reader says where it stopped reading.
MAX_NESTING = 100


@cache
def _parser() -> MarkdownIt:
    from mdit_py_plugins.front_matter import front_matter_plugin

    options = {"html": True, "maxNesting": MAX_NESTING}
    return MarkdownIt("commonmark", options).enable("table").use(front_matter_plugin)


@dataclass
class _Draft:
    kind: str
    id: str
    title: str
    line: int
    heading_path: tuple[str, ...]
    parent: str | None = None
    parts: list[Part] = field(default_factory=list)
    level: int = 0  # heading level that scopes it (0: until the next heading of any level)
    fields: dict[str, Any] = field(default_factory=dict)

    def part_named(self, name: str) -> bool:
        return any(p.field == name for p in self.parts)

    def settle(self) -> None:
        """A headed item or a table row with no story sentence: its statement is the first
        paragraph that names who wants it, else its title (without the id)."""
        statement = self.fields.pop("statement", None)
        self.fields.pop("headed", None)
        if self.part_named("story") or self.part_named("requirement"):
            return
        field_name = "requirement" if self.kind == "requirement" else "story"
        if self.fields.get("use_case") and isinstance(statement, Part):
            # A use case is stated by its title: its flow's steps name the actor too.
            self.parts.insert(1, Part(field_name, statement.text, statement.segments))
            return
        first = next((p for p in self.parts if p.field == "description"), None)
        for index, part in enumerate(self.parts):
            # The paragraph that names who wants it: any that opens with a persona, or the
            # first one when a person acts in it ("A returning shopper pays with ...").
            if part.field == "description" and (
                actor_role(part.text) is not None
                or (part is first and human_actor(part.text) is not None)
            ):
                self.parts[index] = Part(field_name, part.text, part.segments, part.origin)
                self._find_goal(part.text)
                if isinstance(statement, Part) and statement.text.strip():
                    # The heading ("AUTH-3: Store sessions in Redis") is the PM's text too:
                    # the prose rules read it, as a part of its own after the title.
                    self.parts.insert(1, Part("heading", statement.text, statement.segments))
                return
        if isinstance(statement, Part):
            self.parts.insert(1, Part(field_name, statement.text, statement.segments))
            self._find_goal(statement.text)

    def _find_goal(self, statement: str) -> None:
        """A statement that gives no reason, under a heading: the first paragraph that gives
        one ("This matters because ...") is its goal, so its value is not called missing."""
        if self.kind != "story" or self.part_named("goal") or reason_in(statement):
            return
        for index, part in enumerate(self.parts):
            if part.field == "description" and reason_in(part.text):
                self.parts[index] = Part("goal", part.text, part.segments, part.origin)
                return

    def build(self, source: Source) -> Item:
        return Item(
            id=self.id,
            kind=self.kind,
            title=self.title,
            source=source,
            line=self.line,
            parts=tuple(self.parts),
            heading_path=self.heading_path,
            parent=self.parent,
            fields=self.fields,
        )


def _inline_text(token: Token, lines: Sequence[str], field_name: str) -> Part:
    """Plain text of an inline token with a segment map back to source columns."""
    raw = token.content
    first_line = token.map[0] if token.map else 0
    raw_starts = [0]
    columns = []
    for index, raw_line in enumerate(raw.split("\n")):
        if index:
            raw_starts.append(raw_starts[-1] + len(raw[raw_starts[-1] :].split("\n", 1)[0]) + 1)
        source_line = lines[first_line + index] if first_line + index < len(lines) else ""
        probe = raw_line[:24]
        found = source_line.find(probe) if probe else -1
        columns.append(found + 1 if found >= 0 else 1)

    def locate(raw_offset: int) -> tuple[int, int]:
        index = bisect_right(raw_starts, raw_offset) - 1
        return first_line + index + 1, columns[index] + raw_offset - raw_starts[index]

    pieces: list[str] = []
    segments: list[Segment] = []
    length = 0
    cursor = 0
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            content = child.content
            if not content:
                continue
            if child.type == "code_inline":
                content = f"{child.markup}{content}{child.markup}"
            found = raw.find(content, cursor)
            raw_at = found if found >= 0 else cursor
            line, column = locate(raw_at)
            segments.append(Segment(length, line, column))
            cursor = raw_at + len(content) if found >= 0 else cursor
        elif child.type in ("softbreak", "hardbreak"):
            found = raw.find("\n", cursor)
            cursor = found + 1 if found >= 0 else cursor
            content = "\n"
        elif child.type == "html_inline" and child.content.lower().startswith("<br"):
            content = "\n"
        else:
            continue
        pieces.append(content)
        length += len(content)
    if not segments:
        segments.append(Segment(0, *locate(0)))
    return Part(field_name, "".join(pieces), tuple(segments))


def _split_lines(part: Part, field_name: str) -> list[Part]:
    """One part per non-empty line (for Given/When/Then blocks and line-wise criteria)."""
    result = []
    offset = 0
    for line_text in part.text.split("\n"):
        stripped = line_text.strip()
        if stripped:
            start = offset + line_text.index(stripped[0])
            line, column = part.position(start)
            result.append(Part(field_name, stripped, (Segment(0, line, column),)))
        offset += len(line_text) + 1
    return result


def _split_steps(part: Part, field_name: str) -> list[Part]:
    """One part per Given/When/Then/And/But step; a wrapped line continues its step."""
    steps: list[tuple[int, int]] = []  # [start, end) of each step in part.text
    offset = 0
    for line_text in part.text.split("\n"):
        stripped = line_text.strip()
        if stripped:
            start = offset + line_text.index(stripped[0])
            end = start + len(stripped)
            if steps and not _GHERKIN.match(stripped):
                steps[-1] = (steps[-1][0], end)
            else:
                steps.append((start, end))
        offset += len(line_text) + 1
    result = []
    for start, end in steps:
        rest = _slice(part, start, field_name)
        length = end - start
        segments = tuple(s for s in rest.segments if s.offset < length)
        result.append(Part(field_name, rest.text[:length], segments, part.origin))
    return result


def _slice(part: Part, start: int, field_name: str) -> Part:
    """The part's text from `start` on, with its segments (and origin) rebased."""
    line, column = part.position(start)
    segments = [Segment(0, line, column)]
    segments.extend(
        Segment(s.offset - start, s.line, s.column) for s in part.segments if s.offset > start
    )
    return Part(field_name, part.text[start:], tuple(segments), part.origin)


def _strip_label(part: Part, match: re.Match[str], field_name: str) -> Part | None:
    rest = part.text[match.end() :]
    if not rest.strip():
        return None
    return _slice(part, match.end() + (len(rest) - len(rest.lstrip())), field_name)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "section"


def _front_matter(content: str) -> dict[str, Any]:
    from prdlint.yamlload import YamlError, load_yaml

    try:
        loaded = load_yaml(content)
    except YamlError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _table_columns(names: Sequence[str]) -> list[str]:
    """Each column's role: id, points, priority, status, criteria, statement (the one that
    states the item) or description."""
    roles = [
        next((role for role, pattern in _TABLE_COLUMNS if pattern.search(name)), "description")
        for name in names
    ]
    for pattern in _TABLE_STATEMENT:
        found = next(
            (
                i
                for i, name in enumerate(names)
                if roles[i] == "description" and pattern.search(name)
            ),
            None,
        )
        if found is not None:
            roles[found] = "statement"
            break
    return roles


def _add_cell(draft: _Draft, role: str, cell: Part) -> None:
    """One table cell as a part of `draft`: criteria, a field (id, priority, points,
    status), or description."""
    if not cell.text.strip():
        return
    if role == "criteria":
        draft.parts.extend(_split_lines(cell, "criterion"))
    elif role in ("id", "priority", "points", "status"):
        draft.parts.append(Part(role, cell.text, cell.segments))
        draft.fields["key" if role == "id" else role] = cell.text.strip()
    else:
        draft.parts.append(Part("description", cell.text, cell.segments))


def _table_fields(
    draft: _Draft, header: list[Part], rows: list[list[Part]], columns: list[str]
) -> None:
    """A table under a headed item that states no item of its own: its fields, either in
    columns ("| Status | Priority |") or one a row ("| Priority | High |")."""
    pairs = [header, *rows] if len(header) == 2 else []
    by_row = [(_table_columns([row[0].text])[0], row[1]) for row in pairs if len(row) == 2]
    if sum(role != "description" for role, _ in by_row) > sum(r != "description" for r in columns):
        for role, cell in by_row:
            if role != "description":
                _add_cell(draft, role, cell)
        return
    for row in rows:
        for index, cell in enumerate(row[: len(columns)]):
            _add_cell(draft, columns[index], cell)


class _Reader:
    """The state of one pass over a document's tokens."""

    def __init__(
        self, path: str, text: str, settings: ReadSettings, implicit_owner: bool = False
    ) -> None:
        self.path = path
        self.lines = text.split("\n")
        self.settings = settings
        self.drafts: list[_Draft] = []
        self.headings: list[tuple[int, str]] = []  # the open heading stack (level, title)
        self.outline: list[tuple[int, str, int]] = []  # every heading (level, title, line)
        self.story: _Draft | None = None
        self.epic: _Draft | None = None
        self.section: _Draft | None = None
        self.ac_mode = False
        self.ac_level = 0
        self.skip_level = 0
        self.lead_in: Part | None = None  # "A user should be able to:" before a list
        self.lead_in_list = ""  # the markup of the list it introduces
        self.scenario = False  # criteria come from a Gherkin scenario's steps
        self.use_case_field: str | None = None  # "actor" or "goal": the next paragraph's part
        self.lists: list[str] = []  # the open lists' markup ("-", "*", ".")
        # "- As a curious user" / "- In order to ..." items just before an "- I want ..."
        # item of the same list: where each was put, and what it states (actor or goal).
        self.fragments: list[tuple[_Draft, Part, str]] = []
        self.front: dict[str, Any] = {}
        self.document = _Draft("document", path, "", 1, ())
        self.drafts.append(self.document)
        # One entry per open list item: its role ("story", "criterion", "requirement", "body")
        self.list_items: list[list[Any]] = []
        self.owner: _Draft | None = None  # the owner of the last list item read as a criterion
        # A free-text field of one issue: the whole field belongs to that story, so criteria
        # headings and checklists attach even without a story sentence.
        self.implicit: _Draft | None = None
        if implicit_owner:
            self.implicit = _Draft("story", f"{path}:field", "", 1, ())
            self.drafts.append(self.implicit)

    # -- helpers -------------------------------------------------------------------------
    @property
    def heading_path(self) -> tuple[str, ...]:
        return tuple(title for _, title in self.headings)

    @property
    def level(self) -> int:
        return self.headings[-1][0] if self.headings else 0

    def _new(self, kind: str, part: Part, title: str, level: int) -> _Draft:
        draft = _Draft(
            kind,
            f"{self.path}:{part.line}",
            title[:120],
            part.line,
            self.heading_path,
            parent=self.epic.id if self.epic and kind != "epic" else None,
            level=level,
        )
        self.drafts.append(draft)
        return draft

    def _body_target(self) -> _Draft:
        if self.epic is not None and self.story is None:
            return self.epic
        return self.section or self.document

    def _in_requirements(self) -> bool:
        path = self.heading_path
        return any(_REQUIREMENTS.search(t) for t in path) and not any(
            _NOT_REQUIREMENTS.search(t) for t in path
        )

    def _keeps_story(self, level: int, title: str) -> bool:
        """A deeper heading, or a sibling one that holds a part of the story ("Functional
        rules", "Notes") under a story written in a paragraph, stays with the story."""
        assert self.story is not None
        if level > self.story.level:
            return True
        return (
            level == self.story.level
            and not self.story.fields.get("headed")
            and bool(_PART_HEADING.match(title))
        )

    def _start_headed(self, part: Part, match: re.Match[str], level: int) -> None:
        """A heading that is one item: its paragraphs are its description, its criteria
        headings and lists its criteria, until the next heading of its level or above."""
        kind = "requirement" if _REQUIREMENT_LABEL.match(part.text) else "story"
        self.section = None
        self.story = self._new(kind, part, part.text.strip(), level)
        self.story.parent = self.epic.id if self.epic else None
        self.story.fields["headed"] = True
        if _USE_CASE.match(part.text):
            self.story.fields["use_case"] = True
        self.story.parts.append(Part("title", part.text, part.segments))
        rest = _slice(part, match.end(), "title") if match.end() < len(part.text) else None
        priority = _PRIORITY_SUFFIX.search(rest.text) if rest is not None else None
        if rest is not None and priority is not None:
            # "User Story 1 - Pay with a saved card (Priority: P1)" (Spec Kit)
            self.story.fields["priority"] = priority.group(1)
            rest = Part(rest.field, rest.text[: priority.start()], rest.segments)
        if rest is not None and rest.text.strip():
            self.story.fields["statement"] = rest
        self.ac_mode = False

    def _start_story(self, part: Part, level: int) -> None:
        headed = self.story
        if headed is not None and headed.fields.get("headed") and not headed.part_named("story"):
            # "### Requirement 1" then "**User Story:** As a ...": one item.
            headed.kind = "story"
            self.story = headed
        else:
            self.story = self._new("story", part, part.text.split("\n", 1)[0], level)
        self.ac_mode = False
        label = _LINE_AC_LABEL.search(part.text)
        if label is None:
            self.story.parts.append(Part("story", part.text, part.segments))
            return
        # "As a ... I want ...\nAcceptance criteria: ..." in one paragraph (lazy lines).
        self.story.parts.append(Part("story", part.text[: label.start()], part.segments))
        self.ac_mode = True
        rest = _strip_label(part, label, "criterion")
        if rest is not None:
            self.story.parts.extend(_split_lines(rest, "criterion"))

    def _add_criteria(self, owner: _Draft, part: Part) -> None:
        box = _CHECKBOX.match(part.text)
        if box is not None:
            part = _strip_label(part, box, "criterion") or part
        if _GHERKIN_START.match(part.text) or ("\n" in part.text and _GHERKIN.match(part.text)):
            owner.parts.extend(_split_steps(part, "criterion"))
        else:
            owner.parts.append(Part("criterion", part.text, part.segments))

    def _criteria_owner(self) -> _Draft | None:
        return self.story or self.epic or self.implicit

    # -- blocks --------------------------------------------------------------------------
    def heading(self, level: int, part: Part) -> None:
        title = part.text.strip()
        self.outline.append((level, title, part.line))
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        if self.skip_level and level > self.skip_level:
            self.headings.append((level, title))
            return
        self.skip_level = 0
        if not self.document.title and level == 1:
            self.document.title = title
        is_ac = bool(_AC_LABEL.match(title)) and len(title) < 60
        if self.story and not is_ac and not self._keeps_story(level, title):
            self.story = None
        if self.epic and level <= self.epic.level:
            self.epic = None
        self.ac_mode = is_ac and self._criteria_owner() is not None
        self.ac_level = level if self.ac_mode else 0
        self.use_case_field = self._use_case_heading(title)
        self.scenario = False
        self.headings.append((level, title))
        if title.casefold() in self.settings.skip_sections:
            self.skip_level = level
            self.section = None
            return
        if is_ac and self.ac_mode:
            return
        self.lead_in = None
        if looks_like_story(title):
            self._start_story(part, level)
            return
        headed = _HEADED_ITEM.match(title)
        if headed and not _EPIC.match(title) and (level > 1 or self.outline[:-1]):
            self._start_headed(part, headed, level)
            return
        self.section = self._new("section", part, title, level)
        self.section.id = f"{self.path}#{_slug(title)}-{part.line}"
        self.section.parent = None
        self.section.parts.append(Part("title", part.text, part.segments))
        if _EPIC.match(title):
            self.story = None
            self.epic = self._new("epic", part, title, level)
            self.epic.parts.append(Part("title", part.text, part.segments))

    def paragraph(self, part: Part) -> None:
        if self.skip_level or not part.text.strip():
            return
        if self.list_items:
            self._list_paragraph(part)
            return
        lines = _split_lines(part, "body") if "\n" in part.text else []
        if sum(1 for line in lines if looks_like_story(_CHECKBOX.sub("", line.text, 1))) >= 2:
            # A backlog written one story a line, without list markers.
            for line in lines:
                self._loose_paragraph(line)
            return
        self._loose_paragraph(part)

    def _use_case_heading(self, title: str) -> str | None:
        """ "#### Primary actor" under a use case: the next paragraph is its actor."""
        if self.story is None or not self.story.fields.get("use_case"):
            return None
        match = _USE_CASE_FIELD.match(title)
        if match is None or match.end() < len(title) or match.lastgroup == "other":
            return None
        return match.lastgroup

    def _use_case_part(self, part: Part) -> bool:
        """A labelled paragraph of a use case ("**Actor:** Customer", "**Main flow:**"):
        its actor and goal become parts; any label ends the postconditions' criteria."""
        story = self.story
        if story is None or not story.fields.get("use_case"):
            return False
        wanted, self.use_case_field = self.use_case_field, None
        match = _USE_CASE_FIELD.match(part.text)
        labelled = match is not None and (
            ":" in part.text[: match.end()] or match.end() == len(part.text)
        )
        if match is not None and labelled:
            self.ac_mode = False
            name = match.lastgroup or "other"
            rest = _strip_label(part, match, name)
            if name == "other":
                story.parts.append(Part("description", part.text, part.segments))
            elif rest is None:
                self.use_case_field = name
            else:
                story.parts.append(rest)
            return True
        if wanted is not None:
            story.parts.append(Part(wanted, part.text, part.segments))
            return True
        return False

    def _value_part(self, part: Part) -> bool:
        """ "**Why this priority**: ..." under a headed story: its value, as a goal part."""
        story = self.story
        if story is None or not story.fields.get("headed") or self.ac_mode:
            return False
        match = _VALUE_LABEL.match(part.text)
        rest = _strip_label(part, match, "goal") if match else None
        if rest is None:
            return False
        story.parts.append(rest)
        return True

    def rule(self) -> None:
        """A thematic break (---) ends the item above it and its criteria (Spec Kit puts one
        after each story)."""
        self.ac_mode = False
        self.story = None
        self.use_case_field = None

    def _loose_paragraph(self, part: Part) -> None:
        if self._use_case_part(part) or self._value_part(part):
            return
        label = _AC_LABEL.match(part.text)
        if self.scenario and not _GHERKIN.match(part.text):
            # A scenario's steps end at the first paragraph that is not a step.
            self.scenario = self.ac_mode = False
        self.lead_in = None
        box = _CHECKBOX.match(part.text)
        unboxed = _strip_label(part, box, part.field) if box else None
        if unboxed is not None and looks_like_story(unboxed.text):
            self._start_story(unboxed, self.level)  # "[X] As a reader, I want ..." (a checklist)
        elif looks_like_story(part.text):
            self._start_story(part, self.level)
        elif _SCENARIO.match(part.text) and (owner := self._criteria_owner()) is not None:
            # "*Scenario: ...*" then Given/When/Then: the steps are criteria, not the title.
            self.ac_mode = self.scenario = True
            self.ac_level = self.level
            steps = part.text.find("\n")
            if steps != -1:
                owner.parts.extend(_split_steps(_slice(part, steps + 1, "criterion"), "criterion"))
        elif label and (owner := self._criteria_owner()) is not None:
            self.ac_mode = True
            self.ac_level = self.level
            rest = _strip_label(part, label, "criterion")
            if rest is not None:
                for line_part in _split_lines(rest, "criterion"):
                    owner.parts.append(line_part)
        elif (owner := self._criteria_owner()) is not None and (
            self.ac_mode or _GHERKIN_START.match(part.text)
        ):
            self._add_criteria(owner, part)
        elif self.story is not None:
            self.story.parts.append(Part("description", part.text, part.segments))
        elif self._is_requirement(part.text, paragraph=True):
            self._new_requirement(part)
        elif _LEAD_IN.search(part.text) and actor_role(part.text) is not None:
            self.lead_in = part
            self.lead_in_list = ""
            self._body_target().parts.append(Part("body", part.text, part.segments))
        else:
            self._body_target().parts.append(Part("body", part.text, part.segments))

    def _is_requirement(self, text: str, paragraph: bool = False) -> bool:
        """An id-first or "The system shall" line anywhere; in a requirements section, any
        list item (or paragraph, under "Non-functional requirements", "Constraints")."""
        if _REQUIREMENT_LINE.match(text):
            return True
        if len(text.split()) < _MIN_REQUIREMENT_WORDS or text.rstrip(" *_").endswith(":"):
            return False
        if paragraph:
            return self._in_requirements() and any(
                _REQUIREMENT_SECTION.search(t) for t in self.heading_path[-1:]
            )
        return self._in_requirements()

    def _new_requirement(self, part: Part) -> _Draft:
        requirement = self._new("requirement", part, part.text.split("\n", 1)[0], self.level)
        requirement.parts.append(Part("requirement", part.text, part.segments))
        return requirement

    def list_open(self, markup: str) -> None:
        self.lists.append(markup)
        if not self.list_items:
            self.fragments = []

    def list_close(self) -> None:
        self.lists.pop()
        if not self.list_items:
            self.fragments = []

    def _starts_lead_in_story(self, parent: list[Any] | None) -> bool:
        """A top-level item of the list (or its sibling lists of the same marker) after
        "A user should be able to:"."""
        if self.lead_in is None or parent is not None or not self.lists:
            return False
        if not self.lead_in_list:
            self.lead_in_list = self.lists[-1]
        return self.lists[-1] == self.lead_in_list

    def list_item_open(self) -> None:
        parent = self.list_items[-1] if self.list_items else None
        # [role, parent entry, label seen, the item this list item started]
        self.list_items.append([None, parent, False, None])

    def list_item_close(self) -> None:
        self.list_items.pop()

    def _list_paragraph(self, part: Part) -> None:
        entry = self.list_items[-1]
        role, parent = entry[0], entry[1]
        if role is None and self._toc_entry(part):
            # A table of contents' entry names a section of this document: not an item.
            entry[0] = "body"
            return
        if role is None:
            before = self.story
            entry[0] = self._classify_item(part, parent)
            if entry[0] == "story" and self.story is not before:
                entry[3] = self.story
            elif entry[0] == "criterion":
                entry[3] = self.owner
            return
        # A later paragraph of an item already classified.
        owner = self.story if role == "story" else None
        label = _AC_LABEL.match(part.text)
        if owner is not None and label:
            entry[2] = True
            rest = _strip_label(part, label, "criterion")
            if rest is not None:
                owner.parts.extend(_split_lines(rest, "criterion"))
        elif owner is not None and (entry[2] or _GHERKIN_START.match(part.text)):
            self._add_criteria(owner, part)
        elif role == "criterion" and (criteria_owner := self._criteria_owner()):
            self._add_criteria(criteria_owner, part)
        elif owner is not None:
            owner.parts.append(Part("description", part.text, part.segments))
        elif role == "requirement" and self.drafts[-1].kind == "requirement":
            self.drafts[-1].parts.append(Part("description", part.text, part.segments))
        else:
            self._body_target().parts.append(Part("body", part.text, part.segments))

    def _classify_item(self, part: Part, parent: list[Any] | None) -> str:
        if parent is not None:
            return self._classify(part, parent)
        fragments, self.fragments = self.fragments, []
        role = self._classify(part, parent)
        if role == "story" and fragments and self.story is not None:
            self._take_fragments(self.story, fragments)
        elif role in ("description", "body") and (name := _story_fragment(part.text)):
            owner = self.story if role == "description" and self.story else self._body_target()
            self.fragments = [*fragments, (owner, owner.parts[-1], name)]
        return role

    def _take_fragments(self, story: _Draft, fragments: list[tuple[_Draft, Part, str]]) -> None:
        """A story written one clause per item ("- As a curious user", "- In order to ...",
        "- I want ..."): its role and reason items are its actor and goal, not prose of the
        item above."""
        for owner, part, name in fragments:
            if not story.part_named(name) and any(p is part for p in owner.parts):
                owner.parts = [p for p in owner.parts if p is not part]
                story.parts.append(Part(name, part.text, part.segments, part.origin))

    def _classify(self, part: Part, parent: list[Any] | None) -> str:
        text = _CHECKBOX.sub("", part.text)
        # Nested criteria belong to the item of the list item they sit in, not to the last
        # item read ("- Front End" / "  - Mobile support" / "  - Acceptance criteria: ...").
        owner = parent[3] if parent is not None and parent[3] is not None else None
        self.owner = owner = owner or self._criteria_owner()
        parent_role = parent[0] if parent else None
        # A bare "I want ..." is a story only as a top-level item under a stories heading,
        # never nested under a story or its criteria ("- COS:" / "  - Make sure I can ...").
        # Nor is a scenario's step ("1. **Given** I have an account, **When** ...").
        bare_story = (
            parent is None
            and not self.ac_mode
            and not _SCENARIO_STEPS.match(text)
            and self._in_stories()
            and parse_story(text) is not None
        )
        if looks_like_story(text) or bare_story:
            self._start_story(part, self.level)
            return "story"
        if self._starts_lead_in_story(parent) and self.lead_in is not None:
            self.story = self._new("story", part, text.split("\n", 1)[0], self.level)
            self.story.parts.append(Part("story", part.text, part.segments))
            self.story.parts.append(Part("actor", self.lead_in.text, self.lead_in.segments))
            self.ac_mode = False
            return "story"
        label = _AC_LABEL.match(part.text)
        if self._sub_entry(part.text, parent, label is not None):
            # "- Database solution" / "  - Design schema": a backlog entry's sub-entries are
            # smaller items of it, not its criteria.
            entry_draft = parent[3] if parent is not None else None
            assert entry_draft is not None
            self.story = self._new("story", part, text.split("\n", 1)[0], self.level)
            self.story.parts.append(Part("story", part.text, part.segments))
            self.story.fields["backlog_entry"] = True
            self.story.parent = entry_draft.id
            return "story"
        if owner is not None and label and parent_role in ("story", None):
            if parent is not None:
                parent[2] = True
            else:
                self.ac_mode = True
            rest = _strip_label(part, label, "criterion")
            if rest is not None:
                self._add_criteria(owner, rest)
            return "criterion"
        if owner is not None and (
            parent_role in ("story", "criterion")
            or self.ac_mode
            or _GHERKIN_START.match(text)
            or (_CHECKBOX.match(part.text) and parent_role is None)
        ):
            self._add_criteria(owner, part)
            return "criterion"
        if self._backlog_entry(parent):
            # "# Product Backlog" then "- Database solution": each entry is one item.
            self.story = self._new("story", part, text.split("\n", 1)[0], self.level)
            self.story.parts.append(Part("story", part.text, part.segments))
            self.story.fields["backlog_entry"] = True
            return "story"
        if self.story is not None:
            self.story.parts.append(Part("description", part.text, part.segments))
            return "description"
        if self._is_requirement(text):
            self._new_requirement(part)
            return "requirement"
        self._body_target().parts.append(Part("body", part.text, part.segments))
        return "body"

    def code(self, part: Part | None) -> None:
        """Code is never prose: it is kept as a `code` part of the story it follows (or of
        the section), for the rules that read code (a schema handed down in SQL)."""
        if part is None or self.skip_level:
            return
        (self.story or self._body_target()).parts.append(part)

    def table(self, header: list[Part], rows: list[list[Part]]) -> None:
        if self.skip_level:
            return
        columns = _table_columns([cell.text for cell in header])
        statement = next((i for i, role in enumerate(columns) if role == "statement"), None)
        headed = self.story if self.story and self.story.fields.get("headed") else None
        if headed is not None and statement is None:
            _table_fields(headed, header, rows, columns)
            return
        # An id column says the table is a backlog wherever it stands; without one, only a
        # table under a backlog or requirements heading holds items.
        backlog = "id" in columns or self._in_table_backlog()
        story_column = statement is not None and bool(
            _TABLE_STORY_COLUMN.search(header[statement].text)
        )
        for row in rows:
            story_cell = next((c for c in row if looks_like_story(c.text)), None)
            cell = story_cell
            if cell is None and statement is not None and statement < len(row) and backlog:
                cell = row[statement]
                words = len(cell.text.split())
                if not words or ("id" not in columns and words < _MIN_REQUIREMENT_WORDS):
                    cell = None
            if cell is None:
                self._body_target().parts.extend(c for c in row if c.text.strip())
                continue
            kind = "story" if story_cell is not None or story_column else "requirement"
            self._table_item(kind, cell, row, columns)
            self.story = None

    def _table_item(self, kind: str, statement: Part, row: list[Part], columns: list[str]) -> None:
        """One table row as one item: the statement cell is its title and story (or
        requirement), the criteria column its criteria, the other cells its parts."""
        draft = self._new(kind, statement, statement.text.split("\n", 1)[0], self.level)
        draft.parts.append(Part("title", statement.text, statement.segments))
        for index, cell in enumerate(row):
            role = columns[index] if index < len(columns) else "description"
            if cell is statement:
                draft.parts.append(Part(kind, cell.text, cell.segments))
            elif role != "statement":
                _add_cell(draft, role, cell)

    def _toc_entry(self, part: Part) -> bool:
        """A list item that is only a link to a heading of this document ("[3.1 Pricing](#31-
        pricing)"): a table of contents' line."""
        if "\n" in part.text or not 0 < part.line <= len(self.lines):
            return False
        return bool(_TOC_LINE.match(self.lines[part.line - 1]))

    def _sub_entry(self, text: str, parent: list[Any] | None, labelled: bool) -> bool:
        """A nested item under a backlog entry (a title, no story sentence) that is not a
        criterion: no label, step, checkbox or criteria section above it."""
        if parent is None or parent[0] != "story" or parent[2] or labelled or self.ac_mode:
            return False
        draft = parent[3]
        if draft is None or not draft.fields.get("backlog_entry"):
            return False
        return not (_GHERKIN_START.match(text) or _CHECKBOX.match(text))

    def _backlog_entry(self, parent: list[Any] | None) -> bool:
        """A top-level list item right under a heading named "Backlog" (not under a story
        written above it)."""
        if parent is not None or not self.headings or self.ac_mode:
            return False
        if self.story is not None and not self.story.fields.get("backlog_entry"):
            return False
        return bool(_BACKLOG_HEADING.search(self.headings[-1][1]))

    def _in_stories(self) -> bool:
        """Under a heading such as "User stories" or "Backlog": a bare "I want ..." is a story."""
        return any(_STORIES.search(title) for title in self.heading_path)

    def _in_table_backlog(self) -> bool:
        return self._in_requirements() or any(
            re.search(r"backlog|stories|sprint", t, re.I) for t in self.heading_path
        )

    def finish(self, source: Source) -> list[Item]:
        if not self.document.title:
            self.document.title = self.front.get("title") or self.path
        # The section shape is read from the sections, not from a "#### Design" sub-heading
        # of one feature.
        headings = [title for level, title, _ in self.outline if level <= 2]
        preamble = "\n".join(self.lines[:15])
        document_type = doctype.document_type(
            str(self.document.title), self.front, headings, preamble, self.path
        )
        self.document.fields = {
            "headings": tuple(self.outline),
            "front_matter": MappingProxyType(self.front),  # read-only: rules share it
            "document_type": document_type,
        }
        if document_type is not None:
            # Every item carries its document's type, so rules can scope by it.
            for draft in self.drafts:
                if draft is not self.document:
                    draft.fields = {**draft.fields, "document_type": document_type}
        self.document.parts.insert(0, Part.at("title", str(self.document.title), 1))
        for draft in self.drafts:
            if draft.kind in ("story", "requirement"):
                draft.settle()
        return [draft.build(source) for draft in self.drafts]


def _run(reader: _Reader, tokens: Sequence[Token]) -> None:
    lines = reader.lines
    index = 0
    count = len(tokens)
    while index < count:
        token = tokens[index]
        kind = token.type
        if kind == "front_matter":
            reader.front = _front_matter(token.content)
        elif kind == "heading_open":
            reader.heading(int(token.tag[1]), _inline_text(tokens[index + 1], lines, "title"))
            index += 2
        elif kind == "paragraph_open":
            reader.paragraph(_inline_text(tokens[index + 1], lines, "body"))
            index += 2
        elif kind in ("bullet_list_open", "ordered_list_open"):
            reader.list_open(token.markup)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            reader.list_close()
        elif kind == "html_block":
            _html_table(reader, token)
        elif kind == "hr":
            reader.rule()
        elif kind == "code_block" and (inner := _indented_backlog(reader, token)) is not None:
            _run(reader, inner)
        elif kind in ("fence", "code_block"):
            reader.code(_code_part(token, lines))
        elif kind == "list_item_open":
            reader.list_item_open()
        elif kind == "list_item_close":
            reader.list_item_close()
        elif kind == "table_open":
            index = _table(reader, tokens, index)
        index += 1


# A line of code, not of a backlog: SQL, shell, JSON or a statement of a program.
_CODE_LINE = lazy(
    r"^\s*(?:(?:select|insert\s+into|update|delete\s+from|create|alter|drop)\s+\S"
    r"|(?:\$|>>>|#!|//|/\*|--\s)\s*\S|[{}\[\]]\s*,?$|\"[^\"]*\"\s*:"
    r"|(?:def|class|import|from|function|const|let|var|return|if|for|while)\b.*[:({;=]\s*$"
    r"|<\w[^>]*>|.*[;{]\s*$|[\w.]+\s*\(.*\)\s*$|[\w.\[\]]+\s*[:+-]?=\s*\S)",
    re.IGNORECASE,
)
# What a backlog's lines open with: a story ("As a ...", "I want ..."), or any list item.
_STORY_LINE = lazy(
    r"^\s*(?:[-*+]|\d+[.)])?\s*(?:as\s+(?:an?|the)\s+\w|in\s+order\s+to\s|i\s+want\b)",
    re.IGNORECASE,
)
_MAX_ROLE_WORDS = 5
# The whole item is the role ("As a curious user"): "As a result, we ..." is not one.
_ROLE_FRAGMENT = lazy(r"^[\W_]*as\s+(?:an?|the)\s+(?P<role>\w[\w -]*?)[\s,.]*$", re.I)
_GOAL_FRAGMENT = lazy(r"^[\W_]*(?:in\s+order\s+to|so\s+that)\s+\w", re.IGNORECASE)


def _story_fragment(text: str) -> str | None:
    """The clause a list item states alone: "actor" for a bare role ("As a curious user"),
    "goal" for a bare reason ("In order to add my family tree"), else None."""
    if "\n" in text or parse_story(text) is not None:
        return None
    role = _ROLE_FRAGMENT.match(text)
    if role is not None and len(role["role"].split()) <= _MAX_ROLE_WORDS:
        return "actor"
    return "goal" if _GOAL_FRAGMENT.match(text) else None


_LIST_LINE = lazy(r"^\s*(?:[-*+]|\d+[.)])\s+\S")


def _indented_backlog(reader: _Reader, token: Token) -> list[Token] | None:
    """An indented (not fenced) code block that is a backlog indented under its heading:
    its dedented content read as markdown, its tokens mapped to their source lines (so
    items keep their source lines and columns). None when it is code, or holds no items."""
    if token.map is None or reader.skip_level:
        return None
    lines = token.content.split("\n")
    if any(_CODE_LINE.match(line) for line in lines):
        return None
    stories = any(_STORY_LINE.match(line) for line in lines)
    if not stories and not (reader._in_stories() and any(_LIST_LINE.match(x) for x in lines)):
        return None
    offset = token.map[0]
    tokens = _parser().parse(token.content)
    for inner in tokens:
        if inner.map is not None:
            inner.map = [inner.map[0] + offset, inner.map[1] + offset]
    return tokens


def _code_part(token: Token, lines: Sequence[str]) -> Part | None:
    """A fenced or indented code block as one `code` part: its content, line by line at
    its source columns (a fence's content starts on the line after the fence)."""
    content = token.content.rstrip("\n")
    if not content.strip() or token.map is None:
        return None
    first = token.map[0] + (1 if token.type == "fence" else 0)
    segments = []
    offset = 0
    for index, text in enumerate(content.split("\n")):
        source = lines[first + index] if first + index < len(lines) else ""
        probe = text.strip()[:24]
        found = source.find(probe) if probe else -1
        lead = len(text) - len(text.lstrip())
        column = found - lead + 1 if found >= lead else 1
        segments.append(Segment(offset, first + index + 1, column))
        offset += len(text) + 1
    return Part("code", content, tuple(segments))


def _html_table(reader: _Reader, token: Token) -> None:
    """A markdown table written straight after an HTML block, with no blank line between,
    is swallowed by the block: read it as the table the author meant."""
    lines = token.content.split("\n")
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("|")), None)
    if start is None or token.map is None:
        return
    offset = token.map[0] + start
    tokens = _parser().parse("\n".join(lines[start:]))
    for inner in tokens:
        if inner.map is not None:
            inner.map = [inner.map[0] + offset, inner.map[1] + offset]
    index = 0
    while index < len(tokens):
        if tokens[index].type == "table_open":
            index = _table(reader, tokens, index)
        index += 1


def _table(reader: _Reader, tokens: Sequence[Token], index: int) -> int:
    header: list[Part] = []
    rows: list[list[Part]] = []
    row: list[Part] = []
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "inline":
            row.append(_inline_text(token, reader.lines, "body"))
        elif token.type == "tr_close":
            if header:
                rows.append(row)
            else:
                header = row
            row = []
        index += 1
    reader.table(header, rows)
    return index


def _nesting_cut(tokens: Sequence[Token]) -> int | None:
    """The line where markdown-it stopped reading (a block at its nesting limit), if any."""
    deepest = next((t for t in tokens if t.level >= MAX_NESTING - 1 and t.nesting == 1), None)
    if deepest is None:
        return None
    return deepest.map[0] + 1 if deepest.map else 1


def read_markdown(text: str, path: str, settings: ReadSettings | None = None) -> list[Item]:
    """Every item in a markdown document: the document, its sections, epics, stories and
    requirements, in document order."""
    reader = _Reader(path, text, settings or ReadSettings())
    tokens = _parser().parse(text)
    _run(reader, tokens)
    items = reader.finish(Source(path))
    cut = _nesting_cut(tokens)
    if cut is not None:
        reader.document.fields["unread"] = (
            f"markup nested more than {MAX_NESTING} levels deep at line {cut}: "
            "the text nested deeper, and what follows it in the same list, was not read"
        )
    directives = suppressions.collect(text, tokens)
    if directives:  # frozen data: prdlint/filters.py applies it after the engine
        reader.document.fields[suppressions.DIRECTIVES_FIELD] = directives
    return items


def parse_body(text: str, field: str = "description") -> Body:
    """Read a free-text field (e.g. a Jira description converted to markdown): the first
    story sentence, the prose, and the acceptance criteria. Lines are 1-based in `text`."""
    reader = _Reader(field, text, ReadSettings(), implicit_owner=True)
    _run(reader, _parser().parse(text))
    items = reader.finish(Source(field))
    story: Part | None = None
    description: list[Part] = []
    criteria: list[Part] = []
    code: list[Part] = []
    for item in items:
        for part in item.parts:
            tagged = Part(part.field, part.text, part.segments, field)
            if part.field == "story" and story is None:
                story = tagged
            elif part.field == "criterion":
                criteria.append(tagged)
            elif part.field == "code":
                code.append(tagged)
            elif part.field != "title":
                description.append(Part("description", part.text, part.segments, field))
    return Body(story, tuple(description), tuple(criteria), tuple(code))
