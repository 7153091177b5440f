"""vague-term (PRD302): names, examples and arguments are not qualifiers; open comparisons
and list closers are, with exact findings."""

from __future__ import annotations

import pytest

from tests.helpers import brief, lint_markdown, lint_story

MESSAGE = "uses the vague term '{}'; say what it means in a way a tester can check"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Improve the dashboard.", [(1, "Improve the dashboard")]),
        ("Improve the ease of use of the dashboards.", [(1, "Improve the ease of use")]),
        (
            "Optimize Karpor Dashboard User Experience.",
            [(1, "Optimize Karpor Dashboard User Experience")],
        ),
        ("As a reader, I want to filter by genre, author, year and more.", [(54, "and more")]),
        ("Export to CSV, PDF and many more", [(20, "and many more")]),
        ("Chart should resize gracefully", [(21, "gracefully")]),
        ("Styling: noticeable but not disruptive", [(10, "noticeable")]),
        ("NFR4: The application should possess scalability.", [(38, "scalability")]),
        (
            "As a planner I want to manage addresses for each group with easy access.",
            [(61, "easy")],
        ),
        ("Improve dashboard layout and usability (NFR2).", [(1, "Improve dashboard layout")]),
        (
            "As a student, I want notifications (email and/or inbox) for events.",
            [(43, "and/or")],
        ),
        # Title Case capitalises every word: "Modern-Style" is a qualifier, not a name.
        ("Redesign Dashboard with a Modern-Style UI/UX", [(27, "Modern-Style")]),
        ("Give the Settings Page a Clean-Looking Layout", [(26, "Clean-Looking")]),
        # Ease asked for in the request itself still counts.
        ("As a user, I want a way to easily sort the questions.", [(28, "easily")]),
        ("It should be possible to easily view absent students.", [(26, "easily")]),
        # After a verb that takes an object, the word qualifies that object.
        ("As a developer, I want to write clean code.", [(33, "clean")]),
        ("The system must provide clear error messages.", [(25, "clear")]),
        ("Let Users Easily Export Their Reports", [(11, "Easily")]),
        ("The export should normally finish overnight.", [(19, "normally")]),
    ],
)
def test_open_comparisons_and_evaluatives(text: str, expected: list[tuple[int, str]]) -> None:
    findings = lint_story(text, "vague-term")
    assert [(line, column, snippet) for _, line, column, snippet in brief(findings)] == [
        (1, column, snippet) for column, snippet in expected
    ]
    assert findings[0].message == MESSAGE.format(expected[0][1])


@pytest.mark.parametrize(
    "text",
    [
        "View mode toggles (simple vs detailed)",
        "Satellite: 40-65% of the portfolio (equities and other assets)",
        "Gold accent color (#FFD700 or similar) for PM allocations",
        "Typography: Modern sans-serif (Inter, SF Pro, or similar)",
        "Optimized for social media dimensions (1200x630 for Open Graph)",
        "The system shall support modern browsers (Chrome, Firefox, Safari, Edge)",
        "Rationale: SEO-friendly, excellent performance, easy deployment",
        "I want a toggle which changes the theme to dark mode it will enhance the UI",
        "Would be great to have a dark mode toggle, a lot of users have asked for this.",
        "Pick path is optimized by inventory location for minimum travel time",
        # The benefit a concrete ask is for: the tags and the wishlist are testable.
        "As an app user, I want the FAQ to have tags to more easily sort through the questions.",
        "As a shopper I want to add products to my wishlist for later or easy access.",
        "As a cook, I want recipes tagged by cuisine to quickly find dinner ideas.",
        # A Title Case title may name a feature with an adjective; only adverbs never do.
        "Add Quick Actions Menu to the Dashboard",
        # How things are today is context, not the request.
        "We typically get 30 tickets a day, so support needs a queue view sorted by age.",
        "Currently it is hard to find the orders I need quickly.",
    ],
)
def test_names_examples_and_arguments_are_not_vague(text: str) -> None:
    assert lint_story(text, "vague-term") == []


def test_rationale_and_assumption_sections_are_not_read() -> None:
    text = (
        "# Sign-in\n\n## Requirements\n\n"
        "- The system shall let members reset a password quickly\n\n"
        "## Assumptions\n\n"
        "- Email delivery service is available and reliable\n\n"
        "## Tech stack\n\n"
        "- Framework: Next.js\n"
        "  - Rationale: excellent performance, easy deployment\n"
    )
    findings = lint_markdown(text, "vague-term")
    assert brief(findings) == [("vague-term", 5, 49, "quickly")]


def test_acceptance_criteria_are_read() -> None:
    text = (
        "# Warbands\n\n## Requirements\n\n"
        "### Requirement 1\n\n"
        "**User Story:** As a player, I want to save my warband, so that I can reuse it.\n\n"
        "#### Acceptance Criteria\n\n"
        "1. WHEN the save fails THEN the builder SHALL show an error within 1 second\n"
        "2. WHEN the API answers THEN the builder SHALL handle errors appropriately\n"
    )
    findings = lint_markdown(text, "vague-term")
    assert brief(findings) == [("vague-term", 12, 62, "appropriately")]
