"""Exact findings of the catalog rules (story shape, criteria, documents, backlog) on
markdown and story-list inputs: rule, line, column and snippet, and messages where the
rule builds them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdlint.cli import cli
from prdlint.engine import Linter, LintSettings
from prdlint.errors import ConfigError
from prdlint.readers.markdown import read_markdown
from prdlint.registry import all_rules, select_rules
from tests.helpers import brief, lint_markdown, lint_story, rules_named


def _messages(findings: list) -> list[tuple[str, int, str]]:  # type: ignore[type-arg]
    return [(f.rule, f.location.line, f.message) for f in findings]


# -- story shape ---------------------------------------------------------------------------


def test_malformed_story_flags_lines_that_are_not_stories() -> None:
    text = (
        "As a shopper, I want to save my cart, so that I can buy later.\n"
        "Price alerts/notifications\n"
        "Volunteers should be able to sign up for a shift\n"
        "As a user, I don't want to see expired offers.\n"
        "Create a MySQL table for users\n"
    )
    assert brief(lint_story(text, "malformed-story")) == [
        ("malformed-story", 2, 1, "Price alerts/notifications"),
        ("malformed-story", 5, 1, "Create a MySQL table for users"),
    ]


def test_malformed_story_is_off_by_default() -> None:
    default = {r.name for r in select_rules(all_rules(), None).rules}
    assert "malformed-story" not in default


def test_story_too_long_counts_words_against_the_option() -> None:
    long_story = "As a manager, I want " + " ".join(["report"] * 50) + ", so that I plan."
    findings = lint_story(
        "As a manager, I want a report, so that I plan.\n" + long_story, "story-too-long"
    )
    assert brief(findings) == [("story-too-long", 2, 1, long_story[:80])]
    assert findings[0].message == (
        "is 59 words long (limit 50); keep the story to one need and move detail to criteria"
    )


def test_story_too_long_limit_is_configurable_and_validated() -> None:
    rules = rules_named("story-too-long")
    items = read_markdown("- As a user, I want to export my data, so that I can leave.\n", "b.md")
    tight = Linter(rules, LintSettings(options={"story-too-long": {"max-words": 10}}))
    assert [(f.rule, f.location.line) for f in tight.lint(items)] == [("story-too-long", 1)]
    broken = Linter(rules, LintSettings(options={"story-too-long": {"max-words": "ten"}}))
    with pytest.raises(ConfigError, match="option 'max-words' must be a positive whole number"):
        broken.lint(items)


def test_not_full_sentence_finds_cut_off_stories() -> None:
    text = (
        "As a subscriber, I want to pause my plan so that\n"
        "As a teacher, I want to see who submitted the homework and\n"
        "As a subscriber, I want to pause my plan, so that I do not pay while I travel.\n"
    )
    assert _messages(lint_story(text, "not-full-sentence")) == [
        ("not-full-sentence", 1, "is not a full sentence (trails off); finish the thought"),
        ("not-full-sentence", 2, "is not a full sentence (trails off); finish the thought"),
    ]
    assert [f.snippet for f in lint_story(text, "not-full-sentence")] == ["so that", "and"]


def test_escape_clause_in_a_requirement_and_a_story() -> None:
    doc = (
        "# Offline mode\n"
        "\n"
        "## Requirements\n"
        "\n"
        "- The app keeps boarding passes offline where feasible.\n"
        "- As a traveller, I want my pass on the lock screen if possible, so that I board fast.\n"
        "- As a supervisor, I want to see workloads, so that I can adjust them as necessary.\n"
    )
    assert brief(lint_markdown(doc, "escape-clause")) == [
        ("escape-clause", 5, 41, "where feasible"),
        ("escape-clause", 6, 53, "if possible"),
    ]


def test_open_ended_lists() -> None:
    text = (
        "As a seller, I want to upload photos, videos, etc., so that buyers see colour, size, etc.\n"
        "As an admin, I want reports including but not limited to sales, so that finance can audit.\n"
        "As a seller, I want to upload photos and videos, so that buyers see the item.\n"
    )
    assert brief(lint_story(text, "open-ended")) == [
        ("open-ended", 1, 86, "etc."),
        ("open-ended", 2, 29, "including but not limited to"),
    ]


def test_universal_quantifier_reads_the_request_and_criteria_not_the_benefit() -> None:
    doc = (
        "- As a participant, I want the cards always in the same order, so that I never lose track.\n"
        "  - Unit tests cover 100% of the estimate rules.\n"
        "- As a patient, I want a reminder a day before, so that I never miss a visit.\n"
    )
    assert brief(lint_markdown(doc, "universal-quantifier")) == [
        ("universal-quantifier", 1, 38, "always"),
        ("universal-quantifier", 2, 22, "100%"),
    ]


def test_passive_requirement_names_the_missing_actor() -> None:
    doc = (
        "## Requirements\n"
        "\n"
        "- The monthly invoice must be approved before it is sent.\n"
        "- The refund shall be issued by the finance team within 5 days.\n"
        "- Only users who are logged in must be able to see invoices.\n"
        "- The receipt will be sent by email to the buyer.\n"
    )
    findings = lint_markdown(doc, "passive-requirement")
    assert brief(findings) == [
        ("passive-requirement", 3, 23, "must be approved"),
        ("passive-requirement", 6, 15, "will be sent"),
    ]
    assert findings[0].message == "is passive ('must be approved'); say who or what does it"


# -- acceptance criteria -------------------------------------------------------------------

CRITERIA_DOC = """\
# Bookings

