"""One Jira issue to one Item (prdlint.readers.jira_issues), and the field map by name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from prdlint.model import Item
from prdlint.readers.jira_issues import FieldMap, IssueOptions, issue_to_item

CORPUS = Path(__file__).resolve().parent / "data" / "jira"  # real samples, see SOURCES.md

CLOUD_FIELDS: list[dict[str, Any]] = [
    {
        "id": "summary",
        "name": "Summary",
        "clauseNames": ["summary"],
        "schema": {"system": "summary"},
    },
    {
        "id": "customfield_10033",
        "name": "Acceptance Criteria",
        "clauseNames": ["Acceptance Criteria", "Acceptance Criteria[Paragraph]", "cf[10033]"],
        "schema": {
            "type": "string",
            "custom": "com.atlassian.jira.plugin.system.customfieldtypes:textarea",
        },
    },
    {
        "id": "customfield_10750",
        "name": "Epic Link",
        "clauseNames": ["cf[10750]", "Epic Link"],
        "schema": {"type": "any", "custom": "com.pyxis.greenhopper.jira:gh-epic-link"},
    },
]


def _item(fields: dict[str, Any], key: str = "PROJ-7", **options: Any) -> Item:
    issue = {"key": key, "self": "https://host/jira/rest/api/2/issue/10007", "fields": fields}
    field_map = FieldMap.from_field_list(CLOUD_FIELDS)
    item = issue_to_item(issue, IssueOptions(fields=field_map, **options))
    assert item is not None
    return item


def _parts(item: Item) -> list[tuple[str, str, int, int, str]]:
    return [(p.field, p.origin, p.line, p.segments[0].column, p.text) for p in item.parts]


def test_field_map_finds_fields_by_name_and_schema() -> None:
    field_map = FieldMap.from_field_list(CLOUD_FIELDS)
    assert field_map.ac_ids == ("customfield_10033",)
    assert field_map.epic_link_ids == ("customfield_10750",)
    assert field_map.request_fields() == [
        "summary", "description", "issuetype", "status", "labels", "parent",
        "customfield_10033", "customfield_10750",
    ]  # fmt: skip


def test_field_map_with_another_name_and_real_corpus_entries() -> None:
    entries = json.loads((CORPUS / "real-cloud.field-subset.jira-cli-testdata.json").read_text())
    entries.append(
        json.loads((CORPUS / "real-cloud.field-textarea-custom.forum-post.json").read_text())
    )
    field_map = FieldMap.from_field_list(entries, "Test Text Field Multi Line")
    assert field_map.ac_ids == ("customfield_10061",)
    assert FieldMap.from_field_list(entries).ac_ids == ()
    names = {"customfield_1": "Acceptance criteria", "customfield_2": "Epic Link"}
    assert FieldMap.from_names(names) == FieldMap(("customfield_1",), ("customfield_2",))


def test_wiki_story_with_criteria_section_keeps_source_lines() -> None:
    item = _item(
        {
            "summary": "Save the cart",
            "description": (
                "As a shopper, I want my cart kept so that I can buy later.\r\n"
                "* details\r\n"
                "Add a {{saved}} column.\r\n"
                "h3. Acceptance Criteria\r\n"
                "* Given a cart, when I leave, then it is kept\r\n"
                "* (/) It loads in 1 s"
            ),
            "issuetype": {"name": "Story", "hierarchyLevel": 0},
            "status": {"name": "In Progress"},
            "labels": ["checkout"],
            "customfield_10033": "# Works offline\r\n\r\n# Syncs for [~bob]",
            "parent": {"key": "PROJ-1"},
        }
    )
    assert (item.id, item.kind, item.title, item.parent, item.line) == (
        "PROJ-7", "story", "Save the cart", "PROJ-1", 1,
    )  # fmt: skip
    assert item.source.path is None
    assert item.source.issue == "PROJ-7"
    assert item.source.url == "https://host/jira/browse/PROJ-7"
    assert dict(item.fields) == {
        "issue_type": "Story",
        "labels": ("checkout",),
        "status": "In Progress",
        "suppressed": frozenset(),
    }
    assert sorted(_parts(item), key=lambda p: (p[0], p[2])) == [
        ("criterion", "acceptance-criteria", 1, 4, "Works offline"),
        ("criterion", "acceptance-criteria", 3, 4, "Syncs for @bob"),
        ("criterion", "description", 5, 3, "Given a cart, when I leave, then it is kept"),
        ("criterion", "description", 6, 7, "It loads in 1 s"),
        ("description", "description", 2, 3, "details"),
        ("description", "description", 3, 1, "Add a `saved` column."),
        (
            "story",
            "description",
            1,
            1,
            "As a shopper, I want my cart kept so that I can buy later.",
        ),
        ("title", "summary", 1, 1, "Save the cart"),
    ]


def test_story_only_in_summary_and_criteria_without_a_story_sentence() -> None:
    item = _item(
        {
            "summary": "As a guest, I want to email my cart so that I can buy on my phone",
            "description": "h3. Acceptance criteria\n* The link works for 7 days\nh3. Notes\nnone",
            "issuetype": {"name": "Story"},
        }
    )
    assert _parts(item) == [
        (
            "title",
            "summary",
            1,
            1,
            "As a guest, I want to email my cart so that I can buy on my phone",
        ),
        (
            "story",
            "summary",
            1,
            1,
            "As a guest, I want to email my cart so that I can buy on my phone",
        ),
        ("description", "description", 4, 1, "none"),
        ("criterion", "description", 2, 3, "The link works for 7 days"),
    ]


def test_epic_by_hierarchy_level_or_name_and_data_center_epic_link() -> None:
    assert (
        _item({"summary": "E", "issuetype": {"name": "Initiative-ish", "hierarchyLevel": 1}}).kind
        == "epic"
    )
    assert _item({"summary": "E", "issuetype": {"name": "Epic"}}).kind == "epic"
    assert (
        _item({"summary": "S", "issuetype": {"name": "Sub-task", "hierarchyLevel": -1}}).kind
        == "story"
    )
    assert _item({"summary": "S", "issuetype": {"name": "Weird custom type"}}).kind == "story"
    dc = _item({"summary": "S", "issuetype": {"name": "Story"}, "customfield_10750": "PROJ-3"})
    assert dc.parent == "PROJ-3"


def test_ignore_labels() -> None:
    issue = {"key": "PROJ-9", "fields": {"summary": "x", "labels": ["prdlint-ignore"]}}
    assert issue_to_item(issue, IssueOptions()) is None
    item = _item({"summary": "x", "labels": ["prdlint-ignore:vague-term", "prdlint-ignore:PRD101"]})
    assert item.fields["suppressed"] == frozenset({"vague-term", "PRD101"})
    custom = IssueOptions(ignore_label="lint-skip")
    assert issue_to_item({"key": "P-1", "fields": {"labels": ["lint-skip"]}}, custom) is None


def test_empty_null_and_odd_issues_never_crash() -> None:
    for fields in [
        {},
        {"summary": None, "description": None, "labels": None, "issuetype": None},
        {"summary": "x", "description": "", "customfield_10033": ""},
        {"summary": "x", "description": {"type": "doc", "content": None}},
        {"summary": "x", "description": 42, "labels": [1, None, "ok"]},
        {"summary": "x", "description": "h3. Acceptance Criteria\n{code}\nunclosed *" * 2000},
    ]:
        item = issue_to_item({"key": "P-1", "fields": fields}, IssueOptions())
        assert item is not None and item.id == "P-1"
    assert issue_to_item({"fields": None}, IssueOptions()) is not None


def test_adf_description_from_rest_v3() -> None:
    adf = {
        "type": "doc",
        "version": 1,
        "content": [
            {
                "type": "paragraph",
                "content": [{"type": "text", "text": "As a PM, I want reports so that I plan."}],
            },
            {
                "type": "heading",
                "attrs": {"level": 3},
                "content": [{"type": "text", "text": "Acceptance criteria"}],
            },
            {
                "type": "taskList",
                "content": [
                    {
                        "type": "taskItem",
                        "attrs": {"state": "TODO"},
                        "content": [{"type": "text", "text": "Weekly"}],
                    },
                ],
            },
        ],
    }
    item = _item({"summary": "Reports", "description": adf, "issuetype": {"name": "Story"}})
    assert _parts(item) == [
        ("title", "summary", 1, 1, "Reports"),
        ("story", "description", 1, 1, "As a PM, I want reports so that I plan."),
        ("criterion", "description", 5, 7, "Weekly"),
    ]


REFUND = (
    "Refunds should be possible for any paid order within 30 days.\n"
    "\n"
    "*Scenario 1: Refund a paid order*\n"
    "Given a paid order\n"
    "When a refund is asked for\n"
    "Then the money is returned\n"
    "\n"
    "Support handles the rest."
)


def test_a_story_issue_is_a_story_whatever_its_wording() -> None:
    item = _item({"summary": "Refunds", "issuetype": {"name": "Story"}, "description": REFUND})
    assert _parts(item) == [
        ("title", "summary", 1, 1, "Refunds"),
        (
            "story",
            "description",
            1,
            1,
            "Refunds should be possible for any paid order within 30 days.",
        ),
        ("description", "description", 8, 1, "Support handles the rest."),
        ("criterion", "description", 4, 1, "Given a paid order"),
        ("criterion", "description", 5, 1, "When a refund is asked for"),
        ("criterion", "description", 6, 1, "Then the money is returned"),
    ]


def test_a_story_issue_states_itself_in_the_paragraph_naming_its_persona() -> None:
    text = "Background first.\n\nShoppers ask to keep their cart between visits."
    item = _item({"summary": "Keep carts", "issuetype": {"name": "Story"}, "description": text})
    assert [(p.field, p.line, p.text) for p in item.parts] == [
        ("title", 1, "Keep carts"),
        ("description", 1, "Background first."),
        ("story", 3, "Shoppers ask to keep their cart between visits."),
    ]


def test_a_task_without_a_story_sentence_has_no_story_part() -> None:
    item = _item({"summary": "Refunds", "issuetype": {"name": "Task"}, "description": REFUND})
    assert item.part("story") is None


def test_a_story_issue_gives_its_reason_or_persona_in_another_paragraph_or_the_summary() -> None:
    why = "Refunds should be possible for any paid order.\n\nThis matters because support spends hours on refunds."
    item = _item({"summary": "Refunds", "issuetype": {"name": "Story"}, "description": why})
    assert [(p.field, p.line) for p in item.parts] == [("title", 1), ("story", 1), ("goal", 3)]
    summary = "Customers get refunds for paid orders so that they trust the shop"
    item = _item(
        {"summary": summary, "issuetype": {"name": "Story"}, "description": "Within 30 days."}
    )
    assert [(p.field, p.origin, p.text) for p in item.parts] == [
        ("title", "summary", summary),
        ("story", "summary", summary),
        ("description", "description", "Within 30 days."),
    ]
    reason = "Refunds by hand so that support stops doing them"
    item = _item(
        {"summary": reason, "issuetype": {"name": "Story"}, "description": "For paid orders only."}
    )
    assert [(p.field, p.origin) for p in item.parts] == [
        ("title", "summary"),
        ("story", "description"),
        ("goal", "summary"),
    ]
