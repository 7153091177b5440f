"""The markdown reader: exact items, kinds, parts and lines from tricky documents."""

from __future__ import annotations

import pytest

from prdlint.model import Item, Part, Segment
from prdlint.readers.markdown import ReadSettings, parse_body, read_markdown

TRICKY = """\
---
title: Checkout PRD
type: product requirements
---
# Checkout

Intro paragraph.

## Epic: Payments

### Stories

- **As a** shopper, I want to pay with a saved card, so that checkout is quick.
  - Given a saved card
  - When I pay
  - Then the order is placed
- As a shopper I want receipts emailed
  Acceptance criteria:
  - receipt arrives within 5 minutes

**User Story:** As a clerk, I want refunds, so that customers are happy.

#### Acceptance Criteria

1. Refund appears in the ledger.

```
As a hacker, I want code blocks linted, so that this is a story.
```

<!-- As a comment, I want to be ignored, so that HTML is not prose. -->

## Requirements

- The system must email a receipt for every order.
- Too short.

| ID | User Story | Acceptance criteria |
|----|------------|---------------------|
| 1 | As a user, I want to log in so that I can see my orders | Login works<br>Logout works |
"""


def _summary(items: list[Item]) -> list[tuple[str, int, str | None, list[tuple[str, int, int]]]]:
    return [
        (i.kind, i.line, i.parent, [(p.field, p.line, p.position(0)[1]) for p in i.parts])
        for i in items
        if i.kind not in ("document", "section")
    ]


def test_stories_criteria_and_requirements_with_exact_lines() -> None:
    items = read_markdown(TRICKY, "prd.md")
    assert _summary(items) == [
        ("epic", 9, None, [("title", 9, 4)]),
        (
            "story",
            13,
            "prd.md:9",
            [("story", 13, 5), ("criterion", 14, 5), ("criterion", 15, 5), ("criterion", 16, 5)],
        ),
        ("story", 17, "prd.md:9", [("story", 17, 3), ("criterion", 19, 5)]),
        ("story", 21, "prd.md:9", [("story", 21, 3), ("criterion", 25, 4), ("code", 28, 1)]),
        ("requirement", 35, None, [("requirement", 35, 3)]),
        (
            "story",
            40,
            None,
            [
                ("title", 40, 7),
                ("id", 40, 3),
                ("story", 40, 7),
                ("criterion", 40, 65),
                ("criterion", 40, 80),
            ],
        ),
    ]


def test_story_text_drops_markup_and_labels() -> None:
    stories = [i for i in read_markdown(TRICKY, "prd.md") if i.kind == "story"]
    assert [s.parts[0].text for s in stories] == [
        "As a shopper, I want to pay with a saved card, so that checkout is quick.",
        "As a shopper I want receipts emailed",
        "User Story: As a clerk, I want refunds, so that customers are happy.",
        "As a user, I want to log in so that I can see my orders",
    ]
    assert [p.text for p in stories[3].criteria] == ["Login works", "Logout works"]


def test_code_blocks_html_and_front_matter_are_not_prose() -> None:
    items = read_markdown(TRICKY, "prd.md")
    text = "\n".join(p.text for i in items for p in i.parts if p.field != "code")
    assert "hacker" not in text
    # the code block is kept apart, for the rules that read code (database-detail)
    code = [(i.id, p.text, p.line) for i in items for p in i.parts if p.field == "code"]
    assert code == [
        ("prd.md:21", "As a hacker, I want code blocks linted, so that this is a story.", 28)
    ]
    assert "As a comment" not in text
    assert "product requirements" not in text


def test_document_item_carries_outline_and_front_matter() -> None:
    document = read_markdown(TRICKY, "prd.md")[0]
    assert document.kind == "document"
    assert document.title == "Checkout"
    assert document.fields["front_matter"] == {
        "title": "Checkout PRD",
        "type": "product requirements",
    }
    assert [h[:2] for h in document.fields["headings"]][:3] == [
        (1, "Checkout"),
        (2, "Epic: Payments"),
        (3, "Stories"),
    ]


