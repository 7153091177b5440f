"""The command line: a click group that only wires commands together."""

from __future__ import annotations

import click

from prdlint import __version__
from prdlint.commands.check import check
from prdlint.commands.init import init_command
from prdlint.commands.jira import jira
from prdlint.commands.rules import rule_command, rules_command
from prdlint.commands.server import server_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="prdlint")
def cli() -> None:
    """prdlint: lint product backlogs and PRDs for stories that design the solution
    instead of stating the problem, and the other classic backlog defects."""


cli.add_command(check)
cli.add_command(jira)
cli.add_command(rule_command)
cli.add_command(rules_command)
cli.add_command(init_command)
cli.add_command(server_command)


def main() -> None:
    cli(prog_name="prdlint")
