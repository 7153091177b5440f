"""story-too-long: a story sentence longer than the `max-words` option (default 50)."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.errors import ConfigError
from prdlint.model import Hit, Item
from prdlint.rule import Context

_WORD = lazy(r"[^\W_]+(?:['’-][^\W_]+)*")
DEFAULT_MAX_WORDS = 50
SNIPPET_CHARS = 80


def _limit(ctx: Context) -> int:
    value = ctx.options.get("max-words", DEFAULT_MAX_WORDS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(
            f"story-too-long: option 'max-words' must be a positive whole number, not {value!r}"
        )
    return value


@check("story-too-long")
def story_too_long(item: Item, ctx: Context) -> Iterator[Hit]:
    part = item.part("story")
    if part is None:
        return
    limit = _limit(ctx)
    words = list(_WORD.finditer(part.text))
    if len(words) > limit:
        yield Hit(
            part,
            0,
            min(len(part.text), SNIPPET_CHARS),
            values={"words": str(len(words)), "limit": str(limit)},
        )
