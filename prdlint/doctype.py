"""Is this markdown document a design record (RFC, ADR, KEP, technical design) or a PRD?

One decider for every rule: the markdown reader asks it once per document and puts the answer
on every item (`fields["document_type"]`); the solution rules and the document rules read that
field and nothing else, so a file under `docs/rfcs/` is a design record for all of them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any

from prdlint.lazypattern import lazy

DESIGN_DOCUMENTS = frozenset({"adr", "kep", "rfc", "design"})

_DOC_TYPES = (
    ("adr", lazy(r"\bADR\b|architecture\s+decision", re.I)),
    ("kep", lazy(r"\bKEP\b|enhancement\s+proposal", re.I)),
    ("rfc", lazy(r"\bRFC\b|request\s+for\s+comments", re.I)),
    ("design", lazy(r"design\s+doc|technical\s+design|tech\s+spec|architecture", re.I)),
)
_FRONT_MATTER_KEYS = ("type", "doc_type", "document_type", "kind", "category")
_RFC_PREAMBLE = lazy(r"^\W*RFC\s+(?:PR|number|id)\b", re.IGNORECASE | re.MULTILINE)
# A title that names requirements keeps the document a PRD whatever its sections are called.
_REQUIREMENTS_TITLE = lazy(r"\bPRD\b|requirements|user\s+stor|backlog", re.IGNORECASE)
# Folders that hold design records by convention: docs/rfcs/, adr/, keps/, design/, decisions/.
_DESIGN_FOLDER = lazy(r"^(?:rfcs?|adrs?|keps?|design|designs|decisions?)$", re.IGNORECASE)
# File names that say so: rfc-017-buckets.md, 0001-adr-carts.md, kep-1440.md.
_FILE_NAME_TYPE = lazy(r"(?:^|[\W_])(rfc|adr|kep)s?(?:$|[\W_\d])", re.IGNORECASE)
# Section outlines of design records (level 1-2 headings, lower case, no trailing colon).
_ADR_SECTIONS = frozenset({"status", "context", "decision"})
_RFC_SECTIONS = (
    frozenset({"motivation", "detailed design"}),
    frozenset({"motivation", "design details"}),
    frozenset({"detailed design", "drawbacks", "alternatives"}),
    frozenset({"design details", "graduation criteria"}),
)
_DESIGN_SECTIONS = frozenset({"design", "detailed design", "design proposal", "technical design"})


def document_type(
    title: str,
    front_matter: Mapping[str, Any],
    sections: Sequence[str] = (),
    preamble: str = "",
    path: str = "",
) -> str | None:
    """ "rfc", "adr", "kep" or "design" for a design record, None for a PRD or backlog.

    Read, first answer wins: the front matter's type, the title, RFC metadata lines at the
    top ("RFC PR: ..."), the folder the file is in, its name (rfc-017.md), a title that
    names requirements (a PRD), then the shape of its sections (`sections`: the level 1-2
    heading titles)."""
    for key in _FRONT_MATTER_KEYS:
        value = front_matter.get(key)
        if isinstance(value, str):
            for name, pattern in _DOC_TYPES:
                if pattern.search(value):
                    return name
    for name, pattern in _DOC_TYPES:
        if pattern.search(title):
            return name
    if _RFC_PREAMBLE.search(preamble):
        return "rfc"
    # the two nearest folders only: a checkout under ~/design/ holds PRDs too
    if any(_DESIGN_FOLDER.match(folder) for folder in PurePosixPath(path).parts[-3:-1]):
        return "design"
    named = _FILE_NAME_TYPE.search(PurePosixPath(path).stem)
    if named:
        return named.group(1).casefold().rstrip("s")
    if _REQUIREMENTS_TITLE.search(title):
        return None  # a PRD with a "Design" section is still a PRD
    return _by_sections({_section_name(section) for section in sections})


def _section_name(title: str) -> str:
    """ "2. Detailed Design:" -> "detailed design"."""
    title = re.sub(r"^[\W\d_]*(?:\d+(?:\.\d+)*[.)]?\s*)?", "", title.casefold())
    title = re.sub(r"\([^)]*\)", "", title)  # "Design proposal (Step 2)"
    return re.sub(r"\s+", " ", title).strip().rstrip(":").strip()


def _by_sections(names: set[str]) -> str | None:
    if names >= _ADR_SECTIONS:
        return "adr"
    if any(signature <= names for signature in _RFC_SECTIONS):
        return "rfc"
    if names & _DESIGN_SECTIONS:
        return "design"
    return None
