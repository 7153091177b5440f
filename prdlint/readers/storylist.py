"""Story lists: plain text, one story per non-empty line."""

from __future__ import annotations

from prdlint.model import Item, Part, Source


def read_story_list(text: str, path: str) -> list[Item]:
    source = Source(path)
    items = []
    for number, line in enumerate(text.split("\n"), start=1):
        story = line.strip()
        if not story:
            continue
        column = len(line) - len(line.lstrip()) + 1
        items.append(
            Item(
                id=f"{path}:{number}",
                kind="story",
                title=story[:120],
                source=source,
                line=number,
                parts=(Part.at("story", story, number, column),),
                fields={"one_line": True},
            )
        )
    return items
