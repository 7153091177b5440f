"""database-detail (PRD102): schema work in plain words, exact findings."""

from __future__ import annotations

import pytest

from tests.helpers import brief, lint_markdown, lint_story

MESSAGE = "dictates the data model ({}); say what the user needs to see or do"


@pytest.mark.parametrize(
    ("text", "column", "snippet"),
    [
        ("Add a discount column to the orders table", 1, "Add a discount column"),
        ("New fields shipDate and carrier on shipments", 1, "New fields"),
        ("We need a properly normalised invoices table.", 20, "normalised invoices table"),
        (
            "The system shall keep, for each order: number (unique key), total (decimal).",
            40,
            "number (unique key)",
        ),
        ("Add a priority field to tickets so support can triage", 1, "Add a priority field"),
        ("Create a table for products and one for categories", 1, "Create a table"),
        ("Users table must have columns: id, name, email", 1, "Users table must have columns"),
        ("The price column should be stored as a decimal", 11, "column"),
        ("Add an index on orders.created_at", 1, "Add an index"),
        ("Add a migration that creates the audit log table", 1, "Add a migration"),
        ("Each shipment record gets new fields trackingNumber and eta", 27, "new fields"),
    ],
)
def test_schema_work_in_plain_words(text: str, column: int, snippet: str) -> None:
    findings = lint_story(text, "database-detail")
    assert brief(findings) == [("database-detail", 1, column, snippet)]
    assert findings[0].message == MESSAGE.format(snippet)


@pytest.mark.parametrize(
    "text",
    [
        "As a customer, I want to see my order history, so that I can reorder quickly.",
        "As a grant officer, I want to see the grant amount so that I can approve it.",
        "As a user, I want to add a column to my board, so that I can sort cards by stage.",
        "As a user, I want a form field I can fill in with my phone number.",
        "As an organiser, I want to add custom fields to the registration form.",
        "As a data user, I want to access two additional fields from the FPDS data pull.",
        "As a diner, I want to book a table for four.",
        "As a manager, I want to add tables to the floor plan.",
        "Add a results table to the page",
        "Field staff need to add new visits offline.",
        "As a publisher, I want to define a schema for my dataset.",
        "As a student, I want to drop a class before the deadline.",
        "As an admin, I want to update the pricing model for annual plans.",
        "As a cashier, I want a new column for tips on the receipt",
        "Migrate customers to the new plan",
    ],
)
def test_business_data_and_screens_are_not_schema_work(text: str) -> None:
    assert lint_story(text, "database-detail") == []


def test_one_finding_per_line_in_a_field_list() -> None:
    text = (
        "# Orders\n\n## Requirements\n\n"
        "- The system shall keep, for each order: number (unique key), total (decimal).\n"
        "- Add a discount column to the orders table and a new index on orders.placed_at.\n"
    )
    assert brief(lint_markdown(text, "database-detail")) == [
        ("database-detail", 5, 42, "number (unique key)"),
        ("database-detail", 6, 3, "Add a discount column"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Keep events in ClickHouse so analysts can query them", [(16, "ClickHouse")]),
        ("Load the warehouse in Snowflake nightly", [(23, "Snowflake")]),
        ("As a skier, I want to see a snowflake when snow is forecast.", []),
        ("As a developer, I want a ClickHouse connector, so that I can read my events.", []),
    ],
)
def test_database_products_as_storage_choices(text: str, expected: list[tuple[int, str]]) -> None:
    found = [
        (column, snippet) for _, _, column, snippet in brief(lint_story(text, "database-detail"))
    ]
    assert found == expected
