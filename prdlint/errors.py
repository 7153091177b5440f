"""Errors that end a run with exit code 2 and one line on stderr, never a traceback."""

from __future__ import annotations

import click


class PrdlintError(click.ClickException):
    """A usage, config, input or connection problem. Exit code 2 so it never looks like
    'findings' (plain ClickException exits 1)."""

    exit_code = 2

    def show(self, file: object = None) -> None:
        from prdlint.printable import one_line

        click.echo(f"prdlint: error: {one_line(self.format_message())}", err=True)


class ConfigError(PrdlintError):
    """A broken config file or rule pack; the message names the file and key."""
