"""The parsed-YAML cache beside the built-in rule packs: used while the file is unchanged,
ignored once it changes or when it is damaged, and never needed (read-only installs)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prdlint.yamlload import YamlError, load_yaml_file


def test_cache_is_written_reused_and_refreshed(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules: [a]\n", encoding="utf-8")
    assert load_yaml_file(pack, cache=True) == {"rules": ["a"]}
    cache = next((tmp_path / "__pycache__").iterdir())
    assert cache.name.startswith("pack.yaml.marshal")
    assert load_yaml_file(pack, cache=True) == {"rules": ["a"]}
    pack.write_text("rules: [b, c]\n", encoding="utf-8")
    assert load_yaml_file(pack, cache=True) == {"rules": ["b", "c"]}
    # Same size, new content, new modification time: still read afresh.
    pack.write_text("rules: [d, e]\n", encoding="utf-8")
    stat = pack.stat()
    os.utime(pack, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_yaml_file(pack, cache=True) == {"rules": ["d", "e"]}
    assert [p.name for p in (tmp_path / "__pycache__").iterdir()] == [cache.name]


def test_damaged_cache_is_ignored(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules: [a]\n", encoding="utf-8")
    load_yaml_file(pack, cache=True)
    next((tmp_path / "__pycache__").iterdir()).write_bytes(b"\x00garbage")
    assert load_yaml_file(pack, cache=True) == {"rules": ["a"]}


def test_invalid_yaml_is_one_error_with_its_line(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules:\n  - [a\n", encoding="utf-8")
    with pytest.raises(YamlError, match=r"^invalid YAML at line 3: "):
        load_yaml_file(pack, cache=True)
    assert not (tmp_path / "__pycache__").exists() or not any((tmp_path / "__pycache__").iterdir())
