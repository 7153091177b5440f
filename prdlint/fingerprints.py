"""Stable finding fingerprints, shared by the baseline and the SARIF report.

A fingerprint is built from what a reviewer would call "the same problem": the rule, the
source (file path or Jira key), the item (its kind and title) and the matched text, never
a line or column, so it survives lines moving. Two identical problems in one item are told
apart by their order (`#2`, `#3`...), which is stable while they stay in the same order."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from prdlint.model import Finding

_SPACE = re.compile(r"\s+")


def _normalise(text: str) -> str:
    """Whitespace and case do not make a problem new (re-wrapping a paragraph moves it)."""
    return _SPACE.sub(" ", text).strip().casefold()


def identity(finding: Finding) -> str:
    """The human-readable key a fingerprint hashes (kept for debugging and tests)."""
    item = finding.item
    source = item.source.path or item.source.issue or ""
    parts = (finding.rule, source, item.kind, _normalise(item.title), _normalise(finding.snippet))
    return "\x1f".join(parts)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One fingerprint per finding, in order; repeats of one identity get `#n` suffixes."""
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        digest = _digest(identity(finding))
        seen[digest] = seen.get(digest, 0) + 1
        count = seen[digest]
        result.append(digest if count == 1 else f"{digest}#{count}")
    return result
