"""The text edit that adds a term to `allow-terms` in the project config, keeping the rest
of the file (comments, order) as written: a line-level edit, never a re-dump."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

NEW_CONFIG = ".prdlint.yaml"
_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _./+-]*$")
_YAML_KEY = re.compile(r"^allow-terms\s*:\s*(.*?)\s*(#.*)?$")
_TOML_KEY = re.compile(r"^allow-terms\s*=\s*(\[.*\])\s*(#.*)?$")
_ITEM = re.compile(r"^(\s+)-\s")


@dataclass(frozen=True)
class ConfigEdit:
    """Replace lines [line, end_line) of `path` with `text` (create the file first when
    `create`)."""

    path: Path
    line: int
    end_line: int
    text: str
    create: bool = False


def _yaml_scalar(term: str) -> str:
    return term if _PLAIN.match(term) else json.dumps(term, ensure_ascii=False)


def _flow_append(flow: str, item: str) -> str:
    inner = flow[1:-1].strip()
    return f"[{inner}, {item}]" if inner else f"[{item}]"


def _yaml_edit(path: Path, lines: list[str], term: str) -> ConfigEdit | None:
    item = _yaml_scalar(term)
    for index, line in enumerate(lines):
        match = _YAML_KEY.match(line)
        if match is None:
            continue
        value, comment = match.group(1), match.group(2)
        if value.startswith("[") and value.endswith("]"):
            tail = f"  {comment}" if comment else ""
            new = f"allow-terms: {_flow_append(value, item)}{tail}\n"
            return ConfigEdit(path, index, index + 1, new)
        if value:
            return None  # a scalar or multi-line flow list: leave it to the author
        last, indent = index, "  "
        for below in range(index + 1, len(lines)):
            item_match = _ITEM.match(lines[below])
            if item_match is None:
                if lines[below].strip() and not lines[below].startswith((" ", "\t")):
                    break
                continue
            last, indent = below, item_match.group(1)
        return ConfigEdit(path, last + 1, last + 1, f"{indent}- {item}\n")
    end = len(lines)
    prefix = "\n" if lines and lines[-1].strip() else ""
    return ConfigEdit(path, end, end, f"{prefix}allow-terms: [{item}]\n")


def _toml_edit(path: Path, lines: list[str], term: str) -> ConfigEdit | None:
    item = json.dumps(term, ensure_ascii=False)
    header = next((i for i, line in enumerate(lines) if line.strip() == "[tool.prdlint]"), None)
    if header is None:
        return None  # only a [tool.prdlint.*] sub-table: do not guess where the key goes
    for index in range(header + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped.startswith("["):
            break
        match = _TOML_KEY.match(stripped)
        if match is not None:
            tail = f"  {match.group(2)}" if match.group(2) else ""
            new = f"allow-terms = {_flow_append(match.group(1), item)}{tail}\n"
            return ConfigEdit(path, index, index + 1, new)
        if stripped.startswith("allow-terms"):
            return None  # a multi-line array: leave it to the author
    return ConfigEdit(path, header + 1, header + 1, f"allow-terms = [{item}]\n")


def add_allowed_term(config: Path | None, root: Path, term: str) -> ConfigEdit | None:
    """The edit to the project's config (a new .prdlint.yaml at `root` when there is
    none); None when the key is written in a shape this cannot extend safely."""
    if config is None:
        return ConfigEdit(root / NEW_CONFIG, 0, 0, f"allow-terms: [{_yaml_scalar(term)}]\n", True)
    try:
        lines = config.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if config.suffix == ".toml":
        return _toml_edit(config, lines, term)
    return _yaml_edit(config, lines, term)
