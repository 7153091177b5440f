"""Find rules (built-ins and plugins through the `prdlint.rules` entry-point group, YAML
packs named in config), validate them, and select the ones a run uses."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from prdlint.entrypoints import EntryPoint, entry_points
from prdlint.errors import ConfigError, PrdlintError
from prdlint.model import ITEM_KINDS, Severity
from prdlint.rule import CATEGORIES, Example, Rule, validate_rule
from prdlint.yamlload import YamlError, load_yaml_file

_COMMON_KEYS = frozenset(
    {
        "code", "name", "summary", "why", "fix", "severity", "category", "tags", "applies-to",
        "message", "check", "kind", "examples", "enabled", "options",
    }
)  # fmt: skip
_REQUIRED_KEYS = ("code", "name", "summary", "why", "fix", "message", "examples")


class PackError(ConfigError):
    """A rule pack entry is wrong; the message names file, rule and key."""


def _where(path: str, entry: Mapping[str, Any], index: int) -> str:
    label = entry.get("name") or entry.get("code") or f"#{index + 1}"
    return f"{path}: rule {label!r}"


def _examples(value: Any, where: str, default_format: str) -> tuple[tuple[Example, ...], ...]:
    if not isinstance(value, dict) or set(value) - {"bad", "good"}:
        raise PackError(f"{where}: key 'examples': must be a mapping with 'bad' and 'good' lists")
    result = []
    for key in ("bad", "good"):
        entries = value.get(key) or []
        if not isinstance(entries, list):
            raise PackError(f"{where}: key 'examples.{key}': must be a list")
        examples = []
        for entry in entries:
            if isinstance(entry, str):
                examples.append(Example(entry, default_format))  # type: ignore[arg-type]
            elif (
                isinstance(entry, dict)
                and len(entry) == 1
                and next(iter(entry))
                in (
                    "story",
                    "markdown",
                )
            ):
                fmt, text = next(iter(entry.items()))
                examples.append(Example(str(text), fmt))
            else:
                raise PackError(
                    f"{where}: key 'examples.{key}': each example is a string, "
                    "or {story: ...} / {markdown: ...}"
                )
        result.append(tuple(examples))
    return tuple(result)


def _resolve_check(entry: Mapping[str, Any], where: str, guarded: bool) -> tuple[Any, str]:
    from prdlint.checks import builtin_checks
    from prdlint.kinds import KIND_KEYS, KINDS, KindError, build

    if "check" in entry and "kind" in entry:
        raise PackError(f"{where}: give either 'check' (a Python check) or 'kind', not both")
    if "check" in entry:
        spec = builtin_checks().get(str(entry["check"]))
        if spec is None:
            raise PackError(f"{where}: key 'check': no check named {entry['check']!r}")
        return spec.function, spec.scope
    kind = entry.get("kind")
    if kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        raise PackError(f"{where}: key 'kind': {kind!r} is not one of {known}")
    unknown = set(entry) - _COMMON_KEYS - KIND_KEYS[kind]
    if unknown:
        raise PackError(f"{where}: unknown key {sorted(unknown)[0]!r} for kind {kind!r}")
    try:
        return build(kind, entry, str(entry["name"]), guarded), "item"
    except KindError as error:
        raise PackError(f"{where}: {error}") from None


def _rule_from_entry(entry: Any, index: int, path: str, source: str, guarded: bool) -> Rule:
    if not isinstance(entry, dict):
        raise PackError(f"{path}: rule #{index + 1}: must be a mapping of keys")
    where = _where(path, entry, index)
    missing = [key for key in _REQUIRED_KEYS if key not in entry]
    if missing:
        raise PackError(f"{where}: missing key {missing[0]!r}")
    if "check" in entry:
        unknown = set(entry) - _COMMON_KEYS
        if unknown:
            raise PackError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    check, scope = _resolve_check(entry, where, guarded)
    try:
        severity = Severity.parse(str(entry.get("severity", "warning")))
    except ValueError as error:
        raise PackError(f"{where}: key 'severity': {error}") from None
    applies_to = entry.get("applies-to", ["story", "requirement"])
    if not isinstance(applies_to, list) or not set(applies_to) <= set(ITEM_KINDS):
        raise PackError(f"{where}: key 'applies-to': use a list of {', '.join(ITEM_KINDS)}")
    default_format = "story" if "story" in applies_to else "markdown"
    bad, good = _examples(entry["examples"], where, default_format)
    options = entry.get("options", {})
    if not isinstance(options, dict):
        raise PackError(f"{where}: key 'options': must be a mapping")
    tags = entry.get("tags", [])
    if not isinstance(tags, list):
        raise PackError(f"{where}: key 'tags': must be a list")
    rule = Rule(
        code=str(entry["code"]),
        name=str(entry["name"]),
        summary=str(entry["summary"]).strip(),
        why=str(entry["why"]).strip(),
        fix=str(entry["fix"]).strip(),
        severity=severity,
        category=str(entry.get("category", "clarity")),
        applies_to=frozenset(applies_to),
        message=str(entry["message"]).strip(),
        check=check,
        bad=bad,
        good=good,
        tags=tuple(str(t) for t in tags),
        scope=scope,  # type: ignore[arg-type]
        enabled_by_default=bool(entry.get("enabled", True)),
        options=options,
        source=source,
    )
    problems = validate_rule(rule)
    if problems:
        raise PackError(f"{where}: {problems[0]}")
    return rule


def load_pack(path: Path, source: str | None = None, trusted: bool = False) -> list[Rule]:
    """The rules of one YAML pack file; PackError names file, rule and key on any problem.
    Patterns of untrusted (user) packs run with a timeout; prdlint's own packs are trusted,
    and only theirs is the parsed form cached beside the file (a user's tree stays clean)."""
    try:
        data = load_yaml_file(path, cache=trusted)
    except OSError as error:
        raise PackError(f"{path}: cannot read rule pack: {error.strerror}") from None
    except UnicodeDecodeError:
        raise PackError(f"{path}: rule pack is not UTF-8 text") from None
    except YamlError as error:
        raise PackError(f"{path}: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise PackError(f"{path}: a rule pack is a mapping with a 'rules' list")
    return [
        _rule_from_entry(entry, index, str(path), source or str(path), not trusted)
        for index, entry in enumerate(data["rules"])
    ]


def load_packs(paths: Iterable[Path]) -> list[Rule]:
    """Rules from pack files and from every *.yaml / *.yml in pack directories. A pack named
    twice (in config and with --rules) is read once."""
    rules: list[Rule] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            files = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
            if not files:
                raise PackError(f"{path}: rule pack directory has no *.yaml files")
        elif path.exists():
            files = [path]
        else:
            raise PackError(f"{path}: rule pack not found")
        for file in files:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                rules.extend(load_pack(_relative(file)))
    return rules


def _relative(path: Path) -> Path:
    """The path as the user will read it in errors and --show-rule-source (as named: a
    symlink is not replaced by its target)."""
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd())
    except ValueError:
        return path


def _plugin_rules() -> list[Rule]:
    rules: list[Rule] = []
    for ep in entry_points("prdlint.rules"):
        try:
            provided = ep.load()
            loaded = (
                provided() if callable(provided) and not isinstance(provided, Rule) else provided
            )
            batch = [loaded] if isinstance(loaded, Rule) else list(loaded)
        except PrdlintError:
            raise
        except Exception as error:
            raise PrdlintError(
                f"rule plugin {ep.name!r} ({ep.value}) failed to load: {error}"
            ) from None
        for rule in batch:
            if not isinstance(rule, Rule):
                raise PrdlintError(
                    f"rule plugin {ep.name!r} returned {type(rule).__name__}, not Rule"
                )
            problems = validate_rule(rule)
            if problems:
                raise PrdlintError(f"rule plugin {ep.name!r}: rule {rule.name!r}: {problems[0]}")
        rules.extend(_with_source(rule, ep) for rule in batch)
    return rules


def _with_source(rule: Rule, ep: EntryPoint) -> Rule:
    """Name the plugin a rule came from, unless the plugin named it itself."""
    if rule.source != Rule.source:
        return rule
    dist = getattr(ep, "dist", None)
    return replace(rule, source=f"plugin {dist.name if dist else ep.value}")


def check_unique(rules: Sequence[Rule]) -> None:
    seen: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            other = seen.get(key)
            if other is not None and other is not rule:
                raise ConfigError(
                    f"rule {key!r} is defined twice: in {other.source} and in {rule.source} "
                    "(rename one: codes and names must be unique)"
                )
            seen[key] = rule


def all_rules(packs: Iterable[Path] = ()) -> list[Rule]:
    """Every known rule: plugins (the built-ins among them) and the given packs."""
    rules = [*_plugin_rules(), *load_packs(packs)]
    check_unique(rules)
    return sorted(rules, key=lambda r: r.code)


def find_rule(rules: Sequence[Rule], key: str) -> Rule | None:
    wanted = key.strip().casefold()
    return next((r for r in rules if wanted in (r.code.casefold(), r.name)), None)


@dataclass(frozen=True, slots=True)
class Selection:
    rules: tuple[Rule, ...]
    explicit: frozenset[str]  # names the user selected by name or code (not by tag or ALL)


def _matches(rules: Sequence[Rule], selector: str, what: str) -> list[Rule]:
    key = selector.strip()
    lowered = key.casefold()
    if lowered == "all":
        return list(rules)
    if lowered.startswith("tag:"):
        lowered = lowered[4:]
    found = [
        r
        for r in rules
        if lowered in (r.name, r.code.casefold())
        or lowered in r.all_tags
        or (lowered.isalnum() and r.code.casefold().startswith(lowered) and len(lowered) >= 3)
    ]
    if not found:
        raise ConfigError(
            f"unknown rule {key!r} in {what} (see `prdlint rules` for names, codes and tags)"
        )
    return found


def select_rules(
    rules: Sequence[Rule],
    select: Sequence[str] | None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
) -> Selection:
    """Rules a run uses: `select` replaces the default set, `extend-select` adds to it,
    `ignore` removes. Selectors are names, codes, code prefixes, categories or tags."""
    chosen: dict[str, Rule] = {}
    explicit: set[str] = set()
    if select is None:
        chosen = {r.name: r for r in rules if r.enabled_by_default}
    for selector in [*(select or ()), *extend_select]:
        for rule in _matches(rules, selector, "select"):
            chosen[rule.name] = rule
            if selector.strip().casefold() in (rule.name, rule.code.casefold()):
                explicit.add(rule.name)
    for selector in ignore:
        for rule in _matches(rules, selector, "ignore"):
            chosen.pop(rule.name, None)
    ordered = tuple(sorted(chosen.values(), key=lambda r: r.code))
    return Selection(ordered, frozenset(explicit))


__all__ = ["CATEGORIES", "Selection", "all_rules", "find_rule", "load_pack", "select_rules"]
