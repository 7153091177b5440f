"""The pre-commit hook, with the real `pre-commit`: the manifest validates, and
`pre-commit try-repo` against this checkout fails on a bad PRD and passes once it is fixed.

try-repo builds the hook's virtualenv from this checkout (pip, from PyPI), so the second test
takes a while; it runs the hook twice in one environment to pay for that only once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAD_PRD = "# Checkout\n\n- As a shopper, I want prices kept in Redis, so that pages load.\n  - Prices show.\n"
GOOD_PRD = (
    "# Checkout\n\n- As a shopper, I want to compare prices, so that I buy the best offer.\n"
    "  - Prices show.\n"
)


def pre_commit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_manifest_is_valid() -> None:
    result = pre_commit(
        "validate-manifest", ".pre-commit-hooks.yaml", cwd=ROOT, env=dict(os.environ)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_hook_fails_on_a_bad_prd_and_passes_when_fixed(tmp_path: Path) -> None:
    repo = tmp_path / "project"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "docs").mkdir()
    prd = repo / "docs" / "prd.md"
    prd.write_text(BAD_PRD, encoding="utf-8")
    (repo / "notes.txt").write_text("TBD\n", encoding="utf-8")  # not markdown: never linted
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)

    failed = pre_commit(
        "try-repo", str(ROOT), "prdlint", "--files", "docs/prd.md", "notes.txt", cwd=repo, env=env
    )
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "prdlint" in output and "Failed" in output
    assert (
        "docs/prd.md:3:39: PRD101 solution-prescriptive names the solution (Redis); "
        "state the user's need and leave the how to the team"
    ) in output
    assert "notes.txt" not in output.split("Failed", 1)[1]

    prd.write_text(GOOD_PRD, encoding="utf-8")
    passed = pre_commit(
        "try-repo", str(ROOT), "prdlint", "--files", "docs/prd.md", cwd=repo, env=env
    )
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
