"""`prdlint jira PROJ`: lint the open epics and stories of a live Jira project or board."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Mapping
from typing import Any

import click

from prdlint.commands._common import (
    Display,
    LintArgs,
    display_options,
    emit,
    exit_code,
    lint_options,
    report_problems,
    setup_run,
)
from prdlint.engine import Linter
from prdlint.errors import ConfigError, PrdlintError
from prdlint.model import Report

JIRA_CONFIG_KEYS = ("url", "ac-field", "issue-types", "ignore-label", "timeout")
DEFAULT_TYPES = ("Epic", "Story")
# The Jira modules (and the jira library) load only when this command runs, so
# `prdlint check` in a pre-commit hook never pays for them.


def _jira_settings(table: Mapping[str, Any], label: str) -> dict[str, Any]:
    """The `jira` table of the config, checked key by key."""
    unknown = sorted(set(table) - set(JIRA_CONFIG_KEYS))
    if unknown:
        known = ", ".join(JIRA_CONFIG_KEYS)
        raise ConfigError(f"{label}: unknown key 'jira.{unknown[0]}' (known: {known})")
    for key in ("url", "ac-field", "ignore-label"):
        if key in table and not isinstance(table[key], str):
            raise ConfigError(f"{label}: key 'jira.{key}': must be a string")
    types = table.get("issue-types", list(DEFAULT_TYPES))
    if isinstance(types, str):
        types = [t.strip() for t in types.split(",")]
    if not isinstance(types, list) or not all(isinstance(t, str) and t for t in types):
        raise ConfigError(f"{label}: key 'jira.issue-types': must be a list of issue type names")
    timeout = table.get("timeout", 30)
    if (
        not isinstance(timeout, int | float)
        or isinstance(timeout, bool)
        or not math.isfinite(timeout)
        or timeout <= 0
    ):
        raise ConfigError(f"{label}: key 'jira.timeout': must be a number of seconds above 0")
    return {**table, "issue-types": types, "timeout": float(timeout)}


def _finite(value: float | None) -> float | None:
    """FloatRange lets nan (no comparison is true) and inf through; neither is a timeout."""
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number of seconds")
    return value


@click.command("jira")
@click.argument("project", required=False)
@click.option("--jql", help="Lint the issues of this JQL query instead of the project default.")
@click.option("--board", type=click.IntRange(min=1), help="Lint the issues of this board (id).")
@click.option(
    "--issue-types",
    help="Comma-separated issue types to lint (default: Epic, Story; config: jira.issue-types).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Lint at most this many issues.")
@click.option("--server", help="Jira base URL (overrides JIRA_URL and config jira.url).")
@click.option(
    "--ac-field",
    help="Name of the custom field holding acceptance criteria (default: Acceptance Criteria).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    callback=lambda _ctx, _param, value: _finite(value),
    help="Seconds to wait for Jira to answer each request (default: 30).",
)
@lint_options
@display_options
def jira(
    project: str | None,
    jql: str | None,
    board: int | None,
    issue_types: str | None,
    limit: int | None,
    server: str | None,
    ac_field: str | None,
    timeout: float | None,
    lint: LintArgs,
    display: Display,
) -> None:
    """Lint the open epics and stories of Jira project PROJECT (or --jql, or --board).

    Connection: JIRA_URL, then JIRA_EMAIL + JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT
    (Server/Data Center personal access token)."""
    if not (project or jql or board):
        raise click.UsageError("give a project key, --jql QUERY or --board ID")
    from prdlint.jira_live import JiraSession, Query, credentials_from_env, fetch_items
    from prdlint.readers.jira_issues import DEFAULT_AC_FIELD, DEFAULT_IGNORE_LABEL

    run = setup_run(lint)
    settings = _jira_settings(run.config.jira, str(run.config.path or "config"))
    types = settings["issue-types"]
    if issue_types:
        types = [t.strip() for t in issue_types.split(",") if t.strip()]
        if not types:
            raise PrdlintError("--issue-types: give at least one issue type name")
    query = Query(
        project=project,
        jql=jql,
        board=board,
        issue_types=tuple(types),
        limit=limit,
        ac_field=ac_field or settings.get("ac-field", DEFAULT_AC_FIELD),
        ignore_label=settings.get("ignore-label", DEFAULT_IGNORE_LABEL),
    )
    credentials = credentials_from_env(os.environ, server or settings.get("url"))
    session = JiraSession(
        credentials, timeout=timeout or settings["timeout"], progress=sys.stderr.isatty()
    ).open()
    rules = run.selection.rules
    # Pages stream through the rules: neither raw pages nor whole issues are kept.
    linter = Linter(rules, run.settings)
    findings, refs = linter.lint_stream(fetch_items(session, query))
    report = Report(findings, refs, 0, {r.name: r for r in rules}, notices=linter.left_out)
    options = display.options(lint.output)
    emit(report, lint.output_format, lint.output, options)
    report_problems(report)
    sys.exit(exit_code(report, run.config.fail_on))
