"""The built-in rules: the YAML packs in rules/ (shipped in the wheel as prdlint/_rules),
registered through the same `prdlint.rules` entry point a plugin uses."""

from __future__ import annotations

from pathlib import Path

from prdlint.rule import Rule


def rules_directory() -> Path:
    installed = Path(__file__).parent / "_rules"
    return installed if installed.is_dir() else Path(__file__).parent.parent / "rules"


def load_rules() -> list[Rule]:
    from prdlint.registry import load_pack

    rules: list[Rule] = []
    for pack in sorted(rules_directory().glob("*.yaml")):
        rules.extend(load_pack(pack, source=f"prdlint (rules/{pack.name})", trusted=True))
    return rules
