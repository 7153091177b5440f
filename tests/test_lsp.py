"""`prdlint server` end to end: a real server process, pygls' LanguageClient over stdio."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lsprotocol import types

from prdlint.docs import DOCS_PATH
from tests.lsp_session import Session, apply_edits, run_session

REDIS = "names the solution (Redis); state the user's need and leave the how to the team"
NO_CRITERIA = "has no acceptance criteria; add testable conditions that say when it is done"
CRITERION = "  - Given a cart, when I open it, then I see totals.\n"
PRD = "# Checkout\n\n- As a shopper, I want prices kept in Redis, so that pages load.\n" + CRITERION
PRD_CLEAN = "# Checkout\n\n- As a shopper, I want prices shown, so that I can decide.\n" + CRITERION

Row = tuple[object, ...]


def _rows(diags: list[types.Diagnostic]) -> list[Row]:
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
        uri = session.open("prd.md", PRD.replace(CRITERION, ""))
        return await session.diagnostics(uri)

    diags = run_session(tmp_path, scenario)
    assert _rows(diags) == [
        ("missing-acceptance-criteria", "PRD203", 2, 2, 2, 62, NO_CRITERIA),
        ("solution-prescriptive", "PRD101", 2, 38, 2, 43, REDIS),
    ]
    redis = diags[1]
    assert redis.severity == types.DiagnosticSeverity.Warning
    assert redis.code_description is not None
    assert redis.code_description.href == f"{DOCS_PATH.as_uri()}#solution-prescriptive-prd101"


def test_an_edit_changes_the_diagnostics_and_close_clears_them(tmp_path: Path) -> None:
    async def scenario(session: Session) -> list[list[Row]]:
        uri = session.open("prd.md", PRD)
        seen = [_rows(await session.diagnostics(uri))]
        session.change(uri, PRD_CLEAN)
        seen.append(_rows(await session.diagnostics(uri)))
        session.change(uri, PRD.replace("Redis", "Memcached"))
        seen.append(_rows(await session.diagnostics(uri)))
        session.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
        )
        seen.append(_rows(await session.diagnostics(uri)))
        return seen

    memcached = REDIS.replace("Redis", "Memcached")
    assert run_session(tmp_path, scenario) == [
        [("solution-prescriptive", "PRD101", 2, 38, 2, 43, REDIS)],
        [],
        [("solution-prescriptive", "PRD101", 2, 38, 2, 47, memcached)],
        [],
    ]


def test_incremental_edits_and_crlf_text_keep_positions(tmp_path: Path) -> None:
    async def scenario(session: Session) -> list[list[Row]]:
        uri = session.open("prd.md", PRD.replace("\n", "\r\n"))
        seen = [_rows(await session.diagnostics(uri))]
        session.edit(uri, 2, 38, 43, "Memcached")  # "Redis" -> "Memcached", in place
        seen.append(_rows(await session.diagnostics(uri)))
        return seen

    memcached = REDIS.replace("Redis", "Memcached")
    assert run_session(tmp_path, scenario) == [
        [("solution-prescriptive", "PRD101", 2, 38, 2, 43, REDIS)],
        [("solution-prescriptive", "PRD101", 2, 38, 2, 47, memcached)],
    ]


def test_the_server_asks_the_client_to_watch_configs_and_packs(tmp_path: Path) -> None:
    async def scenario(session: Session) -> list[types.Registration]:
        await session.diagnostics(session.open("prd.md", PRD))  # initialized has been handled
        return session.registrations

    (registration,) = run_session(tmp_path, scenario)
    assert registration.method == "workspace/didChangeWatchedFiles"
    options = registration.register_options  # arrives as plain JSON
    globs = [w["globPattern"] for w in options["watchers"]]
    assert globs == ["**/.prdlint.yaml", "**/.prdlint.yml", "**/pyproject.toml", "**/*.yaml",
                     "**/*.yml"]  # fmt: skip


def test_positions_are_in_the_negotiated_encoding(tmp_path: Path) -> None:
    # "🛒" is one code point, two UTF-16 units and four UTF-8 bytes before the term.
    text = PRD.replace("prices kept", "🛒 prices kept")

    async def scenario(session: Session) -> tuple[int, int]:
        diags = await session.diagnostics(session.open("prd.md", text))
        return diags[0].range.start.character, diags[0].range.end.character

    assert run_session(tmp_path, scenario) == (41, 46)  # UTF-16 by default
    assert run_session(tmp_path, scenario, encodings=["utf-8"]) == (43, 48)
    assert run_session(tmp_path, scenario, encodings=["utf-32"]) == (40, 45)


def test_rapid_edits_publish_only_in_order_and_end_on_the_last_text(tmp_path: Path) -> None:
    async def scenario(session: Session) -> list[int | None]:
        versions: list[int | None] = []
        uri = session.open("prd.md", PRD)
        await session.diagnostics(uri)
        for index in range(6):
            session.change(uri, PRD.replace("Redis", f"Redis{'!' * index}"))
        session.change(uri, PRD_CLEAN)
        last = session.versions[uri]
        while True:
            params = await session.queues[uri].get()
            versions.append(params.version)
            if params.version == last:
                assert list(params.diagnostics) == []
                return versions

    versions = run_session(tmp_path, scenario)
    assert versions == sorted(versions)  # never an older version after a newer one
    assert versions[-1] == 8


def test_hover_on_a_diagnostic_shows_why_and_use_instead(tmp_path: Path) -> None:
    async def scenario(session: Session) -> tuple[types.Hover | None, types.Hover | None]:
        uri = session.open("prd.md", PRD)
        await session.diagnostics(uri)
        return await session.hover(uri, 2, 40), await session.hover(uri, 0, 2)

    on_redis, on_title = run_session(tmp_path, scenario)
    assert on_title is None
    assert on_redis is not None and isinstance(on_redis.contents, types.MarkupContent)
    text = on_redis.contents.value
    assert text.startswith("**solution-prescriptive** (PRD101): The story prescribes how")
    assert "**Why is this bad?** A story is a promise of a conversation" in text
    assert "**Use instead:** " in text


async def _fix(session: Session, uri: str, title_start: str) -> types.CodeAction:
    diags = await session.diagnostics(uri)
    redis = next(d for d in diags if d.source == "solution-prescriptive")
    found = [a for a in await session.code_actions(uri, redis) if a.title.startswith(title_start)]
    assert len(found) == 1, [a.title for a in await session.code_actions(uri, redis)]
    return found[0]


def _text_edits(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return list(action.edit.changes[uri])


def test_disable_for_this_line_inserts_the_directive_and_silences_the_rule(
    tmp_path: Path,
) -> None:
    async def scenario(session: Session) -> tuple[str, list[Row]]:
        uri = session.open("prd.md", PRD)
        action = await _fix(session, uri, "Disable solution-prescriptive for this line")
        edited = apply_edits(PRD, _text_edits(action, uri))
        session.change(uri, edited)
        return edited, _rows(await session.diagnostics(uri))

    edited, after = run_session(tmp_path, scenario)
    assert edited == PRD.replace(
        "- As a shopper",
        "<!-- prdlint-disable-next-line solution-prescriptive -- reason -->\n- As a shopper",
    )
    assert after == []  # silenced, and the directive is used (no unused-suppression)


def test_disable_for_the_file_goes_below_front_matter(tmp_path: Path) -> None:
    text = "---\ntitle: Checkout\n---\n" + PRD

    async def scenario(session: Session) -> tuple[str, list[Row]]:
        uri = session.open("prd.md", text)
        action = await _fix(session, uri, "Disable solution-prescriptive for this file")
        edited = apply_edits(text, _text_edits(action, uri))
        session.change(uri, edited)
        return edited, _rows(await session.diagnostics(uri))

    edited, after = run_session(tmp_path, scenario)
    directive = "<!-- prdlint-disable-file solution-prescriptive -- reason -->\n"
    assert edited == "---\ntitle: Checkout\n---\n" + directive + PRD
    assert after == []


def _document_edits(action: types.CodeAction) -> tuple[list[str], list[types.TextEdit]]:
    assert action.edit is not None and action.edit.document_changes is not None
    created, edits = [], []
    for change in action.edit.document_changes:
        if isinstance(change, types.CreateFile):
            created.append(change.uri)
        else:
            assert isinstance(change, types.TextDocumentEdit)
            edits += [e for e in change.edits if isinstance(e, types.TextEdit)]
    return created, edits


def test_allow_this_term_creates_the_config_and_the_finding_goes(tmp_path: Path) -> None:
    config = tmp_path / ".prdlint.yaml"

    async def scenario(session: Session) -> tuple[list[str], list[Row]]:
        uri = session.open("prd.md", PRD)
        action = await _fix(session, uri, "Allow the term 'Redis'")
        created, edits = _document_edits(action)
        config.write_text(apply_edits("", edits), encoding="utf-8")  # as the editor would
        session.files_changed(config)
        return created, _rows(await session.diagnostics(uri))

    created, after = run_session(tmp_path, scenario)
    assert created == [config.resolve().as_uri()]
    assert config.read_text(encoding="utf-8") == "allow-terms: [Redis]\n"
    assert after == []


def test_allow_this_term_extends_an_existing_config(tmp_path: Path) -> None:
    config = tmp_path / ".prdlint.yaml"
    original = "# our terms\nallow-terms: [CSV]  # formats users open\nfail-on: error\n"
    config.write_text(original, encoding="utf-8")

    async def scenario(session: Session) -> tuple[list[str], str, list[Row]]:
        uri = session.open("prd.md", PRD)
        created, edits = _document_edits(await _fix(session, uri, "Allow the term 'Redis'"))
        edited = apply_edits(original, edits)
        config.write_text(edited, encoding="utf-8")
        session.files_changed(config)
        return created, edited, _rows(await session.diagnostics(uri))

    created, edited, after = run_session(tmp_path, scenario)
    assert created == []
    assert edited == original.replace("[CSV]", "[CSV, Redis]")
    assert after == []


def test_a_broken_config_is_one_diagnostic_until_fixed(tmp_path: Path) -> None:
    config = tmp_path / ".prdlint.yaml"

    async def scenario(session: Session) -> tuple[list[Row], list[Row], list[str], Session]:
        uri = session.open("prd.md", PRD)
        await session.diagnostics(uri)
        config.write_text("select: [no-such-rule]\n", encoding="utf-8")
        session.save(uri)
        broken = _rows(await session.diagnostics(uri))
        config.write_text("select: [solution]\n", encoding="utf-8")
        session.save(uri)
        fixed = _rows(await session.diagnostics(uri))
        return broken, fixed, list(session.logs), session

    broken, fixed, logs, session = run_session(tmp_path, scenario)
    message = (
        f"prdlint: {config}: key 'select': unknown rule 'no-such-rule' "
        "(see `prdlint rules` for names, codes and tags)"
    )
    assert broken == [("prdlint", None, 0, 0, 0, 0, message)]
    assert fixed == [("solution-prescriptive", "PRD101", 2, 38, 2, 43, REDIS)]
    assert message in logs
    assert session.returncode == 0  # shutdown and exit: a clean end
    assert b"Traceback" not in session.stderr


def test_a_story_list_is_linted_without_directive_actions(tmp_path: Path) -> None:
    story = "As a shopper, I want prices kept in Redis, so that pages load.\n"

    async def scenario(session: Session) -> tuple[list[Row], list[str]]:
        uri = session.open("stories.txt", story, language="plaintext")
        diags = await session.diagnostics(uri)
        redis = next(d for d in diags if d.source == "solution-prescriptive")
        return _rows(diags), [a.title for a in await session.code_actions(uri, redis)]

    rows, titles = run_session(tmp_path, scenario)
    assert ("solution-prescriptive", "PRD101", 0, 36, 0, 41, REDIS) in rows
    assert titles == ["Allow the term 'Redis' (allow-terms in .prdlint.yaml)"]


def test_a_file_over_the_size_limit_gets_checks_notice(tmp_path: Path) -> None:
    # The server's limit (2 MiB) keeps every run short; check's wording, both limits named.
    big = "x" * (2 * 1024 * 1024 + 1)

    async def scenario(session: Session) -> list[Row]:
        return _rows(await session.diagnostics(session.open("big.md", big)))

    assert run_session(tmp_path, scenario) == [
        (
            "prdlint",
            None,
            0,
            0,
            0,
            0,
            "prdlint: file too large (2 MiB; the limit is 2 MiB in the editor, "
            "16 MiB for prdlint check)",
        )
    ]


WRAPPED = "# Checkout\n\nAs a shopper, I want prices\nkept in Redis, so that pages load.\n\n" + (
    "- Given a cart, when I open it, then I see totals.\n"
)


def test_disable_for_this_line_inside_a_paragraph_goes_at_the_line_end(tmp_path: Path) -> None:
    # A directive line above "kept in Redis" would end the paragraph and split the story.
    async def scenario(session: Session) -> tuple[str, list[Row]]:
        uri = session.open("prd.md", WRAPPED)
        action = await _fix(session, uri, "Disable solution-prescriptive for this line")
        edited = apply_edits(WRAPPED, _text_edits(action, uri))
        session.change(uri, edited)
        return edited, _rows(await session.diagnostics(uri))

    edited, after = run_session(tmp_path, scenario)
    assert edited == WRAPPED.replace(
        "pages load.\n",
        "pages load. <!-- prdlint-disable-line solution-prescriptive -- reason -->\n",
    )
    assert after == []


PACKED = (
    "# Checkout\n\n"
    "- As a shopper, I want orders sent through Kafka, so that I get them sooner.\n"
    "  - Given an order, when I pay, then I see it confirmed.\n"
)
STACK_PACK = Path(__file__).resolve().parents[1] / "examples" / "rule-packs" / "acme-stack.yaml"


def test_rule_packs_and_plugins_run_and_a_broken_pack_is_one_diagnostic(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    pack = packs / "stack.yaml"
    pack.write_text(STACK_PACK.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".prdlint.yaml").write_text("rule-packs: [packs]\n", encoding="utf-8")

    async def scenario(
        session: Session,
    ) -> tuple[list[types.Diagnostic], list[Row], list[Row], list[types.Diagnostic]]:
        # The story list is opened first so its diagnostics arrive before the pack breaks.
        stories = session.open("stories.txt", "See JIRA-123.\n", language="plaintext")
        uri = session.open("prd.md", PACKED)
        from_plugin = await session.diagnostics(stories)
        before = await session.diagnostics(uri)
        pack.write_text("rules: [\n", encoding="utf-8")
        session.files_changed(pack)
        broken = _rows(await session.diagnostics(uri))
        pack.write_text(STACK_PACK.read_text(encoding="utf-8"), encoding="utf-8")
        session.files_changed(pack)
        return [*from_plugin, *before], broken, _rows(await session.diagnostics(uri)), before

    seen, broken, fixed, before = run_session(tmp_path, scenario)
    by_rule = {d.source: d for d in seen}
    plugin, stack = by_rule["story-mentions-ticket"], by_rule["acme-stack-term"]
    assert (plugin.code, plugin.range.start.line, plugin.range.start.character) == ("EXA101", 0, 4)
    assert (stack.code, stack.range.start.line, stack.range.start.character) == ("ACME101", 2, 43)
    assert stack.code_description is not None
    assert stack.code_description.href == pack.resolve().as_uri()
    assert plugin.code_description is None  # a plugin has no docs file to point at
    assert len(broken) == 1 and broken[0][:6] == ("prdlint", None, 0, 0, 0, 0)
    assert "stack.yaml" in str(broken[0][6])
    assert fixed == _rows(before)


def test_without_pygls_the_command_says_what_to_install(tmp_path: Path) -> None:
    blocked = (
        "import sys; sys.modules['pygls'] = sys.modules['lsprotocol'] = None; "
        "from prdlint.cli import main; sys.argv = ['prdlint', 'server']; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", blocked], cwd=tmp_path, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "prdlint: error: the language server needs pygls (lsprotocol is missing): "
        "pip install 'prdlint[server]'\n"
    )


def test_findings_past_the_per_rule_cap_are_a_note_on_the_items_line(tmp_path: Path) -> None:
    story = "As a shopper, I want TBD" + " TBD" * 104 + ", so that TBD.\n"
    text = "# Checkout\n\n" + story

    async def scenario(session: Session) -> list[types.Diagnostic]:
        return await session.diagnostics(session.open("prd.md", text))

    diags = run_session(tmp_path, scenario)
    placeholders = [d for d in diags if d.source == "placeholder"]
    notes = [_rows([d])[0] for d in diags if d.source == "prdlint"]
    assert len(placeholders) == 100
    assert notes == [
        ("prdlint", None, 2, 0, 2, 0,
         "prdlint: placeholder found 6 more in this item, left out (the first 100 are shown)"),
    ]  # fmt: skip
    assert diags[-1].severity == types.DiagnosticSeverity.Information