- As a member, I want to cancel a booking, so that someone else can take my slot.
  - The member can cancel a booking.
  - Given a booking more than 24 hours away
  - When the member cancels it
  - Given a booking less than 24 hours away, when the member cancels it, then a fee is charged
  - The cancellation page loads quickly.
  - Cancelling twice works correctly.
  - Choosing "Keep" does not clear the booking.
"""


def test_untestable_criterion() -> None:
    findings = lint_markdown(CRITERIA_DOC, "untestable-criterion")
    assert brief(findings) == [
        ("untestable-criterion", 8, 33, "quickly"),
        ("untestable-criterion", 9, 28, "correctly"),
    ]
    assert findings[0].message == (
        "criterion uses 'quickly', which no tester can check; state the observable result"
    )


def test_untestable_criterion_made_concrete_after_the_word_is_not_flagged() -> None:
    doc = (
        "- As a shopper, I want to filter results by size, so that I only see what fits me.\n"
        "  - Results update quickly (within 1 second) after a size is chosen.\n"
        "  - The size list loads fast: under 200 ms on 4G.\n"
        "  - The reset button works quickly.\n"
    )
    assert brief(lint_markdown(doc, "untestable-criterion")) == [
        ("untestable-criterion", 4, 28, "quickly"),
    ]


def test_incomplete_gherkin_points_at_the_given() -> None:
    assert brief(lint_markdown(CRITERIA_DOC, "incomplete-gherkin")) == [
        ("incomplete-gherkin", 5, 5, "Given a booking more than 24 hours away"),
    ]


def test_criteria_restate_story() -> None:
    assert brief(lint_markdown(CRITERIA_DOC, "criteria-restate-story")) == [
        ("criteria-restate-story", 4, 5, "The member can cancel a booking."),
    ]


# -- documents -----------------------------------------------------------------------------

THIN_PRD = """\
# Saved carts PRD

## Goals

- Make checkout easier.

## Requirements

- Shoppers can save a cart and come back to it later from any device.
"""

FULL_PRD = """\
# Saved carts PRD

## Problem

Shoppers who switch devices lose their cart; a third never rebuild it.

## Personas

Returning shoppers on phone and laptop.

## Success metrics

- Repeat purchases from 12% to 15% of sessions by Q3.

## User stories

- As a returning shopper, I want my cart on every device, so that I can finish buying later.

## Non-goals

- Wish lists.

## Open questions

- How long do we keep a saved cart?
"""


def test_document_rules_on_a_thin_prd() -> None:
    findings = lint_markdown(
        THIN_PRD,
        "missing-problem-statement",
        "missing-success-metric",
        "missing-user-flow",
        "missing-section",
    )
    assert _messages(findings) == [
        (
            "missing-problem-statement", 1,
            "states no problem; add a Problem section saying whose pain this solves and how"
            " it shows today",
        ),
        ("missing-user-flow", 1, "has no user flow; add stories, scenarios or the steps a user takes"),
        ("missing-section", 1, "has no 'problem' section (a heading such as problem, background, motivation)"),
        ("missing-section", 1, "has no 'users' section (a heading such as users, personas, persona)"),
        ("missing-section", 1, "has no 'non-goals' section (a heading such as non-goals, non goals, out of scope)"),
        ("missing-section", 1, "has no 'open questions' section (a heading such as open questions, questions, open issues)"),
        (
            "missing-success-metric", 3,
            "'Goals' names no measurable outcome; add a metric with a baseline and a target",
        ),
    ]  # fmt: skip
    assert [f.snippet for f in findings][:1] == ["Saved carts PRD"]


def test_document_rules_are_quiet_on_a_complete_prd() -> None:
    names = ("missing-problem-statement", "missing-success-metric", "missing-user-flow")
    assert lint_markdown(FULL_PRD, *names, "missing-section") == []


def test_missing_section_takes_the_required_set_from_options() -> None:
    rules = rules_named("missing-section")
    options = {"missing-section": {"sections": {"rollout": ["rollout", "launch plan"]}}}
    linter = Linter(rules, LintSettings(options=options))
    findings = linter.lint(read_markdown(FULL_PRD, "prd.md"))
    assert _messages(findings) == [
        ("missing-section", 1, "has no 'rollout' section (a heading such as rollout, launch plan)")
    ]


def _default_lint(text: str, path: str, *names: str) -> list[tuple[str, int]]:
    """Rules selected by tag, as a user's `select` would: not named explicitly."""
    linter = Linter(rules_named(*names), LintSettings())
    return [(f.rule, f.location.line) for f in linter.lint(read_markdown(text, path))]


