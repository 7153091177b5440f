"""Exact findings of the clarity rules (compound-story, placeholder, escape-clause,
missing-value) on story lists and markdown: rule, line, column, snippet and message."""

from __future__ import annotations

from tests.helpers import brief, lint_markdown, lint_story

# -- compound-story --------------------------------------------------------------------------

COMPOUND = """\
As a customer, I want to view shipments, edit addresses and get delay alerts, so that I stay informed.
As a driver, I want to see my route and also get traffic warnings.
As a member, I want to renew a loan, so that I keep the book. As a member, I want to see due dates.
As a member, I want to renew a loan. I also want to pay fines online.
As a regular user, I want to log in/out from any page.
As a designer, I want to drag and drop widgets, so that I arrange the page.
As a buyer, I want to search listings by name and date, so that I find bargains.
As a reader, I want to view orders, invoices and receipts, so that I can reconcile.
As a shopper, I want to see prices on mobile and also on desktop.
As a user, I want to log in and see my orders.
As a visitor, I want to enter my zip code and get the nearest branches.
As a moderator, I want to view and approve a profile before it goes live.
As an admin, I want to edit a doctor's profile and login settings, so that they regain access.
As an editor, I want to enable/disable the banner.
"""


def test_compound_story_finds_lists_also_and_second_stories() -> None:
    findings = lint_story(COMPOUND, "compound-story")
    assert brief(findings) == [
        ("compound-story", 1, 26, "view shipments, edit addresses and get"),
        ("compound-story", 2, 24, "see my route and also get"),
        ("compound-story", 3, 63, "As a member, I want"),
        ("compound-story", 4, 38, "I also want"),
        ("compound-story", 5, 30, "log in/out"),
    ]
    assert findings[0].message == (
        "asks for more than one thing (view shipments, edit addresses and get); "
        "split it into one story per need"
    )
    assert findings[2].message == (
        "holds a second story (As a member, I want); split it into two stories"
    )


TITLES = """\
# Library PRD

## LIB-1: Catalogue & reservations

Members browse the catalogue.

## LIB-2: Terms and conditions

Members accept them once.

## LIB-3: Search and browse

Members find a book by title.

## LIB-4: Accounts and billing

Members pay fines online.
"""


def test_compound_story_feature_title_joining_two_areas() -> None:
    findings = lint_markdown(TITLES, "compound-story")
    assert brief(findings) == [
        ("compound-story", 3, 11, "Catalogue & reservations"),
        ("compound-story", 15, 11, "Accounts and billing"),
    ]
    assert findings[0].message == (
        "joins two features in its title (Catalogue & reservations); give each its own item"
    )
