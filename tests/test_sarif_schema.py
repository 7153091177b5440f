"""prdlint's SARIF output is valid against the official SARIF 2.1.0 schema."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from _ci_report import DB, RULES, sample_report

from prdlint.formatters import FormatOptions
from prdlint.formatters.sarif import format_sarif
from prdlint.model import InputProblem, Location, Report

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def _errors(validator: jsonschema.Draft4Validator, log: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def test_sample_report_is_valid(validator: jsonschema.Draft4Validator) -> None:
    log = json.loads(format_sarif(sample_report(), FormatOptions()))
    assert _errors(validator, log) == []
    assert len(log["runs"][0]["results"]) == 3


def test_empty_report_with_input_problems_is_valid(validator: jsonschema.Draft4Validator) -> None:
    report = Report([], [], 0, {}, problems=[InputProblem("docs/bin.md", "binary file")])
    log = json.loads(format_sarif(report, FormatOptions()))
    assert _errors(validator, log) == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_odd_paths_and_unknown_lines_are_valid(validator: jsonschema.Draft4Validator) -> None:
    odd = replace(DB, location=Location("docs/my prd #1.md", 0, 0, 0, 0))
    log = json.loads(format_sarif(Report([odd], [odd.item], 1, RULES), FormatOptions()))
    assert _errors(validator, log) == []
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "docs/my%20prd%20%231.md"}}


def test_schema_rejects_a_broken_log(validator: jsonschema.Draft4Validator) -> None:
    """The validation can fail: a result whose level is not a SARIF level is rejected."""
    log = json.loads(format_sarif(sample_report(), FormatOptions()))
    log["runs"][0]["results"][0]["level"] = "info"
    assert _errors(validator, log) != []
