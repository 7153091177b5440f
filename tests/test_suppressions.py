"""Inline suppression directives: parsing, what they silence, and the two rules about them."""

from __future__ import annotations

from textwrap import dedent

from helpers import brief, lint_markdown

from prdlint.readers.markdown import read_markdown
from prdlint.suppressions import DIRECTIVES_FIELD, Directive

VAGUE_A = "- As a shopper, I want a fast checkout, so that I do not give up."
VAGUE_B = "- As a shopper, I want an easy login, so that I can buy."
TITLE_A = "As a shopper, I want a fast checkout, so that I do not give "  # titles are clipped


def parse(text: str) -> tuple[Directive, ...]:
    """The directives the reader puts on the document item (frozen data)."""
    document = read_markdown(text, "prd.md")[0]
    assert document.kind == "document"
    return document.fields.get(DIRECTIVES_FIELD, ())


def _lint(text: str, *rules: str) -> list[tuple[str, int, int, str]]:
    return brief(lint_markdown(dedent(text), *(rules or ("vague-term",))))


def test_parse_directives_with_names_codes_and_reasons() -> None:
    text = dedent("""\
        # Doc

        <!-- prdlint-disable vague-term, PRD302 -- agreed with QA -->
        Text <!-- prdlint-enable vague-term --> more
        <!-- prdlint-disable-next-line -->
        <!--prdlint-disable-file placeholder-->
    """)
    first = "<!-- prdlint-disable vague-term, PRD302 -- agreed with QA -->"
    last = "<!--prdlint-disable-file placeholder-->"
    assert parse(text) == (
        Directive("disable", ("vague-term", "prd302"), 3, 1, first, "agreed with QA"),
        Directive("enable", ("vague-term",), 4, 6, "<!-- prdlint-enable vague-term -->"),
        Directive("disable-next-line", (), 5, 1, "<!-- prdlint-disable-next-line -->"),
        Directive("disable-file", ("placeholder",), 6, 1, last),
    )


def test_directives_in_code_are_examples_not_directives() -> None:
    text = dedent("""\
        # Doc

        ```markdown
        <!-- prdlint-disable -->
        ```

            <!-- prdlint-disable-file -->

        Use `<!-- prdlint-disable -->` to silence a rule.
    """)
    assert parse(text) == ()
    assert not parse("# No directives at all\n")


def test_disable_enable_region() -> None:
    text = f"""\
        # Checkout

        {VAGUE_A}

        <!-- prdlint-disable vague-term -->

        {VAGUE_A}

        <!-- prdlint-enable -->

        {VAGUE_B}
        """
    assert _lint(text) == [("vague-term", 3, 26, "fast"), ("vague-term", 11, 27, "easy")]


def test_disable_all_then_enable_one_rule() -> None:
    text = f"""\
        # Checkout

        <!-- prdlint-disable -->

        {VAGUE_A}

        <!-- prdlint-enable PRD302 -->

        {VAGUE_B}
        """
    assert _lint(text, "vague-term", "missing-acceptance-criteria") == [
        ("vague-term", 9, 27, "easy")
    ]


def test_disable_next_line_and_disable_line() -> None:
    text = f"""\
        # Checkout

        <!-- prdlint-disable-next-line vague-term -- target is in the NFR section -->
        {VAGUE_A}
        {VAGUE_B} <!-- prdlint-disable-line missing-acceptance-criteria -->
        {VAGUE_A}
        """
    assert _lint(text, "vague-term", "missing-acceptance-criteria") == [
        ("missing-acceptance-criteria", 4, 3, TITLE_A),
        ("vague-term", 5, 27, "easy"),
        ("missing-acceptance-criteria", 6, 3, TITLE_A),
        ("vague-term", 6, 26, "fast"),
    ]  # fmt: skip


def test_disable_file_anywhere_in_the_file() -> None:
    text = f"""\
        # Checkout

        {VAGUE_A}

        <!-- prdlint-disable-file vague-term -->
        """
    assert _lint(text) == []
    assert _lint(text.replace("vague-term -->", "placeholder -->")) == [
        ("vague-term", 3, 26, "fast")
    ]


def test_unknown_rule_names_are_reported() -> None:
    text = f"""\
        # Checkout

        <!-- prdlint-disable-next-line vague-terms, PRD302 -->
        {VAGUE_A}
        """
    findings = lint_markdown(dedent(text), "vague-term", "invalid-suppression")
    assert [(f.rule, f.location.line, f.location.column, f.message) for f in findings] == [
        (
            "invalid-suppression",
            3,
            1,
            "unknown rule 'vague-terms' in prdlint-disable-next-line",
        ),
    ]


def test_unused_suppressions_are_reported_only_when_their_rules_ran() -> None:
    text = f"""\
        # Checkout

        <!-- prdlint-disable-next-line vague-term -->
        {VAGUE_A}

        <!-- prdlint-disable-next-line vague-term -->
        - As a shopper, I want to pay by card, so that I can finish my order.

        <!-- prdlint-disable-next-line placeholder -->
        - As a shopper, I want to pay by card, so that I can finish my order.
        """
    findings = lint_markdown(dedent(text), "vague-term", "unused-suppression")
    # Line 3 silenced 'fast'; line 6 silenced nothing; line 9 names a rule that did not run.
    assert [(f.rule, f.location.line, f.message) for f in findings] == [
        ("unused-suppression", 6, "prdlint-disable-next-line silences nothing here"),
    ]
