"""Language-server latency: from sending `textDocument/didChange` to receiving the
`textDocument/publishDiagnostics` for that version, on a real PRD of about 20 KB, through
`prdlint server` over stdio with pygls' LanguageClient (what an editor sees, the 100 ms
debounce included).

    python bench/lsp_latency.py [FILE.md] [--runs N] [--transcript]

Target: every change is answered within 300 ms. `--transcript` prints the session's
messages (the README's client transcript)."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPUS, machine

from prdlint.lsp.server import DEBOUNCE

DEFAULT_FILE = CORPUS / "prds" / "032-cinema-ticketing-api-ai-prd.md"
TARGET_MS = 300.0


def _edit(text: str, run: int) -> str:
    """A different text each run: a vague word appended to the last line, or not."""
    return text.rstrip("\n") + (" quickly" * (run % 3)) + "\n"


async def measure(file: Path, runs: int, transcript: bool) -> list[float]:
    client = LanguageClient("prdlint-bench", "1")
    arrived: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    def say(line: str) -> None:
        if transcript:
            print(line)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        arrived.put_nowait(params)

    await client.start_io(sys.executable, "-m", "prdlint", "server", cwd=str(file.parent))
    result = await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(),
                               root_uri=file.parent.resolve().as_uri())
    )  # fmt: skip
    info = result.server_info
    say(f"--> initialize\n<-- serverInfo {info.name} {info.version}" if info else "--> initialize")
    client.initialized(types.InitializedParams())
    uri, text = file.resolve().as_uri(), file.read_text(encoding="utf-8")
    item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    say(f"--> textDocument/didOpen {file.name} ({len(text.encode())} bytes, version 1)")
    first = await arrived.get()
    say(f"<-- textDocument/publishDiagnostics version {first.version}: "
        f"{len(first.diagnostics)} diagnostics")  # fmt: skip
    for diag in first.diagnostics[:3]:
        start = diag.range.start
        say(
            f"      {start.line + 1}:{start.character + 1} {diag.code} {diag.source}: "
            + diag.message
        )
    times = []
    for run in range(runs):
        version = run + 2
        document = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
        change = types.TextDocumentContentChangeWholeDocument(text=_edit(text, run + 1))
        start = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(document, [change]))
        while (params := await arrived.get()).version != version:
            pass
        times.append(time.perf_counter() - start)
        if run == 0:
            say(f"--> textDocument/didChange version {version}")
            say(f"<-- textDocument/publishDiagnostics version {params.version}: "
                f"{len(params.diagnostics)} diagnostics ({times[-1] * 1000:.0f} ms)")  # fmt: skip
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    say("--> shutdown, exit")
    return times


def lint_alone(file: Path, runs: int) -> list[float]:
    """The same edits linted in this process (no server, no debounce): the part of the
    latency that is prdlint's own work."""
    from prdlint.lsp.lint import document_reader, lint_text

    path = file.resolve()
    reader = document_reader(path, "markdown")
    assert reader is not None
    text = path.read_text(encoding="utf-8")
    lint_text(text, path, reader, path.parent)  # warm: rule packs, regex compilation
    times = []
    for run in range(runs):
        start = time.perf_counter()
        lint_text(_edit(text, run + 1), path, reader, path.parent)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--transcript", action="store_true")
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"lsp_latency: {args.file}: no such file", file=sys.stderr)
        return 2
    times = asyncio.run(measure(args.file, args.runs, args.transcript))
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
    print(f"{machine()}; {args.file.name}, {args.file.stat().st_size} bytes")
    print(f"didChange -> publishDiagnostics: min {ms[0]:.0f} ms, median "
          f"{statistics.median(ms):.0f} ms, p90 {p90:.0f} ms, max {ms[-1]:.0f} ms "
          f"({len(ms)} changes; target {TARGET_MS:.0f} ms)")  # fmt: skip
    alone = sorted(t * 1000 for t in lint_alone(args.file, args.runs))
    print(f"of which linting (in process, same edits): min {alone[0]:.0f} ms, median "
          f"{statistics.median(alone):.0f} ms; debounce {DEBOUNCE * 1000:.0f} ms")  # fmt: skip
    return 0 if ms[-1] <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
