"""Offline Jira: a saved REST search response (JSON, v2 or v3) or a Jira CSV export,
read through the same issue -> item conversion as the live command, so CI can lint a
board without credentials."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from prdlint.boundedio import MAX_FILE_BYTES
from prdlint.model import Item
from prdlint.readers.jira_issues import FieldMap, IssueOptions, issue_to_item
from prdlint.readers.settings import DEFAULT_AC_FIELD, DEFAULT_IGNORE_LABEL


class ExportError(ValueError):
    """Not a Jira export; str() is the one-line reason."""


def read_export(
    text: str,
    path: str,
    ac_name: str = DEFAULT_AC_FIELD,
    ignore_label: str = DEFAULT_IGNORE_LABEL,
) -> list[Item]:
    """A .json saved search response or a .csv export, by the file's suffix; `ac_name` and
    `ignore_label` are the config's jira.ac-field and jira.ignore-label, as for `jira`."""
    if path.lower().endswith(".csv"):
        return read_csv_export(text, ac_name, ignore_label)
    return read_search_json(text, ac_name, ignore_label)


def read_search_json(
    text: str, ac_name: str = DEFAULT_AC_FIELD, ignore_label: str = DEFAULT_IGNORE_LABEL
) -> list[Item]:
    """A saved search response ({"issues": [...]}, with or without `names`), a list of
    issues, or one issue."""
    try:
        data = json.loads(text, parse_int=_int)
    except json.JSONDecodeError as error:
        raise ExportError(f"invalid JSON at line {error.lineno} column {error.colno}") from None
    names: Mapping[str, Any] = {}
    if isinstance(data, Mapping) and isinstance(data.get("issues"), list):
        issues: list[Any] = data["issues"]
        found = data.get("names")
        names = found if isinstance(found, Mapping) else {}
    elif isinstance(data, list):
        issues = data
    elif isinstance(data, Mapping) and isinstance(data.get("fields"), Mapping):
        issues = [data]
    else:
        raise ExportError('not a Jira search response (expected {"issues": [...]})')
    field_map = FieldMap.from_names(names, ac_name) if names else FieldMap(ac_name=ac_name)
    return _items(issues, IssueOptions(fields=field_map, ignore_label=ignore_label))


def _int(digits: str) -> int | str:
    """An integer, or its digits when Python refuses to convert that many (4,300): no
    field prdlint reads is a number, so a huge one must not stop the file."""
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else digits


_MAX_INT_DIGITS = 4000


def _items(issues: Iterable[Any], options: IssueOptions) -> list[Item]:
    items = []
    for issue in issues:
        if isinstance(issue, Mapping):
            item = issue_to_item(issue, options)
            if item is not None:
                items.append(item)
    return items


# ---------------------------------------------------------------------------- CSV

_KEY = re.compile(r"^[A-Z][A-Z0-9_]+-\d+$")
_CUSTOM = re.compile(r"^Custom field \((.+)\)$")


def read_csv_export(
    text: str, ac_name: str = DEFAULT_AC_FIELD, ignore_label: str = DEFAULT_IGNORE_LABEL
) -> list[Item]:
    """A Jira CSV export: one row per issue; repeated columns (several "Labels") hold
    one value each; custom fields are "Custom field (Name)"."""
    # A description may be longer than csv's default field limit (128 KiB); the file size
    # limit already bounds every field.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as error:
        raise ExportError(f"invalid CSV at line {reader.line_num}: {error}") from None
    if not rows or not rows[0]:
        raise ExportError("empty CSV export")
    header = [h.strip() for h in rows[0]]
    lowered = [h.casefold() for h in header]
    if "summary" not in lowered or not ({"issue key", "key"} & set(lowered)):
        raise ExportError('not a Jira CSV export (no "Summary" and "Issue key" columns)')
    raw = [_csv_issue(header, row, ac_name) for row in rows[1:] if any(c.strip() for c in row)]
    # newer Cloud exports name the parent by issue id; map ids to keys within the file
    keys_by_id = {i["id"]: i["key"] for i in raw if i.get("id")}
    for issue in raw:
        parent = issue["fields"].get("parent")
        if isinstance(parent, dict):
            parent["key"] = keys_by_id.get(parent["key"], parent["key"])
            if not _KEY.match(parent["key"]):
                del issue["fields"]["parent"]
    options = IssueOptions(fields=FieldMap(ac_name=ac_name), ignore_label=ignore_label)
    return _items(raw, options)


def _csv_issue(header: list[str], row: list[str], ac_name: str) -> dict[str, Any]:
    values: dict[str, list[str]] = {}
    for name, value in zip(header, row, strict=False):
        custom = _CUSTOM.match(name)
        column = custom.group(1) if custom else name
        values.setdefault(column.casefold(), []).append(value)

    def first(*names: str) -> str:
        for name in names:
            for value in values.get(name.casefold(), []):
                if value.strip():
                    return value
        return ""

    labels = [v.strip() for v in values.get("labels", []) if v.strip()]
    parent = first("Parent key", "Parent", "Parent id", "Epic Link")
    fields: dict[str, Any] = {
        "summary": first("Summary"),
        "description": first("Description") or None,
        "issuetype": {"name": first("Issue Type")},
        "status": {"name": first("Status")},
        "labels": labels,
        ac_name: first(ac_name) or None,
    }
    if parent.strip():
        fields["parent"] = {"key": parent.strip()}
    return {"key": first("Issue key", "Key"), "id": first("Issue id"), "fields": fields}