def test_document_rules_skip_story_lists_readmes_and_design_docs() -> None:
    names = ("missing-problem-statement", "missing-success-metric")
    story_list = "# Backlog\n\n- As a user, I want to log in, so that I see my orders.\n"
    readme = "# Tool\n\n## Installation\n\nRun it.\n\n## Usage\n\nCall it.\n\n## License\n\nMIT\n"
    rfc = "# RFC: Saved carts\n\n## Goals\n\nBetter carts.\n\n## Requirements\n\nCarts.\n"
    adr = "# 0018. Databases\n\n## Status\n\nAccepted\n\n## Context\n\nX\n\n## Decision\n\nY\n\n## Consequences\n\nZ\n"
    for text in (story_list, readme, rfc, adr):
        assert _default_lint(text, "doc.md", *names) == []
    assert _default_lint(THIN_PRD, "docs/adr/0001-carts.md", *names) == []
    assert _default_lint(THIN_PRD, "docs/prd.md", *names) == [
        ("missing-problem-statement", 1),
        ("missing-success-metric", 3),
    ]
    # Named explicitly, a document rule also checks an RFC.
    assert [(f.rule, f.location.line) for f in lint_markdown(rfc, *names)] == [
        ("missing-problem-statement", 1),
        ("missing-success-metric", 3),
    ]


# -- backlog -------------------------------------------------------------------------------


def test_duplicate_story_reports_a_pair_once_at_its_first_copy() -> None:
    text = (
        "As a librarian, I want to export the list of overdue loans, so that I can send reminders.\n"
        "As a librarian, I want to see new members, so that I can welcome them.\n"
        "As a researcher, I want a data package in Excel, so that I can start my analysis.\n"
        "As a researcher, I want a data package in SPSS, so that I can start my analysis.\n"
        "As a librarian, I want to export the overdue loans list, so that I can send reminders.\n"
    )
    findings = lint_story(text, "duplicate-story")
    assert _messages(findings) == [
        ("duplicate-story", 1, "nearly duplicates line 5; merge them or say how they differ"),
    ]
    assert [f.snippet for f in findings] == [text.split("\n")[0][:80]]


def test_duplicate_story_in_markdown_names_every_other_copy_once() -> None:
    doc = (
        "# Backlog\n"
        "\n"
        "- As a member, I want to renew my loan online, so that I avoid fines.\n"
        "- As a member, I want to renew my loan online, so that I avoid fines.\n"
        "- As a member, I want to renew my loan online today, so that I avoid fines.\n"
        "- As a member, I do not want to renew my loan online, so that I avoid fines.\n"
    )
    assert _messages(lint_markdown(doc, "duplicate-story")) == [
        ("duplicate-story", 3, "nearly duplicates 2 others: line 4, line 5; merge them or say how they differ"),
    ]  # fmt: skip


def test_inconsistent_template_flags_the_stragglers() -> None:
    lines = [
        f"As a reader, I want to save article {n}, so that I can read it later." for n in range(8)
    ]
    lines.insert(3, "As an editor, I need to unpublish a post, so that the feed follows the rules.")
    lines.append("As an editor, I want to feature a post, because good writing should be seen.")
    findings = lint_story("\n".join(lines), "inconsistent-template")
    assert _messages(findings) == [
        (
            "inconsistent-template", 4,
            "uses 'I need' where most stories use 'I want'; keep one template across the backlog",
        ),
        (
            "inconsistent-template", 10,
            "uses 'because' where most stories use 'so that'; keep one template across the backlog",
        ),
    ]  # fmt: skip


