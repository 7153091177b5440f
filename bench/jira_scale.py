"""`prdlint jira PROJ` at scale: 10,000 and 100,000 issues served by the test emulator
(tests/jira_emulator.py) over HTTP on 127.0.0.1, through the real `jira` client.

    python bench/jira_scale.py [--sizes 10000,100000] [--mode cloud|dc|both]

Prints, per size: HTTP requests (search pages and the rest), issues per second end to end
(connect, fetch, convert, lint, report), the JSON report's size and the peak memory of the
prdlint process alone. The emulator runs in its own process (`--serve`), so neither its
issues nor this script's memory is counted: prdlint's peak is the VmHWM of its
/proc/PID/status, read until it exits, and the wait4 ru_maxrss as a check.

"Beyond the findings" is measured, not estimated: a second run ignores every rule that
had a finding in the first (they are named in the output), so it builds no findings at
all; its peak, less the peak of the same run on 100 issues (interpreter, imports, rules),
divided by the extra issues, is what prdlint keeps per issue besides its findings."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from jira_emulator import USERS, Emulator, IssueSpec  # noqa: E402

STORIES = [
    (
        "As a shopper, I want my cart kept between visits so that I can buy later.\n"
        "h3. Acceptance Criteria\n* Given a saved cart, when I return, then it is there"
    ),
    "As a buyer, I want prices cached in Redis so that pages load fast.",
    (
        "Add a delivery_status column to the orders table.\n"
        "{code:sql}\nALTER TABLE orders ADD delivery_status text;\n{code}"
    ),
    "As an admin, I want to export members as CSV so that I can mail them. TBD",
    "h2. Problem\nShoppers abandon carts when shipping costs show late.\n* Show costs early",
]


def issues(count: int) -> list[IssueSpec]:
    """`count` issues: one epic per 20, the rest stories linked to it, varied bodies, each
    tagged "(batch N)": 100,000 copies of four stories would measure duplicate-story's
    grouping of identical stories rather than a backlog."""
    specs = []
    for n in range(1, count + 1):
        if n % 20 == 1:
            specs.append(IssueSpec(f"PROJ-{n}", f"Epic {n}: checkout", "Epic", STORIES[4]))
        else:
            epic = f"PROJ-{n - (n - 1) % 20}"
            first, _, rest = STORIES[n % 4].partition("\n")
            body = f"{first} (batch {n})\n{rest}"
            specs.append(IssueSpec(f"PROJ-{n}", f"Story {n}", description=body, epic=epic))
    return specs


def serve(mode: str, count: int) -> None:
    """The emulator's own process: print its URL, serve until standard input closes, then
    print the request counts (search pages, others) as JSON."""
    specs = issues(count)
    emulator = Emulator(mode, lambda: specs, page_cap=100).start()
    print(emulator.url, flush=True)
    sys.stdin.read()
    searches = len(emulator.requests(r"/search"))
    print(json.dumps([searches, len(emulator.log) - searches]), flush=True)
    emulator.stop()


@dataclass(frozen=True)
class Run:
    code: int
    seconds: float
    peak_mb: float  # VmHWM of the prdlint process
    maxrss_mb: float  # wait4's ru_maxrss of the same process
    report_mb: float
    findings: int
    rules: frozenset[str]  # rules with a finding
    searches: int
    others: int


def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(mode: str, count: int, output_format: str, ignore: frozenset[str] = frozenset()) -> Run:
    emulator = subprocess.Popen(
        [sys.executable, __file__, "--serve", mode, str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert emulator.stdin is not None and emulator.stdout is not None
    url = emulator.stdout.readline().strip()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            report = Path(scratch) / f"report.{output_format}"
            command = [
                sys.executable, "-m", "prdlint", "jira", "PROJ", "--timeout", "60",
                "-f", output_format, "-o", str(report),
            ]  # fmt: skip
            for name in sorted(ignore):
                command += ["--ignore", name]
            start = time.perf_counter()
            child = subprocess.Popen(command, env=environment(mode, url), cwd=scratch)
            peak = [0]

            def watch() -> None:  # VmHWM only grows: the last reading before exit is the peak
                while child.poll() is None:
                    peak[0] = max(peak[0], _hwm_kb(child.pid))
                    time.sleep(0.05)

            watcher = threading.Thread(target=watch, daemon=True)
            watcher.start()
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.perf_counter() - start
            watcher.join()
            size = report.stat().st_size / 1e6 if report.exists() else 0.0
            found = _findings(report) if output_format == "json" and report.exists() else []
    finally:
        emulator.stdin.close()
        counts = json.loads(emulator.stdout.readline() or "[0, 0]")
        emulator.wait()
    return Run(
        child.returncode, seconds, peak[0] / 1024, usage.ru_maxrss / 1024, size,
        len(found), frozenset(f["rule"] for f in found), *counts,
    )  # fmt: skip


def _findings(report: Path) -> list[dict[str, object]]:
    data = json.loads(report.read_text())
    found = data.get("findings", []) if isinstance(data, dict) else data
    return [f for f in found if isinstance(f, dict)]


def environment(mode: str, url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIRA_")}
    env.update(JIRA_URL=url, NO_PROXY="127.0.0.1,localhost")
    if mode == "cloud":
        env.update(JIRA_EMAIL=USERS["cloud"][0], JIRA_API_TOKEN=USERS["cloud"][1])
    else:
        env.update(JIRA_PAT=USERS["dc"])
    return env


FLOOR = 100  # issues: the run whose peak is the interpreter, imports and rules


def measure(mode: str, count: int, output_format: str) -> None:
    full = run(mode, count, output_format)
    print(
        f"  {mode:<5} {count:>7,} issues: exit {full.code}, {full.searches:>5,} search pages"
        f" + {full.others} other requests, {full.seconds:6.1f} s,"
        f" {count / full.seconds:6,.0f} issues/s, peak {full.peak_mb:6.0f} MB"
        f" (ru_maxrss {full.maxrss_mb:.0f}), {output_format} report {full.report_mb:5.1f} MB,"
        f" {full.findings:,} findings"
    )
    if output_format != "json":
        return
    quiet = run(mode, count, output_format, full.rules)
    floor = run(mode, FLOOR, output_format, full.rules)
    per_issue = (quiet.peak_mb - floor.peak_mb) * 1024 / (count - FLOOR)
    print(
        f"  {'':<5} {'':>7}  beyond the findings: peak {quiet.peak_mb:.0f} MB with"
        f" {', '.join(sorted(full.rules))} ignored ({quiet.findings} findings),"
        f" {floor.peak_mb:.0f} MB at {FLOOR} issues: {per_issue:.2f} KB per issue"
        f" (findings' share of the peak: {full.peak_mb - quiet.peak_mb:.0f} MB)"
    )


def main() -> None:
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--mode", choices=["cloud", "dc", "both"], default="both")
    parser.add_argument("--format", default="json", help="report format written to a file")
    args = parser.parse_args()
    modes = ["cloud", "dc"] if args.mode == "both" else [args.mode]
    print("prdlint jira against the emulator (issue types Epic + Story, pages of 100):")
    for count in (int(s) for s in args.sizes.split(",")):
        for mode in modes:
            measure(mode, count, args.format)


if __name__ == "__main__":
    main()
