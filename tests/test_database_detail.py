"""database-detail (PRD102): schema work in plain words, exact findings."""

from __future__ import annotations

import pytest

from prdlint.readers.markdown import read_markdown
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
        ("Each product has a SKU (varchar 32, unique)", 20, "SKU (varchar 32, unique)"),
        ("The Customer entity gets a loyaltyTier attribute", 14, "entity"),
        ("Store prices as integers in cents", 1, "Store prices as integers"),
        ("Orders keep cancelled_at timestamp for refunds", 13, "cancelled_at timestamp"),
        (
            "We need a many-to-many relationship between students and courses",
            11,
            "many-to-many relationship",
        ),
        ("Add a uniqueness constraint on email", 7, "uniqueness constraint"),
        ("Put the settings in a JSON column", 28, "column"),
        ("Index the email column", 1, "Index the email column"),
        ("Partition the events table by month", 1, "Partition the events table"),
        ("Add an enum for order status", 1, "Add an enum"),
        ("Add Status Entity", 1, "Add Status Entity"),
        ("Save preferences in database", 18, "in database"),
        ("Move data to an online database so it is on both devices", 11, "to an online database"),
        ("Create Order model", 1, "Create Order model"),
        ("The status entity needs to be built with the following fields", 12, "entity"),
        ("CRUD for the new entity OccurrenceStatus", 14, "new entity"),
        ("Add a column to store the status of each storage", 1, "Add a column"),
        ("New column (DDL)", 13, "DDL"),
        ("Design schema", 1, "Design schema"),
        ("Schema definition for users", 1, "Schema"),
        ("connect database with the local express server", 1, "connect database"),
        (
            "Rename internal history fields from history_fieldname to version_fieldname",
            1,
            "Rename internal history fields",
        ),
        (
            "Friendship - Add new attributes: `Friends`, `Requests`, and `Requested`",
            18,
            "new attributes",
        ),
        (
            "Record for each visit: patient (foreign key), started (timestamp), notes (text)",
            24,
            "patient (foreign key)",
        ),
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
        "Allow the user to rename the requests table column names",
        "The legal entity must be shown on the invoice",
        "Create Pricing Model",
        "Add a tip about setting the state of a single entity",
        "As a user, I want a field to store my notes in my profile.",
        "As a researcher, I want to add a column to my exported CSV.",
        "As a farmer, I want to add a field to the farm.",
        "As a host, I want to create a table plan for the wedding.",
        "As an analyst, I want to add a calculated field to my pivot table.",
        "As an admin, I want to add custom attributes to products so that merchants can describe them.",
        "As a data steward, I want to rename a column in the dataset.",
        "As a patient, I want a reminder (text) before my appointment.",
        "As a user, I want to download my data (JSON) so that I can move it.",
        "As a mentor, I want one-to-one meetings with my mentee.",
        "As a teacher, I want my students' grades normalised to a 100-point scale.",
        "As a developer, I want a jQuery plugin for Core Data Packages, so that forms autocomplete.",
        "On the product page, add new attributes: `colour` and `size`.",
        "As a publisher, I want to design a schema for my dataset.",
        "As a publisher, I want schema changes in my dataset to be announced.",
        "As a developer, I want to pin versions so that DataPackage schema changes break nothing.",
        "As a designer, I want to design a table layout for the menu.",
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


# -- code blocks -----------------------------------------------------------------------------

CODE_PRD = """# Orders

## Data

The orders need this:

```sql
CREATE TABLE orders (
  id serial PRIMARY KEY,
  total decimal(10, 2)
);
```

- As an admin, I want to see late orders, so that I can chase them.

      id        int
      placed_at timestamp

## Other

```python
print("the orders table is ready")
```

```
SELECT name FROM customers WHERE late = true
```
"""


def test_a_code_block_with_sql_or_columns_is_one_finding_at_its_first_line() -> None:
    findings = lint_markdown(CODE_PRD, "database-detail")
    assert [(*b, f.message) for b, f in zip(brief(findings), findings, strict=True)] == [
        (
            "database-detail",
            8,
            1,
            "CREATE TABLE orders (",
            MESSAGE.format("CREATE TABLE in a code block"),
        ),
        (
            "database-detail",
            16,
            7,
            "id        int",
            MESSAGE.format("a column list in a code block"),
        ),
        (
            "database-detail",
            26,
            1,
            "SELECT name FROM customers WHERE late = true",
            MESSAGE.format("SELECT ... FROM in a code block"),
        ),
    ]


def test_prose_rules_never_read_code() -> None:
    code = "  ```\n  Use Redis to cache the fast, easy TBD in a 12px grey box\n  ```\n"
    prose = "# Data\n\n- As a clerk, I want my orders kept, so that I can reorder.\n\n"
    names = ("solution-prescriptive", "vague-term", "placeholder", "ui-detail", "database-detail")
    assert lint_markdown(prose + code, *names) == []
    # the same words as prose are found
    assert len(lint_markdown(prose + code.replace("```", ""), *names)) >= 3


