"""The process pool (prdlint/parallel.py): forced on with tiny thresholds, a run gives
exactly the serial run's findings, notices and errors, in the same order, including the
backlog rules that compare stories across files; a small run never starts a pool."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from prdlint import parallel
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
LOGIN = "- As a user, I want a fast login.\n"
EPIC = """# Checkout

## Epic: Faster checkout

The checkout should be fast and intuitive.

### Story: Saved cards

As a buyer, I want to pay with a saved card, so that I finish quickly.

- The Postgres table cards stores the token.

### Story: Guest checkout

As a guest, I want to check out without an account.
"""


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pools started (their worker counts): the real pool, counted."""
    started: list[int] = []
    real = parallel._pool

    def counted(workers: int) -> Any:
        started.append(workers)
        return real(workers)

    monkeypatch.setattr(parallel, "_pool", counted)
    return started


def write(name: str, text: str) -> None:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(text, encoding="utf-8")


def check(monkeypatch: pytest.MonkeyPatch, jobs: str, *args: str) -> Result:
    monkeypatch.setenv(parallel.JOBS_ENV, jobs)
    return CliRunner().invoke(cli, ["check", *args])


def force_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_POOL_BYTES", 0)
    monkeypatch.setattr(parallel, "MIN_SPLIT_ITEMS", 2)


def backlog() -> None:
    """Files whose findings need every file: a duplicate across two, a template
    convention only the whole run has, directives, a file with no items."""
    write("docs/a.md", f"# A\n\n<!-- prdlint-disable-next-line vague-term -->\n{CART}{KEPT}")
    write("docs/b.md", f"# B\n\nIntro.\n\n{CART}{KEPT}{LOGIN}")
    write("docs/c.md", "# C\n\n" + "".join(f"- {story}\n  - Works.\n" for story in SO_THAT))
    write("docs/d.md", "# D\n\n- As a tester, I want to reset data, in order to start clean.\n")
    write("docs/e.md", "# Notes\n\nNothing to read here.\n")
    write("docs/epic.md", EPIC)


def test_a_pooled_run_of_many_files_reports_exactly_the_serial_findings(
    monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    backlog()
    run = ("--format", "json", "--extend-select", "inconsistent-template", "docs", "docs/b.md")
    serial = check(monkeypatch, "1", *run)
    assert pools == []
    force_pool(monkeypatch)
    pooled = check(monkeypatch, "2", *run)
    assert pools == [2]
    assert (pooled.exit_code, pooled.stdout, pooled.stderr) == (
        serial.exit_code,
        serial.stdout,
        serial.stderr,
    )
    assert "PRD601" in serial.stdout and "PRD602" in serial.stdout  # backlog rules ran


def test_pooled_backlog_findings_name_the_other_file_in_run_order(
    monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    backlog()
    force_pool(monkeypatch)
    rules = "duplicate-story,inconsistent-template,vague-term,unused-suppression"
    result = check(monkeypatch, "2", "--quiet", "--select", rules, "docs/b.md", "docs")
    assert pools == [2]
    assert result.stdout.splitlines() == [
        "docs/b.md:5:3: PRD601 duplicate-story nearly duplicates docs/a.md:4;"
        " merge them or say how they differ",
        "docs/b.md:7:23: PRD302 vague-term uses the vague term 'fast';"
        " say what it means in a way a tester can check",
        "docs/a.md:3:1: PRD902 unused-suppression prdlint-disable-next-line silences nothing here",
        "docs/c.md:7:3: PRD601 duplicate-story nearly duplicates docs/epic.md:9;"
        " merge them or say how they differ",
        "docs/d.md:3:3: PRD602 inconsistent-template uses 'in order' where most stories use"
        " 'so that'; keep one template across the backlog",
    ]
    assert result.exit_code == 1


@pytest.mark.parametrize("name", ["stories.txt", "epic.md"])
def test_one_large_file_split_into_slices_reports_exactly_the_serial_findings(
    monkeypatch: pytest.MonkeyPatch, pools: list[int], name: str
) -> None:
    # Slices of one file: the epic's children and the duplicate are in other slices.
    stories = [f"As a user, I want report {n} to be fast, so that I can plan." for n in range(40)]
    write("stories.txt", "\n".join([*stories, stories[3], *SO_THAT]) + "\n")
    write("epic.md", EPIC * 3)
    serial = check(monkeypatch, "1", "--format", "json", name)
    force_pool(monkeypatch)
    pooled = check(monkeypatch, "2", "--format", "json", name)
    assert pools == [2]
    assert (pooled.exit_code, pooled.stdout, pooled.stderr) == (
        serial.exit_code,
        serial.stdout,
        serial.stderr,
    )
    assert '"PRD' in serial.stdout


def test_an_unreadable_file_gives_the_serial_error_and_exit_code(
    monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    backlog()
    Path("docs/gone.md").symlink_to("nowhere.md")  # dangling: fails when it is read
    serial = check(monkeypatch, "1", "docs/a.md", "docs/gone.md", "docs/b.md")
    force_pool(monkeypatch)
    pooled = check(monkeypatch, "2", "docs/a.md", "docs/gone.md", "docs/b.md")
    assert pools == [2]
    assert (pooled.exit_code, pooled.stdout, pooled.stderr) == (
        serial.exit_code,
        serial.stdout,
        serial.stderr,
    )
    assert serial.exit_code == 2
    assert "prdlint: error: docs/gone.md: " in serial.stderr


def test_an_unreadable_large_file_alone_gives_the_serial_error(
    monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    Path("gone.txt").symlink_to("nowhere.txt")
    serial = check(monkeypatch, "1", "gone.txt")
    force_pool(monkeypatch)
    pooled = check(monkeypatch, "2", "gone.txt")
    assert (pooled.exit_code, pooled.stderr) == (serial.exit_code, serial.stderr)
    assert serial.exit_code == 2
    assert pools == []  # nothing was read, so nothing to split


def test_a_small_file_never_starts_a_pool(
    monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    backlog()
    result = check(monkeypatch, "2", "--quiet", "--select", "vague-term", "docs/b.md")
    assert result.stdout.splitlines() == [
        "docs/b.md:7:23: PRD302 vague-term uses the vague term 'fast';"
        " say what it means in a way a tester can check",
    ]
    assert pools == []


def test_standard_input_keeps_the_run_serial(
    monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    backlog()
    force_pool(monkeypatch)
    monkeypatch.setenv(parallel.JOBS_ENV, "2")
    result = CliRunner().invoke(
        cli, ["check", "--quiet", "--select", "vague-term", "-", "docs/b.md"], input=LOGIN
    )
    assert result.stdout.splitlines() == [
        "<stdin>:1:23: PRD302 vague-term uses the vague term 'fast';"
        " say what it means in a way a tester can check",
        "docs/b.md:7:23: PRD302 vague-term uses the vague term 'fast';"
        " say what it means in a way a tester can check",
    ]
    assert pools == []


@pytest.mark.parametrize("value", ["0", "two", "-1", "1.5"])
def test_a_bad_jobs_setting_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    backlog()
    result = check(monkeypatch, value, "docs/a.md")
    wanted = "PRDLINT_JOBS: must be a whole number of processes (1 or more) or 'auto'"
    assert (result.exit_code, result.stderr) == (2, f"prdlint: error: {wanted}\n")
