"""missing-acceptance-criteria: a story or epic with no way to tell when it is done."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.checks import check
from prdlint.model import Hit, Item
from prdlint.rule import Context


@check("missing-acceptance-criteria")
def missing_acceptance_criteria(item: Item, ctx: Context) -> Iterator[Hit]:
    if item.fields.get("one_line") and not ctx.explicitly_selected:
        return  # one-line story lists carry no criteria by design
    if item.criteria:
        return
    if item.kind == "epic" and any(child.criteria for child in ctx.children_of(item)):
        return  # an epic whose stories carry criteria is covered
    part = item.part("story") or item.part("title")
    if part is not None:
        yield Hit(part, 0, min(len(part.text), 60))
    else:
        yield Hit()
