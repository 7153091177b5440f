"""`prdlint server` end to end: a real server process, a real LSP client over stdio."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from tests.lsp_session import Session, run_session

NO_CRITERIA = "has no acceptance criteria; add testable conditions that say when it is done"
REDIS = "names the solution (Redis); state the user's need and leave the how to the team"
PRD = "# Checkout\n\n- As a shopper, I want prices kept in Redis, so that pages load.\n"


def _summary(diags: list[types.Diagnostic]) -> list[tuple[object, ...]]:
    return [
        (
            d.source,
            d.code,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
            d.message,
        )
        for d in diags
    ]


def test_open_publishes_the_findings_of_check(tmp_path: Path) -> None:
    async def scenario(session: Session) -> list[types.Diagnostic]:
        uri = session.open("prd.md", PRD)
        return await session.diagnostics(uri)

    diags = run_session(tmp_path, scenario)
    assert _summary(diags) == [
        ("missing-acceptance-criteria", "PRD203", 2, 2, 2, 62, NO_CRITERIA),
        ("solution-prescriptive", "PRD101", 2, 38, 2, 43, REDIS),
    ]
