"""missing-user-flow: a PRD that lists features but never walks through them as a user.

Counts as a flow: user stories, Given/When/Then scenarios, or a section about the user
journey, flow, scenarios, use cases or steps."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from prdlint.checks import check
from prdlint.checks._prd import documents, has_heading, heading_matcher, prd_in_scope
from prdlint.model import Hit, Item
from prdlint.rule import Context

_FLOW = heading_matcher(
    (
        "flow", "flows", "user flow", "journey", "journeys", "scenario", "scenarios", "use case",
        "use cases", "walkthrough", "walk-through", "workflow", "workflows", "user experience",
        "ux", "how it works", "steps", "user stories", "stories", "narrative", "storyboard",
        "experience", "examples", "example", "interaction", "interactions", "usage",
    )
)  # fmt: skip


def _has_flow(own: Sequence[Item]) -> bool:
    return any(
        item.kind == "story"
        or any(p.text[:6].casefold().startswith(("given", "when ")) for p in item.criteria)
        for item in own
    )


@check("missing-user-flow", scope="backlog")
def missing_user_flow(items: Sequence[Item], ctx: Context) -> Iterator[Hit]:
    for document, own in documents(items):
        if not prd_in_scope(document, ctx) or has_heading(document, _FLOW) or _has_flow(own):
            continue
        yield Hit(document.part("title"), 0, len(document.title), item=document)