def test_design_documents_are_recognised_by_title() -> None:
    document = read_markdown("# ADR 0018: Supported databases\n", "adr.md")[0]
    assert document.fields["document_type"] == "adr"


def test_a_design_sub_heading_does_not_make_a_prd_a_design_document() -> None:
    feature = "## Features\n\n### Chart\n\n#### Design\n\n- A 12px grey legend.\n"
    assert read_markdown("# Calculator\n\n" + feature, "c.md")[0].fields["document_type"] is None
    prd = "# Product Requirements Document: Calculator\n\n## Design\n\nText.\n"
    assert read_markdown(prd, "c.md")[0].fields["document_type"] is None
    design = "# Calculator\n\n## Design\n\nText.\n"
    assert read_markdown(design, "c.md")[0].fields["document_type"] == "design"


def test_skip_sections_leave_their_content_unread() -> None:
    text = "# PRD\n\n## Technical notes\n\n- As a dev, I want Redis, so that it is fast.\n\n## Stories\n\n- As a user, I want to log in, so that I see my data.\n"
    items = read_markdown(text, "p.md", ReadSettings(skip_sections=("technical notes",)))
    assert [(i.kind, i.line) for i in items if i.kind == "story"] == [("story", 9)]


def test_bare_i_want_items_under_a_stories_heading_are_stories() -> None:
    items = read_markdown("## User stories\n\n- I want to export my data.\n", "p.md")
    assert [(i.kind, i.line) for i in items if i.kind == "story"] == [("story", 3)]


def test_gherkin_paragraph_after_a_story_is_its_criteria() -> None:
    text = "As a buyer, I want a receipt, so that I can claim expenses.\n\nGiven a paid order\nWhen I open it\nThen I can download a receipt\n"
    story = next(i for i in read_markdown(text, "p.md") if i.kind == "story")
    assert [(p.text, p.line) for p in story.criteria] == [
        ("Given a paid order", 3),
        ("When I open it", 4),
        ("Then I can download a receipt", 5),
    ]


def test_checklist_after_a_story_is_its_criteria() -> None:
    text = "As a buyer, I want a receipt, so that I can claim expenses.\n\n- [ ] PDF download\n- [x] Emailed copy\n"
    story = next(i for i in read_markdown(text, "p.md") if i.kind == "story")
    assert [p.line for p in story.criteria] == [3, 4]


def test_parse_body_splits_story_prose_and_criteria() -> None:
    body = parse_body(
        "As a user, I want alerts, so that I react.\n\nSome context.\n\n"
        "h3-like\n\n### Acceptance Criteria\n\n- alert within 1 minute\n"
    )
    assert body.story is not None and body.story.text.startswith("As a user")
    assert [p.text for p in body.criteria] == ["alert within 1 minute"]
    assert body.criteria[0].line == 9
    assert all(p.origin == "description" for p in body.description)


def test_columns_point_at_the_word_after_markup() -> None:
    items = read_markdown("- **Bold** and `code` then TBD here\n", "p.md")
    body = next(p for i in items for p in i.parts if p.field == "body")
    offset = body.text.index("TBD")
    assert body.position(offset) == (1, 3 + len("**Bold** and `code` then "))


def test_nested_criterion_saying_i_can_stays_a_criterion_under_a_stories_heading() -> None:
    text = "## Stories\n\n- As a shopper, I want to pay, so that I get my goods.\n  - Given a basket, then I can pay.\n"
    stories = [i for i in read_markdown(text, "p.md") if i.kind == "story"]
    assert [(s.line, [c.text for c in s.criteria]) for s in stories] == [
        (3, ["Given a basket, then I can pay."])
    ]


