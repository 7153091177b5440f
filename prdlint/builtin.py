"""The built-in rules: the YAML packs in rules/ (shipped in the wheel as prdlint/_rules),
registered through the same `prdlint.rules` entry point a plugin uses."""

from __future__ import annotations

from prdlint.rule import Rule
from prdlint.shipped import rules_directory

__all__ = ["load_rules", "rules_directory"]


def load_rules() -> list[Rule]:
    from prdlint.registry import load_pack

    rules: list[Rule] = []
    for pack in sorted(rules_directory().glob("*.yaml")):
        rules.extend(load_pack(pack, source=f"prdlint (rules/{pack.name})", trusted=True))
    return rules
