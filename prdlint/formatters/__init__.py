"""Formatters turn a Report into text. Each is a pure function `(report, options) -> str`,
registered under the `prdlint.formatters` entry-point group (built-ins included), so a
plugin can add a format without touching prdlint."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from prdlint.entrypoints import entry_points
from prdlint.errors import PrdlintError
from prdlint.model import Report


@dataclass(frozen=True, slots=True)
class FormatOptions:
    color: bool = False
    show_source: bool = False  # name the pack or plugin each finding's rule came from
    statistics: bool = False  # counts per rule instead of (or after) the findings
    verbose: bool = False
    quiet: bool = False


Formatter = Callable[[Report, FormatOptions], str]

# The built-ins are also registered as entry points (for listing); loading them directly
# spares every run the scan of installed distributions.
_BUILTIN = {
    "text": "text:format_text",
    "json": "json:format_json",
    "github": "github:format_github",
    "sarif": "sarif:format_sarif",
    "junit": "junit:format_junit",
    "markdown": "markdown:format_markdown",
    "html": "html:format_html",
}


def formatter_names() -> list[str]:
    return sorted({*_BUILTIN, *(ep.name for ep in entry_points("prdlint.formatters"))})


def load_formatter(name: str) -> Formatter:
    if name in _BUILTIN:
        module, function = _BUILTIN[name].split(":")
        builtin: Formatter = getattr(importlib.import_module(f"{__name__}.{module}"), function)
        return builtin
    for ep in entry_points("prdlint.formatters"):
        if ep.name == name:
            loaded: Formatter = ep.load()
            return loaded
    known = ", ".join(formatter_names())
    raise PrdlintError(f"unknown format {name!r} (known: {known})")