def test_a_paragraph_of_story_lines_is_one_story_per_line() -> None:
    text = "Administrative\nAs an admin, I want to log in, so that I work.\nAs an admin, I want reports, so that I act.\n"
    items = read_markdown(text, "p.md")
    assert [(i.kind, i.line, i.parts[0].text) for i in items if i.kind == "story"] == [
        ("story", 2, "As an admin, I want to log in, so that I work."),
        ("story", 3, "As an admin, I want reports, so that I act."),
    ]
    assert [p.text for p in items[0].parts if p.field == "body"] == ["Administrative"]


HEADED = """\
# Backlog

## AUTH-3: Reset a forgotten password

Customers who forgot their password reset it from the sign-in page.

### Acceptance scenarios

- Given a registered email, when I ask for a reset, then a link arrives.

## Reports

- FR-006: The system shall keep each draft for 30 days.

**A user should be able to:**

1. Export the report to PDF.
"""


def test_headed_items_lead_in_lists_and_requirement_ids() -> None:
    assert _summary(read_markdown(HEADED, "b.md")) == [
        (
            "story",
            3,
            None,
            [("title", 3, 4), ("heading", 3, 12), ("story", 5, 1), ("criterion", 9, 3)],
        ),
        ("requirement", 13, None, [("requirement", 13, 3)]),
        ("story", 17, None, [("story", 17, 4), ("actor", 15, 3)]),
    ]


TABLE_BACKLOG = """\
# Checkout

## Release 1

| ID | Story | Priority | Points | AC |
|----|-------|----------|--------|----|
| CHK-1 | As a shopper, I want to save my card, so that I pay faster | High | 3 | Card kept after consent<br>Card can be removed |
| CHK-2 | Guest checkout with only an email address | Medium | 5 | Order placed without an account |
| CHK-3 | Refunds for any paid order | Low | 2 | |

| Req ID | Requirement | Acceptance criteria |
|---|---|---|
| R-1 | Drafts are kept for 30 days | A draft saved 29 days ago opens |
"""


def _cells(item: Item) -> list[tuple[str, int, int, str]]:
    return [(p.field, p.line, p.position(0)[1], p.text) for p in item.parts]


def test_table_rows_are_items_with_their_cells_as_parts() -> None:
    items = [i for i in read_markdown(TABLE_BACKLOG, "t.md") if i.kind in ("story", "requirement")]
    assert [(i.kind, i.line, i.title, i.fields.get("key")) for i in items] == [
        ("story", 7, "As a shopper, I want to save my card, so that I pay faster", "CHK-1"),
        ("story", 8, "Guest checkout with only an email address", "CHK-2"),
        ("story", 9, "Refunds for any paid order", "CHK-3"),
        ("requirement", 13, "Drafts are kept for 30 days", "R-1"),
    ]
    story = "As a shopper, I want to save my card, so that I pay faster"
    assert _cells(items[0]) == [
        ("title", 7, 11, story),
        ("id", 7, 3, "CHK-1"),
        ("story", 7, 11, story),
        ("priority", 7, 72, "High"),
        ("points", 7, 79, "3"),
        ("criterion", 7, 83, "Card kept after consent"),
        ("criterion", 7, 110, "Card can be removed"),
    ]
    assert items[1].fields["priority"] == "Medium" and items[1].fields["points"] == "5"
    assert [p.text for p in items[1].criteria] == ["Order placed without an account"]
    assert items[2].criteria == []
    assert _cells(items[3]) == [
        ("title", 13, 9, "Drafts are kept for 30 days"),
        ("id", 13, 3, "R-1"),
        ("requirement", 13, 9, "Drafts are kept for 30 days"),
        ("criterion", 13, 39, "A draft saved 29 days ago opens"),
    ]


def test_a_table_without_an_id_column_outside_a_backlog_is_not_items() -> None:
    text = "# Plan\n\n## Risks\n\n| Risk | Mitigation |\n|---|---|\n| Late delivery of the new payment provider | Start early |\n"
    assert [
        i.kind for i in read_markdown(text, "t.md") if i.kind not in ("document", "section")
    ] == []


