"""invalid-suppression and unused-suppression: the filter pass (prdlint/filters.py) reports
them while it applies a document's directives, because only it sees every finding. This
check is their registered no-op, so the rules are selected and documented like any other."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.checks import check
from prdlint.model import Hit, Item
from prdlint.rule import Context


@check("suppression-directives")
def suppression_directives(item: Item, ctx: Context) -> Iterator[Hit]:
    return iter(())
