"""Configuration from `[tool.prdlint]` in pyproject.toml or `.prdlint.yaml`, found as ruff
finds it: walking up from each linted file's folder, so the results do not depend on the
current directory. Paths and globs in a config are relative to its folder. Every problem
names the file and the key."""

from __future__ import annotations

import fnmatch
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prdlint.boundedio import read_regular_file
from prdlint.errors import ConfigError
from prdlint.model import Severity
from prdlint.readers.settings import DEFAULT_AC_FIELD, DEFAULT_IGNORE_LABEL, ReadSettings
from prdlint.yamlload import YamlError, load_yaml

CONFIG_FILES = (".prdlint.yaml", ".prdlint.yml", "pyproject.toml")

_LIST_KEYS = (
    "select", "extend-select", "ignore", "allow-terms", "skip-sections", "include", "exclude",
    "rule-packs",
)  # fmt: skip
_TABLE_KEYS = ("severity", "options", "per-file-ignores", "jira")
KNOWN_KEYS = frozenset({*_LIST_KEYS, *_TABLE_KEYS, "fail-on"})
JIRA_KEYS = ("url", "ac-field", "issue-types", "ignore-label", "timeout")


@dataclass(frozen=True)
class JiraSettings:
    """The `jira` table: read by `prdlint jira` and, for exports, by the readers."""

    url: str | None = None
    ac_field: str = DEFAULT_AC_FIELD
    issue_types: tuple[str, ...] = ("Epic", "Story")
    ignore_label: str = DEFAULT_IGNORE_LABEL
    timeout: float = 30.0


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    allow_terms: frozenset[str] = frozenset()
    skip_sections: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    rule_packs: tuple[Path, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    jira: JiraSettings = JiraSettings()
    path: Path | None = None  # the file it was read from
    folder: Path | None = None  # absolute: where its globs and rule packs are relative to

    def relative(self, path: Path) -> str:
        """`path` as the config's globs see it: relative to its folder, `/`-separated (a
        file outside the folder, or with no config file, keeps its absolute path)."""
        absolute = Path(os.path.abspath(path))
        try:
            shown = absolute.relative_to(self.folder or Path.cwd()).as_posix()
        except ValueError:
            shown = absolute.as_posix()
        return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")

    def matches(self, path: Path, globs: tuple[str, ...]) -> bool:
        """A glob matches the path relative to the config's folder, or the file name."""
        if not globs:
            return False
        shown = self.relative(path)
        name = shown.rsplit("/", 1)[-1]
        return any(fnmatch.fnmatch(shown, g) or fnmatch.fnmatch(name, g) for g in globs)

    @property
    def read_settings(self) -> ReadSettings:
        """What every reader is given (exports read Jira issues as `prdlint jira` does)."""
        return ReadSettings(
            skip_sections=self.skip_sections,
            ac_field=self.jira.ac_field,
            ignore_label=self.jira.ignore_label,
        )


def _string_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: must be a list of strings")
    return tuple(value)


def _table(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: must be a table (mapping)")
    return value


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError as error:
        raise ConfigError(f"{where}: {error}") from None


def _jira(table: Mapping[str, Any], label: str) -> JiraSettings:
    """The `jira` table, checked key by key."""
    unknown = sorted(set(table) - set(JIRA_KEYS))
    if unknown:
        known = ", ".join(JIRA_KEYS)
        raise ConfigError(f"{label}: unknown key 'jira.{unknown[0]}' (known: {known})")
    for key in ("url", "ac-field", "ignore-label"):
        if key in table and not isinstance(table[key], str):
            raise ConfigError(f"{label}: key 'jira.{key}': must be a string")
    default = JiraSettings()
    types = table.get("issue-types", list(default.issue_types))
    if isinstance(types, str):
        types = [t.strip() for t in types.split(",")]
    if not isinstance(types, list) or not all(isinstance(t, str) and t for t in types):
        raise ConfigError(f"{label}: key 'jira.issue-types': must be a list of issue type names")
    timeout = table.get("timeout", default.timeout)
    if (
        not isinstance(timeout, int | float)
        or isinstance(timeout, bool)
        or not math.isfinite(timeout)
        or timeout <= 0
    ):
        raise ConfigError(f"{label}: key 'jira.timeout': must be a number of seconds above 0")
    return JiraSettings(
        url=table.get("url"),
        ac_field=table.get("ac-field", default.ac_field),
        issue_types=tuple(types),
        ignore_label=table.get("ignore-label", default.ignore_label),
        timeout=float(timeout),
    )


def from_mapping(data: Mapping[str, Any], path: Path | None) -> Config:
    """A Config from the raw `[tool.prdlint]` / YAML mapping; ConfigError on any bad key."""
    label = str(path) if path else "config"
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(
            f"{label}: unknown key {unknown[0]!r} (known: {', '.join(sorted(KNOWN_KEYS))})"
        )

    def where(key: str) -> str:
        return f"{label}: key '{key}'"

    lists = {key: _string_list(data[key], where(key)) for key in _LIST_KEYS if key in data}
    tables = {key: _table(data[key], where(key)) for key in _TABLE_KEYS if key in data}
    base = path.parent if path else Path.cwd()
    options = tables.get("options", {})
    for name, value in options.items():
        _table(value, f"{label}: key 'options.{name}'")
    return Config(
        select=lists.get("select"),
        extend_select=lists.get("extend-select", ()),
        ignore=lists.get("ignore", ()),
        severity={
            name: _severity(value, f"{label}: key 'severity.{name}'")
            for name, value in tables.get("severity", {}).items()
        },
        fail_on=_severity(data["fail-on"], where("fail-on"))
        if "fail-on" in data
        else Severity.WARNING,
        allow_terms=frozenset(term.casefold() for term in lists.get("allow-terms", ())),
        skip_sections=tuple(s.casefold().strip() for s in lists.get("skip-sections", ())),
        include=lists.get("include", ()),
        exclude=lists.get("exclude", ()),
        options=options,
        rule_packs=tuple(base / p for p in lists.get("rule-packs", ())),
        per_file_ignores={
            glob: _string_list(rules, f"{label}: key 'per-file-ignores.{glob}'")
            for glob, rules in tables.get("per-file-ignores", {}).items()
        },
        jira=_jira(tables.get("jira", {}), label),
        path=path,
        folder=Path(os.path.abspath(base)),
    )


def read_config_file(path: Path) -> Config:
    try:
        raw = read_regular_file(path)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        import tomllib  # only here: most runs find no TOML config

        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{path}: invalid TOML: {error}") from None
        section = document.get("tool", {}).get("prdlint", {})
        return from_mapping(_table(section, f"{path}: [tool.prdlint]"), path)
    try:
        loaded = load_yaml(text)
    except YamlError as error:
        raise ConfigError(f"{path}: {error}") from None
    if loaded is None:
        return Config(path=path, folder=Path(os.path.abspath(path.parent)))
    return from_mapping(_table(loaded, f"{path}: the top level"), path)


def _has_prdlint_table(path: Path) -> bool:
    try:
        return b"[tool.prdlint" in read_regular_file(path)
    except OSError:
        return False


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above `start` (pyproject.toml only with [tool.prdlint])."""
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_prdlint_table(candidate)):
                return candidate
    return None


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    if explicit is not None:
        if not explicit.exists():  # a device or FIFO is refused by the read, with its reason
            raise ConfigError(f"{explicit}: config file not found")
        return read_config_file(explicit)
    found = find_config((start or Path.cwd()).resolve())
    return read_config_file(found) if found else Config()


class ConfigFinder:
    """The config of each linted file: the nearest one at or above its folder, each folder
    looked up and each config file read once per run. `fixed` (from --config) is every
    file's config. A file in no project gets the defaults, wherever prdlint runs."""

    def __init__(self, fallback: Config, fixed: bool = False) -> None:
        self._fallback = fallback
        self._fixed = fixed
        self._found: dict[Path, Path | None] = {}
        self._read: dict[Path, Config] = {}
        if fallback.path is not None:
            self._read[Path(os.path.abspath(fallback.path))] = fallback

    def for_file(self, path: Path) -> Config:
        if self._fixed:
            return self._fallback
        found = self._nearest(Path(os.path.abspath(path)).parent)
        if found is None:
            return Config() if self._fallback.path is not None else self._fallback
        if found not in self._read:
            self._read[found] = read_config_file(found)
        return self._read[found]

    def _nearest(self, directory: Path) -> Path | None:
        if directory not in self._found:
            found = None
            for name in CONFIG_FILES:
                candidate = directory / name
                if candidate.is_file() and (
                    name != "pyproject.toml" or _has_prdlint_table(candidate)
                ):
                    found = candidate
                    break
            if found is None and directory.parent != directory:
                found = self._nearest(directory.parent)
            self._found[directory] = found
        return self._found[directory]
