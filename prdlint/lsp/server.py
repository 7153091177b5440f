"""The pygls server: documents in, diagnostics out, hovers and code actions on request.

Linting runs on one worker thread so the event loop keeps reading the client; a change
waits DEBOUNCE seconds for the next keystroke, and a run whose document moved on while it
ran is dropped instead of published."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from prdlint import __version__
from prdlint.config import CONFIG_FILES
from prdlint.lsp import actions
from prdlint.lsp.lint import LintResult, document_reader, lint_text
from prdlint.lsp.positions import split_lines
from prdlint.lsp.protocol import diagnostic, hover_text, note_diagnostic, problem_diagnostic
from prdlint.readers import FileReader

DEBOUNCE = 0.1  # seconds of quiet after a change before linting
# Files whose change can change every document's findings: configs and rule packs.
WATCHED = ("**/.prdlint.yaml", "**/.prdlint.yml", "**/pyproject.toml", "**/*.yaml", "**/*.yml")
logger = logging.getLogger("prdlint.lsp")


@dataclass
class Published:
    """What was last published for a document, kept for hover and code actions."""

    version: int | None
    lines: list[str]
    result: LintResult
    markdown: bool
    diagnostics: list[types.Diagnostic] = field(default_factory=list)


class PrdlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("prdlint", __version__)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prdlint-lint")
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.published: dict[str, Published] = {}
        self.last_problem: dict[str, str | None] = {}

    @property
    def root(self) -> Path:
        root = self.workspace.root_path
        return Path(root) if root else Path.cwd()

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    def schedule(self, uri: str, delay: float) -> None:
        """Lint `uri` after `delay`, replacing any run still waiting for it."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._run(uri, delay))

    def schedule_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    async def _run(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return
        fs_path = to_fs_path(uri) if uri.startswith("file:") else None
        path = Path(fs_path) if fs_path else None
        reader = document_reader(path, document.language_id)
        if reader is None:
            return
        version, text, root = document.version, document.source, self.root
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(self.executor, _safe_lint, text, path, reader, root)
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # stale: a newer version is on its way
        self._publish(uri, version, text, result, reader.name == "markdown")

    def _publish(
        self, uri: str, version: int | None, text: str, result: LintResult, markdown: bool
    ) -> None:
        lines = split_lines(text)
        if result.problem is not None:
            diagnostics = [problem_diagnostic(result.problem)]
            if self.last_problem.get(uri) != result.problem:
                self.window_log_message(
                    types.LogMessageParams(types.MessageType.Error, f"prdlint: {result.problem}")
                )
        else:
            encoding = self.encoding
            diagnostics = [
                diagnostic(f, result.rules.get(f.rule), lines, encoding) for f in result.findings
            ]
            diagnostics += [note_diagnostic(line, message) for line, message in result.notes]
        self.last_problem[uri] = result.problem
        self.published[uri] = Published(version, lines, result, markdown, diagnostics)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )


def _safe_lint(text: str, path: Path | None, reader: FileReader, root: Path) -> LintResult:
    """lint_text, with any unexpected failure turned into a problem: the server lives on."""
    try:
        return lint_text(text, path, reader, root)
    except Exception as error:  # a bug in one rule must not end the session
        logger.exception("lint failed")
        return LintResult(problem=f"internal error while linting: {type(error).__name__}")


def _is_config(uri: str) -> bool:
    name = uri.rsplit("/", 1)[-1]
    return name in CONFIG_FILES or name.endswith((".yaml", ".yml"))


def build_server() -> PrdlintServer:
    server = PrdlintServer()

    @server.feature(types.INITIALIZED)
    def initialized(ls: PrdlintServer, params: types.InitializedParams) -> None:
        workspace = ls.client_capabilities.workspace
        watch = workspace.did_change_watched_files if workspace else None
        if watch is None or not watch.dynamic_registration:
            return  # the client will not watch for us; saves of open configs still relint
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
        )
        registration = types.Registration(
            id="prdlint-config-watch",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        ls.client_register_capability(types.RegistrationParams([registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PrdlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PrdlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PrdlintServer, params: types.DidSaveTextDocumentParams) -> None:
        if _is_config(params.text_document.uri):
            ls.schedule_all()  # a config or pack changed: every document may change
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PrdlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.published.pop(uri, None)
        ls.last_problem.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: PrdlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.schedule_all()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PrdlintServer, params: types.HoverParams) -> types.Hover | None:
        shown = ls.published.get(params.text_document.uri)
        if shown is None:
            return None
        texts = []
        for diag in shown.diagnostics:
            rule = shown.result.rules.get(str(diag.source))
            if rule is None or not _contains(diag.range, params.position):
                continue
            text = hover_text(rule)
            if text not in texts:  # two findings of one rule: one text
                texts.append(text)
        if not texts:
            return None
        content = types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(texts))
        return types.Hover(contents=content)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(
        ls: PrdlintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        shown = ls.published.get(uri)
        if shown is None:
            return None
        return actions.code_actions(
            uri,
            shown.lines,
            shown.result,
            params.range,
            _home(uri, ls.root),
            ls.encoding,
            shown.markdown,
        )

    return server


def _home(uri: str, root: Path) -> Path:
    """Where a new config for this document goes: the workspace root when the document is
    in it (its config search reaches the root), else the document's own folder."""
    fs_path = to_fs_path(uri) if uri.startswith("file:") else None
    if fs_path is None:
        return root
    folder = Path(fs_path).parent
    return root if folder.is_relative_to(root) else folder


def _contains(span: types.Range, position: types.Position) -> bool:
    start, end = (span.start.line, span.start.character), (span.end.line, span.end.character)
    here = (position.line, position.character)
    return start <= here <= end


def serve() -> None:
    """Run over stdio. fd 1 carries only protocol: it is moved to a private descriptor and
    fd 1 pointed at stderr, so a stray print (ours, a plugin's) cannot corrupt the stream."""
    protocol_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    with os.fdopen(protocol_fd, "wb", buffering=0) as out:
        build_server().start_io(sys.stdin.buffer, out)
