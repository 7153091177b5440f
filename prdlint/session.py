"""One run of prdlint: the engine's findings through the one filter pass."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from prdlint import filters
from prdlint.engine import Linter
from prdlint.filters import FilterSettings
from prdlint.model import Finding, Item
from prdlint.rule import Rule


def lint_items(
    linter: Linter, items: Sequence[Item], installed: Iterable[Rule] = ()
) -> list[Finding]:
    """Findings for items in memory as a run would report them: directives applied, and
    a directive naming a rule outside `installed` (default: the linter's) is invalid."""
    settings = FilterSettings.for_rules(linter.rules, linter.settings.severity)
    known = frozenset(key.casefold() for r in installed for key in (r.name, r.code))
    settings = replace(settings, known=settings.known | known)
    return filters.apply(linter.lint(items), filters.directives_of(items), settings).findings
