"""`prdlint jira PROJ`: lint the open epics and stories of a live Jira project or board."""

from __future__ import annotations

import math
import os
import sys

import click

from prdlint.commands._common import (
    Display,
    LintArgs,
    ReportArgs,
    display_options,
    finish,
    lint_options,
    report_options,
    setup_run,
)
from prdlint.errors import PrdlintError

# The Jira modules (and the jira library) load only when this command runs, so
# `prdlint check` in a pre-commit hook never pays for them.


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
@report_options
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
    reporting: ReportArgs,
) -> None:
    """Lint the open epics and stories of Jira project PROJECT (or --jql, or --board).

    Connection: JIRA_URL, then JIRA_EMAIL + JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT
    (Server/Data Center personal access token)."""
    if not (project or jql or board):
        raise click.UsageError("give a project key, --jql QUERY or --board ID")
    from prdlint.jira_live import JiraSession, Query, credentials_from_env, fetch_items

    run = setup_run(lint)
    filters = run.filters(reporting.baseline())  # a bad baseline stops before connecting
    settings = run.config.jira
    types = list(settings.issue_types)
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
        ac_field=ac_field or settings.ac_field,
        ignore_label=settings.ignore_label,
    )
    credentials = credentials_from_env(os.environ, server or settings.url)
    session = JiraSession(
        credentials, timeout=timeout or settings.timeout, progress=sys.stderr.isatty()
    ).open()
    # Pages stream through the rules: neither raw pages nor whole issues are kept.
    outcome = run.lint_stream(fetch_items(session, query), filters)
    finish(run, outcome, lint, display, reporting)
