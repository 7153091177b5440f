"""The three records the whole design turns on: Item (what rules read), Hit (what a
rule yields) and Finding (what formatters print). Readers build Items, the engine turns
Hits into Findings, and nothing else crosses those borders."""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a part's text that maps contiguously onto the source, from `offset` on."""

    offset: int
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of an item's text (its story sentence, description, a criterion...),
    with enough position data to turn any offset in `text` into a source line and column."""

    field: str
    text: str
    segments: tuple[Segment, ...]
    origin: str = ""  # the source field it came from (a Jira field name), when not a file

    @classmethod
    def at(cls, field: str, text: str, line: int, column: int = 1, origin: str = "") -> Part:
        """A part whose text starts at (line, column); later lines start at column 1."""
        segments = [Segment(0, line, column)]
        offset = text.find("\n")
        while offset != -1:
            line += 1
            segments.append(Segment(offset + 1, line, 1))
            offset = text.find("\n", offset + 1)
        return cls(field, text, tuple(segments), origin)

    @property
    def line(self) -> int:
        return self.segments[0].line if self.segments else 0

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source of the character at `offset`."""
        if not self.segments:
            return (0, 0)
        index = bisect_right([s.offset for s in self.segments], offset) - 1
        segment = self.segments[max(index, 0)]
        return segment.line, segment.column + max(offset - segment.offset, 0)


@dataclass(frozen=True, slots=True)
class Source:
    """Where an item came from: a file path, or a Jira issue key and its browse URL."""

    path: str | None
    issue: str | None = None
    url: str | None = None

    @property
    def label(self) -> str:
        return self.issue or self.path or "<unknown>"


# Item kinds the readers produce; rules declare which of them they apply to.
ITEM_KINDS = ("document", "section", "epic", "story", "requirement")


@dataclass(slots=True)
class Item:
    """One backlog item, whatever its source (markdown PRD, story list, Jira).

    `parts` carries its text: a `title`, the `story` sentence, `description` paragraphs,
    one `criterion` part per acceptance criterion, `body` for sections and documents, and
    one `code` part per code block (never prose: only rules that ask for `code` read it).
    `fields` holds source extras rules may read (issue_type, labels, status, one_line,
    document_type); `suppressed` lists rule names the source asked to skip for this item.
    """

    id: str
    kind: str
    title: str
    source: Source
    line: int
    parts: tuple[Part, ...] = ()
    heading_path: tuple[str, ...] = ()
    parent: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)

    def parts_of(self, *fields: str) -> list[Part]:
        return [p for p in self.parts if p.field in fields]

    def part(self, name: str) -> Part | None:
        return next((p for p in self.parts if p.field == name), None)

    @property
    def criteria(self) -> list[Part]:
        return self.parts_of("criterion")

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.parts)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check yields: where (a part and a character span in it), and optionally a
    message that replaces the rule's template. `item` is set only by backlog-wide checks,
    which see many items at once."""

    part: Part | None = None
    start: int = 0
    end: int = 0
    message: str | None = None
    item: Item | None = None
    values: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Location:
    path: str | None
    line: int
    column: int
    end_line: int
    end_column: int
    issue: str | None = None
    field: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ItemRef:
    """The little a report keeps of an item once it is linted (never its whole text)."""

    id: str
    kind: str
    title: str
    parent: str | None
    source: Source
    line: int

    @classmethod
    def of(cls, item: Item) -> ItemRef:
        return cls(item.id, item.kind, item.title, item.parent, item.source, item.line)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    code: str
    severity: Severity
    message: str
    location: Location
    item: ItemRef
    snippet: str
    context: str = ""  # the text of the part the finding is in (clipped), for highlighting
    span: tuple[int, int] = (0, 0)  # the snippet's offsets within `context`
    rule_source: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.path or loc.issue or "", loc.line, loc.column, self.code)


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A source that could not be linted (unreadable, binary, bad encoding, HTTP error).
    Reported beside the findings; it makes the run exit 2 but never hides other files."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


ReportSource = Literal["files", "jira"]


@dataclass(slots=True)
class Report:
    """Everything a formatter needs: findings, the items linted (as refs), the rules that
    ran (for docs and metadata), the inputs that could not be read, and what was linted:
    `source` is "files" (paths, standard input, exports) or "jira" (a live query)."""

    findings: list[Finding]
    items: list[ItemRef]
    files: int
    rules: Mapping[str, Any]  # rule name -> prdlint.rule.Rule
    problems: list[InputProblem] = field(default_factory=list)
    notices: list[InputProblem] = field(default_factory=list)  # read, but not as expected
    source: ReportSource = "files"

    def by_rule(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
