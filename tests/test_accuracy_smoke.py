"""The accuracy harness runs on any labels file of the shared shape (no figures asserted:
they depend on tuning, and the harness is a benchmark, not a test)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
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


LOSO = HARNESS.with_name("loso.py")
SHARED_CORPUS = HARNESS.parents[2] / "shared" / "corpus"


def _loso():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("loso", LOSO)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["loso"] = module  # its dataclasses resolve their annotations through it
    spec.loader.exec_module(module)
    return module


def test_document_lines_are_prose_lines_only() -> None:
    text = (
        "---\ntitle: x\n---\n# Checkout\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        "```sql\nCREATE TABLE t (id int);\n```\n- As a shopper, I want to pay.\n<!-- note -->\n"
    )
    assert _loso()._document_lines(text) == [4, 6, 8, 12]


def test_document_scoring_counts_each_prose_line_once_per_rule_and_skips_unsure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loso = _loso()
    (tmp_path / "doc.md").write_text(
        "# Backlog\n\n- Export the report: TBD\n- Import the report: TBD\n", encoding="utf-8"
    )
    monkeypatch.setattr(loso, "DOCUMENTS", tmp_path)
    entry = {"document": "doc.md", "positive": {"placeholder": [3, 4]},
             "unsure": {"placeholder": [4]}}  # fmt: skip
    counts = loso.score_document(entry).by_rule
    assert counts["placeholder"] == {"TP": 1, "FP": 0, "FN": 0, "TN": 1}
    assert all(sum(c.values()) == 3 for rule, c in counts.items() if rule != "placeholder")


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="needs ../shared/corpus beside the clone")
def test_sources_split_tuned_from_unseen_as_documented() -> None:
    sources = _loso().collect_sources()
    github = [s for s in sources if s.collection == "shared github"]
    assert sum(len(s.rows) for s in github) == 301
    for source in github:
        lines = {int(str(row["line"])) % 3 == 0 for row in source.rows}
        assert lines == {source.group == "unseen"}
    team = [s for s in sources if s.collection.startswith("team")]
    assert team and all(s.group == "tuned" and s.name != "github" for s in team)
    groups = {s.collection: s.group for s in sources if s.collection.startswith("new")}
    assert groups.pop("new holdout") == "unseen"
    assert set(groups.values()) == {"tuned"}  # bench/data dev and extra/ were read while tuning


def test_no_holdout_leaves_every_held_out_set_out() -> None:
    sources = _loso().collect_sources(holdout=False)
    assert sources and all(s.group == "tuned" for s in sources)
    assert all(
        not s.collection.endswith("holdout") or s.collection == "team holdout" for s in sources
    )


def test_json_output_holds_every_table_with_the_four_counts(tmp_path: Path) -> None:
    out = tmp_path / "loso.json"
    assert _loso().main(["--documents", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data) == ["documents"]
    assert all(set(counts) == {"TP", "FP", "FN", "TN"} for counts in data["documents"].values())
    assert "placeholder" in data["documents"]
