"""missing-success-metric: a PRD whose goals name no measurable outcome.

A goals or success-metrics section must contain something a dashboard could show: a
number with a unit or percentage, a baseline or target, or a change "from X to Y"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.checks._prd import body_text, clean_heading, documents, prd_in_scope, section_pattern
from prdlint.model import Hit, Item
from prdlint.rule import Context

MEASURABLE = lazy(
    r"\d[\d,.]*\s*(?:%|percent|pp\b|x\b|×)"
    r"|\b(?:baseline|benchmark|target(?:ed)?\s*(?:of|is|:|=))"
    r"|\b(?:under|within|below|above|at\s+least|at\s+most|less\s+than|more\s+than|fewer\s+than"
    r"|over|from|to|by|reach(?:es)?|hit|[<>≤≥]=?)\s*[~$€£]?\d"
    r"|\d[\d,.]*\s*[kKmM]?\s*(?:ms|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?"
    r"|users|customers|sign-?ups|orders|downloads|sessions|visits|requests|tickets|clicks"
    r"|per\s+\w+|a\s+(?:day|week|month)|/\s*(?:day|week|month|user))\b"
    r"|\b(?:NPS|CSAT|DAU|MAU|WAU|conversion\s+rate|retention|churn)\b[^.\n]{0,40}\d",
    re.IGNORECASE,
)


def _goal_items(own: Sequence[Item]) -> list[Item]:
    pattern = section_pattern("goals")
    return [
        item
        for item in own
        if item.kind != "document"
        and any(pattern.search(clean_heading(t)) for t in item.heading_path)
    ]


@check("missing-success-metric", scope="backlog")
def missing_success_metric(items: Sequence[Item], ctx: Context) -> Iterator[Hit]:
    for document, own in documents(items):
        if not prd_in_scope(document, ctx):
            continue
        goals = _goal_items(own)
        if MEASURABLE.search(body_text(goals)):
            continue
        heading = next((i for i in goals if i.kind == "section"), None)
        if heading is not None:
            message = "'{}' names no measurable outcome; add a metric with a baseline and a target"
            part = heading.part("title")
            yield Hit(
                part, 0, len(heading.title), item=heading, message=message.format(heading.title)
            )
        else:
            yield Hit(document.part("title"), 0, len(document.title), item=document)
