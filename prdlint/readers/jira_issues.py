"""One Jira issue (the raw JSON of REST v2 or v3, live or exported) to a prdlint Item.

Descriptions are converted to markdown (prdlint.readers.jira_markup) and read like a
markdown body, so a Jira story and a markdown story give the same parts. Acceptance
criteria also come from a custom field found by name, never by a hard-coded id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from prdlint.model import Item, Part, Segment, Source
from prdlint.readers.jira_markup import Converted, convert
from prdlint.readers.settings import DEFAULT_AC_FIELD, DEFAULT_IGNORE_LABEL

EPIC_LINK_SCHEMA = "com.pyxis.greenhopper.jira:gh-epic-link"
AC_FIELD_NAME = "acceptance-criteria"  # Location.field of criteria from the custom field

# the system fields prdlint reads; custom field ids are added from the field list
SYSTEM_FIELDS = ("summary", "description", "issuetype", "status", "labels", "parent")

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_HEADING = re.compile(r"^\s*#{1,6}\s")
_CLAUSE_SUFFIX = re.compile(r"\[[^\]]*\]$")  # Cloud clause names such as "X[Paragraph]"


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which custom fields hold acceptance criteria and the (Data Center) epic link."""

    ac_ids: tuple[str, ...] = ()
    epic_link_ids: tuple[str, ...] = ()
    ac_name: str = DEFAULT_AC_FIELD

    @classmethod
    def from_field_list(
        cls, fields: Iterable[Mapping[str, Any]], ac_name: str = DEFAULT_AC_FIELD
    ) -> FieldMap:
        """From GET /rest/api/2/field. Team-managed projects may have several fields of
        the same name, so every match is kept."""
        wanted = ac_name.strip().casefold()
        ac_ids: list[str] = []
        epic_ids: list[str] = []
        for entry in fields:
            fid = entry.get("id")
            if not isinstance(fid, str):
                continue
            names = [entry.get("name"), *(entry.get("clauseNames") or [])]
            plain = {
                _CLAUSE_SUFFIX.sub("", n).strip().casefold() for n in names if isinstance(n, str)
            }
            if wanted in plain and fid not in SYSTEM_FIELDS:
                ac_ids.append(fid)
            schema = entry.get("schema")
            if isinstance(schema, Mapping) and schema.get("custom") == EPIC_LINK_SCHEMA:
                epic_ids.append(fid)
        return cls(tuple(ac_ids), tuple(epic_ids), ac_name)

    @classmethod
    def from_names(cls, names: Mapping[str, Any], ac_name: str = DEFAULT_AC_FIELD) -> FieldMap:
        """From the `names` map (field id -> display name) of a search with expand=names."""
        wanted = ac_name.strip().casefold()
        ac_ids = [k for k, v in names.items() if isinstance(v, str) and v.casefold() == wanted]
        epic = [k for k, v in names.items() if isinstance(v, str) and v.casefold() == "epic link"]
        return cls(tuple(ac_ids), tuple(epic), ac_name)

    def request_fields(self) -> list[str]:
        """The fields a search asks for: only what the rules need."""
        return [*SYSTEM_FIELDS, *self.ac_ids, *self.epic_link_ids]


@dataclass(frozen=True, slots=True)
class IssueOptions:
    fields: FieldMap = FieldMap()
    server: str | None = None  # base URL for browse links
    ignore_label: str = DEFAULT_IGNORE_LABEL


def issue_to_item(issue: Mapping[str, Any], options: IssueOptions) -> Item | None:
    """The Item for one issue, or None when a `prdlint-ignore` label asks to skip it."""
    key = str(issue.get("key") or issue.get("id") or "?")
    raw_fields = issue.get("fields")
    fields: Mapping[str, Any] = raw_fields if isinstance(raw_fields, Mapping) else {}
    labels = _labels(fields.get("labels"))
    ignore = options.ignore_label
    if ignore in labels:
        return None
    suppressed = frozenset(
        label[len(ignore) + 1 :] for label in labels if label.startswith(ignore + ":")
    )
    summary = _text(fields.get("summary")).strip()
    issuetype = fields.get("issuetype")
    type_name = _name(issuetype)
    server = options.server or _server_of(issue)
    url = f"{server.rstrip('/')}/browse/{key}" if server else None
    parts = _parts(summary, fields, options.fields)
    return Item(
        id=key,
        kind=_kind(issuetype),
        title=summary or key,
        source=Source(None, issue=key, url=url),
        line=1,
        parts=tuple(parts),
        parent=_parent(fields, options.fields),
        fields={
            "issue_type": type_name,
            "labels": labels,
            "status": _name(fields.get("status")),
            "suppressed": suppressed,
        },
    )


