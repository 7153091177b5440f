"""`prdlint rules` lists every rule; `prdlint rule X` prints one rule's documentation."""

from __future__ import annotations

from pathlib import Path

import click

from prdlint.commands._common import rule_packs_option
from prdlint.config import load_config
from prdlint.errors import PrdlintError
from prdlint.registry import all_rules, find_rule
from prdlint.rule import CATEGORIES, Rule


def _rules(rule_packs: tuple[Path, ...] = ()) -> list[Rule]:
    return all_rules((*load_config().rule_packs, *rule_packs))


def rule_document(rule: Rule) -> str:
    """A rule's documentation in ruff's shape, as markdown."""
    status = "" if rule.enabled_by_default else " (off by default: enable with `select`)"
    lines = [
        f"# {rule.name} ({rule.code})",
        "",
        f"{rule.summary}",
        "",
        f"Severity: {rule.severity.label}."
        f" Category: {CATEGORIES.get(rule.category, rule.category)}."
        f" Applies to: {', '.join(sorted(rule.applies_to))}.{status}{_origin(rule)}",
        "",
        "## Why is this bad?",
        "",
        rule.why,
        "",
        "## Example",
        "",
        *[_example(e.text) for e in rule.bad],
        "## Use instead",
        "",
        *[_example(e.text) for e in rule.good],
        "## How to fix",
        "",
        rule.fix,
    ]
    if rule.options:
        lines += ["", "## Options", ""]
        lines += [f"- `{key}` (default: `{value}`)" for key, value in rule.options.items()]
    return "\n".join(lines) + "\n"


def _origin(rule: Rule) -> str:
    """Where a rule comes from, for rules that are not prdlint's own."""
    return "" if _builtin(rule) else f" Source: {rule.source}."


def _builtin(rule: Rule) -> bool:
    return rule.source == "prdlint" or rule.source.startswith("prdlint (")


def _example(text: str) -> str:
    return "```markdown\n" + text.rstrip("\n") + "\n```\n"


@click.command("rule")
@click.argument("name")
@rule_packs_option
def rule_command(name: str, rule_packs: tuple[Path, ...]) -> None:
    """Print a rule's documentation (by name or code)."""
    found = find_rule(_rules(rule_packs), name)
    if found is None:
        raise PrdlintError(f"unknown rule {name!r} (see `prdlint rules`)")
    click.echo(rule_document(found), nl=False)


@click.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@rule_packs_option
def rules_command(output_format: str, rule_packs: tuple[Path, ...]) -> None:
    """List every rule: code, name, default severity and summary."""
    # prdlint's own rules first, then those of plugins and packs, each by code.
    rules = sorted(_rules(rule_packs), key=lambda r: (not _builtin(r), r.code))
    if output_format == "json":
        import json

        click.echo(json.dumps([_rule_json(r) for r in rules], indent=2))
        return
    for rule in rules:
        mark = " " if rule.enabled_by_default else "*"
        origin = "" if _builtin(rule) else f" [{rule.source}]"
        click.echo(
            f"{rule.code}{mark} {rule.name:<30} {rule.severity.label:<8} {rule.summary}{origin}"
        )
    if any(not r.enabled_by_default for r in rules):
        click.echo("\n* off by default; enable with --select or extend-select")


def _rule_json(rule: Rule) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "summary": rule.summary,
        "severity": rule.severity.label,
        "category": rule.category,
        "tags": list(rule.tags),
        "applies_to": sorted(rule.applies_to),
        "enabled_by_default": rule.enabled_by_default,
        "source": rule.source,
    }
