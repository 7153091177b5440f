"""Baselines: adopt prdlint on an existing backlog without fixing everything first.

`--write-baseline FILE` records today's findings; `--baseline FILE` then reports only
findings that are not in it. Entries are keyed by fingerprints (prdlint/fingerprints.py:
rule + source + item + matched text, never a line number), so moving text around does not
make old findings new. The file is pretty, sorted JSON so that a change to it reads well in
a code review: one entry per finding, with the words a reviewer needs to recognise it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from prdlint.boundedio import read_regular_file
from prdlint.errors import PrdlintError
from prdlint.fingerprints import fingerprints
from prdlint.model import Finding, Report

FORMAT_VERSION = 1


def _entry(finding: Finding, fingerprint: str) -> dict[str, Any]:
    item = finding.item
    return {
        "fingerprint": fingerprint,
        "rule": finding.rule,
        "code": finding.code,
        "source": item.source.path or item.source.issue or "",
        "item": item.title,
        "match": finding.snippet,
    }


def baseline_text(report: Report) -> str:
    """The baseline file's content for the report's findings."""
    findings = sorted(report.findings, key=lambda f: f.sort_key)
    entries = [_entry(f, fp) for f, fp in zip(findings, fingerprints(findings), strict=True)]
    entries.sort(key=lambda e: (e["source"], e["rule"], e["item"], e["match"], e["fingerprint"]))
    document = {"prdlint-baseline": FORMAT_VERSION, "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_baseline(report: Report, path: Path) -> None:
    try:
        path.write_text(baseline_text(report), encoding="utf-8")
    except OSError as error:
        raise PrdlintError(f"{path}: cannot write baseline: {error.strerror}") from None


def load_baseline(path: Path) -> frozenset[str]:
    """The fingerprints recorded in a baseline file; PrdlintError naming the file otherwise."""
    try:
        text = read_regular_file(path).decode("utf-8")
    except FileNotFoundError:
        raise PrdlintError(
            f"{path}: baseline not found (create it with --write-baseline {path})"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise PrdlintError(f"{path}: cannot read baseline: {reason}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise PrdlintError(
            f"{path}:{error.lineno}: baseline is not valid JSON ({error.msg})"
        ) from None
    if not isinstance(document, dict) or document.get("prdlint-baseline") != FORMAT_VERSION:
        raise PrdlintError(f"{path}: not a prdlint baseline (version {FORMAT_VERSION} expected)")
    entries = document.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise PrdlintError(f"{path}: key 'findings' must be a list of entries with a fingerprint")
    return frozenset(e["fingerprint"] for e in entries)


def unrecorded(findings: Iterable[Finding], known: frozenset[str]) -> list[Finding]:
    """The findings whose fingerprints the baseline does not hold, sorted (fingerprints
    number repeats in that order)."""
    ordered = sorted(findings, key=lambda f: f.sort_key)
    return [f for f, fp in zip(ordered, fingerprints(ordered), strict=True) if fp not in known]


def new_findings(report: Report, known: frozenset[str]) -> Report:
    """The report with only the findings whose fingerprints the baseline does not hold."""
    return replace(report, findings=unrecorded(report.findings, known))
