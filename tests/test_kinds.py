"""Every declarative kind (existence, required, occurrence, conditional) with its options,
through a real YAML pack on disk, asserting exact findings."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from prdlint.engine import Linter, LintSettings
from prdlint.readers.markdown import read_markdown
from prdlint.readers.storylist import read_story_list
from prdlint.registry import load_pack
from prdlint.rule import Rule

Row = tuple[str, int, int, str]


def make_rule(tmp_path: Path, body: str, **fields: str) -> Rule:
    """One rule from a pack file: common fields filled in, `body` adds the kind's keys."""
    common = {
        "code": "TST101",
        "name": "test-rule",
        "summary": "A test rule.",
        "why": "Because.",
        "fix": "Fix it.",
        "message": "found '{match}'",
        "applies-to": "[story]",
        **fields,
    }
    head = "\n".join(
        f"    {key}: {value!r}" if key in ("message", "summary") else f"    {key}: {value}"
        for key, value in common.items()
    )
    examples = (
        '    examples:\n      bad: ["x"]\n      good: ["y"]\n' if "examples" not in body else ""
    )
    text = "rules:\n  -\n" + head + "\n" + textwrap.indent(textwrap.dedent(body), "    ")
    path = tmp_path / "pack.yaml"
    path.write_text(text + "\n" + examples, encoding="utf-8")
    (rule,) = load_pack(path)
    return rule


def stories(rule: Rule, text: str, allow: frozenset[str] = frozenset()) -> list[Row]:
    findings = Linter([rule], LintSettings(allow_terms=allow)).lint(read_story_list(text, "s.txt"))
    return [(f.rule, f.location.line, f.location.column, f.message) for f in findings]


def markdown(rule: Rule, text: str) -> list[Row]:
    findings = Linter([rule]).lint(read_markdown(textwrap.dedent(text), "p.md"))
    return [(f.rule, f.location.line, f.location.column, f.message) for f in findings]


STORY = "As a picker, I want Kafka and KAFKA but not kafkaesque, so that I pick."


# -- existence -----------------------------------------------------------------------------
def test_existence_matches_whole_words_in_any_case(tmp_path: Path) -> None:
    rule = make_rule(tmp_path, "kind: existence\ntokens: [Kafka]\n")
    assert stories(rule, STORY) == [
        ("test-rule", 1, 21, "found 'Kafka'"),
        ("test-rule", 1, 31, "found 'KAFKA'"),
    ]


def test_existence_case_sensitive(tmp_path: Path) -> None:
    rule = make_rule(tmp_path, "kind: existence\ntokens: [Kafka]\nignore-case: false\n")
    assert stories(rule, STORY) == [("test-rule", 1, 21, "found 'Kafka'")]


def test_existence_without_word_boundaries_matches_inside_words(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path, "kind: existence\ntokens: [kafka]\nword-boundaries: false\nignore-case: false\n"
    )
    assert stories(rule, STORY) == [("test-rule", 1, 45, "found 'kafka'")]


def test_existence_patterns_and_allowed_terms(tmp_path: Path) -> None:
    rule = make_rule(tmp_path, "kind: existence\npatterns: ['\\b[a-z]+-svc\\b']\n")
    text = "As a picker, I want basket-svc and cart-svc to agree, so that I pick."
    assert stories(rule, text) == [
        ("test-rule", 1, 21, "found 'basket-svc'"),
        ("test-rule", 1, 36, "found 'cart-svc'"),
    ]
    assert stories(rule, text, allow=frozenset({"cart-svc"})) == [
        ("test-rule", 1, 21, "found 'basket-svc'")
    ]


def test_existence_fields_scope_the_parts_read(tmp_path: Path) -> None:
    rule = make_rule(tmp_path, "kind: existence\ntokens: [Redis]\nfields: [criterion]\n")
    doc = """\
        ## Stories

        - As a shopper, I want Redis, so that it is quick.
          - Given a basket, then it loads from Redis.
        """
    assert markdown(rule, doc) == [("test-rule", 4, 40, "found 'Redis'")]


# -- required --------------------------------------------------------------------------------
EPICS = """\
    # Checkout

    ## Epic: Guest checkout

    Shoppers pay without an account.

    ### Success metrics

    Abandonment falls to 25%.

    ## Epic: Saved baskets

    Shoppers come back later.

    **KPIs:** 400 baskets a week.

    ## Epic: Vouchers

    Shoppers redeem codes.

    ### Stories

    - As a shopper, I want to redeem a voucher, so that I save.
    """


def test_required_section_under_an_epic_heading_or_label(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        "kind: required\nsections: ['success metrics?|kpis?']\n",
        **{"applies-to": "[epic]", "message": "'{match}' lacks {missing}"},
    )
    assert markdown(rule, EPICS) == [
        ("test-rule", 17, 4, "'Epic: Vouchers' lacks success metrics?|kpis?"),
    ]


