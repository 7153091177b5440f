"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every rule that ran is described in `tool.driver.rules` (docs included), every finding is
a result with a stable `partialFingerprints` entry (not line-based, so an alert survives
edits above it), file locations use relative URIs, and a Jira finding's location names the
issue (a logical location) and its browse URL (the artifact)."""

from __future__ import annotations

import json
import os
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from prdlint import __version__
from prdlint.fingerprints import fingerprints
from prdlint.formatters import FormatOptions
from prdlint.model import Finding, Report, Severity
from prdlint.rule import Rule

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "prdlint/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _project_urls() -> dict[str, str]:
    """The package's `[project.urls]`, lower-cased labels; empty when not installed."""
    try:
        entries = metadata("prdlint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return {}
    urls = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    return urls


def artifact_uri(path: str) -> str:
    """A relative, percent-encoded URI with forward slashes for a reported path."""
    pure = PurePath(path)
    if pure.is_absolute():
        try:
            pure = PurePath(os.path.relpath(pure))
        except ValueError:  # another drive on Windows: keep it absolute
            return pure.as_uri()
    return quote(pure.as_posix(), safe="/")


def _rule_descriptor(rule: Rule, docs_url: str | None) -> dict[str, Any]:
    markdown = f"**Why it matters:** {rule.why}\n\n**How to fix:** {rule.fix}"
    if rule.bad:
        markdown += f"\n\n**Bad:** {rule.bad[0].text.strip()}"
    if rule.good:
        markdown += f"\n\n**Good:** {rule.good[0].text.strip()}"
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": f"{rule.why}\n\nHow to fix: {rule.fix}", "markdown": markdown},
        "defaultConfiguration": {
            "level": _LEVELS[rule.severity] if rule.enabled_by_default else "none",
            "enabled": rule.enabled_by_default,
        },
        "properties": {"tags": list(rule.all_tags), "source": rule.source},
    }
    if docs_url and rule.source == "prdlint":
        descriptor["helpUri"] = f"{docs_url}#{rule.name}"
    return descriptor


def _item_location(finding: Finding) -> dict[str, Any]:
    item = finding.item
    return {"name": item.title or item.id, "fullyQualifiedName": item.id, "kind": item.kind}


def _location(finding: Finding) -> dict[str, Any]:
    loc = finding.location
    if loc.path:
        physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(loc.path)}}
        if loc.line > 0:
            region: dict[str, Any] = {"startLine": loc.line}
            if loc.column > 0:
                region["startColumn"] = loc.column
            if loc.end_line >= loc.line:
                region["endLine"] = loc.end_line
                if loc.end_column > 0:
                    region["endColumn"] = loc.end_column
            if finding.snippet:
                region["snippet"] = {"text": finding.snippet}
            physical["region"] = region
        return {"physicalLocation": physical, "logicalLocations": [_item_location(finding)]}
    # Jira: the issue is the logical location, its browse URL the artifact; the line is
    # inside a field of the issue, not of the web page, so it goes in properties.
    issue = loc.issue or finding.item.source.label
    logical = {"name": issue, "fullyQualifiedName": issue, "kind": "issue"}
    location: dict[str, Any] = {"logicalLocations": [logical]}
    url = loc.url or finding.item.source.url
    if url:
        location["physicalLocation"] = {"artifactLocation": {"uri": url}}
    properties: dict[str, Any] = {}
    if loc.field:
        properties["field"] = loc.field
    if loc.line > 0:
        properties["line"] = loc.line
    if properties:
        location["properties"] = properties
    return location


def _result(finding: Finding, rule_index: dict[str, int], fingerprint: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    return result


def build_sarif(report: Report) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    urls = _project_urls()
    docs_url = urls.get("documentation") or urls.get("homepage")
    rules: list[Rule] = sorted(report.rules.values(), key=lambda r: r.code)
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    findings = sorted(report.findings, key=lambda f: f.sort_key)
    driver: dict[str, Any] = {
        "name": "prdlint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule_descriptor(rule, docs_url) for rule in rules],
    }
    if urls.get("homepage"):
        driver["informationUri"] = urls["homepage"]
    invocation: dict[str, Any] = {"executionSuccessful": not report.problems}
    if report.problems:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": str(problem)}} for problem in report.problems
        ]
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": [
            _result(finding, rule_index, fingerprint)
            for finding, fingerprint in zip(findings, fingerprints(findings), strict=True)
        ],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def format_sarif(report: Report, options: FormatOptions) -> str:
    return json.dumps(build_sarif(report), indent=2, ensure_ascii=False) + "\n"
