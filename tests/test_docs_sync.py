"""docs/rules.md is generated from the rule packs; this fails when someone forgets."""

from __future__ import annotations

from prdlint.builtin import load_rules
from prdlint.docs import DOCS_PATH, REGENERATE, main, render


def test_rules_md_is_up_to_date() -> None:
    current = DOCS_PATH.read_text(encoding="utf-8") if DOCS_PATH.exists() else ""
    assert current == render(), f"docs/rules.md is stale: regenerate it with `{REGENERATE}`"


def test_every_builtin_rule_is_documented() -> None:
    text = render()
    for rule in load_rules():
        assert f"## {rule.name} ({rule.code})" in text
        assert f"[{rule.name}](#{rule.name}-{rule.code.lower()})" in text


def test_check_mode_reports_a_stale_file(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    stale = tmp_path / "rules.md"
    stale.write_text("# old\n", encoding="utf-8")
    monkeypatch.setattr("prdlint.docs.DOCS_PATH", stale)
    assert main(["--check"]) == 1
    assert capsys.readouterr().err == f"{stale}: out of date; run `{REGENERATE}`\n"
    assert main([]) == 0
    assert main(["--check"]) == 0
