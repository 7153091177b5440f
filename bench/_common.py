"""What the benchmarks share: paths, timing of whole processes, and throwaway installs of
the tools prdlint is compared with (never into the project's own environment)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
TOOLS = Path(tempfile.gettempdir()) / "prdlint-bench-tools"


def prdlint_command() -> list[str]:
    """The `prdlint` console script of the running interpreter (what pre-commit runs)."""
    script = Path(sys.executable).with_name("prdlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "prdlint"]


def wall_times(command: Sequence[str], runs: int, cwd: Path | None = None) -> list[float]:
    """Wall-clock seconds of `runs` runs of a command, output discarded."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        times.append(time.perf_counter() - start)
    return times


def summary(times: Sequence[float]) -> str:
    return (
        f"min {min(times) * 1000:7.1f} ms   median {statistics.median(times) * 1000:7.1f} ms"
        f"   ({len(times)} runs)"
    )


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """Run the commands in turn, `runs` rounds, so machine load hits all of them alike."""
    results: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():  # one warm-up each (disk cache, .pyc files)
        wall_times(command, 1)
    for _ in range(runs):
        for name, command in commands.items():
            results[name].extend(wall_times(command, 1))
    return results


def npm_tool(package: str, binary: str) -> Path:
    """A node tool installed from the npm registry into a scratch prefix (once)."""
    prefix = TOOLS / "npm"
    path = prefix / "node_modules" / ".bin" / binary
    if not path.exists():
        if shutil.which("npm") is None:
            sys.exit("npm is not installed; it is needed to install " + package)
        print(f"installing {package} into {prefix} ...", file=sys.stderr)
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(prefix),
             package],
            check=True,
        )  # fmt: skip
    return path


def pip_tool(package: str, binary: str) -> Path:
    """A Python tool installed from PyPI into its own scratch virtualenv (once)."""
    venv = TOOLS / f"venv-{package}"
    path = venv / "bin" / binary
    if not path.exists():
        print(f"installing {package} into {venv} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", package], check=True)
    return path


def tool_version(command: Sequence[str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = (result.stdout or result.stderr).strip().splitlines()
    return lines[0] if lines else "?"


def machine() -> str:
    return f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}"
