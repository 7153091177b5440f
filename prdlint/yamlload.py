"""YAML through libyaml's C loader when PyYAML has it (several times faster: the built-in
rule pack is read on every run), else PyYAML's pure-Python safe loader."""

from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Like yaml.safe_load; raises yaml.YAMLError on bad input."""
    return yaml.load(text, Loader=SAFE_LOADER)  # a safe loader (SafeLoader or its C twin)
