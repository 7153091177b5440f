"""`prdlint rules` lists every rule; `prdlint rule X` prints one rule's documentation."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from prdlint.commands._common import EXIT_FINDINGS, rule_packs_option
from prdlint.config import load_config
from prdlint.errors import PrdlintError
from prdlint.registry import all_rules, find_rule
from prdlint.rule import CATEGORIES, Rule
from prdlint.testing import check_examples, example_cases


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
@click.option(
    "--check-examples",
    is_flag=True,
    help="Run every rule's bad and good examples; exit 1 naming each one that misbehaves.",
)
@rule_packs_option
def rules_command(output_format: str, check_examples: bool, rule_packs: tuple[Path, ...]) -> None:
    """List every rule: code, name, default severity and summary."""
    # prdlint's own rules first, then those of plugins and packs, each by code.
    rules = sorted(_rules(rule_packs), key=lambda r: (not _builtin(r), r.code))
    if check_examples:
        if output_format != "text":
            raise click.UsageError("--check-examples reports as text only")
        _check_examples(rules)
        return
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


def _check_examples(rules: list[Rule]) -> None:
    """Every rule's examples as tests: one line per misbehaving example, then a summary;
    exit 1 when any misbehaves."""
    failures = check_examples(rules)
    for failure in failures:
        click.echo(failure.describe())
    total = len(example_cases(rules))
    if failures:
        click.echo(f"{len(failures)} of {total} examples misbehave ({len(rules)} rules)")
        sys.exit(EXIT_FINDINGS)
    click.echo(f"all {total} examples of {len(rules)} rules behave")
