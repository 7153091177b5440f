"""Lint text in memory the way the CLI would, for exact assertions in tests."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from click.testing import Result

from prdlint.engine import Linter, LintSettings
from prdlint.model import Finding
from prdlint.readers.markdown import read_markdown
from prdlint.readers.storylist import read_story_list
from prdlint.registry import all_rules, select_rules
from prdlint.rule import Rule
from prdlint.session import lint_items

_ALL: list[Rule] = []


def rules_named(*names: str) -> list[Rule]:
    if not _ALL:
        _ALL.extend(all_rules())
    return list(select_rules(_ALL, list(names)).rules)


def lint_story(text: str, *names: str, explicit: Sequence[str] = ()) -> list[Finding]:
    rules = rules_named(*names) if names else list(select_rules(all_rules(), None).rules)
    settings = LintSettings(explicit=frozenset(explicit or names))
    items = read_story_list(text, "stories.txt")
    return lint_items(Linter(rules, settings), items, rules_named("ALL"))


def lint_markdown(text: str, *names: str, path: str = "prd.md") -> list[Finding]:
    rules = rules_named(*names) if names else list(select_rules(all_rules(), None).rules)
    linter = Linter(rules, LintSettings(explicit=frozenset(names)))
    return lint_items(linter, read_markdown(text, path), rules_named("ALL"))


def brief(findings: Sequence[Finding]) -> list[tuple[str, int, int, str]]:
    """(rule, line, column, snippet) of each finding: what tests compare."""
    return [(f.rule, f.location.line, f.location.column, f.snippet) for f in findings]


def jira_rows(result: Result) -> list[tuple[Any, ...]]:
    """A JSON report's findings as (issue, field, rule, line, snippet), for the Jira tests."""
    report = json.loads(result.stdout)
    return [
        (
            f["location"]["issue"],
            f["location"]["field"],
            f["rule"],
            f["location"]["line"],
            f["snippet"],
        )
        for f in report["findings"]
    ]
