"""The `example-csv` output format: one CSV row per finding, for spreadsheets."""

from __future__ import annotations

import csv
import io

from prdlint.formatters import FormatOptions
from prdlint.model import Report

HEADER = ("path", "issue", "line", "column", "code", "rule", "severity", "message")


def format_csv(report: Report, options: FormatOptions) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for f in report.findings:
        loc = f.location
        writer.writerow(
            (loc.path or "", loc.issue or "", loc.line, loc.column, f.code, f.rule,
             f.severity.label, f.message)
        )  # fmt: skip
    return buffer.getvalue()