USE_CASES = """\
# Accounts

## Use cases

### UC-3: Reset a forgotten password

**Actor:** Registered customer

**Goal:** The customer signs in again without calling support.

**Preconditions:** The customer has an account with a verified email.

**Main flow:**

1. The customer chooses "Forgot password" on the sign-in page.
2. The system emails a reset link.

**Postconditions:**

- The old password no longer works.

**Alternative flows:**

- The email is unknown: the same message is shown.

### Use Case 4 - Close an account

#### Primary actor

Account owner

#### Main flow

1. The owner asks to close the account.

#### Postconditions

- No personal data remains after 30 days.
"""


def test_use_cases_with_actor_flows_and_postconditions() -> None:
    items = [i for i in read_markdown(USE_CASES, "u.md") if i.kind not in ("document", "section")]
    assert [(i.kind, i.line, i.title) for i in items] == [
        ("story", 5, "UC-3: Reset a forgotten password"),
        ("story", 26, "Use Case 4 - Close an account"),
    ]
    assert _cells(items[0]) == [
        ("title", 5, 5, "UC-3: Reset a forgotten password"),
        ("story", 5, 11, "Reset a forgotten password"),
        ("actor", 7, 12, "Registered customer"),
        ("goal", 9, 11, "The customer signs in again without calling support."),
        ("description", 11, 3, "Preconditions: The customer has an account with a verified email."),
        ("description", 13, 3, "Main flow:"),
        ("description", 15, 4, 'The customer chooses "Forgot password" on the sign-in page.'),
        ("description", 16, 4, "The system emails a reset link."),
        ("criterion", 20, 3, "The old password no longer works."),
        ("description", 22, 3, "Alternative flows:"),
        ("description", 24, 3, "The email is unknown: the same message is shown."),
    ]
    assert _cells(items[1]) == [
        ("title", 26, 5, "Use Case 4 - Close an account"),
        ("story", 26, 18, "Close an account"),
        ("actor", 30, 1, "Account owner"),
        ("description", 34, 4, "The owner asks to close the account."),
        ("criterion", 38, 3, "No personal data remains after 30 days."),
    ]


def test_a_use_case_heading_without_a_number_is_one_item() -> None:
    text = "# Billing\n\n## Use case: Pay an invoice\n\n**Actor:** Clerk\n\n## Use cases\n\nText.\n"
    items = [i for i in read_markdown(text, "u.md") if i.kind == "story"]
    assert [(i.line, _cells(i)) for i in items] == [
        (
            3,
            [
                ("title", 3, 4, "Use case: Pay an invoice"),
                ("story", 3, 14, "Pay an invoice"),
                ("actor", 5, 12, "Clerk"),
            ],
        )
    ]


SPEC_KIT = """\
# Feature Specification: Saved cards

## User Scenarios & Testing *(mandatory)*

### User Story 1 - Pay with a saved card (Priority: P1)

A returning shopper pays with a card saved at an earlier checkout.

**Why this priority**: Most orders come from returning shoppers.

**Independent Test**: Can be fully tested by paying with a saved card.

**Acceptance Scenarios**:

1. **Given** a saved card, **When** the shopper pays,
   **Then** the order is placed
   without asking for the card number.

---

[Add more user stories as needed]

### Edge Cases

- What happens when the saved card has expired?

## Requirements *(mandatory)*

### Functional Requirements

- **FR-001**: System MUST let shoppers remove a saved card.
"""


