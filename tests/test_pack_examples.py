"""The example rule packs' bad and good examples are tests, like the built-in rules' ones:
examples/rule-packs/ and the pack `prdlint init` writes."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdlint.cli import cli
from prdlint.commands.init import STARTER_PACK
from prdlint.registry import all_rules, load_packs
from prdlint.rule import Rule
from prdlint.testing import ExampleCase, ExampleFailure, example_cases, fires

ROOT = Path(__file__).resolve().parents[1]
PACKS = ROOT / "examples" / "rule-packs"


def _starter_rules() -> list[Rule]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "our-stack.yaml"
        path.write_text(STARTER_PACK, encoding="utf-8")
        return load_packs([path])


CASES = example_cases(load_packs([PACKS]) + _starter_rules())
INSTALLED = all_rules()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_pack_example(case: ExampleCase) -> None:
    fired = fires(case.rule, case.example, INSTALLED)
    assert fired == (case.verdict == "bad"), ExampleFailure(case).describe()


def test_example_packs_load_beside_the_builtins() -> None:
    names = {r.name for r in all_rules([PACKS]) if "rule-packs" in r.source}
    assert names == {
        "acme-stack-term",
        "acme-epic-success-metric",
        "acme-unknown-persona",
        "acme-story-too-long",
        "acme-personal-data-without-privacy",
    }


def test_the_example_backlog_breaks_each_acme_rule_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    backlog = "examples/rule-packs/acme-backlog.txt"
    result = CliRunner().invoke(cli, ["check", "--rules", str(PACKS), "--select", "ACME", backlog])
    assert result.exit_code == 1
    rows = [line.split(" ", 2)[:2] for line in result.output.splitlines()[:-1]]
    assert rows == [
        [f"{backlog}:1:55:", "ACME101"],
        [f"{backlog}:3:1:", "ACME202"],
        [f"{backlog}:5:35:", "ACME204"],
        [f"{backlog}:6:1:", "ACME203"],
    ]
    only_dor = CliRunner().invoke(
        cli, ["check", "--rules", str(PACKS), "--select", "tag:definition-of-ready", backlog]
    )
    assert "ACME101" not in only_dor.output and only_dor.output.count("ACME2") == 3
