"""`per-file-ignores` (config): glob -> rules to ignore in matching files, as in ruff.

    [tool.prdlint.per-file-ignores]
    "docs/rfcs/*.md" = ["solution-prescriptive", "database-detail"]
    "CHANGELOG.md" = ["ALL"]

Rules are named by name, code, category or tag (as in `ignore`), or ALL. A glob matches the
path relative to the config file's folder (`/`-separated, whatever the current directory)
or the file name; `**/` also matches no directory at all. Findings from Jira (no path) are
never matched."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from prdlint.errors import ConfigError
from prdlint.model import Finding
from prdlint.rule import Rule


def _keys(rule: Rule) -> frozenset[str]:
    return frozenset(k.casefold() for k in (rule.name, rule.code, *rule.all_tags))


def _glob_matches(path: str, glob: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    patterns = {glob, glob.replace("**/", "")}
    return any(fnmatch.fnmatchcase(path, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


class PerFileIgnores:
    """The config's table, checked against the known rules once, applied per finding."""

    def __init__(
        self,
        table: Mapping[str, Sequence[str]],
        rules: Iterable[Rule],
        where: str = "config",
        folder: Path | None = None,
        reported_from: Path | None = None,
    ) -> None:
        self._folder = folder  # the config's: globs are relative to it (None: as reported)
        self._reported_from = reported_from  # what reported paths are relative to (cwd)
        known = {r.name: _keys(r) for r in rules}
        every = frozenset().union(*known.values()) if known else frozenset()
        self._globs: list[tuple[str, frozenset[str]]] = []
        for glob, selectors in table.items():
            names: set[str] = set()
            for selector in selectors:
                key = selector.strip().casefold()
                if key == "all":
                    names.update(known)
                    continue
                if key not in every:
                    raise ConfigError(
                        f"{where}: key 'per-file-ignores.{glob}': unknown rule {selector!r}"
                    )
                names.update(name for name, keys in known.items() if key in keys)
            self._globs.append((glob, frozenset(names)))

    def __bool__(self) -> bool:
        return bool(self._globs)

    def ignored(self, path: str | None) -> frozenset[str]:
        """Names of the rules ignored in this file."""
        if path is None:
            return frozenset()
        result: frozenset[str] = frozenset()
        shown = self._relative(path)
        for glob, names in self._globs:
            if _glob_matches(shown, glob):
                result |= names
        return result

    def _relative(self, path: str) -> str:
        """The reported path (relative to the current directory, or `reported_from`) from
        the config's folder."""
        if self._folder is None:
            return path
        absolute = Path(os.path.abspath(Path(self._reported_from or Path.cwd(), path)))
        try:
            return absolute.relative_to(self._folder).as_posix()
        except ValueError:  # outside the project: the same whatever the current directory
            return absolute.as_posix()

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        cache: dict[str | None, frozenset[str]] = {}
        kept = []
        for finding in findings:
            path = finding.location.path
            if path not in cache:
                cache[path] = self.ignored(path)
            if finding.rule not in cache[path]:
                kept.append(finding)
        return kept
