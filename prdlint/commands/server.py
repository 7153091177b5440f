"""`prdlint server`: the language server over stdio (pygls is imported only here)."""

from __future__ import annotations

import click

from prdlint.errors import PrdlintError


@click.command("server")
def server_command() -> None:
    """Run the language server on stdin/stdout (for editors; see the README)."""
    try:
        from prdlint.lsp.server import serve
    except ImportError as error:
        raise PrdlintError(
            f"the language server needs pygls ({error.name} is missing): "
            "pip install 'prdlint[server]'"
        ) from None
    serve()
