from __future__ import annotations

from pathlib import Path

import pytest

from prdlint.registry import all_rules
from prdlint.rule import Rule

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def rules() -> list[Rule]:
    return all_rules()


def pytest_report_header() -> str:
    return f"shared material: {SHARED} ({'present' if SHARED.is_dir() else 'MISSING'})"