def test_spec_kit_stories_scenarios_and_functional_requirements() -> None:
    items = [i for i in read_markdown(SPEC_KIT, "s.md") if i.kind in ("story", "requirement")]
    assert [(i.kind, i.line, i.title, i.fields.get("priority")) for i in items] == [
        ("story", 5, "User Story 1 - Pay with a saved card (Priority: P1)", "P1"),
        ("requirement", 31, "FR-001: System MUST let shoppers remove a saved card.", None),
    ]
    assert _cells(items[0]) == [
        ("title", 5, 5, "User Story 1 - Pay with a saved card (Priority: P1)"),
        ("heading", 5, 20, "Pay with a saved card"),
        ("story", 7, 1, "A returning shopper pays with a card saved at an earlier checkout."),
        ("goal", 9, 24, "Most orders come from returning shoppers."),
        (
            "description",
            11,
            3,
            "Independent Test: Can be fully tested by paying with a saved card.",
        ),
        ("criterion", 15, 6, "Given a saved card, When the shopper pays,"),
        ("criterion", 16, 6, "Then the order is placed\nwithout asking for the card number."),
    ]
    assert items[0].criteria[1].position(len("Then the order is placed\n")) == (17, 4)


def test_numbered_scenario_steps_saying_i_have_are_criteria_not_stories() -> None:
    text = (
        "## User Story 2 - User Login (Priority: P1)\n\n"
        "An existing user signs in with their email and password.\n\n"
        "**Acceptance Scenarios**:\n\n"
        "1. **Given** I have a registered account, **When** I sign in, **Then** I am signed in\n"
        "2. **Given** I have failed three times, **When** I sign in, **Then** I wait a minute\n"
    )
    items = [i for i in read_markdown(text, "s.md") if i.kind == "story"]
    assert [(i.line, _cells(i)) for i in items] == [
        (
            1,
            [
                ("title", 1, 4, "User Story 2 - User Login (Priority: P1)"),
                ("heading", 1, 19, "User Login"),
                ("story", 3, 1, "An existing user signs in with their email and password."),
                (
                    "criterion",
                    7,
                    6,
                    "Given I have a registered account, When I sign in, Then I am signed in",
                ),
                (
                    "criterion",
                    8,
                    6,
                    "Given I have failed three times, When I sign in, Then I wait a minute",
                ),
            ],
        ),
    ]


KIRO = """\
# Requirements Document

## Requirements

### Requirement 1

**User Story:** As a customer, I want to review my cart, so that I can fix quantities.

#### Acceptance Criteria

1. WHEN a customer opens checkout, THE Checkout System SHALL list every cart item
2. IF the cart is empty, THEN THE Checkout System SHALL return the customer to the shop
"""


def test_kiro_requirements_are_stories_with_ears_criteria() -> None:
    items = [i for i in read_markdown(KIRO, "k.md") if i.kind in ("story", "requirement")]
    assert [(i.kind, i.line, _cells(i)) for i in items] == [
        (
            "story",
            5,
            [
                ("title", 5, 5, "Requirement 1"),
                (
                    "story",
                    7,
                    3,
                    "User Story: As a customer, I want to review my cart, so that I can fix quantities.",
                ),
                (
                    "criterion",
                    11,
                    4,
                    "WHEN a customer opens checkout, THE Checkout System SHALL list every cart item",
                ),
                (
                    "criterion",
                    12,
                    4,
                    "IF the cart is empty, THEN THE Checkout System SHALL return the customer to the shop",
                ),
            ],
        )
    ]


HEADED_TABLES = """\
# Backlog

## AUTH-3: Reset a forgotten password

| Status | Priority | Points |
|---|---|---|
| Open | High | 3 |

Customers who forgot their password reset it from the sign-in page.

## AUTH-4: Sign in with a passkey

| Field | Value |
|---|---|
| Priority | Low |
| Acceptance criteria | A passkey saved on the phone signs the customer in |
"""


