"""GatedPatterns finds what one alternation of its patterns finds, on every text we have."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from prdlint.builtin import load_rules
from prdlint.checks import _ui, database_detail, ui_detail
from prdlint.checks._gate import GatedPatterns
from prdlint.readers.markdown import read_markdown

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def test_leftmost_match_first_then_pattern_order_never_overlapping() -> None:
    gated = GatedPatterns([("blue", r"blue \w+"), ("big", r"big blue"), (None, r"\d+px")])
    text = "a big blue button, 12px, blue sky"
    assert gated.spans(text) == [(2, 10), (19, 23), (25, 33)]
    assert gated.spans("nothing here") == []
    assert gated.spans(text, 11) == [(19, 23), (25, 33)]


def _texts() -> list[str]:
    texts = [example.text for rule in load_rules() for example in (*rule.bad, *rule.good)]
    paths = [*ROOT.glob("examples/*.md"), *ROOT.glob("tests/fixtures/*.md")]
    if SHARED.exists():
        paths.extend(SHARED.glob("prds/*.md"))
        for labels in SHARED.glob("labels/*.jsonl"):
            lines = labels.read_text(encoding="utf-8").splitlines()
            texts.extend(json.loads(line)["text"] for line in lines if line.strip())
        for stories in SHARED.glob("user-stories*/*.txt"):
            texts.extend(stories.read_bytes().decode("utf-8", "replace").splitlines())
    for path in paths:
        items = read_markdown(path.read_text(encoding="utf-8"), path.name)
        texts.extend(part.text for item in items for part in item.parts)
    return texts


@pytest.mark.parametrize(
    ("combined", "gated"),
    [
        (database_detail.DATABASE_DETAIL, database_detail.GATED),
        (ui_detail.UI_DETAIL, ui_detail.GATED),
        (_ui.UI_PHRASES, _ui.GATED),
    ],
    ids=["database-detail", "ui-detail", "ui-phrases"],
)
def test_anchors_never_hide_a_match(combined: re.Pattern[str], gated: GatedPatterns) -> None:
    texts = _texts()
    assert len(texts) > 200
    differ = [t for t in texts if [m.span() for m in combined.finditer(t)] != gated.spans(t)]
    assert differ == []
