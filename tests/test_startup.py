"""A pre-commit run stays lean: `prdlint check one.md` never imports the Jira client, its
HTTP stack, the JSON-schema validator, importlib.metadata or (once the built-in rule pack is
cached) PyYAML, nor the language server (pygls). Checked by module names, not by the clock."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from prdlint.builtin import rules_directory

HEAVY = ("jira", "requests", "urllib3", "jsonschema", "importlib.metadata", "email", "regex")
# The language server's stack: only `prdlint server` may import it.
HEAVY += ("pygls", "lsprotocol", "cattrs", "prdlint.lsp")
PRD = "# Checkout\n\n- As a shopper, I want prices kept in Redis, so that pages load.\n"


def imported_modules(tmp_path: Path, *args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "prdlint", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    return set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)$", result.stderr, re.M))


def test_check_of_one_markdown_file_imports_nothing_heavy(tmp_path: Path) -> None:
    (tmp_path / "prd.md").write_text(PRD, encoding="utf-8")
    imported_modules(tmp_path, "check", "prd.md")  # the first run may write the pack cache
    modules = imported_modules(tmp_path, "check", "prd.md")
    assert "prdlint.commands.check" in modules  # the probe sees prdlint's own imports
    assert "markdown_it" in modules
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY)
    assert heavy == []
    if os.access(rules_directory(), os.W_OK):  # else the pack cache cannot be written
        assert not any(m == "yaml" or m.startswith("yaml.") for m in modules)


def test_story_list_check_imports_nothing_heavy(tmp_path: Path) -> None:
    (tmp_path / "stories.txt").write_text(
        "As a shopper, I want prices kept in Redis, so that pages load.\n", encoding="utf-8"
    )
    modules = imported_modules(tmp_path, "check", "stories.txt")
    assert "prdlint.readers.storylist" in modules
    assert not any(m.split(".")[0] in HEAVY for m in modules)