def test_a_status_table_under_a_headed_item_is_its_fields() -> None:
    items = [i for i in read_markdown(HEADED_TABLES, "h.md") if i.kind == "story"]
    assert [(i.line, i.fields, _cells(i)) for i in items] == [
        (
            3,
            {"status": "Open", "priority": "High", "points": "3"},
            [
                ("title", 3, 4, "AUTH-3: Reset a forgotten password"),
                ("heading", 3, 12, "Reset a forgotten password"),
                ("status", 7, 3, "Open"),
                ("priority", 7, 10, "High"),
                ("points", 7, 17, "3"),
                (
                    "story",
                    9,
                    1,
                    "Customers who forgot their password reset it from the sign-in page.",
                ),
            ],
        ),
        (
            11,
            {"priority": "Low"},
            [
                ("title", 11, 4, "AUTH-4: Sign in with a passkey"),
                ("story", 11, 12, "Sign in with a passkey"),
                ("priority", 15, 14, "Low"),
                ("criterion", 16, 25, "A passkey saved on the phone signs the customer in"),
            ],
        ),
    ]


def test_non_functional_sections_hold_requirements_in_paragraphs_and_lists() -> None:
    for heading in ("Non-functional requirements", "NFRs", "Quality attributes"):
        text = (
            f"# App\n\n## {heading}\n\nWe will host it on Heroku with a managed database.\n\n"
            "- The server side will be a Flask app with a REST API.\n"
        )
        items = read_markdown(text, "a.md")
        assert [(i.kind, i.line) for i in items if i.kind == "requirement"] == [
            ("requirement", 5),
            ("requirement", 7),
        ], heading


def test_a_headed_story_gives_its_reason_in_a_later_paragraph() -> None:
    text = (
        "# Backlog\n\n## AUTH-3: Reset a forgotten password\n\n"
        "Customers who forgot their password reset it from the sign-in page.\n\n"
        "Today the desk takes these calls.\n\n"
        "This matters because a third of support calls are password resets.\n"
    )
    (story,) = [i for i in read_markdown(text, "h.md") if i.kind == "story"]
    assert [(p.field, p.line) for p in story.parts] == [
        ("title", 3),
        ("heading", 3),
        ("story", 5),
        ("description", 7),
        ("goal", 9),
    ]


def test_checklist_lines_without_list_markers_are_one_story_each() -> None:
    text = (
        "# Backlog\n\n[X] As a reader, I want the bike to advance the word\n"
        "[ ] As a reader, I want a popup that lets me pick a chapter.\n"
    )
    items = read_markdown(text, "b.md")
    assert [(i.kind, i.line, _cells(i)) for i in items if i.kind == "story"] == [
        ("story", 3, [("story", 3, 5, "As a reader, I want the bike to advance the word")]),
        ("story", 4, [("story", 4, 5, "As a reader, I want a popup that lets me pick a chapter.")]),
    ]


def test_entries_of_a_list_headed_backlog_are_items() -> None:
    text = (
        "# Product Backlog Ideas\n- Database solution\n\t- Design schema\n- Read input and identify keywords\n\n"
        "# Data backlog proposal\n\nThe goals of the data backlog are as follows:\n\n"
        "* Tracking data sets being considered for inclusion\n"
    )
    items = [i for i in read_markdown(text, "b.md") if i.kind == "story"]
    assert [(i.line, _cells(i)) for i in items] == [
        (2, [("story", 2, 3, "Database solution")]),
        (3, [("story", 3, 4, "Design schema")]),
        (4, [("story", 4, 3, "Read input and identify keywords")]),
    ]  # a heading about a backlog ("Data backlog proposal") does not make its list one
    assert [i.parent for i in items] == [None, "b.md:2", None]  # a sub-entry is a smaller item


