"""technical-task (PRD104): team chores written as stories, exact findings."""

from __future__ import annotations

import pytest

from tests.helpers import brief, lint_markdown, lint_story

MESSAGE = (
    "is a technical task ({}), not a user story; track it as a task or tie it to a user outcome"
)


def test_nested_task_bullets_under_a_topic_are_items_of_their_own() -> None:
    text = (
        "# Backlog\n"
        "- Database solution\n"
        "  - Design schema\n"
        "  - Create database tables\n"
        "  - Let members export their reading list\n"
        "- Front End\n"
        "  - Mobile support\n"
    )
    findings = lint_markdown(text, "technical-task")
    # The reader makes each nested entry an item, so the chores are flagged, not their topic.
    assert brief(findings) == [
        ("technical-task", 3, 5, "Design schema"),
        ("technical-task", 4, 5, "Create database tables"),
    ]
    assert findings[0].message == MESSAGE.format("Design schema")


def test_a_topic_with_one_chore_among_its_tasks_stays_a_topic() -> None:
    text = (
        "# Backlog\n"
        "- Checkout\n"
        "  - Let shoppers pay with a voucher\n"
        "  - Let shoppers split a payment\n"
        "  - Determine interface between DB and payment service\n"
    )
    assert brief(lint_markdown(text, "technical-task")) == [
        ("technical-task", 5, 5, "Determine interface between DB"),
    ]


def test_criteria_of_a_real_story_are_not_tasks() -> None:
    text = (
        "# Backlog\n"
        "- As a member, I want to export my reading list, so that I can share it.\n"
        "  - Create a CSV with one row per book\n"
    )
    assert lint_markdown(text, "technical-task") == []


def test_a_chore_nested_under_a_sentence_is_a_task_of_its_own() -> None:
    text = (
        "# Backlog\n"
        "- Members can export their reading list as a file they keep\n"
        "  - Create database tables\n"
    )
    assert brief(lint_markdown(text, "technical-task")) == [
        ("technical-task", 3, 5, "Create database tables"),
    ]


def test_reason_served_by_two_parts_of_the_system() -> None:
    text = (
        "As a developer, I want all frontend-backend communication to use API calls, "
        "so that the frontend and backend remain properly decoupled."
    )
    assert brief(lint_story(text, "technical-task")) == [
        ("technical-task", 1, 24, "all frontend-backend communication to use API calls"),
    ]


def test_a_person_served_by_the_backend_is_not_a_chore() -> None:
    text = "As a shopper, I want my basket saved, so that the backend and I agree on the total."
    assert lint_story(text, "technical-task") == []


@pytest.mark.parametrize(
    ("text", "column", "snippet"),
    [
        ("db migration", 1, "db migration"),
        ("logger", 1, "logger"),
        ("unit/int testing", 1, "unit/int testing"),
        ("deployment to cloud", 1, "deployment to cloud"),
        ("git actions", 1, "git actions"),
        (
            "Create backend/prometheus.yml configuration file for metrics scraping",
            1,
            "Create backend/prometheus.yml configuration file",
        ),
        ("Create backend/.env.example with all variables", 1, "Create backend/.env.example"),
        ("Document testing strategy in README", 1, "Document testing strategy"),
        (
            "As a developer, I want comprehensive automated tests for core business logic, "
            "so that I can refactor safely.",
            24,
            "comprehensive automated tests",
        ),
    ],
)
def test_chores_named_bare_or_with_a_file(text: str, column: int, snippet: str) -> None:
    assert brief(lint_story(text, "technical-task")) == [("technical-task", 1, column, snippet)]


@pytest.mark.parametrize(
    "text",
    [
        "As a member, I want comprehensive reading statistics, so that I see my progress.",
        "Deployment to the field team's tablets before the season starts",
        "As a shopper, I want my receipts as a PDF, so that I can file them.",
    ],
)
def test_user_asks_are_not_chores(text: str) -> None:
    assert lint_story(text, "technical-task") == []
