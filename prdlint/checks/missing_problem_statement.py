"""missing-problem-statement: a PRD that never says which problem it solves.

Looks for a problem-like heading (Problem, Background, Motivation, Context...) or, failing
that, an opening or overview section that describes a pain ("today", "cannot", "struggle")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.checks._prd import (
    body_text,
    documents,
    has_heading,
    heading_matcher,
    prd_in_scope,
    section_pattern,
    sections_under,
)
from prdlint.model import Hit, Item
from prdlint.rule import Context

_INTRO = heading_matcher(
    ("overview", "introduction", "summary", "abstract", "executive summary", "tl;dr", "tldr")
)
_PAIN = lazy(
    r"\b(?:problems?|pain(?:\s+points?)?|struggl\w*|frustrat\w*|today|currently|cannot|can't"
    r"|unable|difficult|hard\s+to|too\s+(?:long|slow|hard|many)|lack\w*|miss(?:es|ing)|manual"
    r"\w*|error-prone|waste\w*|complain\w*|churn\w*|need(?:s)?\s+to)\b",
    re.IGNORECASE,
)


@check("missing-problem-statement", scope="backlog")
def missing_problem_statement(items: Sequence[Item], ctx: Context) -> Iterator[Hit]:
    for document, own in documents(items):
        if not prd_in_scope(document, ctx) or has_heading(document, section_pattern("problem")):
            continue
        intro = [document, *sections_under(own, _INTRO)]
        if _PAIN.search(body_text(intro)):
            continue
        yield Hit(document.part("title"), 0, len(document.title), item=document)
