"""The one filter pass after the engine, through the real CLI: inline directives, then
per-file-ignores, then the baseline; the directive findings meet the later steps too."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prdlint.cli import cli

FAST = "- As a shopper, I want a fast checkout, so that I do not give up.\n  - Card works.\n"
PLAIN = "- As a shopper, I want to pay by card, so that I can finish.\n  - Card works.\n"
SILENCE = "<!-- prdlint-disable-next-line vague-term -->\n"
UNUSED_B = "b.md:3:1: PRD902 unused-suppression prdlint-disable-next-line silences nothing here"
FAST_C = (
    "c.md:3:26: PRD302 vague-term uses the vague term 'fast';"
    " say what it means in a way a tester can check"
)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(f"# A\n\n{SILENCE}{FAST}", encoding="utf-8")  # directive used
    Path("b.md").write_text(f"# B\n\n{SILENCE}{PLAIN}", encoding="utf-8")  # directive unused
    Path("c.md").write_text(f"# C\n\n{FAST}", encoding="utf-8")  # no directive


def run(*args: str, ignores: str = "") -> Result:
    if ignores:
        Path(".prdlint.yaml").write_text(f"per-file-ignores:\n{ignores}", encoding="utf-8")
    select = ["--select", "vague-term,unused-suppression", "--quiet"]
    return CliRunner().invoke(cli, ["check", *select, "a.md", "b.md", "c.md", *args])


def findings(result: Result) -> list[str]:
    return result.stdout.splitlines()


def test_without_config_the_unused_directive_is_reported_beside_the_findings() -> None:
    assert findings(run()) == [UNUSED_B, FAST_C]


def test_a_directive_applies_before_per_file_ignores_so_it_is_used() -> None:
    # a.md's rule is ignored for the file too; the directive still silenced it first,
    # so it is not reported as unused.
    result = run(ignores='  "a.md": [vague-term]\n')
    assert findings(result) == [UNUSED_B, FAST_C]


def test_per_file_ignores_quiet_the_directive_findings() -> None:
    result = run(ignores='  "b.md": [unused-suppression]\n')
    assert findings(result) == [FAST_C]


def test_the_baseline_records_what_passed_per_file_ignores_and_then_hides_it() -> None:
    written = run("--write-baseline", "base.json", ignores='  "c.md": [vague-term]\n')
    assert written.exit_code == 0
    assert written.stderr == "prdlint: recorded 1 findings in base.json\n"  # only b.md's
    Path(".prdlint.yaml").unlink()
    result = run("--baseline", "base.json")
    assert findings(result) == [FAST_C]  # b.md's directive finding is in the baseline
    assert result.exit_code == 1
