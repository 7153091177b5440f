"""missing-section: a PRD without one of the sections the team requires.

The required sections and the heading words that satisfy each are the rule's `sections`
option (a mapping of section name to heading words); the default is a PRD's usual parts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from prdlint.checks import check
from prdlint.checks._prd import SECTION_WORDS, documents, has_heading, heading_matcher, prd_in_scope
from prdlint.errors import ConfigError
from prdlint.model import Hit, Item
from prdlint.rule import Context


def _required(options: Mapping[str, Any]) -> dict[str, list[str]]:
    value = options.get("sections") or SECTION_WORDS
    if not isinstance(value, Mapping) or not all(
        isinstance(words, list | tuple) and words and all(isinstance(w, str) for w in words)
        for words in value.values()
    ):
        raise ConfigError(
            "missing-section: option 'sections' must map a section name to a list of heading words"
        )
    return {str(name): list(words) for name, words in value.items()}


@check("missing-section", scope="backlog")
def missing_section(items: Sequence[Item], ctx: Context) -> Iterator[Hit]:
    required = _required(ctx.options)
    for document, _own in documents(items):
        if not prd_in_scope(document, ctx):
            continue
        for name, words in required.items():
            if not has_heading(document, heading_matcher(words)):
                yield Hit(
                    document.part("title"),
                    0,
                    len(document.title),
                    item=document,
                    values={"section": name, "words": ", ".join(words[:3])},
                )