def test_sub_entries_are_items_notes_or_criteria_by_what_they_are() -> None:
    text = (
        "# Backlog\n"
        "- Front End\n"
        "  - Mobile support\n"
        "    - Offline reading\n"
        "  - Acceptance criteria:\n"
        "    - Works on a 320 px wide screen\n"
        "- Search\n"
        "  - [ ] finds titles by any word\n"
        "  - Given a title, When I search a word of it, Then it is listed\n"
    )
    items = [i for i in read_markdown(text, "b.md") if i.kind == "story"]
    assert [(i.line, i.parent, _cells(i)) for i in items] == [
        (
            2,
            None,
            [("story", 2, 3, "Front End"), ("criterion", 6, 7, "Works on a 320 px wide screen")],
        ),
        (3, "b.md:2", [("story", 3, 5, "Mobile support")]),
        (4, "b.md:3", [("story", 4, 7, "Offline reading")]),
        (
            7,
            None,
            [
                ("story", 7, 3, "Search"),
                ("criterion", 8, 9, "finds titles by any word"),
                ("criterion", 9, 5, "Given a title, When I search a word of it, Then it is listed"),
            ],
        ),
    ]


# A backlog indented 4 spaces under its heading (a real one): markdown-it reads it as one
# indented code block, but its lines are stories and criteria, not code.
INDENTED_BACKLOG = """\
# Stories
    Curious User adds members to family tree
    - As a curious user
    - In order to add my family tree
    - I want to add members to the tree

        Usage:
        - Curious user navigates to the add member option

            Acceptance Criteria:
            - First name is required
            - Last name optional

    Curious User views full tree
    - As a curious user
    - I want to see all members in my tree

            Acceptance Criteria:
            - Data exists between members (!floating >= 2)
"""


def test_an_indented_backlog_is_read_as_markdown_at_its_source_columns() -> None:
    items = read_markdown(INDENTED_BACKLOG, "030.md")
    # "- As a ..." and "- In order to ..." items are the actor and goal of the "- I want"
    # story they open; the title line of the next story stays prose of the one above.
    assert _summary(items) == [
        (
            "story",
            5,
            None,
            [
                ("story", 5, 7),
                ("actor", 3, 7),
                ("goal", 4, 7),
                ("description", 7, 9),
                ("criterion", 8, 11),
                ("criterion", 10, 13),
                ("criterion", 11, 15),
                ("criterion", 12, 15),
                ("description", 14, 5),
            ],
        ),
        ("story", 16, None, [("story", 16, 7), ("actor", 15, 7), ("criterion", 19, 15)]),
    ]
    first, second = (i for i in items if i.kind == "story")
    assert first.parts_of("story")[0].text == "I want to add members to the tree"
    assert [p.text for p in first.criteria] == [
        "Curious user navigates to the add member option",
        "Acceptance Criteria:",
        "First name is required",
        "Last name optional",
    ]
    assert (first.part("actor"), first.part("goal")) == (
        Part("actor", "As a curious user", (Segment(0, 3, 7),)),
        Part("goal", "In order to add my family tree", (Segment(0, 4, 7),)),
    )
    assert [p.text for p in second.criteria] == ["Data exists between members (!floating >= 2)"]
    assert not any(p.field == "code" for i in items for p in i.parts)


def test_indented_code_and_fenced_stories_stay_code() -> None:
    text = (
        "# Stories\n\n"
        "    - As a clerk, I want refunds\n"
        "    SELECT id FROM refunds WHERE paid = true;\n\n"
        "## Data\n\n"
        "    CREATE TABLE refunds (\n"
        "      id serial PRIMARY KEY\n"
        "    );\n\n"
        "```\n- As a hacker, I want code blocks linted\n```\n"
    )
    items = read_markdown(text, "prd.md")
    code = [(p.line, p.position(0)[1], p.text) for i in items for p in i.parts if p.field == "code"]
    assert code == [
        (3, 5, "- As a clerk, I want refunds\nSELECT id FROM refunds WHERE paid = true;"),
        (8, 5, "CREATE TABLE refunds (\n  id serial PRIMARY KEY\n);"),
        (13, 1, "- As a hacker, I want code blocks linted"),
    ]
    assert [i.kind for i in items if i.kind not in ("document", "section")] == []


