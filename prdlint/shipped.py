"""Where the data prdlint ships lives: rules/ in a checkout, prdlint/_rules in the wheel
(the YAML packs, and data files such as the technology gazetteer that checks read)."""

from __future__ import annotations

from pathlib import Path


def rules_directory() -> Path:
    installed = Path(__file__).parent / "_rules"
    return installed if installed.is_dir() else Path(__file__).parent.parent / "rules"
