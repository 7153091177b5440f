"""Backlog rules across the run: in `check`, duplicate-story and inconsistent-template
compare the stories of every file, as one backlog (through the real CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prdlint.cli import cli

CART = "- As a shopper, I want to save my cart for later, so that I can buy it next week.\n"
KEPT = "  - Cart kept 30 days.\n"
SO_THAT = [
    "As a shopper, I want to see my orders, so that I can track them.",
    "As a clerk, I want to print labels, so that parcels ship.",
    "As a buyer, I want to pay by card, so that I finish quickly.",
    "As a guest, I want to browse items, so that I can choose.",
    "As an admin, I want to add users, so that they can work.",
    "As a manager, I want to see sales, so that I can plan.",
    "As a courier, I want to see addresses, so that I can deliver.",
]


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write(name: str, text: str) -> None:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(text, encoding="utf-8")


def check(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--quiet", *args])


def test_a_duplicate_across_two_files_names_the_other_file() -> None:
    # duplicate-story reports a group once, at its first copy, naming the other places.
    write("docs/a.md", f"# A\n\n{CART}{KEPT}")
    write("docs/b.md", f"# B\n\nIntro.\n\n{CART}{KEPT}")
    result = check("--select", "duplicate-story", "docs")
    assert result.stdout.splitlines() == [
        "docs/a.md:3:3: PRD601 duplicate-story nearly duplicates docs/b.md:5;"
        " merge them or say how they differ",
    ]
    assert result.exit_code == 1


def test_findings_stay_in_the_order_the_files_were_named() -> None:
    write("a.md", f"# A\n\n{CART}{KEPT}")
    write(
        "b.md", f"# B\n\n- As a shopper, I want a fast checkout, so that I buy.\n{KEPT}{CART}{KEPT}"
    )
    result = check("--select", "duplicate-story,vague-term", "b.md", "a.md")
    assert result.stdout.splitlines() == [
        "b.md:3:26: PRD302 vague-term uses the vague term 'fast';"
        " say what it means in a way a tester can check",
        "b.md:5:3: PRD601 duplicate-story nearly duplicates a.md:3;"
        " merge them or say how they differ",
    ]


def test_the_directive_of_the_file_a_backlog_finding_is_in_applies() -> None:
    write("a.md", f"# A\n\n<!-- prdlint-disable-next-line duplicate-story -->\n{CART}{KEPT}")
    write("b.md", f"# B\n\n{CART}{KEPT}")
    result = check("--select", "duplicate-story,unused-suppression", "a.md", "b.md")
    assert (result.exit_code, result.stdout) == (0, "")  # silenced, so the directive is used
    named_first = check("--select", "duplicate-story,unused-suppression", "b.md", "a.md")
    assert named_first.stdout.splitlines() == [
        "b.md:3:3: PRD601 duplicate-story nearly duplicates a.md:4;"
        " merge them or say how they differ",
        "a.md:3:1: PRD902 unused-suppression prdlint-disable-next-line silences nothing here",
    ]


def test_inconsistent_template_sees_the_convention_of_the_whole_run() -> None:
    # Seven 'so that' stories in one file, one 'in order to' in another: neither file
    # alone has the eight stories a convention needs.
    write("c.md", "# C\n\n" + "".join(f"- {story}\n  - Works.\n" for story in SO_THAT))
    write("d.md", "# D\n\n- As a tester, I want to reset data, in order to start clean.\n")
    result = check("--select", "inconsistent-template", "c.md", "d.md")
    assert result.stdout.splitlines() == [
        "d.md:3:3: PRD602 inconsistent-template uses 'in order' where most stories use"
        " 'so that'; keep one template across the backlog",
    ]
    assert check("--select", "inconsistent-template", "d.md").stdout == ""