def test_an_analysts_own_query_is_not_database_design() -> None:
    text = (
        "# Reports\n\n- As a data analyst, I want to run my own queries, so that I answer "
        "ad-hoc questions.\n\n  ```\n  SELECT count(*) FROM events\n  ```\n"
    )
    assert lint_markdown(text, "database-detail") == []


def test_a_jira_code_sql_block_is_one_finding_on_its_wiki_line() -> None:
    from prdlint.engine import Linter, LintSettings
    from prdlint.readers.jira_issues import FieldMap, IssueOptions, issue_to_item
    from tests.helpers import rules_named

    description = (
        "As a clerk, I want refunds recorded, so that the books balance.\r\n"
        "{code:sql}\r\nALTER TABLE refunds\r\n  ADD COLUMN reason text;\r\n{code}\r\n"
        "{code:python}\r\nprint('ok')\r\n{code}"
    )
    issue = {
        "key": "SHOP-3",
        "self": "https://host/jira/rest/api/2/issue/10003",
        "fields": {
            "summary": "Refunds",
            "description": description,
            "issuetype": {"name": "Story"},
        },
    }
    item = issue_to_item(issue, IssueOptions(fields=FieldMap.from_field_list([])))
    assert item is not None
    assert [(p.field, p.line, p.text) for p in item.parts_of("code")] == [
        ("code", 3, "ALTER TABLE refunds\n  ADD COLUMN reason text;"),
        ("code", 7, "print('ok')"),
    ]
    findings = Linter(rules_named("database-detail"), LintSettings()).lint([item])
    assert [
        (f.location.issue, f.location.line, f.location.column, f.location.field, f.snippet)
        for f in findings
    ] == [
        ("SHOP-3", 3, 1, "description", "ALTER TABLE refunds"),
    ]
    assert findings[0].message == MESSAGE.format("ALTER TABLE in a code block")


def test_criteria_and_descriptions_are_read() -> None:
    text = (
        "# Shipping\n\n## Stories\n\n"
        "- As a clerk, I want to track parcels, so that I can answer customers.\n\n"
        "  Add a tracking_code column to the parcels table.\n\n"
        "  - Acceptance criteria: new fields shipDate and carrier on shipments\n"
        "  - The clerk sees the carrier of each parcel\n"
    )
    assert brief(lint_markdown(text, "database-detail")) == [
        ("database-detail", 7, 3, "Add a tracking_code column"),
        ("database-detail", 9, 26, "new fields"),
    ]
    item = next(i for i in read_markdown(text, "prd.md") if i.kind == "story")
    assert [p.field for p in item.parts] == ["story", "description", "criterion", "criterion"]


def test_a_jira_acceptance_criteria_field_is_read() -> None:
    from prdlint.engine import Linter, LintSettings
    from prdlint.readers.jira_issues import FieldMap, IssueOptions, issue_to_item
    from tests.helpers import rules_named

    fields_list = [
        {"id": "customfield_10033", "name": "Acceptance Criteria", "schema": {"type": "string"}}
    ]
    issue = {
        "key": "SHOP-4",
        "self": "https://host/jira/rest/api/2/issue/10004",
        "fields": {
            "summary": "Parcel tracking",
            "description": "As a clerk, I want to track parcels, so that I can answer customers.",
            "issuetype": {"name": "Story"},
            "customfield_10033": "* The clerk sees the carrier\r\n* Add a carrier column to the parcels table",
        },
    }
    item = issue_to_item(issue, IssueOptions(fields=FieldMap.from_field_list(fields_list)))
    assert item is not None
    findings = Linter(rules_named("database-detail"), LintSettings()).lint([item])
    assert [
        (f.location.line, f.location.column, f.location.field, f.snippet) for f in findings
    ] == [
        (2, 3, "acceptance-criteria", "Add a carrier column"),
    ]


def test_reported_spans_are_public_for_other_rules() -> None:
    from prdlint.checks.database_detail import reported_spans
    from prdlint.model import Part

    part = Part.at("story", "Keep orders in PostgreSQL.\nAdd a notes column to the orders table", 1)
    assert [part.text[a:b] for a, b in reported_spans(part)] == ["PostgreSQL", "Add a notes column"]
    assert reported_spans(Part.at("story", "As a developer, I want a MySQL connector.", 1)) == []


def test_a_prd_feature_list_is_read_but_template_slots_are_not() -> None:
    text = (
        "# Ideas\n\n## Backlog ideas\n\n- Database solution\n- Create database tables\n\n"
        "## Key Entities\n\n- **[Entity 2]**: [What it represents, relationships to other entities]\n"
    )
    assert brief(lint_markdown(text, "database-detail")) == [
        ("database-detail", 6, 3, "Create database tables"),
    ]
