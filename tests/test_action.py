"""The GitHub Action (action.yml) and the CI examples: their YAML shape, and the action's
lint step run for real with bash, the way the runner runs a composite step."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BAD_PRD = "# Checkout\n\n- As a shopper, I want prices kept in Redis, so that pages load.\n  - Prices show.\n"


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    return load(ROOT / "action.yml")


def test_action_metadata(action: dict[str, Any]) -> None:
    assert action["name"] == "prdlint"
    assert action["description"]
    assert set(action["inputs"]) == {"paths", "args", "version", "python-version", "summary"}
    for name, spec in action["inputs"].items():
        assert spec["description"], name
        assert spec["required"] is False, name
        assert isinstance(spec["default"], str), name


def test_action_is_composite_and_every_run_step_has_a_shell(action: dict[str, Any]) -> None:
    runs = action["runs"]
    assert runs["using"] == "composite"
    steps = runs["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    for step in steps:
        assert ("uses" in step) != ("run" in step), step.get("name")
        if "run" in step:
            assert step["shell"] == "bash", step["name"]
            # Inputs go through env, never straight into the script text (script injection).
            assert "${{" not in step["run"], step["name"]


def test_every_input_is_used(action: dict[str, Any]) -> None:
    text = yaml.safe_dump(action["runs"])
    used = set(re.findall(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", text))
    assert used == set(action["inputs"])


def test_action_runs_prdlint_with_github_format(action: dict[str, Any]) -> None:
    lint = next(s for s in action["runs"]["steps"] if s.get("name") == "Run prdlint")
    assert "prdlint check --format github $PRDLINT_ARGS $PRDLINT_PATHS" in lint["run"]


def _run_lint_step(
    action: dict[str, Any], cwd: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    step = next(s for s in action["runs"]["steps"] if s.get("name") == "Run prdlint")
    scripts = str(Path(sys.executable).parent)  # where this environment's `prdlint` lives
    environment = {**os.environ, "PATH": scripts + os.pathsep + os.environ["PATH"], **env}
    return subprocess.run(
        [bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=cwd, env=environment, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_lint_step_annotates_fails_and_writes_the_summary(
    action: dict[str, Any], tmp_path: Path
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "prd.md").write_text(BAD_PRD, encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = _run_lint_step(
        action,
        tmp_path,
        PRDLINT_PATHS="docs",
        PRDLINT_ARGS="--select solution-prescriptive",
        PRDLINT_SUMMARY="true",
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        "::warning file=docs/prd.md,line=3,col=39,endLine=3,endColumn=44,"
        "title=PRD101 solution-prescriptive::names the solution (Redis); state the user's need"
        " and leave the how to the team\n"
    )
    assert summary.read_text(encoding="utf-8").startswith(
        "### prdlint: 1 finding (1 warning) in 1 file, 2 items\n"
    )


def test_lint_step_passes_on_clean_input(action: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "prd.md").write_text("# Checkout\n\nNothing to see.\n", encoding="utf-8")
    result = _run_lint_step(
        action, tmp_path, PRDLINT_PATHS="prd.md", PRDLINT_ARGS="", PRDLINT_SUMMARY="false"
    )
    assert (result.returncode, result.stdout) == (0, "")


def test_github_workflow_example() -> None:
    workflow = load(ROOT / "examples" / "ci" / "github-workflow.yml")
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as True
    assert "pull_request" in triggers
    lint_steps = workflow["jobs"]["lint"]["steps"]
    assert lint_steps[0]["uses"].startswith("actions/checkout@")
    uses = lint_steps[1]["uses"]
    assert uses.split("@")[0].endswith("/prdlint")
    assert set(lint_steps[1]["with"]) <= set(load(ROOT / "action.yml")["inputs"])
    scanning = workflow["jobs"]["code-scanning"]
    assert scanning["permissions"]["security-events"] == "write"
    runs = " ".join(s.get("run", "") for s in scanning["steps"])
    assert "--format sarif --output prdlint.sarif" in runs
    upload = scanning["steps"][-1]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "prdlint.sarif"


def test_gitlab_ci_example() -> None:
    job = load(ROOT / "examples" / "ci" / "gitlab-ci.yml")["prdlint"]
    script = "\n".join(job["script"])
    assert "--format gitlab --output gl-code-quality-report.json" in script
    assert "--format junit --output prdlint-junit.xml" in script
    assert job["script"][-1] == "prdlint check docs/"
    assert job["artifacts"]["reports"] == {
        "codequality": "gl-code-quality-report.json",
        "junit": "prdlint-junit.xml",
    }
