"""The command line: a click group that only wires commands together."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from prdlint import __version__
from prdlint.commands.check import check
from prdlint.commands.init import init_command
from prdlint.commands.jira import jira
from prdlint.commands.rules import rule_command, rules_command
from prdlint.commands.server import server_command

EXIT_INTERNAL = 3  # documented in the README: never confused with findings (1) or input (2)


class InternalError(click.ClickException):
    """prdlint's own fault (or a plugin's): its own exit code and one line, so CI never
    reads a crash as findings and no traceback reaches the log."""

    exit_code = EXIT_INTERNAL

    def show(self, file: object = None) -> None:
        from prdlint.printable import one_line

        click.echo(f"prdlint: internal error: {one_line(self.format_message())}", err=True)


class Prdlint(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click shows these itself, with their own exit codes
        except KeyboardInterrupt:
            raise click.Abort() from None
        except Exception as error:
            if os.environ.get("PRDLINT_DEBUG"):
                raise
            raise InternalError(_describe(error)) from None


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _describe(error: BaseException) -> str:
    """Type and innermost prdlint frame, never the exception's text: it may quote
    document text or a header, and a bug report needs the place more than the words."""
    frame = error.__traceback__
    where = ""
    while frame is not None:
        filename = frame.tb_frame.f_code.co_filename
        # prdlint's own package or a plugin's (prdlint_*), wherever the checkout is named
        if filename.startswith(_PACKAGE) or f"{os.sep}prdlint_" in filename:
            where = f" at {os.path.basename(filename)}:{frame.tb_lineno}"
        frame = frame.tb_next
    return (
        f"{type(error).__name__}{where}; this is a bug in prdlint or a plugin, not in the "
        "input: please report it (PRDLINT_DEBUG=1 shows the traceback)"
    )


@click.group(cls=Prdlint, context_settings={"help_option_names": ["-h", "--help"]})
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
    try:
        cli(prog_name="prdlint")
    except BrokenPipeError:  # `prdlint check docs | head`: the reader left; that is no error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the exit flush does not fail again
        sys.exit(1)
