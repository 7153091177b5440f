"""The server's diagnostics are `prdlint check`'s findings: for every real PRD in the shared
corpus, the same rules at the same (line, column) to (end line, end column)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SHARED

from tests.lsp_session import Session, run_session

PRDS = SHARED / "corpus" / "prds"
FILES = sorted(PRDS.glob("*.md")) if PRDS.is_dir() else []

Key = tuple[str, int, int, int, int]
# Backlog rules compare every file of a `check` run, but one buffer in the editor: their
# findings differ by design, so the comparison leaves them out.
BACKLOG_RULES = frozenset({"duplicate-story", "inconsistent-template"})


def _item_rules(found: dict[str, list[Key]]) -> dict[str, list[Key]]:
    return {name: [k for k in keys if k[0] not in BACKLOG_RULES] for name, keys in found.items()}


def _check_findings() -> dict[str, list[Key]]:
    result = subprocess.run(
        [sys.executable, "-m", "prdlint", "check", "--format", "json", *(f.name for f in FILES)],
        cwd=PRDS,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    found: dict[str, list[Key]] = {f.name: [] for f in FILES}
    for finding in json.loads(result.stdout)["findings"]:
        loc = finding["location"]
        key = (finding["rule"], loc["line"], loc["column"], loc["end_line"], loc["end_column"])
        found[loc["path"]].append(key)
    return {name: sorted(keys) for name, keys in found.items()}


def _server_findings() -> dict[str, list[Key]]:
    async def scenario(session: Session) -> dict[str, list[Key]]:
        uris = {f.name: session.open(f.name, f.read_bytes().decode("utf-8-sig")) for f in FILES}
        found = {}
        for name, uri in uris.items():
            diags = await session.diagnostics(uri)
            found[name] = sorted(
                (
                    str(d.source),
                    d.range.start.line + 1,
                    d.range.start.character + 1,
                    d.range.end.line + 1,
                    d.range.end.character + 1,
                )
                for d in diags
                if d.source != "prdlint"  # notes beside the findings (none expected here)
            )
        return found

    # UTF-32 positions are code points, the unit `check` counts columns in.
    found: dict[str, list[Key]] = run_session(PRDS, scenario, encodings=["utf-32"])
    return found


@pytest.mark.skipif(not FILES, reason="../shared/corpus/prds is not beside the repository")
def test_server_diagnostics_equal_check_findings_on_the_corpus() -> None:
    expected = _check_findings()
    assert sum(map(len, expected.values())) > 0  # the corpus has findings to compare
    assert _item_rules(_server_findings()) == _item_rules(expected)
