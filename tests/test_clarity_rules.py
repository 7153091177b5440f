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
As a manager, I want to edit and/or delete posts.
As a manager, I want a report of sales and the ability to export it.
As a teacher, I want to generate and print report cards for my class.
As a visitor, I want to send a question and get a quick reply from the team.
As a guest, I want to rate/review a stay after checking out.
As a teacher, I want to generate report cards and email the parents.
As a librarian, I want to be able to: i. add new titles. ii. remove worn copies.
As a clerk, I want to be able to: Add a supplier. Add a product to a supplier.
Sends a receipt to buyers after payment. Gives them the option to return the item.
As a visitor, I want to log in to the site and sign up for the newsletter.
As an admin, I want two reports, one for listing overdue loans and another for counting visits.
Patients can view lab results, cancel appointments.
As a user, I want to view the orders, order history.
The shop offers these features at launch: saved carts, gift cards. Loyalty points.
As a user, I want the key features described before I sign up.
OPS-7 Rename config.yml to settings.yml; bump the SDK; prune stale branches
Fix the login timeout on slow networks
"""


def test_compound_story_finds_lists_also_and_second_stories() -> None:
    findings = lint_story(COMPOUND, "compound-story")
    assert brief(findings) == [
        ("compound-story", 1, 26, "view shipments, edit addresses and get"),
        ("compound-story", 2, 24, "see my route and also get"),
        ("compound-story", 3, 63, "As a member, I want"),
        ("compound-story", 4, 38, "I also want"),
        ("compound-story", 5, 30, "log in/out"),
        ("compound-story", 15, 25, "edit and/or delete"),
        ("compound-story", 16, 40, "and the ability to export"),
        ("compound-story", 20, 25, "generate report cards and email"),
        ("compound-story", 21, 42, "add new titles. ii. remove"),
        ("compound-story", 23, 42, "Gives them the option to return"),
        ("compound-story", 24, 25, "log in to the site and sign"),
        ("compound-story", 25, 34, "one for listing overdue loans and another for counting"),
        ("compound-story", 26, 14, "view lab results, cancel appointments"),
        ("compound-story", 28, 23, "features at launch:"),
        ("compound-story", 30, 7, "Rename config.yml to settings.yml; bump the SDK; prune"),
    ]
    assert findings[-2].message == (
        "lists several features (features at launch:); give each its own story"
    )
    assert findings[9].message == (
        "adds another capability (Gives them the option to return); give it its own story"
    )
    assert findings[0].message == (
        "asks for more than one thing (view shipments, edit addresses and get); "
        "split it into one story per need"
    )
    assert findings[2].message == (
        "holds a second story (As a member, I want); split it into two stories"
    )


QUALITIES = """\
As a player, I would like the league server to be secure and to operate quickly.
The site must be secure and reliable.
As a shopper, I want checkout to be quick and easy.
As a reader, I want the app to be fast and responsive.
As a walker, I want to open a map and be informed of nearby monuments.
As a reader, I want to sign up and log in securely.
Enable import/export of the library as CSV.
As an admin, I want an audit trail of all create/update/delete actions.
Test and deploy the endpoints on staging.
The volunteer selects free timeslots, and then the administrators assign shifts to them.
As a plugin developer, I want to upgrade a dataset when I deploy a new version and update it.
"""


def test_compound_story_quality_pairs_notices_sign_up_and_chores() -> None:
    findings = lint_story(QUALITIES, "compound-story")
    assert brief(findings) == [
        ("compound-story", 1, 51, "secure and to operate quickly"),
        ("compound-story", 2, 18, "secure and reliable"),
        ("compound-story", 5, 35, "and be informed"),
        ("compound-story", 6, 24, "sign up and log"),
        ("compound-story", 7, 8, "import/export"),
        ("compound-story", 9, 1, "Test and deploy"),
        (
            "compound-story",
            10,
            5,
            "volunteer selects free timeslots, and then the administrators assign",
        ),
    ]
    assert findings[-1].message == (
        "holds two people's flows (volunteer ... administrators); give each persona its own story"
    )
    assert findings[1].message == (
        "asks for more than one thing (secure and reliable); split it into one story per need"
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


# -- placeholder -----------------------------------------------------------------------------

PLACEHOLDERS = """\
# Wishlist PRD