def test_required_sections_of_a_document_each_required(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        "kind: required\nsections: [Problem, Non-goals, Success metrics]\n",
        **{"applies-to": "[document]", "message": "no {missing} section"},
    )
    assert markdown(rule, EPICS) == [
        ("test-rule", 1, 1, "no Problem section"),
        ("test-rule", 1, 1, "no Non-goals section"),
    ]


def test_required_section_of_a_section(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        "kind: required\nsections: [Stories]\n",
        **{"applies-to": "[epic]", "message": "no {missing}"},
    )
    assert [row[1] for row in markdown(rule, EPICS)] == [3, 11]


def test_required_parts(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path, "kind: required\nparts: [criterion]\n", message="'{match}' has no {missing}"
    )
    doc = """\
        ## Stories

        - As a shopper, I want to pay, so that I leave.
          - Given a basket, when I pay, then the order is placed.
        - As a shopper, I want a receipt, so that I can claim expenses.
        """
    assert markdown(rule, doc) == [
        (
            "test-rule",
            5,
            3,
            "'As a shopper, I want a receipt, so that I can claim expenses.' has no "
            "acceptance criteria",
        )
    ]


def test_required_patterns_any_one_suffices(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        "kind: required\ntokens: [shopper, picker]\nfields: [story]\n",
        message="needs one of: {missing}",
    )
    text = "As a picker, I want a list.\nAs a user, I want a list.\n"
    assert stories(rule, text) == [("test-rule", 2, 1, "needs one of: shopper, picker")]


def test_required_allowed_terms_still_satisfy(tmp_path: Path) -> None:
    rule = make_rule(tmp_path, "kind: required\ntokens: [picker]\n", message="x")
    assert stories(rule, "As a picker, I want a list.", allow=frozenset({"picker"})) == []


# -- occurrence ------------------------------------------------------------------------------
def test_occurrence_max_words_and_chars(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path, "kind: occurrence\nmax-words: 6\n", message="{count} words, limit {limit}"
    )
    text = "As a picker, I want lists.\nAs a picker, I want a list of aisles.\n"
    assert stories(rule, text) == [("test-rule", 2, 1, "9 words, limit 6")]
    rule = make_rule(
        tmp_path, "kind: occurrence\nmax-chars: 30\n", message="{count} chars, limit {limit}"
    )
    assert stories(rule, text) == [("test-rule", 2, 1, "37 chars, limit 30")]


def test_occurrence_max_flags_the_first_match_over_the_limit(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        "kind: occurrence\ntokens: [and]\nmax: 1\n",
        message="'{match}' number {count} (max {limit})",
    )
    text = "As a picker, I want lists and maps and routes and carts.\nAs a picker, I want lists and maps.\n"
    assert stories(rule, text) == [("test-rule", 1, 36, "'and' number 3 (max 1)")]


def test_occurrence_min(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        "kind: occurrence\npatterns: ['\\bgiven\\b']\nmin: 2\nfields: [criterion]\n",
        message="{count} Given lines, at least {limit}",
    )
    doc = """\
        ## Stories

        - As a shopper, I want to pay, so that I leave.
          - Given a basket, when I pay, then the order is placed.
          - Given no basket, when I pay, then nothing is charged.
        - As a shopper, I want a receipt, so that I can claim expenses.
          - Given an order, then a receipt is emailed.
        """
    assert markdown(rule, doc) == [("test-rule", 6, 3, "1 Given lines, at least 2")]


# -- conditional -----------------------------------------------------------------------------
def test_conditional_needs_then_when_if_appears(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        """\
        kind: conditional
        if: {tokens: [phone number, email address]}
        then: {patterns: ['\\bconsent\\b', '\\bretention\\b'], fields: [criterion]}
        """,
        message="'{match}' without {missing}",
    )
    doc = """\
        ## Stories

        - As a driver, I want the shopper's phone number, so that I can call.
          - Given a delivery, then I can call.
        - As a driver, I want the shopper's phone number, so that I can call.
          - The number is deleted after delivery (retention).
        - As a driver, I want a map, so that I find the door.
        """
    assert markdown(rule, doc) == [
        ("test-rule", 3, 37, "'phone number' without \\bconsent\\b, \\bretention\\b")
    ]


def test_conditional_then_parts(tmp_path: Path) -> None:
    rule = make_rule(
        tmp_path,
        "kind: conditional\nif: {tokens: [refund]}\nthen: {parts: [criterion]}\n",
        message="'{match}' needs {missing}",
    )
    text = "As a clerk, I want to refund orders, so that customers are paid.\nAs a clerk, I want to print labels.\n"
    assert stories(rule, text) == [("test-rule", 1, 23, "'refund' needs acceptance criteria")]


@pytest.mark.parametrize("kind", ["existence", "required", "occurrence", "conditional"])
def test_every_kind_is_registered(kind: str) -> None:
    from prdlint.kinds import KIND_KEYS, KINDS

    assert kind in KINDS and "fields" in KIND_KEYS[kind]
