"""An example prdlint plugin: the rule `story-mentions-ticket`.

What it does: flags a story or requirement that only points at a ticket ("See JIRA-123",
"As per PAY-42, implement it") without saying what anyone needs.

Why is this bad? The backlog item is where the team and the stakeholders agree on the need.
A pointer moves that conversation into a ticket that may change, be closed or be unreadable
to half the people in planning, and the item cannot be estimated or tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.model import Hit, Item, Severity
from prdlint.rule import Context, Example, Rule

TICKET = re.compile(r"\b[A-Z][A-Z0-9]{1,9}-[0-9]{1,6}\b")
# Words that only say "go and look": they carry no need of their own.
_POINTER_WORDS = frozenset(
    {
        "see", "also", "as", "per", "refer", "to", "the", "ticket", "jira", "issue", "story",
        "implement", "do", "fix", "build", "what", "says", "described", "in", "details", "for",
        "and", "please", "check", "link", "linked", "copy", "of", "from",
    }
)  # fmt: skip
MIN_OWN_WORDS = 4  # fewer words than this besides the ticket and pointer words: just a pointer


def _own_words(text: str) -> list[str]:
    without_tickets = TICKET.sub(" ", text)
    words = re.findall(r"[A-Za-z']+", without_tickets)
    return [w for w in words if w.casefold() not in _POINTER_WORDS]


def check(item: Item, ctx: Context) -> Iterator[Hit]:
    for part in item.parts_of("story", "requirement", "description"):
        ticket = TICKET.search(part.text)
        if ticket and len(_own_words(part.text)) < MIN_OWN_WORDS:
            yield Hit(part, ticket.start(), ticket.end())
            return


RULE = Rule(
    code="EXA101",
    name="story-mentions-ticket",
    summary="The story only points at a ticket instead of stating the need.",
    why=(
        "The story is where the team and stakeholders agree on the need. A pointer to a ticket "
        "moves that agreement somewhere that may change or be unreadable in planning, and the "
        "story cannot be estimated or tested on its own."
    ),
    fix=(
        "Write the need in the story itself (persona, need, value) and keep the ticket as a "
        'reference: "As a shopper, I want ... (see PAY-42)".'
    ),
    severity=Severity.WARNING,
    category="missing",
    applies_to=frozenset({"story", "requirement"}),
    message="only points at {match}; state the need here so the story stands on its own",
    check=check,
    bad=(Example("See JIRA-123."), Example("As per PAY-42, implement the ticket.")),
    good=(
        Example(
            "As a shopper, I want to reuse my last delivery address (see PAY-42), "
            "so that checkout is faster."
        ),
        Example("As a picker, I want items in aisle order, so that I walk the store once."),
    ),
    tags=("example-plugin",),
)


def load_rules() -> list[Rule]:
    """The `prdlint.rules` entry point: every rule this plugin provides."""
    return [RULE]
