"""Generate docs/rules.md from the built-in rules: `python -m prdlint.docs` writes it,
`python -m prdlint.docs --check` exits 1 when it is stale. Only the built-in packs are
documented (not plugins or a project's own packs), so the file is the same on every machine.
Run it from a source checkout: the file lives beside the package, in docs/."""

from __future__ import annotations

import sys
from pathlib import Path

from prdlint.builtin import load_rules
from prdlint.commands.rules import rule_document
from prdlint.rule import CATEGORIES, Rule

DOCS_PATH = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
REGENERATE = "python -m prdlint.docs"


def _index_row(rule: Rule) -> str:
    default = "on" if rule.enabled_by_default else "off"
    anchor = f"{rule.name}-{rule.code.lower()}"
    summary = rule.summary.replace("|", "\\|")
    return (
        f"| {rule.code} | [{rule.name}](#{anchor}) | {CATEGORIES[rule.category]} "
        f"| {rule.severity.label} | {default} | {summary} |"
    )


def _demote(document: str) -> str:
    """Rule documents use `#` titles; nest them under the page's own heading."""
    lines = []
    fenced = False
    for line in document.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        lines.append("#" + line if line.startswith("#") and not fenced else line)
    return "\n".join(lines)


def render() -> str:
    rules = sorted(load_rules(), key=lambda r: r.code)
    parts = [
        "# prdlint rules",
        "",
        f"<!-- Generated from the rule packs by `{REGENERATE}`. Do not edit by hand. -->",
        "",
        "Rules marked *off* run only when selected (`--select NAME`, `extend-select`, or a",
        "tag such as `--select tag:criteria`). Severity is the default; change it per rule",
        "with `severity` in the config.",
        "",
        "| Code | Name | Category | Severity | Default | Summary |",
        "| --- | --- | --- | --- | --- | --- |",
        *[_index_row(rule) for rule in rules],
        "",
    ]
    for rule in rules:
        parts += [_demote(rule_document(rule)).rstrip("\n"), ""]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in args:
        current = DOCS_PATH.read_text(encoding="utf-8") if DOCS_PATH.exists() else ""
        if current != text:
            print(f"{DOCS_PATH}: out of date; run `{REGENERATE}`", file=sys.stderr)
            return 1
        return 0
    DOCS_PATH.parent.mkdir(parents=True, exist_ok=True)
    DOCS_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {DOCS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
