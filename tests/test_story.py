"""The story grammar: role, means and ends of the template and its common variants."""

from __future__ import annotations

import pytest

from prdlint.story import actor_role, looks_like_story, parse_story, reason_in

CASES = [
    (
        "As a shopper, I want to save my card, so that I pay faster.",
        ("shopper", "to save my card", "I pay faster", "as-a/i-want/so-that"),
    ),
    (
        "As an admin, I'd like to export users in order to audit access.",
        ("admin", "to export users", "audit access", "as-a/i-like/in-order"),
    ),
    (
        "In order to plan my week, as a nurse, I want to see my shifts.",
        ("nurse", "to see my shifts", "plan my week", "as-a/i-want/in-order"),
    ),
    (
        "To retrieve info about channels As an API user I want an endpoint for channels",
        ("API user", "an endpoint for channels", "retrieve info about channels", "as-a/i-want/in-order"),
    ),
    (
        "As a landlord, So that I can choose the guest, I want to see all requests.",
        ("landlord", "to see all requests", "So that I can choose the guest", "as-a/i-want/so-that-first"),
    ),
    (
        "As the NSS president In order to keep profiles current I want to change a status",
        ("NSS president", "to change a status", "In order to keep profiles current", "as-a/i-want/so-that-first"),
    ),
    (
        "If I were a teacher, I'd like to know who has not submitted, so that I can remind them.",
        ("teacher", "to know who has not submitted", "I can remind them", "as-a/i-like/so-that"),
    ),
    (
        "As a dieter, I want a weekly list of foods to eat to follow the Mind Diet.",
        ("dieter", "a weekly list of foods to eat", "the Mind Diet", "as-a/i-want/to"),
    ),
    (
        "As a user, I can copy a template to create my own plan.",
        ("user", "copy a template", "my own plan", "as-a/i-can/to"),
    ),
    (
        "US-12: As a member, I should be able to reset my password because I forget it.",
        ("member", "reset my password", "I forget it", "as-a/i-should/because"),
    ),
    (
        "I want to export my invoices so that I can file taxes.",
        ("", "to export my invoices", "I can file taxes", "i-want/so-that"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "parts"), CASES, ids=[c[1][3] + str(i) for i, c in enumerate(CASES)]
)
def test_parse_story_parts(text: str, parts: tuple[str, str, str, str]) -> None:
    story = parse_story(text)
    assert story is not None
    assert (story.role_text, story.means_text, story.ends_text, story.template) == parts


@pytest.mark.parametrize(
    "text",
    [
        "As a site visitor, I want to be able to learn about scrum.",  # "able to" is the request
        "As a user, I want the system to notify me when a report is ready.",  # object + infinitive
        "As an older person, I want to use the assistant to do my shopping.",  # use X to ...
        "As a user, I want to log in and to see my orders.",
    ],
)
def test_an_infinitive_that_completes_the_request_is_not_a_reason(text: str) -> None:
    story = parse_story(text)
    assert story is not None
    assert story.ends is None


def test_no_means_is_no_story() -> None:
    assert parse_story("The checkout page lists saved cards.") is None


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("As a shopper, I want to pay by card, so that I can check out.", True),
        ("As a matter of fact, we have a lot of special handling here.", False),
        ("As part of this milestone, we will set up CI.", False),
        ("Users can pay by card.", False),
    ],
)
def test_looks_like_story(text: str, verdict: bool) -> None:
    assert looks_like_story(text) is verdict


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Volunteers should be able to sign up to a shift", "Volunteers"),
        ("The system shall send reminders.", None),
        ("the new tables needs to have more columns", None),
    ],
)
def test_actor_role(text: str, role: str | None) -> None:
    assert actor_role(text) == role


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Since QdbS supports PostgreSQL, we need a way to migrate.", True),
        ("Perhaps we show empty boxes. Otherwise it is hard to see who did not submit.", True),
        ("This would be nice to have and would save time.", True),
        ("Add order sorting by total amount", False),
        ("Price alerts/notifications", False),
    ],
)
def test_reason_in_free_text(text: str, verdict: bool) -> None:
    assert reason_in(text) is verdict
