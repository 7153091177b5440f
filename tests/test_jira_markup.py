"""Jira wiki markup and ADF to markdown (prdlint.readers.jira_markup)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prdlint.readers.jira_markup import (
    adf_to_markdown,
    convert,
    convert_wiki,
    wiki_inline,
    wiki_to_markdown,
)

ADF_SAMPLE = (
    Path(__file__).resolve().parent
    / "data"
    / "jira"
    / "real-adf.description-all-common-nodes.jira-cli-testdata.json"
)


@pytest.mark.parametrize(
    ("wiki", "markdown"),
    [
        ("*bold* and _it_", "**bold** and *it*"),
        ("use {{orders.status}} now", "use `orders.status` now"),
        (
            "[the spec|https://ex.com/a?b=1] and [~jsmith]",
            "[the spec](https://ex.com/a?b=1) and @jsmith",
        ),
        ("[~accountid:5b10a2844c20165700ede21g] asked", "@5b10a2844c20165700ede21g asked"),
        ("see [https://ex.com]", "see <https://ex.com>"),
        ("-gone- +ins+ ??cite??", "~~gone~~ ins *cite*"),
        ("{color:red}red text{color}", "red text"),
        ("ok (/) or not (x) (!)", "ok  or not  "),
        ("a well-known - thing, 3-4 - 5", "a well-known - thing, 3-4 - 5"),
        ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),
        ("{{*not bold*}}", "`*not bold*`"),
        ("line\\\\break", "line break"),
    ],
)
def test_wiki_inline(wiki: str, markdown: str) -> None:
    assert wiki_inline(wiki) == markdown


def test_wiki_blocks_with_line_map() -> None:
    wiki = (
        "h2. Context\r\n"
        "As a shopper, I want to save my cart so that I can buy later.\r\n"
        "* first\r\n"
        "** nested\r\n"
        "*# nested numbered\r\n"
        "Plain line after the list\r\n"
        "h3. Acceptance Criteria\r\n"
        "# Given a cart\r\n"
        "* (/) done thing\r\n"
        "* [ ] open thing\r\n"
        "- dash item\r\n"
        "----"
    )
    converted = convert_wiki(wiki)
    assert converted.text.split("\n") == [
        "## Context",
        "As a shopper, I want to save my cart so that I can buy later.",
        "- first",
        "  - nested",
        "  1. nested numbered",
        "",
        "Plain line after the list",
        "### Acceptance Criteria",
        "1. Given a cart",
        "- [x] done thing",
        "- [ ] open thing",
        "- dash item",
        "***",
    ]
    assert converted.lines == (1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10, 11, 12)
    assert converted.source_line(7) == 6
    assert converted.source_line(99) == 12


def test_wiki_code_and_noformat_become_fences() -> None:
    wiki = (
        "Intro\n{code:sql}\nCREATE TABLE carts (id int);\n{code}\n"
        "{noformat}raw *text*{noformat}\nAfter"
    )
    converted = convert_wiki(wiki)
    assert converted.text == (
        "Intro\n```sql\nCREATE TABLE carts (id int);\n```\n```\nraw *text*\n```\nAfter"
    )
    assert converted.lines == (1, 2, 3, 4, 5, 5, 5, 6)


def test_wiki_code_with_title_parameter_and_inline_content() -> None:
    wiki = "{code:title=Query.sql|borderStyle=solid}SELECT 1\nFROM t{code}"
    assert wiki_to_markdown(wiki) == "```\nSELECT 1\nFROM t\n```"


def test_wiki_code_fence_outlasts_backticks_inside() -> None:
    assert wiki_to_markdown("{code}\n```\n{code}") == "````\n```\n````"


def test_unclosed_code_stays_prose() -> None:
    # an unclosed macro must not hide the rest of the description from the rules
    assert wiki_to_markdown("{code}\nUse Redis to cache") == "{code}\nUse Redis to cache"


def test_wiki_table_quote_panel() -> None:
    wiki = (
        "Before\n||Name||Link||\n|a|[x|http://e.com]|\nAfter\n"
        "{quote}\nquoted *text*\n{quote}\nbq. short quote\n"
        "{panel:title=Acceptance criteria|bgColor=#fff}\n* inside panel\n{panel}"
    )
    converted = convert_wiki(wiki)
    assert converted.text.split("\n") == [
        "Before",
        "",
        "| Name | Link |",
        "| --- | --- |",
        "| a | [x](http://e.com) |",
        "",
        "After",
        "",
        "> quoted **text**",
        "",
        "> short quote",
        "",
        "**Acceptance criteria**",
        "",
        "- inside panel",
        "",
    ]
    assert converted.lines == (1, 2, 2, 2, 3, 4, 4, 5, 6, 7, 8, 9, 9, 9, 10, 11)


def test_wiki_odd_input_never_raises() -> None:
    for text in ["", "\r", "*", "h7. nope", "||", "{code", "[|]", "{{", "#" * 500, "*" * 1000]:
        assert isinstance(wiki_to_markdown(text), str)


def test_adf_real_sample_from_corpus() -> None:
    doc = json.loads(ADF_SAMPLE.read_text(encoding="utf-8"))
    lines = adf_to_markdown(doc).split("\n")
    assert lines[:6] == ["# H1", "", "## H2", "", "1. Some text", "2. Some more text"]
    assert "> Blockquote text" in lines
    assert (
        "Inline Node<https://antiklabs.atlassian.net/wiki/spaces/ANK/pages/124234/hello-world>"
        in lines
    )
    assert "Panel paragraph" in lines
    assert "@Person A" in lines
    assert "**Strong** Paragraph 1" in lines
    assert "`Prefix: Inline Code Block`" in lines
    assert "~~Prefix: Strikethrough text~~" in lines
    assert "[Link](https://ankit.pl)" in lines
    assert "      - New level" in lines
    assert "            1. fourth level" in lines
    assert "| **Table Header 1** | **Table Header 2** | **Table Header 3** |" in lines
    assert "| Table row 2 column 1 | Table row 2 column 2 | Table row 2 column 3 |" in lines
    fence = lines.index("```go")
    assert lines[fence + 1 : fence + 3] == ["package main", ""]
    assert lines[fence:].index("```") > 5  # the Go code stays inside one fence


def test_adf_task_list_heading_and_code() -> None:
    doc = {
        "type": "doc",
        "version": 1,
        "content": [
            {
                "type": "heading",
                "attrs": {"level": 3},
                "content": [{"type": "text", "text": "Acceptance criteria"}],
            },
            {
                "type": "taskList",
                "attrs": {"localId": "a"},
                "content": [
                    {
                        "type": "taskItem",
                        "attrs": {"state": "DONE"},
                        "content": [{"type": "text", "text": "saved"}],
                    },
                    {
                        "type": "taskItem",
                        "attrs": {"state": "TODO"},
                        "content": [{"type": "text", "text": "restored"}],
                    },
                ],
            },
            {
                "type": "codeBlock",
                "attrs": {"language": "sql"},
                "content": [{"type": "text", "text": "ALTER TABLE x"}],
            },
            {
                "type": "expand",
                "attrs": {"title": "Notes"},
                "content": [{"type": "paragraph", "content": [{"type": "text", "text": "hidden"}]}],
            },
            {"type": "mediaSingle", "content": [{"type": "media", "attrs": {"id": "x"}}]},
        ],
    }
    assert adf_to_markdown(doc) == (
        "### Acceptance criteria\n\n- [x] saved\n- [ ] restored\n\n```sql\nALTER TABLE x\n```\n\n"
        "**Notes**\n\nhidden"
    )


def test_adf_malformed_and_deep_input_never_raises() -> None:
    assert adf_to_markdown(None) == ""
    assert adf_to_markdown({"type": "doc", "content": "x"}) == ""
    assert adf_to_markdown({"type": "doc", "content": [1, None, {"type": "weird"}]}) == ""
    deep: dict[str, object] = {"type": "text", "text": "bottom"}
    for _ in range(3000):
        deep = {"type": "blockquote", "content": [deep]}
    assert adf_to_markdown({"type": "doc", "content": [deep]}).endswith("bottom")


def test_convert_dispatches_on_value_type() -> None:
    assert convert(None).text == ""
    assert convert("*x*").text == "**x**"
    assert (
        convert(
            {
                "type": "doc",
                "content": [{"type": "paragraph", "content": [{"type": "text", "text": "a"}]}],
            }
        ).text
        == "a"
    )
    assert convert(["one", "two"]).text == "one\ntwo"
    assert convert(42).text == "42"
