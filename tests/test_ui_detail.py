"""ui-detail (PRD103): widgets, placement, visual states and styles, exact findings."""

from __future__ import annotations

import pytest

from tests.helpers import brief, lint_markdown, lint_story

MESSAGE = "dictates visual design ({}); describe what the user must notice or do"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Show a snackbar when the order is saved", [(8, "snackbar")]),
        (
            "As a shopper, I want a modal of at least half the screen to confirm my address.",
            [(24, "modal"), (42, "half the screen")],
        ),
        ("A kebab menu opens a panel with the share options", [(3, "kebab menu")]),
        ("When I favourite a recipe the star turns gold", [(36, "turns gold")]),
        ("The filters sit directly below the header", [(17, "directly below the header")]),
        ("Use zebra-striped rows in the orders list", [(5, "zebra-striped")]),
        ("Offer a radio button for 'Deliver to a locker'", [(1, "Offer a radio button")]),
        ("Headlines in 14 points font", [(14, "14 points font")]),
        ("The submit button is greyed out until the form is valid", [(22, "greyed out")]),
        ("Let users pick a date via a date picker", [(29, "date picker")]),
        ("Add a sticky header with the cart count", [(7, "sticky header")]),
        ("Errors are highlighted in red", [(12, "highlighted in red")]),
        ("Show the total in bold", [(16, "in bold")]),
        ("Dropdown menu to select role: DJ, Band, Solo", [(1, "Dropdown menu")]),
        ("Use outlined text fields on the signup form", [(14, "text fields")]),
        ('"snackbar" to confirm the story was saved.', [(2, "snackbar")]),
        ("Add toast upon save success", [(5, "toast")]),
        ('Save by clicking on a "Add to Wishlist" button', [(21, 'a "Add to Wishlist" button')]),
        ("Different color for different conditions of bikes", [(1, "Different color for")]),
        ("Left-hand navigation menu with two sections", [(1, "Left-hand navigation")]),
        ("Start Year: Dropdown/slider, 2010 to present", [(13, "Dropdown")]),
        ("Chart Type: Area chart", [(13, "Area chart")]),
        ("Hover tooltips showing values at each point", [(7, "tooltips")]),
        ("Collapsed by default to keep the page short", [(1, "Collapsed by default")]),
        ("Typography: modern sans-serif", [(1, "Typography"), (20, "sans-serif")]),
        ("Inputs stack vertically on mobile", [(8, "stack vertically")]),
        (
            "THEN the builder SHALL provide a delete button for that warband",
            [(24, "provide a delete button")],
        ),
        (
            "THEN the builder SHALL display them in a scrollable container",
            [(42, "scrollable container")],
        ),
        (
            "Place the radio button at the top, as in the old app.",
            [(1, "Place the radio button at the top")],
        ),
        ("Moved button to top header", [(1, "Moved button to top header")]),
        ("Replacing drop list with button groups", [(11, "drop list"), (26, "button groups")]),
        ("Show the event name in the third column", [(28, "third column")]),
        (
            "Story button move from top-left to right-bottom.",
            [(24, "top-left"), (36, "right-bottom")],
        ),
        (
            "Place the logout link at the far right of the navbar",
            [(23, "at the far right of the navbar")],
        ),
        ("Two-column layout on desktop", [(1, "Two-column layout")]),
        ("The header has 80% opacity", [(16, "80% opacity")]),
        ("When a payment fails the row turns red", [(30, "turns red")]),
        (
            "Let users pick one or more roles via a multi-select dropdown",
            [(40, "multi-select dropdown")],
        ),
        ("Portfolio value (primary, filled area)", [(27, "filled area")]),
        ("S&P 500 benchmark (secondary line overlay)", [(30, "line overlay")]),
        ("Forecast as a dashed line after today", [(15, "dashed line")]),
        ("**Theme**: Clean, minimal (Apple-esque)", [(3, "Theme**: Clean")]),
        ("edit button", [(1, "edit button")]),
        ("move to sprint backlog button (product backlog)", [(1, "move to sprint backlog button")]),
        ("side menu", [(1, "side menu")]),
        ("- color scheme", [(3, "color scheme")]),
        (
            "As a user, I want to tap a button to add a work order form",
            [(22, "tap a button")],
        ),
    ],
)
def test_widgets_placement_and_visual_states(text: str, expected: list[tuple[int, str]]) -> None:
    findings = lint_story(text, "ui-detail")
    assert [(column, snippet) for _, _, column, snippet in brief(findings)] == expected
    assert findings[0].message == MESSAGE.format(expected[0][1])


@pytest.mark.parametrize(
    "text",
    [
        "As a user, I want to estimate stories; estimate: 3 points.",
        "As a developer, I want this story sized at 5 points so that we can plan.",
        "As a customer, I earn 10 points per purchase.",
        "As a customer, I want the page to show my orders.",
        "As a user, I want to choose my delivery option.",
        "As a reviewer, I want the Issue Resolution Modal to list alternatives.",
        "In the Dropdown Menu one can select more than one entries.",
        "As a shopper, I want to toggle dark mode.",
        "As a manager, I want the newest orders at the top of the list.",
        "As an account holder, I want to know when my balance turns negative.",
        "As a user, I want to tick the box to accept the terms.",
        "Tab Bar: the open tabs in order",
        'Upon clicking "Save" in the Add Cases modal and the modal closes',
        "As a user, I want to move my appointment to the top of the week",
        "As a player, I want to move my piece to the left",
        "As a manager, I want to deposit data directly into the archive.",
        "As a gardener, I want to know when my plants turn yellow.",
        "As a player, I want to earn a badge when I finish a level.",
        "As a tester, I want a 50% discount code for staging.",
        "As a FABS user, I want to download the uploaded FABS file.",
        "Estimated margin of error on measurement, if known.",
        "Users understand the strategy via collapsible content",
        "As a signer, I want to sign on the dotted line from my phone.",
        "As a user, I want to pick a theme: dark or light, so that I can read at night.",
        "As a planner, I want my filled shifts listed, so that I see the gaps.",
        "Custom fields",
        "Lunch menu",
        "As a user, I want to choose my color scheme, so that I can read at night.",
        "Panic alerts reach the guard within a minute",
    ],
)
def test_story_points_screens_and_named_widgets_are_not_ui_detail(text: str) -> None:
    assert lint_story(text, "ui-detail") == []


def test_criteria_and_descriptions_are_read() -> None:
    text = (
        "# Checkout\n\n## Stories\n\n"
        "- As a shopper, I want to choose where my parcel goes, so that I can collect it.\n"
        "  - A radio button for 'Deliver to a locker'\n"
        "  - When I pick a locker the map pin turns green\n\n"
        "  The lockers list sits directly below the header.\n"
    )
    assert brief(lint_markdown(text, "ui-detail")) == [
        ("ui-detail", 6, 7, "radio button"),
        ("ui-detail", 7, 38, "turns green"),
        ("ui-detail", 9, 25, "directly below the header"),
    ]


def test_a_prd_feature_list_is_read_and_feature_names_are_not_widgets() -> None:
    text = (
        "# Calculator\n\n## Layout\n\n- Dropdown menu to pick the start year\n"
        "- The tab switcher appears directly underneath the tab bar\n"
        "- We want customers to use Color Picker first.\n"
    )
    assert brief(lint_markdown(text, "ui-detail")) == [
        ("ui-detail", 5, 3, "Dropdown menu"),
        ("ui-detail", 6, 7, "tab switcher appears directly underneath the tab bar"),
    ]
