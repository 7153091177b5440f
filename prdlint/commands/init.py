"""`prdlint init`: write a commented starter config and an example rule pack."""

from __future__ import annotations

from pathlib import Path

import click

from prdlint.errors import PrdlintError

CONFIG_FILE = Path(".prdlint.yaml")
PACK_FILE = Path("prdlint-rules") / "our-stack.yaml"

STARTER_CONFIG = """\
# prdlint configuration. Every key is optional; `prdlint rules` lists rule names and codes.

# Rules to run: names, codes, code prefixes, categories (solution, missing, clarity) or tags.
# Leave `select` out to run the default set; `extend-select` adds rules that are off by default.
# select: [solution, missing]
# extend-select: [missing-acceptance-criteria]
# ignore: [vague-term]

# Lowest severity that fails the run: error, warning (default) or info.
# fail-on: warning

# Change a rule's severity.
# severity:
#   placeholder: error

# Words no rule should flag: your own product's technology, named as the user's need
# (for an API product, "REST API" is what the customer buys, not a design decision).
# allow-terms: [REST API, CSV]

# Headings whose content is the team's, not the product's: not linted.
skip-sections: [Technical notes, Appendix]

# Files to lint besides markdown PRDs (story lists are only linted when named or included).
# include: ["backlog/*.txt"]
# exclude: ["docs/archive/**"]

# Your own rules: YAML packs, or directories of them (paths relative to this file).
rule-packs: [prdlint-rules]
"""

STARTER_PACK = """\
# Your team's own rules. Each rule has the same fields as prdlint's built-in rules; `kind`
# is one of existence, required, occurrence, conditional (see docs/writing-rules.md).
# Every rule needs at least one bad and one good example: `prdlint rules --check-examples`
# checks that the bad ones fire and the good ones do not (run it in CI after each edit).
# Show a rule's docs with `prdlint rule our-stack-term`.
rules:
  - code: OUR101  # 2-8 capitals and 3-4 digits; never reuse a code
    name: our-stack-term
    kind: existence
    category: solution  # solution, missing or clarity
    severity: warning  # error, warning or info
    applies-to: [story, requirement, epic]
    # Replace these with your team's stack: services, datastores, tools, design system.
    # Tokens match whole words in any case; `patterns` takes regular expressions.
    tokens: [Kafka, Postgres, Redis, Kubernetes, Terraform]
    patterns: ['\\b[a-z]+-service\\b']
    summary: The story names a piece of our own stack.
    message: "names our stack ('{match}'); describe the user's need and let the team choose"
    why: |
      Which service or datastore carries a change is the team's decision, made with the people
      who run it. A story that names it has made that decision before anyone weighed it.
    fix: |
      Say what the user needs to see or do. Put real constraints (an SLA, data residency) in
      the acceptance criteria.
    examples:
      bad:
        - "As a shopper, I want my basket cached in Redis, so that it loads quickly."
        - "As an admin, I want refunds handled by the billing-service, so that they are tracked."
      good:
        - "As a shopper, I want my basket to open within a second, so that I keep shopping."

  - code: OUR201
    name: our-epic-success-metric
    kind: required
    category: missing
    severity: warning
    applies-to: [epic]
    # A heading under the epic (or a "Success metrics:" line) whose title matches.
    sections: ['success metrics?|kpis?']
    summary: An epic has no Success metrics section.
    message: "epic has no Success metrics section; say how we will know it worked"
    why: Without an agreed metric, an epic is done when the code ships, not when users benefit.
    fix: Add a "Success metrics" heading under the epic with a baseline and a target.
    examples:
      bad:
        - markdown: |
            ## Epic: Guest checkout

            Shoppers can pay without an account.
      good:
        - markdown: |
            ## Epic: Guest checkout

            Shoppers can pay without an account.

            ### Success metrics

            Checkout abandonment falls from 31% to 25%.
"""


@click.command("init")
@click.option("--force", is_flag=True, help="Overwrite the files if they exist.")
def init_command(force: bool) -> None:
    """Write a starter .prdlint.yaml and an example rule pack into the current directory."""
    files = {CONFIG_FILE: STARTER_CONFIG, PACK_FILE: STARTER_PACK}
    existing = [path for path in files if path.exists()]
    if existing and not force:
        raise PrdlintError(f"{existing[0]} already exists; use --force to overwrite it")
    for path, text in files.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            raise PrdlintError(f"{path}: cannot write: {error.strerror}") from None
        click.echo(f"wrote {path.as_posix()}")
    click.echo(
        "next: edit the pack, then run `prdlint rules --check-examples` and `prdlint check docs/`"
    )
