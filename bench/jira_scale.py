"""`prdlint jira PROJ` at scale: 10,000 and 100,000 issues served by the test emulator
(tests/jira_emulator.py) over HTTP on 127.0.0.1, through the real `jira` client.

    python bench/jira_scale.py [--sizes 10000,100000] [--mode cloud|dc|both]

Prints, per size: HTTP requests (search pages and the rest), issues per second end to end
(connect, fetch, convert, lint, report) and the peak memory of the prdlint process alone
(the emulator runs in this process, prdlint in a child measured with wait4)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
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


def environment(emulator: Emulator) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIRA_")}
    env.update(JIRA_URL=emulator.url, NO_PROXY="127.0.0.1,localhost")
    if emulator.mode == "cloud":
        env.update(JIRA_EMAIL=USERS["cloud"][0], JIRA_API_TOKEN=USERS["cloud"][1])
    else:
        env.update(JIRA_PAT=USERS["dc"])
    return env


def measure(mode: str, count: int, output_format: str) -> None:
    specs = issues(count)
    emulator = Emulator(mode, lambda: specs, page_cap=100).start()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            report = Path(scratch) / f"report.{output_format}"
            command = [
                sys.executable, "-m", "prdlint", "jira", "PROJ", "--timeout", "60",
                "-f", output_format, "-o", str(report),
            ]  # fmt: skip
            start = time.perf_counter()
            child = subprocess.Popen(command, env=environment(emulator), cwd=scratch)
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - start
            code = os.waitstatus_to_exitcode(status)
            size = report.stat().st_size / 1e6 if report.exists() else 0.0
    finally:
        emulator.stop()
    searches = len(emulator.requests(r"/search"))
    others = len(emulator.log) - searches
    print(
        f"  {mode:<5} {count:>7,} issues: exit {code}, {searches:>5,} search pages"
        f" + {others} other requests, {seconds:6.1f} s, {count / seconds:6,.0f} issues/s,"
        f" peak {usage.ru_maxrss / 1024:6.0f} MB, {output_format} report {size:5.1f} MB"
    )


def main() -> None:
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
