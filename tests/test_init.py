"""`prdlint init` writes a working starter config and rule pack, and never overwrites
without --force."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from prdlint.cli import cli
from prdlint.config import load_config
from prdlint.registry import all_rules


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_writes_a_config_and_a_pack_that_work(here: Path) -> None:
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [
        "wrote .prdlint.yaml",
        "wrote prdlint-rules/our-stack.yaml",
    ]
    config = load_config()
    assert config.rule_packs == (here / "prdlint-rules",)
    assert config.skip_sections == ("technical notes", "appendix")
    pack_rules = [r for r in all_rules(config.rule_packs) if r.source.startswith("prdlint-rules")]
    assert [(r.code, r.name) for r in pack_rules] == [
        ("OUR101", "our-stack-term"),
        ("OUR201", "our-epic-success-metric"),
    ]
    (here / "backlog.txt").write_text(
        "As a shopper, I want my basket cached in Redis, so that it loads quickly.\n",
        encoding="utf-8",
    )
    check = CliRunner().invoke(cli, ["check", "--select", "OUR101", "backlog.txt"])
    assert check.exit_code == 1
    assert check.output.splitlines()[0] == (
        "backlog.txt:1:42: OUR101 our-stack-term names our stack ('Redis'); describe the "
        "user's need and let the team choose"
    )


@pytest.mark.parametrize("existing", [".prdlint.yaml", "prdlint-rules/our-stack.yaml"])
def test_init_refuses_to_overwrite(here: Path, existing: str) -> None:
    (here / existing).parent.mkdir(exist_ok=True)
    (here / existing).write_text("mine\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["init"])
    assert result.exit_code == 2
    assert result.output == (
        f"prdlint: error: {existing} already exists; use --force to overwrite it\n"
    )
    assert (here / existing).read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in here.rglob("*") if p.is_file()) == [Path(existing).name]


def test_init_force_overwrites(here: Path) -> None:
    (here / ".prdlint.yaml").write_text("mine\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", "--force"])
    assert result.exit_code == 0
    assert (
        (here / ".prdlint.yaml").read_text(encoding="utf-8").startswith("# prdlint configuration")
    )
