"""GitLab Code Quality report (a JSON array; `artifacts: reports: codequality:`), so findings
show in merge requests. Fingerprints are the baseline's: stable while lines move."""

from __future__ import annotations

import json
from typing import Any

from prdlint.fingerprints import fingerprints
from prdlint.formatters import FormatOptions
from prdlint.model import Finding, Report, Severity

_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    loc = finding.location
    description = finding.message
    if not loc.path and loc.url:
        description += f" ({loc.url})"
    return {
        "description": description,
        "check_name": f"{finding.code} {finding.rule}",
        "fingerprint": fingerprint,
        "severity": _SEVERITIES[finding.severity],
        "location": {
            "path": loc.path or loc.issue or finding.item.source.label,
            "lines": {"begin": max(loc.line, 1), "end": max(loc.end_line, loc.line, 1)},
        },
    }


def format_gitlab(report: Report, options: FormatOptions) -> str:
    findings = sorted(report.findings, key=lambda f: f.sort_key)
    issues = [_issue(f, fp) for f, fp in zip(findings, fingerprints(findings), strict=True)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
