"""Which documents are PRDs, and what their headings say: shared by the document rules.

A PRD here is a markdown document with an outline (three or more headings) whose title,
front matter or headings read like product requirements. Bare story lists, READMEs and
design documents (RFC, ADR, KEP, technical design) are not PRDs: document rules stay quiet
on them unless the user selects the rule by name."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from prdlint.checks._lazy import LazyPattern, lazy
from prdlint.checks._text import in_design_document
from prdlint.model import Item
from prdlint.rule import Context
from prdlint.wordtrie import whole_words

# Heading words for each part of a PRD; shared by missing-section and the specific rules.
SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "problem": (
        "problem", "background", "motivation", "context", "why", "opportunity", "pain points",
        "inspiration", "current situation", "challenge", "value statement", "rationale",
    ),
    "users": (
        "users", "personas", "persona", "audience", "customers", "who", "stakeholders",
        "user types", "target users", "actors",
    ),
    "goals": (
        "goals", "objectives", "success metrics", "goal", "objective", "metrics", "kpis", "kpi",
        "success criteria", "success", "measuring success", "definition of success", "outcomes",
        "okrs", "success measure",
    ),
    "requirements": (
        "requirements", "user stories", "stories", "requirement", "features", "feature",
        "scope", "functional", "capabilities", "backlog", "epics", "epic list", "scenarios",
    ),
    "non-goals": ("non-goals", "non goals", "out of scope", "nongoals", "not in scope", "no-goals"),
    "open questions": (
        "open questions", "questions", "open issues", "unresolved questions", "unknowns",
        "q & a", "q&a", "faq",
    ),
}  # fmt: skip

_PRD_TITLE = lazy(
    r"\bPRD\b|product\s+requirements?|requirements\s+(?:doc|specification)|feature\s+spec"
    r"|\bspec(?:ification)?\b|product\s+(?:brief|spec|outline|proposal)|one[- ]pager",
    re.IGNORECASE,
)
_README = lazy(
    r"^(?:install(?:ation|ing)?|usage|getting\s+started|license|contributing|build(?:ing)?"
    r"|quick\s*start|changelog)\b",
    re.IGNORECASE,
)
MIN_HEADINGS = 3


def headings(document: Item) -> list[tuple[int, str, int]]:
    found = document.fields.get("headings") or ()
    return [(int(level), str(title), int(line)) for level, title, line in found]


def _clean(title: str) -> str:
    title = re.sub(r"^[\W\d_]*(?:\d+(?:\.\d+)*[.)]?\s*)?", "", title.casefold())
    return re.sub(r"\s+", " ", re.sub(r"[^\w&/ -]+", " ", title)).strip()


def _words_pattern(words: Iterable[str]) -> LazyPattern:
    terms = tuple(words)  # the trie is built on first use
    return lazy(lambda: whole_words(terms, space=r"[\s/-]+"), re.IGNORECASE)


def heading_matcher(words: Iterable[str]) -> LazyPattern:
    """A pattern that finds any of `words` as whole words in a (cleaned) heading."""
    return _words_pattern(words)


_SECTION_PATTERNS = {name: _words_pattern(words) for name, words in SECTION_WORDS.items()}


def has_heading(document: Item, pattern: LazyPattern | re.Pattern[str]) -> bool:
    return any(pattern.search(_clean(title)) for _, title, _ in headings(document))


def _front_matter_says_prd(front: Mapping[str, Any]) -> bool:
    values = [front.get(key) for key in ("type", "doc_type", "document_type", "kind", "title")]
    return any(isinstance(v, str) and _PRD_TITLE.search(v) for v in values)


def is_prd(document: Item) -> bool:
    """Whether the document reads as product requirements (see the module docstring)."""
    outline = headings(document)
    if len(outline) < MIN_HEADINGS:
        return False
    titles = [_clean(title) for _, title, _ in outline]
    if sum(1 for t in titles if _README.match(t)) >= 2:
        return False
    sections = [_clean(title) for level, title, _ in outline if level > 1] or titles
    present = {
        name for name, pattern in _SECTION_PATTERNS.items() if any(map(pattern.search, sections))
    }
    if _front_matter_says_prd(document.fields.get("front_matter") or {}):
        return True
    if _PRD_TITLE.search(document.title):
        # A title alone is not enough ("PRD corpus: sources"): one PRD section must be there.
        return bool(present)
    # A story list with a "Users" heading is a backlog, not a PRD: it must argue its case.
    return len(present) >= 2 and bool(present & {"goals", "problem"})


def prd_in_scope(document: Item, ctx: Context) -> bool:
    """A PRD this run should check: design records only when the rule was named in select."""
    if document.kind != "document" or not is_prd(document):
        return False
    return not in_design_document(document, ctx)


def section_pattern(name: str) -> LazyPattern:
    return _SECTION_PATTERNS[name]


def sections_under(items: Sequence[Item], pattern: LazyPattern | re.Pattern[str]) -> list[Item]:
    """Sections whose heading, or an ancestor heading, matches `pattern`."""
    return [
        item
        for item in items
        if item.kind == "section"
        and any(pattern.search(_clean(t)) for t in (*item.heading_path, item.title))
    ]


def clean_heading(title: str) -> str:
    return _clean(title)


def documents(items: Sequence[Item]) -> list[tuple[Item, list[Item]]]:
    """Each document in a batch with the items read from the same file."""
    by_path: dict[str | None, list[Item]] = {}
    for item in items:
        by_path.setdefault(item.source.path, []).append(item)
    return [(item, by_path[item.source.path]) for item in items if item.kind == "document"]


def body_text(
    items: Iterable[Item],
    fields: tuple[str, ...] = ("body", "requirement", "story", "description", "criterion"),
) -> str:
    return "\n".join(p.text for item in items for p in item.parts if p.field in fields)