## Goals

- Goal 1
- Goal 2: members come back weekly.

## Features

Detail the specific features and functionalities required.

- As a [user type], I want to [action], so that [benefit].
- As a member, I want to keep up to N items in my wishlist.
- As a visitor, I want a welcome page, so that I know the shop. Copy: lorem ipsum.
- As a manager, I want a TODO list of parts to refund, so that none is forgotten.
- The system shall add each refund to the TODO list.
- As an applicant, I want to fill in the form once (e.g. my address), so that I do not retype it.
- As a seller, I want free shipping above TBD euros. TODO: ask finance.
- The CLI runs `wish add <package>` for one package.

## Open questions

- Pricing for teams: TBD.
- Lorem ipsum.
- Add here
"""


def test_placeholder_finds_markers_slots_and_template_leftovers() -> None:
    findings = lint_markdown(PLACEHOLDERS, "placeholder")
    assert brief(findings) == [
        ("placeholder", 5, 3, "Goal 1"),
        ("placeholder", 10, 1, "Detail the specific features"),
        ("placeholder", 12, 8, "[user type]"),
        ("placeholder", 12, 31, "[action]"),
        ("placeholder", 12, 49, "[benefit]"),
        ("placeholder", 13, 31, "up to N items"),
        ("placeholder", 14, 71, "lorem ipsum"),
        ("placeholder", 18, 43, "TBD"),
        ("placeholder", 18, 54, "TODO"),
        ("placeholder", 24, 3, "Lorem ipsum"),
        ("placeholder", 25, 3, "Add here"),
    ]
    messages = {f.snippet: f.message for f in findings}
    assert (
        messages["TBD"] == "contains the placeholder 'TBD'; decide it or move it to Open questions"
    )
    assert messages["[action]"] == (
        "contains the placeholder '[action]'; write the real content or delete it"
    )
    assert messages["up to N items"] == ("leaves a number open ('up to N items'); set the number")


def test_placeholder_number_defined_in_the_item_is_not_open() -> None:
    text = "As a member, I want to keep up to N items in my wishlist, where N is 50.\n"
    assert lint_story(text, "placeholder") == []


# -- escape-clause ---------------------------------------------------------------------------

ESCAPES = """\
As a guest, I want to see a map of each dining hall (if time allows).
As a guest, I want dining locations. The food truck will be included if time is available.
As a member, I want two-factor sign-in, time permitting.
As a planner, I want exports to my calendar if there is enough budget.
As a player, I want to know if there is a time conflict between two matches.
As a planner, I want to see when time slots are available, so that I can book one.
As a reader, I want my history kept as time goes by.
"""


def test_escape_clause_on_the_teams_capacity() -> None:
    findings = lint_story(ESCAPES, "escape-clause")
    assert brief(findings) == [
        ("escape-clause", 1, 54, "if time allows"),
        ("escape-clause", 2, 70, "if time is available"),
        ("escape-clause", 3, 41, "time permitting"),
        ("escape-clause", 4, 45, "if there is enough budget"),
    ]
    assert findings[0].message == (
        "contains the escape clause 'if time allows'; decide whether it is required and say so"
    )


# -- missing-value ---------------------------------------------------------------------------

REASONS = """\
As a dieter, I want to scan a barcode to log a meal instead of typing it.
The banks would like to download the list into a spreadsheet for them to share with their board.
As a cashier, I want the till to lock after each sale to avoid mistakes.
Sign-up page: I want a sign-up form to let users join with their email.
As a developer, I want to prevent duplicate transactions from being published.
As an admin, I want to export the user list.
"""


def test_missing_value_accepts_reasons_in_other_words() -> None:
    findings = lint_story(REASONS, "missing-value")
    assert brief(findings) == [
        ("missing-value", 5, 24, "to prevent duplicate transactions from being published"),
        ("missing-value", 6, 21, "to export the user list"),
    ]
    assert findings[0].message == "gives no reason; add the benefit (so that ...)"
