"""The accuracy harness runs on any labels file of the shared shape (no figures asserted:
they depend on tuning, and the harness is a benchmark, not a test)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[1] / "bench" / "accuracy.py"


def _harness():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("accuracy", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_scored_label_is_counted_once_and_nulls_are_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    harness = _harness()
    rows = [
        {"dataset": "t", "text": "As a shopper, I want to pay by card, so that I can check out.",
         "labels": {rule: 0 for rule in harness.RULES}},
        {"dataset": "t", "text": "Set up the CI pipeline",
         "labels": {rule: (None if rule == "vague-term" else 1) for rule in harness.RULES}},
    ]  # fmt: skip
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    assert harness.main([str(labels), "--quiet"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0] == f"{labels} (2 stories)"
    counts = {}
    for line in table[2:]:
        if line.strip():
            name, tp, fp, fn, tn = re.split(r"\s+", line.strip())[:5]
            counts[name] = int(tp) + int(fp) + int(fn) + int(tn)
    expected = {rule: 2 for rule in harness.RULES}
    expected["vague-term"] = 1
    assert counts == expected


def test_a_broken_labels_file_names_the_line(tmp_path: Path) -> None:
    labels = tmp_path / "bad.jsonl"
    labels.write_text('{"text": "ok", "labels": {}}\nnot json\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"bad\.jsonl:2: not JSON"):
        _harness().main([str(labels)])