def test_duplicate_story_threshold_option_is_validated() -> None:
    rules = rules_named("duplicate-story")
    linter = Linter(rules, LintSettings(options={"duplicate-story": {"threshold": 3}}))
    items = read_markdown(
        "- As a member, I want to renew my loan, so that I avoid fines.\n", "b.md"
    )
    with pytest.raises(ConfigError, match=r"option .threshold. must be a number from 0\.5 to 1"):
        linter.lint(items)


def test_duplicate_story_names_jira_issue_keys() -> None:
    from prdlint.model import Item, Part, Source

    def issue(key: str, text: str) -> Item:
        return Item(
            id=key,
            kind="story",
            title=text,
            source=Source(None, key, f"https://jira.example.com/browse/{key}"),
            line=1,
            parts=(Part.at("story", text, 1),),
        )

    items = [
        issue("SHOP-1", "As a buyer, I want to track my parcel, so that I know when to be home."),
        issue("SHOP-7", "As a buyer, I want to track my parcel, so that I know when to be home."),
    ]
    findings = Linter(rules_named("duplicate-story")).lint(items)
    assert [(f.location.issue, f.message) for f in findings] == [
        ("SHOP-1", "nearly duplicates SHOP-7; merge them or say how they differ"),
    ]


def test_a_prd_word_in_the_title_alone_does_not_make_a_prd() -> None:
    sources = "# PRD / backlog corpus: sources\n\n## Counts by kind\n\nx\n\n## Files\n\ny\n\n## Notes\n\nz\n"
    assert _default_lint(sources, "SOURCES.md", "missing-problem-statement") == []


def test_open_ended_or_similar_only_at_the_end_of_a_list() -> None:
    doc = (
        "## Requirements\n"
        "\n"
        "- The system displays related or similar parts for reference.\n"
        "- Imports read spreadsheets from Excel, Numbers or similar.\n"
    )
    assert brief(lint_markdown(doc, "open-ended")) == [("open-ended", 4, 49, "or similar")]


def test_duplicate_story_on_many_identical_copies_is_one_finding_naming_three_and_the_rest() -> (
    None
):
    from prdlint.checks.duplicate_story import duplicate_story
    from prdlint.readers.storylist import read_story_list
    from prdlint.rule import Context

    text = "As a buyer, I want to pay by card, so that I check out.\n" * 5
    hits = list(duplicate_story(read_story_list(text, "s.txt"), Context()))
    assert [(h.item.line, h.values["others"]) for h in hits if h.item] == [
        (1, "4 others: line 2, line 3, line 4 and 1 more"),
    ]


def test_duplicate_story_joins_near_copies_by_chains_into_one_group() -> None:
    text = (
        "As a member, I want to renew my loan online, so that I avoid fines.\n"
        "As a librarian, I want to see new members, so that I can welcome them.\n"
        "As a member, I want to renew my loan online today, so that I avoid fines.\n"
        "As a librarian, I want to see new members, so that I can welcome them.\n"
        "As a member, I want to renew my loan online, so that I avoid fines.\n"
    )
    assert _messages(lint_story(text, "duplicate-story")) == [
        ("duplicate-story", 1, "nearly duplicates 2 others: line 3, line 5; merge them or say how they differ"),
        ("duplicate-story", 2, "nearly duplicates line 4; merge them or say how they differ"),
    ]  # fmt: skip


def test_one_vocabulary_and_one_design_decider_for_every_document_rule(tmp_path: Path) -> None:
    """A '## Rationale' section satisfies missing-problem-statement and missing-section alike
    (it used to satisfy only the first), and a PRD under docs/rfcs/ is a design record for the
    solution and document rules alike (it used to get PRD101 but no PRD501)."""
    prd = (
        "# Checkout\n\n## Rationale\n\nShoppers abandon carts.\n\n## Users\n\nShoppers.\n\n"
        "## Goals\n\nCut abandonment from 30% to 20%.\n\n## Requirements\n\n"
        "- As a shopper, I want carts kept in Redis, so that I finish quickly.\n\n"
        "## Non-goals\n\nNone.\n\n## Open questions\n\nNone.\n"
    )
    plain = tmp_path / "prd.md"
    rfc = tmp_path / "docs" / "rfcs" / "prd.md"
    rfc.parent.mkdir(parents=True)
    for path in (plain, rfc):
        path.write_text(prd, encoding="utf-8")
    rules = ["solution-prescriptive", "missing-problem-statement", "missing-section"]

    def found(path: Path) -> list[str]:
        result = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
        return [f["rule"] for f in json.loads(result.output)["findings"] if f["rule"] in rules]

    assert found(plain) == ["solution-prescriptive"]
    assert found(rfc) == []
