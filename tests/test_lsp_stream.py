"""Nothing but protocol on the server's stdout: documents that make every rule fire (each
rule's bad examples, every rule selected by name), and the whole byte stream, read with
raw framing rather than a forgiving client, is Content-Length messages of JSON-RPC."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

from prdlint.registry import all_rules

DEADLINE = 300  # seconds: kills a hung server so the test fails instead of hanging

# Loaded at start-up through PYTHONPATH: each time the server reads the config (inside a
# lint run, after start-up) it prints to sys.stdout and writes to fd 1, as a careless
# plugin might. Neither may reach the protocol stream.
STRAY = """
import os, sys

_busy = False


def _hook(event, args):
    global _busy
    if event == "open" and str(args[0]).endswith(".prdlint.yaml") and not _busy:
        _busy = True
        print("stray print from a plugin")
        os.write(1, b"stray bytes on fd 1\\n")
        _busy = False


sys.addaudithook(_hook)
"""


def _frame(message: dict[str, Any]) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def _read_message(stream: IO[bytes]) -> dict[str, Any] | None:
    """One framed message; None at a clean end of stream. Any other byte fails the test."""
    length = None
    while True:
        line = stream.readline()
        if not line:
            assert length is None, "stream ended inside a header"
            return None
        assert line.endswith(b"\r\n"), f"not a header line: {line!r}"
        if line == b"\r\n":
            break
        name, _, value = line.decode("ascii").partition(":")
        assert name in ("Content-Length", "Content-Type"), f"not a header: {line!r}"
        if name == "Content-Length":
            length = int(value)
    assert length is not None, "a message without Content-Length"
    body = stream.read(length)
    assert len(body) == length
    message: dict[str, Any] = json.loads(body)
    assert message["jsonrpc"] == "2.0"
    return message


def _documents(tmp_path: Path) -> dict[str, tuple[str, str]]:
    """uri -> (language, text): every bad example of every rule."""
    documents = {}
    for rule in all_rules():
        for index, example in enumerate(rule.bad):
            markdown = example.format == "markdown"
            path = tmp_path / f"{rule.name}-{index}.{'md' if markdown else 'txt'}"
            documents[path.as_uri()] = ("markdown" if markdown else "plaintext", example.text)
    # With every rule selected, unused-suppression's own example (a directive naming all
    # rules) silences a finding; a directive naming one rule that stays quiet does not.
    unused = "# Checkout\n\n<!-- prdlint-disable-next-line placeholder -->\nSome text.\n"
    documents[(tmp_path / "unused.md").as_uri()] = ("markdown", unused)
    return documents


def test_every_rule_firing_leaves_a_clean_protocol_stream(tmp_path: Path) -> None:
    names = sorted(r.name for r in all_rules())
    (tmp_path / ".prdlint.yaml").write_text(f"select: {json.dumps(names)}\n", encoding="utf-8")
    documents = _documents(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(STRAY, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH", "")) if p)
    stderr = (tmp_path / "stderr.txt").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "prdlint", "server"],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr,
        env={**os.environ, "PYTHONPATH": path},
    )
    watchdog = threading.Timer(DEADLINE, process.kill)
    watchdog.start()
    assert process.stdin is not None and process.stdout is not None
    try:
        send = process.stdin
        send.write(_frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                           "params": {"capabilities": {}, "rootUri": tmp_path.as_uri()}}))  # fmt: skip
        send.write(_frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        for uri, (language, text) in documents.items():
            item = {"uri": uri, "languageId": language, "version": 1, "text": text}
            send.write(_frame({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                               "params": {"textDocument": item}}))  # fmt: skip
        send.flush()
        fired: set[str] = set()
        waiting = set(documents)
        while waiting:
            message = _read_message(process.stdout)
            assert message is not None, "the server ended early"
            if message.get("method") == "textDocument/publishDiagnostics":
                waiting.discard(message["params"]["uri"])
                fired |= {d["source"] for d in message["params"]["diagnostics"]}
        send.write(_frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        send.write(_frame({"jsonrpc": "2.0", "method": "exit"}))
        send.flush()
        while _read_message(process.stdout) is not None:
            pass
        assert process.wait(timeout=DEADLINE) == 0
    finally:
        watchdog.cancel()
        process.kill()
        stderr.close()
    assert fired >= set(names)
    logged = (tmp_path / "stderr.txt").read_bytes()
    assert b"stray print from a plugin" in logged and b"stray bytes on fd 1" in logged
