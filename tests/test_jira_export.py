"""Offline Jira: `prdlint check` on a saved search response (JSON) and a CSV export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdlint.cli import cli
from prdlint.readers.jira_export import ExportError, read_csv_export, read_search_json

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "jira"
PACK = ROOT / "tests" / "data" / "jira" / "pack.yaml"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """Only the two test rules, so expectations do not move with the built-in rules."""
    path = tmp_path / ".prdlint.yaml"
    path.write_text(f"rule-packs: ['{PACK}']\nselect: [schema-talk, soft-criterion]\n")
    return path


def _findings(
    config: Path, *paths: Path
) -> tuple[int, list[tuple[str, str, str, int, int, str, str | None]]]:
    result = CliRunner().invoke(
        cli, ["check", "--config", str(config), "-f", "json", *map(str, paths)]
    )
    report = json.loads(result.stdout)
    rows = [
        (
            f["location"]["issue"],
            f["location"]["field"],
            f["rule"],
            f["location"]["line"],
            f["location"]["column"],
            f["snippet"],
            f["location"]["url"],
        )
        for f in report["findings"]
    ]
    assert all(f["location"]["path"] is None for f in report["findings"])
    return result.exit_code, rows


def test_saved_search_response_v3_with_names(config: Path) -> None:
    code, rows = _findings(config, EXAMPLES / "search-response.json")
    url = "https://acme.atlassian.net/browse/"
    assert code == 1
    assert rows == [
        ("SHOP-2", "description", "schema-talk", 5, 18, "column", url + "SHOP-2"),
        ("SHOP-2", "description", "schema-talk", 5, 38, "table", url + "SHOP-2"),
        ("SHOP-2", "description", "schema-talk", 5, 52, "Redis", url + "SHOP-2"),
        ("SHOP-2", "description", "soft-criterion", 14, 22, "fast", url + "SHOP-2"),
        ("SHOP-3", "acceptance-criteria", "soft-criterion", 2, 16, "user-friendly", url + "SHOP-3"),
    ]


def test_csv_export_with_repeated_labels_and_custom_field(config: Path) -> None:
    code, rows = _findings(config, EXAMPLES / "export.csv")
    assert code == 1
    assert rows == [
        ("SHOP-11", "description", "schema-talk", 3, 38, "table", None),
        ("SHOP-11", "description", "soft-criterion", 7, 18, "easy", None),
        ("SHOP-12", "acceptance-criteria", "soft-criterion", 2, 3, "TBD", None),
    ]


def test_csv_items_labels_parents_and_suppressions() -> None:
    items = read_csv_export((EXAMPLES / "export.csv").read_text(encoding="utf-8"))
    assert [(i.id, i.kind, i.parent) for i in items] == [
        ("SHOP-10", "epic", None),
        ("SHOP-11", "story", "SHOP-10"),
        ("SHOP-12", "story", "SHOP-10"),
    ]
    assert items[1].fields["labels"] == ("checkout", "prdlint-ignore:vague-term")
    assert items[1].fields["suppressed"] == frozenset({"vague-term"})
    assert items[1].fields["status"] == "In Progress"


def test_ignored_issue_is_not_an_item() -> None:
    items = read_search_json((EXAMPLES / "search-response.json").read_text(encoding="utf-8"))
    assert [i.id for i in items] == ["SHOP-1", "SHOP-2", "SHOP-3"]
    assert [(i.id, i.parent) for i in items if i.parent] == [
        ("SHOP-2", "SHOP-1"),
        ("SHOP-3", "SHOP-1"),
    ]


def test_v2_search_without_names_reads_friendly_field_name() -> None:
    data = {
        "issues": [
            {
                "key": "DC-1",
                "fields": {
                    "summary": "As an admin, I want audit logs so that I can answer auditors",
                    "description": "h3. Acceptance Criteria\r\n# Logs kept 1 year",
                    "Acceptance Criteria": "* Exported as CSV",
                    "issuetype": {"name": "Story"},
                },
            }
        ]
    }
    (item,) = read_search_json(json.dumps(data))
    assert [(p.origin, p.line, p.text) for p in item.criteria] == [
        ("description", 2, "Logs kept 1 year"),
        ("acceptance-criteria", 1, "Exported as CSV"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", "{not json", "invalid JSON at line 1 column 2"),
        (
            "other.json",
            '{"name": "my-package"}',
            'not a Jira search response (expected {"issues": [...]})',
        ),
        ("other.csv", "a,b\n1,2\n", 'not a Jira CSV export (no "Summary" and "Issue key" columns)'),
        ("empty.csv", "\n", "empty CSV export"),
    ],
)
def test_bad_exports_are_one_line_errors(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    good = tmp_path / "good.json"
    good.write_text((EXAMPLES / "search-response.json").read_text(encoding="utf-8"))
    result = CliRunner().invoke(cli, ["check", str(path), str(good)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"prdlint: error: {path}: {message}"]
    assert "Traceback" not in result.output


def test_errors_from_reader_functions() -> None:
    with pytest.raises(ExportError, match="invalid JSON"):
        read_search_json("")
    assert read_search_json("[]") == []


SAMPLES = ROOT / "tests" / "data" / "jira"  # real samples, see tests/data/SOURCES.md


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cloud-platform-spec.search-jql.200.json", [("ED-1", "story", None)]),
        ("cloud-platform-spec.search-legacy-removed.200.json", [("ED-1", "story", None)]),
        ("cloud-software-spec.board-issue.200.json", [("HSP-1", "story", None)]),
    ],
)
def test_real_response_samples(name: str, expected: list[tuple[str, str, str | None]]) -> None:
    items = read_search_json((SAMPLES / name).read_text(encoding="utf-8"))
    assert [(i.id, i.kind, i.parent) for i in items] == expected
    assert items[0].source.url is not None
    assert items[0].source.url.startswith("https://your-domain.atlassian.net/browse/")


def test_story_issues_in_an_export_lack_a_persona_or_criteria_as_written(tmp_path: Path) -> None:
    issues = [
        {
            "key": "SHOP-1",
            "fields": {
                "summary": "Refunds",
                "issuetype": {"name": "Story"},
                "description": "Refunds should be possible for any paid order.\n\n"
                "*Scenario: Refund*\nGiven a paid order\nWhen a refund is asked for\n"
                "Then the money is returned",
            },
        },
        {
            "key": "SHOP-2",
            "fields": {
                "summary": "Saved carts",
                "issuetype": {"name": "Story"},
                "description": "Shoppers keep their cart between visits.",
            },
        },
    ]
    path = tmp_path / "search.json"
    path.write_text(json.dumps({"issues": issues}))
    config = tmp_path / ".prdlint.yaml"
    config.write_text("select: [missing-persona, missing-acceptance-criteria]\n")
    result = CliRunner().invoke(cli, ["check", "--config", str(config), "-f", "json", str(path)])
    rows = [
        (f["location"]["issue"], f["location"]["field"], f["rule"], f["location"]["line"])
        for f in json.loads(result.stdout)["findings"]
    ]
    assert rows == [
        ("SHOP-1", "description", "missing-persona", 1),
        ("SHOP-2", "description", "missing-acceptance-criteria", 1),
    ]
