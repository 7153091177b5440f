"""JUnit XML for CI test-report readers (GitLab, Jenkins, Azure, CircleCI...).

One test suite per source (a file, or a Jira project), one test case per linted item; an
item with findings fails, and its single `<failure>` lists every finding. Inputs that
could not be read become test cases with an `<error>`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from prdlint.formatters import FormatOptions
from prdlint.model import Finding, InputProblem, ItemRef, Report

_ItemKey = tuple[str, str]
# Characters XML 1.0 cannot carry at all, even escaped (control bytes from odd inputs).
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _key(item: ItemRef) -> _ItemKey:
    return (item.source.label, item.id)


def _suite_name(item: ItemRef) -> str:
    if item.source.path:
        return item.source.path
    issue = item.source.issue or ""
    return issue.rsplit("-", 1)[0] if "-" in issue else item.source.label


def _case_name(item: ItemRef) -> str:
    # File item ids carry line numbers; keep test names stable for CI history: kind + title.
    if item.source.path:
        return f"{item.kind}: {item.title}"
    return f"{item.kind} {item.id}: {item.title}"


def _finding_line(finding: Finding) -> str:
    loc = finding.location
    where = loc.path or loc.issue or ""
    if loc.field:
        where += f" [{loc.field}]"
    position = f"{loc.line}:{loc.column}" if loc.line > 0 else ""
    head = f"{where}:{position}" if position else where
    return f"{head}: {finding.code} {finding.rule} [{finding.severity.label}] {finding.message}"


def _testcase(suite: ET.Element, item: ItemRef, findings: list[Finding]) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        {
            "classname": _clean(_suite_name(item)),
            "name": _clean(_case_name(item)),
        },
    )
    if item.source.path:
        case.set("file", item.source.path)
        if item.line > 0:
            case.set("line", str(item.line))
    if findings:
        rules = sorted({f.rule for f in findings})
        noun = "finding" if len(findings) == 1 else "findings"
        failure = ET.SubElement(
            case,
            "failure",
            {"message": f"{len(findings)} {noun}: {', '.join(rules)}", "type": "prdlint"},
        )
        failure.text = _clean("\n".join(_finding_line(f) for f in findings))


def _problem_suite(root: ET.Element, problems: Iterable[InputProblem]) -> tuple[int, int]:
    problems = list(problems)
    if not problems:
        return (0, 0)
    suite = ET.SubElement(root, "testsuite", {"name": "prdlint inputs"})
    for problem in problems:
        case = ET.SubElement(
            suite, "testcase", {"classname": "prdlint", "name": _clean(problem.where)}
        )
        ET.SubElement(case, "error", {"message": _clean(problem.message), "type": "input"})
    _set_counts(suite, tests=len(problems), failures=0, errors=len(problems))
    return (len(problems), len(problems))


def _set_counts(element: ET.Element, tests: int, failures: int, errors: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", str(errors))
    element.set("skipped", "0")


def format_junit(report: Report, options: FormatOptions) -> str:
    by_item: dict[_ItemKey, list[Finding]] = {}
    items: dict[_ItemKey, ItemRef] = {_key(item): item for item in report.items}
    for finding in sorted(report.findings, key=lambda f: f.sort_key):
        by_item.setdefault(_key(finding.item), []).append(finding)
        items.setdefault(_key(finding.item), finding.item)  # backlog-wide findings too

    suites: dict[str, list[ItemRef]] = {}
    for item in items.values():
        suites.setdefault(_suite_name(item), []).append(item)

    root = ET.Element("testsuites", {"name": "prdlint"})
    total_tests = total_failures = 0
    for name in sorted(suites):
        suite = ET.SubElement(root, "testsuite", {"name": _clean(name)})
        members = sorted(suites[name], key=lambda i: (i.line, i.id))
        failures = 0
        for item in members:
            findings = by_item.get(_key(item), [])
            failures += bool(findings)
            _testcase(suite, item, findings)
        _set_counts(suite, tests=len(members), failures=failures, errors=0)
        total_tests += len(members)
        total_failures += failures
    problem_tests, problem_errors = _problem_suite(root, report.problems)
    _set_counts(
        root, tests=total_tests + problem_tests, failures=total_failures, errors=problem_errors
    )
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"
