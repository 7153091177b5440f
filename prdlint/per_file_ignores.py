"""`per-file-ignores` (config): glob -> rules to ignore in matching files, as in ruff.

    [tool.prdlint.per-file-ignores]
    "docs/rfcs/*.md" = ["solution-prescriptive", "database-detail"]
    "CHANGELOG.md" = ["ALL"]

Rules are named by name, code, category or tag (as in `ignore`), or ALL. A glob matches the
path as reported (relative to the current directory, `/`-separated) or the file name; `**/`
also matches no directory at all. Findings from Jira (no path) are never matched."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping, Sequence

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
        self, table: Mapping[str, Sequence[str]], rules: Iterable[Rule], where: str = "config"
    ) -> None:
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
        for glob, names in self._globs:
            if _glob_matches(path, glob):
                result |= names
        return result

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
