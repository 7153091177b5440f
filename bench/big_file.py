"""Huge markdown files: time and peak memory of `prdlint check big.md` for files under and
over the size limit (a 100 MB file must be refused at once, in little memory).

    python bench/big_file.py [--sizes 100,8,32]   # MB

The files are generated in a scratch directory from the corpus PRDs and deleted after."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPUS


def write_markdown(path: Path, megabytes: float) -> None:
    chunk = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("prds/*.md")))
    data = chunk.encode()
    target = int(megabytes * 1e6)
    with path.open("wb") as file:
        written = 0
        while written < target:
            piece = data[: target - written]
            file.write(piece)
            written += len(piece)


def measure(path: Path) -> str:
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "prdlint", "check", str(path), "-f", "json", "-o", os.devnull],
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    stderr = child.stderr.read().strip() if child.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    note = f"  stderr: {stderr}" if stderr else ""
    return f"exit {code}, {seconds:6.1f} s, peak {usage.ru_maxrss / 1024:6.0f} MB{note}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,8,32", help="file sizes in MB, comma-separated")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        for size in (float(s) for s in args.sizes.split(",")):
            path = Path(scratch) / "big.md"
            write_markdown(path, size)
            print(f"{size:6.0f} MB markdown: {measure(path)}")
            path.unlink()


if __name__ == "__main__":
    main()
