"""The JSON report: one object with findings and a summary (schema in the README)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from prdlint import __version__
from prdlint.formatters import FormatOptions
from prdlint.model import Finding, Report


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "code": finding.code,
        "severity": finding.severity.label,
        "message": finding.message,
        "location": asdict(finding.location),
        "item": {"id": finding.item.id, "kind": finding.item.kind, "title": finding.item.title},
        "snippet": finding.snippet,
    }


def report_json(report: Report) -> dict[str, Any]:
    return {
        "version": __version__,
        "findings": [finding_json(f) for f in report.findings],
        "errors": [{"where": p.where, "message": p.message} for p in report.problems],
        "notices": [{"where": n.where, "message": n.message} for n in report.notices],
        "summary": {
            "files": report.files,
            "items": len(report.items),
            "findings": len(report.findings),
            "by_rule": report.by_rule(),
        },
    }


def format_json(report: Report, options: FormatOptions) -> str:
    return json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n"
