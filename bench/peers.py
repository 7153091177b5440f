"""The issue's speed table, each row beside its peer, in one run:

    python bench/peers.py [--stories 10000 --files 20] [--runs 5]
                          [--skip-stories] [--skip-precommit] [--skip-corpus] [--skip-jira]
                          [--break-even]

Rows: story lists (stories/s at --stories a file, --files files, and the growth for 10x
input) against the target; one PRD in pre-commit against markdownlint-cli2; the whole
shared corpus, start-up included, against proselint (serial and pooled prdlint); prdlint
jira memory per issue (bench/jira_scale.py). Peers install themselves into a scratch dir.
--break-even times one story list serial (PRDLINT_JOBS=1) against a forced pool."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPUS, interleaved, machine, npm_tool, pip_tool, prdlint_command

FORCED_POOL = (
    "import sys; import prdlint.parallel as p; p.MIN_POOL_BYTES = 0;"
    " from prdlint.cli import main; sys.argv[0] = 'prdlint'; main()"
)


def _wall(command: list[str], jobs: str = "auto") -> float:
    env = dict(os.environ, PRDLINT_JOBS=jobs)
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _story_files(folder: Path, per_file: int, files: int) -> list[str]:
    from throughput import story_lines

    lines = story_lines(per_file * files)
    paths = []
    for n in range(files):
        path = folder / f"stories-{n:02}.txt"
        path.write_text("\n".join(lines[n * per_file : (n + 1) * per_file]) + "\n")
        paths.append(str(path))
    return paths


def row_stories(per_file: int, files: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        small = _story_files(Path(scratch), per_file, max(1, files // 10))
        big = _story_files(Path(scratch), per_file, files)
        check = [*prdlint_command(), "check", "--quiet"]
        for jobs in ("1", "auto"):
            few = _wall([*check, *small], jobs)
            many = _wall([*check, *big], jobs)
            total = per_file * files
            times = files // max(1, files // 10)
            print(f"  story lists, PRDLINT_JOBS={jobs:<4} {total:>9,} stories {many:7.1f} s"
                  f" {total / many:8,.0f} stories/s; growth x{many / few:4.1f} for"
                  f" {times}x input   | target >= 20,000/s, <= 11x")  # fmt: skip


def row_precommit(runs: int) -> None:
    from precommit_latency import DEFAULT_FILE

    markdownlint = npm_tool("markdownlint-cli2", "markdownlint-cli2")
    results = interleaved(
        {
            "prdlint": [*prdlint_command(), "check", str(DEFAULT_FILE)],
            "markdownlint-cli2": [str(markdownlint), str(DEFAULT_FILE)],
        },
        runs,
    )
    ours, theirs = (statistics.median(t) for t in results.values())
    print(f"  one PRD, pre-commit: prdlint {ours * 1000:6.0f} ms, markdownlint-cli2"
          f" {theirs * 1000:6.0f} ms (median of {runs}): {ours / theirs:.2f}x"
          "   | target <= 0.35x")  # fmt: skip


def row_corpus(runs: int) -> None:
    files = sorted(str(p) for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt"))
    proselint = pip_tool("proselint", "proselint")
    env_serial = ["env", "PRDLINT_JOBS=1"]
    results = interleaved(
        {
            "serial": [*env_serial, *prdlint_command(), "check", *files],
            "pooled": [*prdlint_command(), "check", *files],
            "proselint": [str(proselint), "check", *files],
        },
        runs,
    )
    serial, pooled, theirs = (statistics.median(t) for t in results.values())
    print(f"  whole corpus ({len(files)} files): prdlint serial {serial:5.2f} s, pooled"
          f" {pooled:5.2f} s, proselint {theirs:5.2f} s: {serial / theirs:.2f}x /"
          f" {pooled / theirs:.2f}x   | target <= 0.15x")  # fmt: skip


def row_jira() -> None:
    import jira_scale

    print("  prdlint jira memory (bench/jira_scale.py; target <= 1 KB per issue):")
    for count in (10_000, 100_000):
        jira_scale.measure("dc", count, "json")


def break_even(runs: int) -> None:
    from throughput import story_lines

    lines = story_lines(8_000)
    print("  break-even, one story list (min of runs, wall s): serial vs forced pool")
    with tempfile.TemporaryDirectory() as scratch:
        for count in (250, 500, 1_000, 2_000, 4_000, 8_000):
            path = Path(scratch) / f"s{count}.txt"
            path.write_text("\n".join(lines[:count]) + "\n")
            serial = [*prdlint_command(), "check", "--quiet", str(path)]
            pooled = [sys.executable, "-c", FORCED_POOL, "check", "--quiet", str(path)]
            s = min(_wall(serial, "1") for _ in range(runs))
            p = min(_wall(pooled, "2") for _ in range(runs))
            size = path.stat().st_size / 1024
            print(f"    {count:>6,} stories {size:7.0f} KiB  serial {s:6.2f}  pool {p:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=10_000, help="stories a file")
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    for name in ("stories", "precommit", "corpus", "jira"):
        parser.add_argument(f"--skip-{name}", action="store_true")
    parser.add_argument("--break-even", action="store_true")
    args = parser.parse_args()
    print(machine())
    if args.break_even:
        break_even(args.runs)
        return
    if not args.skip_stories:
        row_stories(args.stories, args.files)
    if not args.skip_precommit:
        row_precommit(args.runs)
    if not args.skip_corpus:
        row_corpus(args.runs)
    if not args.skip_jira:
        row_jira()


if __name__ == "__main__":
    main()
