"""duplicate-story: stories that say nearly the same thing.

Similarity is the Jaccard index of the items' content words (option `threshold`, default
0.8), and one item's words must all appear in the other: two stories that each have a word
the other lacks ("into Excel" / "into JSON", "round 2" / "round 3") are a deliberate series,
not duplicates. A negation on one side only ("loan" / "non-loan") also keeps them apart.

Since one set must contain the other, it contains the smaller set's rarest word: each
story is compared only with the stories that hold its rarest word (a short posting list),
and identical word sets are grouped first. The cost grows with the number of similar
stories, not with the square of the backlog. Stories joined by any chain of pairs are one
group, reported once at its first copy with the others' places and their count: 300 copies
are one finding to fix, not 300."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from prdlint.checks import check
from prdlint.checks._tokens import content_words
from prdlint.errors import ConfigError
from prdlint.model import Hit, Item, Part
from prdlint.rule import Context

DEFAULT_THRESHOLD = 0.8
MIN_WORDS = 3  # fewer content words than this are too short to call duplicates
SHOWN = 3  # how many other locations a message lists
_NEGATIONS = frozenset({"non", "not", "no", "never", "without", "don't", "cannot", "can't", "un"})


def _threshold(ctx: Context) -> float:
    value = ctx.options.get("threshold", DEFAULT_THRESHOLD)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.5 <= value <= 1:
        raise ConfigError(
            f"duplicate-story: option 'threshold' must be a number from 0.5 to 1, not {value!r}"
        )
    return float(value)


def _text_part(item: Item) -> Part | None:
    return item.part("story") or item.part("requirement")


def similar_pairs(sets: Sequence[frozenset[str]], threshold: float) -> Iterator[tuple[int, int]]:
    """Index pairs (i, j), i < j, of near-duplicates (see the module docstring)."""
    same: dict[frozenset[str], list[int]] = {}
    for i, words in enumerate(sets):
        same.setdefault(words, []).append(i)
    for group in same.values():
        yield from ((a, b) for n, a in enumerate(group) for b in group[n + 1 :])
    unique = list(same)
    frequency: Counter[str] = Counter(word for words in unique for word in words)
    # Postings by (word, set size): a set is only compared with the few sizes that can hold it.
    postings: dict[tuple[str, int], list[int]] = {}
    for u, words in enumerate(unique):
        for word in words:
            postings.setdefault((word, len(words)), []).append(u)
    for words in unique:
        # Any word of `words` would do (a superset holds them all); the rarest has the
        # shortest postings. Ties may fall either way without changing the result.
        rarest = min(words, key=frequency.__getitem__)
        size = len(words)
        for other_size in range(size + 1, int(size / threshold) + 1):
            for v in postings.get((rarest, other_size), ()):
                other = unique[v]
                if words < other and _near_duplicates(words, other, threshold):
                    for i in same[words]:
                        for j in same[other]:
                            yield (min(i, j), max(i, j))


def _near_duplicates(words: frozenset[str], other: frozenset[str], threshold: float) -> bool:
    shared = len(words & other)
    if shared / (len(words) + len(other) - shared) < threshold:
        return False
    only_here, only_there = words - other, other - words
    if only_here and only_there:
        return False  # a substituted word: a series of related stories
    return not (only_here | only_there) & _NEGATIONS


def _where(item: Item, seen_from: Item) -> str:
    if item.source.issue:
        return item.source.issue
    if item.source.path == seen_from.source.path:
        return f"line {item.line}"
    return f"{item.source.path}:{item.line}"


def _others(partners: Sequence[Item], item: Item) -> str:
    """ "line 5", or with several: "3 others: line 4, line 5, line 9 and 1 more"."""
    listed = ", ".join(_where(other, item) for other in partners[:SHOWN])
    if len(partners) == 1:
        return listed
    more = len(partners) - SHOWN
    listed = f"{listed} and {more} more" if more > 0 else listed
    return f"{len(partners)} others: {listed}"


def _components(size: int, pairs: Iterator[tuple[int, int]]) -> list[list[int]]:
    """Groups of indices joined by any chain of pairs (union-find), each sorted."""
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(size):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


@check("duplicate-story", scope="backlog")
def duplicate_story(items: Sequence[Item], ctx: Context) -> Iterator[Hit]:
    threshold = _threshold(ctx)
    # Identical word sets form one group first: a file of 100,000 copies stays linear.
    groups: dict[frozenset[str], list[tuple[int, Item, Part]]] = {}
    for order, item in enumerate(items):
        part = _text_part(item)
        if part is not None:
            words = content_words(part.text)
            if len(words) >= MIN_WORDS:
                groups.setdefault(words, []).append((order, item, part))
    keys = list(groups)
    hits: list[tuple[int, Hit]] = []
    # One finding per group of copies, at its first copy, naming the others.
    for component in _components(len(keys), similar_pairs(keys, threshold)):
        copies = sorted((m for index in component for m in groups[keys[index]]), key=_order)
        if len(copies) < 2:
            continue
        order, item, part = copies[0]
        values = {"others": _others([m[1] for m in copies[1:]], item)}
        hits.append((order, Hit(part, 0, min(len(part.text), 80), item=item, values=values)))
    hits.sort(key=lambda pair: pair[0])
    yield from (hit for _, hit in hits)


def _order(member: tuple[int, Item, Part]) -> int:
    return member[0]