def _parts(summary: str, fields: Mapping[str, Any], field_map: FieldMap) -> list[Part]:
    from prdlint.readers.markdown import parse_body
    from prdlint.story import parse_story

    parts: list[Part] = []
    if summary:
        parts.append(_part("title", summary, 1, 1, "summary"))
    description = convert(fields.get("description"))
    body = parse_body(description.text, field="description")
    if body.story is not None:
        story = _remap(body.story, description)
    elif summary and parse_story(summary) is not None:
        story = _part("story", summary, 1, 1, "summary")
    else:
        story = None
    described = [_remap(p, description) for p in body.description]
    if story is None and _is_story_type(fields.get("issuetype")):
        story = _story_statement(summary, described)
    if story is not None:
        parts.append(story)
    parts.extend(described)
    parts.extend(_remap(p, description) for p in body.criteria)
    parts.extend(_remap(p, description) for p in body.code)
    for fid in field_map.ac_ids:
        parts.extend(criteria_parts(fields.get(fid)))
    if not field_map.ac_ids and field_map.ac_name in fields:
        # the jira library copies values back under the friendly name; exports may too
        parts.extend(criteria_parts(fields.get(field_map.ac_name)))
    return parts


def _is_story_type(issuetype: object) -> bool:
    name = _name(issuetype) if isinstance(issuetype, Mapping) else issuetype
    return isinstance(name, str) and name.strip().casefold() in ("story", "user story")


def _story_statement(summary: str, described: list[Part]) -> Part | None:
    """An issue of type Story is a story whatever its wording. Its statement is the
    paragraph in which a person acts, else the summary if a person acts in it, else its
    first paragraph, else its summary; the paragraph or summary that gives a reason, when
    the statement does not, is its goal. Paragraphs change field in place (`described`);
    a statement from the summary is returned."""
    from prdlint.roles import human_actor
    from prdlint.story import reason_in

    title = _part("story", summary, 1, 1, "summary") if summary else None
    acting = next((i for i, p in enumerate(described) if human_actor(p.text) is not None), None)
    if acting is None and title is not None and human_actor(summary) is not None:
        at = None
    else:
        at = acting if acting is not None else (0 if described else None)
    statement = described[at] if at is not None else title
    if statement is None:
        return None
    if at is not None:
        described[at] = Part("story", statement.text, statement.segments, statement.origin)
    if reason_in(statement.text):
        return None if at is not None else statement
    why = next((i for i, p in enumerate(described) if i != at and reason_in(p.text)), None)
    if why is not None:
        part = described[why]
        described[why] = Part("goal", part.text, part.segments, part.origin)
    elif at is not None and title is not None and reason_in(summary):
        described.append(_part("goal", summary, 1, 1, "summary"))
    return None if at is not None else statement


def criteria_parts(value: object) -> list[Part]:
    """One criterion per non-empty line or list item of an acceptance-criteria field
    (headings and code blocks are not criteria)."""
    converted = convert(value)
    parts: list[Part] = []
    in_fence = False
    for index, line in enumerate(converted.text.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not line.strip() or _HEADING.match(line) or line.strip() == "***":
            continue
        marker = _MARKER.match(line)
        start = marker.end() if marker else len(line) - len(line.lstrip())
        text = line[start:].rstrip()
        if text:
            source_line = converted.source_line(index)
            parts.append(_part("criterion", text, source_line, start + 1, AC_FIELD_NAME))
    return parts


def _part(kind: str, text: str, line: int, column: int, origin: str) -> Part:
    """A part of `kind` found in Jira field `origin`, starting at (line, column)."""
    return Part(kind, text, (Segment(0, line, column),), origin)


def _remap(part: Part, converted: Converted) -> Part:
    """Markdown lines back to the lines of the Jira field the author wrote."""
    segments = tuple(
        Segment(s.offset, converted.source_line(s.line), s.column) for s in part.segments
    )
    return Part(part.field, part.text, segments, part.origin)


def _kind(issuetype: object) -> str:
    if isinstance(issuetype, Mapping):
        if issuetype.get("hierarchyLevel") == 1:
            return "epic"
        if str(issuetype.get("name") or "").casefold() == "epic":
            return "epic"
    elif isinstance(issuetype, str) and issuetype.casefold() == "epic":
        return "epic"
    return "story"


def _parent(fields: Mapping[str, Any], field_map: FieldMap) -> str | None:
    parent = fields.get("parent")
    if isinstance(parent, Mapping) and isinstance(parent.get("key"), str):
        return str(parent["key"])
    for fid in field_map.epic_link_ids:
        value = fields.get(fid)
        if isinstance(value, str) and value:
            return value
    value = fields.get("Epic Link")
    return value if isinstance(value, str) and value else None


def _labels(value: object) -> tuple[str, ...]:
    """Labels as a list of strings; a hand-edited export may hold one string (labels never
    contain spaces, so it splits on them) or a number (no labels)."""
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, list | tuple):
        return tuple(label for label in value if isinstance(label, str))
    return ()


def _name(value: object) -> str | None:
    if isinstance(value, Mapping):
        name = value.get("name")
        return str(name) if name is not None else None
    return str(value) if isinstance(value, str) else None


def _text(value: object) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _server_of(issue: Mapping[str, Any]) -> str | None:
    """The site's base URL from an issue's `self` link (context path kept)."""
    link = issue.get("self")
    if isinstance(link, str) and "/rest/" in link:
        return link.split("/rest/", 1)[0]
    return None
