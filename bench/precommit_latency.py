"""Pre-commit latency: `prdlint check one.md` end to end beside `markdownlint-cli2` on the
same file, in one run, plus the import-time report of prdlint's start-up.

    python bench/precommit_latency.py [FILE.md] [--runs N]

markdownlint-cli2 is installed from the npm registry into a scratch prefix on first use.
Target: prdlint takes at most a third of markdownlint-cli2's time."""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    CORPUS,
    interleaved,
    machine,
    npm_tool,
    prdlint_command,
    summary,
    tool_version,
)

DEFAULT_FILE = CORPUS / "prds" / "006-utsc-clubhouse-product-backlog.md"
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def import_report(file: Path, runs: int = 5, top: int = 15) -> str:
    """`python -X importtime` of the check, best of `runs`: the costliest imports."""
    self_us: dict[str, int] = {}
    total_us: dict[str, int] = {}
    depth: dict[str, int] = {}
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "prdlint", "check", str(file)],
            capture_output=True,
            text=True,
            check=False,
        )
        for match in _IMPORT_LINE.finditer(result.stderr):
            own, cumulative, indent, name = match.groups()
            self_us[name] = min(self_us.get(name, 10**9), int(own))
            total_us[name] = min(total_us.get(name, 10**9), int(cumulative))
            depth[name] = len(indent) // 2
    roots = [n for n in total_us if depth[n] == 0]
    lines = [f"import time, best of {runs} runs (ms; cumulative = with what it imports):"]
    lines.append(f"  all imports: {sum(total_us[n] for n in roots) / 1000:6.1f}")
    lines.append("  costliest by cumulative time:")
    for name in sorted(total_us, key=total_us.__getitem__, reverse=True)[:top]:
        lines.append(f"    {total_us[name] / 1000:6.1f}  {'  ' * depth[name]}{name}")
    lines.append("  costliest by own time:")
    for name in sorted(self_us, key=self_us.__getitem__, reverse=True)[:top]:
        lines.append(f"    {self_us[name] / 1000:6.1f}  {name}")
    heavy = sorted(n for n in total_us if n.split(".")[0] in {"jira", "requests", "jsonschema"})
    lines.append(f"  heavy modules imported: {', '.join(heavy) or 'none'}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    file: Path = args.file.resolve()
    markdownlint = npm_tool("markdownlint-cli2", "markdownlint-cli2")
    commands = {
        "prdlint check": [*prdlint_command(), "check", str(file)],
        "markdownlint-cli2": [str(markdownlint), str(file)],
    }
    print(f"file: {file} ({file.stat().st_size / 1024:.1f} KiB); {machine()}")
    print(tool_version([str(markdownlint), "--help"]))
    results = interleaved(commands, args.runs)
    for name, times in results.items():
        print(f"{name:<20} {summary(times)}")
    ours = statistics.median(results["prdlint check"])
    theirs = statistics.median(results["markdownlint-cli2"])
    verdict = "meets" if ours * 3 <= theirs else "misses"
    print(f"ratio (median): prdlint takes {ours / theirs:.2f} of markdownlint-cli2's time"
          f" -> {verdict} the target (at most 0.33)")  # fmt: skip
    print()
    print(import_report(file))


if __name__ == "__main__":
    main()