def test_role_and_reason_items_join_only_the_i_want_item_right_after_them() -> None:
    text = (
        "# Stories\n\n- As a clerk\n- I want refunds\n\n"
        "Notes\n\n- As a result, we ship\n- In order to ship\n\nText.\n\n- I want receipts\n"
    )
    items = read_markdown(text, "prd.md")
    parts = [(i.kind, p.field, p.line) for i in items for p in i.parts if p.field != "title"]
    assert parts == [
        ("story", "story", 4),
        ("story", "actor", 3),
        ("story", "description", 6),
        ("story", "description", 8),
        ("story", "description", 9),
        ("story", "description", 11),
        ("story", "story", 13),
    ]


def test_document_fields_hold_no_mutable_values() -> None:
    """Rules share the document item: its extras are read-only data (issue 12)."""
    text = "---\ntitle: Checkout\ntags: [a, b]\n---\n# Checkout\n\n<!-- prdlint-disable vague-term -->\n"
    document = read_markdown(text, "prd.md")[0]
    assert document.fields["front_matter"] == {"title": "Checkout", "tags": ["a", "b"]}
    with pytest.raises(TypeError):
        document.fields["front_matter"]["title"] = "Other"  # type: ignore[index]
    for name, value in document.fields.items():
        assert not isinstance(value, dict | set), name


def test_a_headed_items_title_is_read_when_a_paragraph_states_it() -> None:
    text = (
        "# Backlog\n\n## AUTH-3: Keep sessions in Redis\n\n"
        "A member who forgot the password gets a new session.\n\n"
        "## AUTH-4: Show a snackbar after sign-in\n\nThe team adds it.\n"
    )
    items = [i for i in read_markdown(text, "h.md") if i.kind == "story"]
    assert [_cells(i) for i in items] == [
        [
            ("title", 3, 4, "AUTH-3: Keep sessions in Redis"),
            ("heading", 3, 12, "Keep sessions in Redis"),
            ("story", 5, 1, "A member who forgot the password gets a new session."),
        ],
        [
            ("title", 7, 4, "AUTH-4: Show a snackbar after sign-in"),
            ("story", 7, 12, "Show a snackbar after sign-in"),  # the title states it
            ("description", 9, 1, "The team adds it."),
        ],
    ]


def test_the_prose_rules_read_a_headed_items_title() -> None:
    text = "# Backlog\n\n## AUTH-3: Keep sessions in Redis\n\nA member who forgot the password gets a new session, so that they can sign in.\n"
    from prdlint.engine import Linter, LintSettings
    from prdlint.registry import all_rules, select_rules

    rules = list(select_rules(all_rules(), ["solution-prescriptive"]).rules)
    findings = Linter(rules, LintSettings()).lint(read_markdown(text, "h.md"))
    assert [(f.rule, f.location.line, f.location.column, f.message) for f in findings] == [
        (
            "solution-prescriptive",
            3,
            29,
            "names the solution (Redis); state the user's need and leave the how to the team",
        )
    ]


def test_table_of_contents_links_are_not_items() -> None:
    text = (
        "# Product Requirements Document\n\n## Table of Contents\n\n"
        "- [1. Overview](#1-overview)\n"
        "  - [1.1 Reservations and purchases of tickets](#11-reservations)\n"
        "1. [Functional requirements for the seat map](#3-functional)\n\n"
        "## Functional requirements\n\n"
        "- Cashiers can refund a ticket up to an hour before the show\n"
        "- See [the seat rules of the venue owners](#seat-rules) before booking\n"
    )
    items = [i for i in read_markdown(text, "t.md") if i.kind == "requirement"]
    assert [(i.line, _cells(i)) for i in items] == [
        (
            11,
            [("requirement", 11, 3, "Cashiers can refund a ticket up to an hour before the show")],
        ),
        (12, [("requirement", 12, 3, "See the seat rules of the venue owners before booking")]),
    ]
