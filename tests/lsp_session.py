"""Drive `prdlint server` as a separate process over stdio with pygls' own LanguageClient,
the way an editor does. Every wait has a generous deadline only so a broken server fails
the test instead of hanging it; nothing is timed."""

from __future__ import annotations

import asyncio
import sys
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.client import LanguageClient

DEADLINE = 120.0  # seconds: a hang guard, never an assertion about speed
T = TypeVar("T")


class Session:
    """One server process: open, edit and query documents, collect what it publishes."""

    def __init__(self, client: LanguageClient, root: Path) -> None:
        self.client = client
        self.root = root
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}
        self.queues: dict[str, asyncio.Queue[types.PublishDiagnosticsParams]] = defaultdict(
            asyncio.Queue
        )
        self.logs: list[str] = []
        self.registrations: list[types.Registration] = []
        self.stderr = b""
        self.returncode: int | None = None

    def uri(self, name: str) -> str:
        return (self.root / name).resolve().as_uri()

    def open(self, name: str, text: str, language: str = "markdown") -> str:
        uri = self.uri(name)
        self.versions[uri], self.texts[uri] = 1, text
        item = types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(item))
        return uri

    def change(self, uri: str, text: str) -> None:
        """Replace the whole text (one full-content change)."""
        self.versions[uri] += 1
        self.texts[uri] = text
        document = types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri])
        change = types.TextDocumentContentChangeWholeDocument(text=text)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(document, [change]))

    def edit(self, uri: str, line: int, start: int, end: int, new_text: str) -> None:
        """An incremental change: replace characters [start, end) of one line (UTF-16)."""
        self.versions[uri] += 1
        span = types.Range(types.Position(line, start), types.Position(line, end))
        change = types.TextDocumentContentChangePartial(range=span, text=new_text)
        document = types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri])
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(document, [change]))

    def save(self, uri: str) -> None:
        self.client.text_document_did_save(
            types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
        )

    def files_changed(self, *paths: Path) -> None:
        events = [
            types.FileEvent(p.resolve().as_uri(), types.FileChangeType.Changed) for p in paths
        ]
        self.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(events))

    async def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        """The next diagnostics published for the document's current version."""
        while True:
            params = await _within(self.queues[uri].get())
            if params.version in (None, self.versions.get(uri)):
                return params.diagnostics

    async def hover(self, uri: str, line: int, character: int) -> types.Hover | None:
        params = types.HoverParams(
            types.TextDocumentIdentifier(uri), types.Position(line, character)
        )
        return await _within(self.client.text_document_hover_async(params))

    async def code_actions(self, uri: str, diag: types.Diagnostic) -> list[types.CodeAction]:
        params = types.CodeActionParams(
            types.TextDocumentIdentifier(uri), diag.range, types.CodeActionContext([diag])
        )
        found = await _within(self.client.text_document_code_action_async(params))
        return [a for a in found or [] if isinstance(a, types.CodeAction)]


async def _within(awaitable: Awaitable[T]) -> T:
    return await asyncio.wait_for(awaitable, DEADLINE)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions, applied from the last to the first)."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        if position.line >= len(lines):
            return len(text)
        before = sum(len(line) + 1 for line in lines[: position.line])
        units = lines[position.line].encode("utf-16-le")[: position.character * 2]
        return before + len(units.decode("utf-16-le"))

    ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))
    for edit in reversed(ordered):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


def run_session(
    root: Path,
    scenario: Callable[[Session], Awaitable[Any]],
    encodings: list[str] | None = None,
) -> Any:
    """Start the server in `root`, initialize, run `scenario`, then shutdown and exit;
    returns what the scenario returned. The session's returncode and stderr are set after
    the exit."""

    async def main() -> Any:
        client = LanguageClient("prdlint-tests", "1")
        session = Session(client, root)

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            session.queues[params.uri].put_nowait(params)

        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            session.registrations.extend(params.registrations)

        @client.feature(types.WINDOW_LOG_MESSAGE)
        def log(params: types.LogMessageParams) -> None:
            session.logs.append(params.message)

        await client.start_io(sys.executable, "-m", "prdlint", "server", cwd=str(root))
        process = client._server
        assert process is not None and process.stderr is not None
        drain = asyncio.create_task(process.stderr.read())  # a full pipe would block the server
        general = types.GeneralClientCapabilities(position_encodings=encodings)
        watch = types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
        capabilities = types.ClientCapabilities(
            general=general if encodings else None,
            workspace=types.WorkspaceClientCapabilities(did_change_watched_files=watch),
        )
        await _within(
            client.initialize_async(
                types.InitializeParams(capabilities=capabilities, root_uri=root.resolve().as_uri())
            )
        )
        client.initialized(types.InitializedParams())
        try:
            return await scenario(session)
        finally:
            await _within(client.shutdown_async(None))
            client.exit(None)
            await _within(client.stop())
            session.stderr = await _within(drain)
            session.returncode = process.returncode

    return asyncio.run(main())
