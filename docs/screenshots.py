"""Regenerate docs/img/*.png from the bundled examples: the HTML report, and the terminal
output rendered from a real pseudo-terminal. Needs Debian's chromium.
Run: python docs/screenshots.py"""

from __future__ import annotations

import html
import os
import pty
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMG = ROOT / "docs" / "img"
EXAMPLES = ["examples/checkout-redesign-prd.md", "examples/mobile-banking-backlog.txt"]
CHROMIUM = [
    "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--hide-scrollbars",
]  # fmt: skip
_ANSI = {"1": "font-weight:bold", "4": "text-decoration:underline", "31": "color:#f87171",
         "33": "color:#fbbf24", "36": "color:#67e8f9"}  # fmt: skip


def terminal_output() -> str:
    """prdlint's output as a terminal shows it (colours on: stdout is a pty)."""
    command = [sys.executable, "-m", "prdlint", "check", *EXAMPLES, "--select",
               "solution,vague-term,missing-persona"]  # fmt: skip
    main, child = pty.openpty()
    env = {**os.environ, "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    subprocess.run(command, cwd=ROOT, stdout=child, stderr=child, env=env, check=False)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode().replace("\r\n", "\n")


def ansi_to_html(text: str) -> str:
    out = []
    for piece in re.split(r"(\x1b\[[0-9;]*m)", text):
        codes = re.fullmatch(r"\x1b\[([0-9;]*)m", piece)
        if codes is None:
            out.append(html.escape(piece))
        elif codes.group(1) in ("", "0"):
            out.append("</span>")
        else:
            style = ";".join(_ANSI.get(c, "") for c in codes.group(1).split(";"))
            out.append(f'<span style="{style}">')
    return "".join(out)


def screenshot(page: Path, target: Path, size: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([*CHROMIUM, f"--user-data-dir={profile}", f"--window-size={size}",
                        f"--screenshot={target}", page.as_uri()],
                       check=True, capture_output=True)  # fmt: skip


def main() -> None:
    IMG.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        command = [sys.executable, "-m", "prdlint", "check", "examples/", EXAMPLES[1]]
        subprocess.run([*command, "--format", "html", "-o", str(report)], cwd=ROOT, check=False)
        screenshot(report, IMG / "html-report.png", "1280,1800")
        page = Path(tmp) / "terminal.html"
        body = ansi_to_html(terminal_output())
        page.write_text(
            "<html><body style='margin:0;background:#0f172a'><pre style='color:#e2e8f0;"
            "font:14px/1.45 DejaVu Sans Mono,monospace;padding:18px;white-space:pre-wrap'>"
            f"$ prdlint check {' '.join(EXAMPLES)}\n{body}</pre></body></html>"
        )
        screenshot(page, IMG / "terminal.png", "1280,820")


if __name__ == "__main__":
    main()
