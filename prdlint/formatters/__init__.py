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


@dataclass(frozen=True, slots=True)
class BuiltinFormat:
    name: str
    target: str  # "module:function" in prdlint.formatters
    utf8: bool = False  # the document declares UTF-8 (written as UTF-8 whatever the terminal)


# The one table of built-in formats, in the order `--format` help lists them. The entry
# points in pyproject.toml (for listing) must match it (tests/test_formats.py); loading
# from here spares every run the scan of installed distributions.
BUILTIN_FORMATS = (
    BuiltinFormat("text", "text:format_text"),
    BuiltinFormat("json", "json:format_json", utf8=True),
    BuiltinFormat("github", "github:format_github"),
    BuiltinFormat("sarif", "sarif:format_sarif", utf8=True),
    BuiltinFormat("junit", "junit:format_junit", utf8=True),
    BuiltinFormat("markdown", "markdown:format_markdown"),
    BuiltinFormat("gitlab", "gitlab:format_gitlab", utf8=True),
    BuiltinFormat("html", "html:format_html", utf8=True),
)
_BUILTIN = {f.name: f.target for f in BUILTIN_FORMATS}
UTF8_FORMATS = frozenset(f.name for f in BUILTIN_FORMATS if f.utf8)


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
