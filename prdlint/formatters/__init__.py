"""Formatters turn a Report into text. Each is a pure function `(report, options) -> str`,
registered under the `prdlint.formatters` entry-point group (built-ins included), so a
plugin can add a format without touching prdlint."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points

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


def formatter_names() -> list[str]:
    return sorted({ep.name for ep in entry_points(group="prdlint.formatters")})


def load_formatter(name: str) -> Formatter:
    for ep in entry_points(group="prdlint.formatters"):
        if ep.name == name:
            loaded: Formatter = ep.load()
            return loaded
    known = ", ".join(formatter_names())
    raise PrdlintError(f"unknown format {name!r} (known: {known})")
