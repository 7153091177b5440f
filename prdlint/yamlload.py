"""YAML loading. libyaml's C loader when PyYAML has it (several times faster), else
PyYAML's pure-Python safe loader.

The built-in rule pack is read on every run; its parsed form is cached beside it (like a
.pyc file, keyed by the file's size and modification time) so a pre-commit run need not
import PyYAML at all (about 12 ms). A cache that cannot be written is simply not used."""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any

from prdlint.boundedio import read_regular_file


class YamlError(ValueError):
    """Text that is not valid YAML; str() is "invalid YAML at line N: what is wrong"."""


def _loaders() -> list[Any]:
    """The safe loaders to try, fastest first, with dates left as the strings written: a
    PRD's `date: 2024-02-30` is text to lint, not a calendar error (PyYAML raises
    ValueError, outside YAMLError, when it builds that date)."""
    import yaml

    global _LOADERS
    if _LOADERS is None:
        bases = [getattr(yaml, "CSafeLoader", None), yaml.SafeLoader]
        _LOADERS = []
        for base in filter(None, bases):
            loader: Any = type(f"Dateless{base.__name__}", (base,), {})
            loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
            _LOADERS.append(loader)
    return _LOADERS


_LOADERS: list[Any] | None = None


def _timestamp_as_text(loader: Any, node: Any) -> str:
    return str(loader.construct_scalar(node))


def load_yaml(text: str) -> Any:
    """Like yaml.safe_load (dates stay strings), but raises YamlError for every bad input
    (so callers need not import PyYAML, nor expect its constructors' ValueErrors)."""
    import yaml

    *fast, safe = _loaders()
    try:
        for loader in fast:
            try:
                return yaml.load(text, Loader=loader)  # SafeLoader's C twin
            except (yaml.YAMLError, ValueError, OverflowError, RecursionError):
                pass  # parse again below: the same words in every error, libyaml or not
        return yaml.load(text, Loader=safe)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise YamlError(f"invalid YAML{at}: {getattr(error, 'problem', error)}") from None
    except (ValueError, OverflowError) as error:  # a constructor's: `!!int`, `!!binary`...
        raise YamlError(f"invalid YAML value: {error}") from None
    except RecursionError:
        raise YamlError("invalid YAML: nested too deeply") from None


def _cache_path(path: Path) -> Path:
    return path.parent / "__pycache__" / f"{path.name}.marshal{marshal.version}"


def load_yaml_file(path: Path, cache: bool = False) -> Any:
    """The parsed content of a UTF-8 YAML file (OSError, UnicodeDecodeError or
    YamlError on failure); with `cache`, reuse or write a marshal cache beside it."""
    if not cache:
        return load_yaml(read_regular_file(path).decode("utf-8"))
    cached = _cache_path(path)
    stat = path.stat()
    key = (stat.st_size, stat.st_mtime_ns)  # like a .pyc: stale once the file changes
    try:
        stored_key, data = marshal.loads(cached.read_bytes())
        if stored_key == key:
            return data
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = load_yaml(read_regular_file(path).decode("utf-8"))
    try:
        cached.parent.mkdir(exist_ok=True)
        temporary = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps((key, data)))
        os.replace(temporary, cached)  # atomic: a parallel run never reads half a file
    except (OSError, ValueError):
        pass  # read-only install, or a value marshal cannot store: no cache
    return data
