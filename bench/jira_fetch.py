"""Benchmark (run on purpose, not a test): `prdlint jira`'s fetch, convert and lint path
against the test emulator with N generated issues. Prints HTTP requests, issues per
second and peak memory.

    python bench/jira_fetch.py 10000 cloud      # or dc; TRACE=1 adds the Python heap peak

The emulator runs in the same process (and competes for the GIL), so the rate is a floor.
"""

from __future__ import annotations

import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from jira_emulator import USERS, Emulator, IssueSpec

from prdlint.engine import Linter
from prdlint.jira_live import JiraSession, Query, credentials_from_env, fetch_items
from prdlint.registry import all_rules, select_rules


def issues(count: int) -> list[IssueSpec]:
    return [
        IssueSpec(
            f"PROJ-{n}",
            f"As a shopper, I want feature {n} so that I save time",
            "Story" if n % 10 else "Epic",
            description=(
                f"h3. Context\nWe need it fast. Add a column {n} to the table.\n"
                "h3. Acceptance Criteria\n* Given x, when y, then z\n* It is easy"
            ),
            epic=f"PROJ-{n - n % 10}" if n % 10 and n > 10 else None,
        )
        for n in range(1, count + 1)
    ]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    mode = sys.argv[2] if len(sys.argv) > 2 else "cloud"
    emulator = Emulator(mode, issues(count), page_cap=100).start()
    os.environ.update(NO_PROXY="127.0.0.1,localhost", JIRA_URL=emulator.url)
    if mode == "cloud":
        os.environ.update(JIRA_EMAIL=USERS["cloud"][0], JIRA_API_TOKEN=USERS["cloud"][1])
    else:
        os.environ["JIRA_PAT"] = USERS["dc"]
    rules = select_rules(all_rules(()), None, (), ()).rules
    if os.environ.get("TRACE"):
        tracemalloc.start()
    start = time.perf_counter()
    session = JiraSession(credentials_from_env(os.environ), timeout=30).open()
    items = list(fetch_items(session, Query(project="PROJ")))
    fetched = time.perf_counter() - start
    findings = Linter(rules).lint(items)
    total = time.perf_counter() - start
    heap = (
        f" python-heap-peak={tracemalloc.get_traced_memory()[1] / 1e6:.0f} MB"
        if (tracemalloc.is_tracing())
        else ""
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(
        f"{mode} issues={count} requests={len(emulator.log)} "
        f"(search pages={len(emulator.requests('/search'))}) fetch+convert={fetched:.1f}s "
        f"total={total:.1f}s rate={count / total:.0f} issues/s findings={len(findings)} "
        f"maxrss={rss:.0f} MB{heap}"
    )
    emulator.stop()


if __name__ == "__main__":
    main()
