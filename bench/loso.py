"""Leave-one-source-out scoring of the core rules over every labeled set we have.

Run on purpose (not a test):

    python bench/loso.py                 # pooled precision/recall per rule: unseen vs tuned
    python bench/loso.py --verbose       # and a table per source (a repository, a data set)
    python bench/loso.py --documents     # line-level scoring of labeled markdown documents
    python bench/loso.py --json out.json # also the counts as JSON, to compare two runs

The rules have no trained parameters, so leaving a source out means: score each source on
its own, with rules that were (or were not) written while looking at it, and report the
sources the rules were tuned on apart from the unseen ones. A source is a data set of the
shared dev set, a repository of the shared GitHub items (from its SOURCES.md), or a
repository or issue tracker of bench/data/. Tuned: the shared dev set, the shared GitHub
lines not divisible by 3, and the team's own labels. Unseen: the shared GitHub lines
divisible by 3 and bench/data/ (dev and holdout). The team's labels of the GitHub items are
left out: the shared readers labeled the same items, and theirs follow the guide. The dev
part of bench/data (and bench/data/extra/, collected by the rule authors to find what they
missed, labeled only for their rules) was read while tuning, so it counts as tuned; only its
holdout/ is unseen. `--no-holdout` leaves the held-out sets out altogether (the shared GitHub
lines divisible by 3 and bench/data/holdout/), for tuning runs that must not see them.

Item level reuses bench/accuracy.py (each story linted as one line of a story list).
Document level (bench/data/documents/): each labeled line of a markdown document is scored
per rule by whether the rule has a finding on that line when the whole document is linted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import DEV_SET, RULES, SHARED, fired_rules, load

from prdlint.engine import Linter, LintSettings
from prdlint.readers.markdown import read_markdown
from prdlint.registry import all_rules, select_rules

BENCH = Path(__file__).resolve().parent
DATA = BENCH / "data"
GITHUB_LABELS = SHARED / "labels" / "user-stories-github.jsonl"
GITHUB_SOURCES = SHARED / "user-stories-github" / "SOURCES.md"
DOCUMENTS = DATA / "documents"
DOC_RULES = (*RULES, "missing-acceptance-criteria", "placeholder")
KINDS = ("TP", "FP", "FN", "TN")


@dataclass
class Counts:
    """TP/FP/FN/TN per rule."""

    by_rule: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: dict.fromkeys(KINDS, 0))
    )

    def add(self, rule: str, truth: int, got: bool) -> None:
        kind = ("TP" if truth else "FP") if got else ("FN" if truth else "TN")
        self.by_rule[rule][kind] += 1

    def merge(self, other: Counts) -> None:
        for rule, counts in other.by_rule.items():
            for kind, n in counts.items():
                self.by_rule[rule][kind] += n


@dataclass
class Source:
    name: str
    group: str  # "unseen" or "tuned"
    collection: str  # the labeled set it comes from
    rows: list[dict[str, object]] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)


def _github_repositories() -> dict[int, str]:
    """Line of stories.txt -> repository (or index file id) from the shared SOURCES.md."""
    names: dict[int, str] = {}
    if not GITHUB_SOURCES.exists():
        return names
    for line in GITHUB_SOURCES.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and cells[0].isdigit():
            repo = cells[1] if cells[1] != "(not resolved)" else cells[3]
            names[int(cells[0])] = repo
    return names


def _add(sources: dict[str, Source], name: str, group: str, collection: str, row: dict) -> None:
    key = f"{collection}:{group}:{name}"  # a repository can hold tuned and unseen lines
    if key not in sources:
        sources[key] = Source(name, group, collection)
    sources[key].rows.append(row)


def collect_sources(holdout: bool = True) -> list[Source]:
    """Every labeled item, grouped by source; missing files are skipped with a note."""
    sources: dict[str, Source] = {}
    repos = _github_repositories()
    plan: list[tuple[str, Path]] = [
        ("shared dev set", DEV_SET),
        ("shared github", GITHUB_LABELS),
        ("team labels", BENCH / "labels-team.jsonl"),
        ("team holdout", BENCH / "labels-team-holdout.jsonl"),
        ("new dev", DATA / "backlog-items.jsonl"),
        ("new holdout", DATA / "holdout" / "backlog-items.jsonl"),
        # A rule author's "*-holdout.jsonl" is kept aside: scored only by hand, at the end.
        *(("new extra", path) for path in _extra_files()),
    ]
    if not holdout:
        plan = [(name, path) for name, path in plan if name != "new holdout"]
    for collection, path in plan:
        if not path.exists():
            print(f"(skipped {collection}: {path} not found)", file=sys.stderr)
            continue
        for row in load(path):
            dataset = str(row.get("dataset", "?"))
            if collection == "shared github":
                line = int(str(row["line"]))
                group = "unseen" if line % 3 == 0 else "tuned"
                if group == "unseen" and not holdout:
                    continue
                _add(sources, repos.get(line, dataset), group, collection, row)
            elif collection.startswith("team"):
                if dataset != "github":  # the shared readers' labels stand for those
                    _add(sources, dataset, "tuned", collection, row)
            else:
                group = "unseen" if collection == "new holdout" else "tuned"
                _add(sources, dataset, group, collection, row)
    return list(sources.values())


def score_items(sources: Sequence[Source]) -> None:
    """Lint every item once and count per source."""
    rows = [(source, row) for source in sources for row in source.rows]
    fired = fired_rules([str(row["text"]) for _, row in rows], RULES)
    for (source, row), hits in zip(rows, fired, strict=True):
        labels = row["labels"]
        assert isinstance(labels, dict)
        for rule in RULES:
            truth = labels.get(rule)
            if truth is not None:
                source.counts.add(rule, int(truth), rule in hits)


def _ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.2f}" if denominator else "-"


def _extra_files() -> list[Path]:
    files = sorted((DATA / "extra").glob("*.jsonl"))
    return [path for path in files if not path.stem.endswith("-holdout")]


def print_table(title: str, counts: Counts, rules: Iterable[str], extra: str = "") -> None:
    print(title)
    print(f"  {'rule':29} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>5} {'P':>5} {'R':>5}{extra}")
    for rule in rules:
        c = counts.by_rule[rule]
        tp, fp, fn = c["TP"], c["FP"], c["FN"]
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        print(f"  {rule:29} {tp:4} {fp:4} {fn:4} {c['TN']:5} {precision:>5} {recall:>5}")
    print()


def _positive_sources(sources: Sequence[Source], rule: str) -> str:
    """How many sources have a positive for the rule, and on how many of them it finds any."""
    with_positives = [
        s for s in sources if s.counts.by_rule[rule]["TP"] + s.counts.by_rule[rule]["FN"]
    ]
    found = [s for s in with_positives if s.counts.by_rule[rule]["TP"]]
    return f"{len(found)}/{len(with_positives)}"


def _pool(members: Iterable[Source]) -> Counts:
    pooled = Counts()
    for source in members:
        pooled.merge(source.counts)
    return pooled


def report_items(sources: Sequence[Source], verbose: bool) -> dict[str, Counts]:
    """Print the pooled tables (and per source with verbose); return them by name."""
    tables: dict[str, Counts] = {}
    for group in ("unseen", "tuned"):
        members = [s for s in sources if s.group == group]
        tables[group] = _pool(members)
        items = sum(len(s.rows) for s in members)
        collections = sorted({s.collection for s in members})
        title = f"{group.upper()}: {items} items from {len(members)} sources"
        print_table(f"{title} ({', '.join(collections)})", tables[group], RULES)
        print("  sources with positives where the rule finds at least one:")
        print("  " + ", ".join(f"{rule} {_positive_sources(members, rule)}" for rule in RULES))
        print()
    fresh = [s for s in sources if s.collection.startswith("new")]
    tables["new"] = _pool(fresh)  # bench/data alone: collected for this, no team labels on it
    items = sum(len(s.rows) for s in fresh)
    parts_read = "dev + holdout" if any(s.collection == "new holdout" for s in fresh) else "dev"
    print_table(
        f"NEW (bench/data, {parts_read}): {items} items, {len(fresh)} sources",
        tables["new"],
        RULES,
    )
    parts = dict.fromkeys((s.collection, s.group) for s in sources)
    for collection, group in parts:
        members = [s for s in sources if (s.collection, s.group) == (collection, group)]
        name = f"{collection} ({group})"
        tables[name] = _pool(members)
        items = sum(len(s.rows) for s in members)
        print_table(f"{name}: {items} items, {len(members)} sources", tables[name], RULES)
    if verbose:
        for source in sorted(sources, key=lambda s: (s.group, s.collection, s.name.lower())):
            title = (
                f"[{source.group}] {source.collection} / {source.name} ({len(source.rows)} items)"
            )
            print_table(title, source.counts, RULES)
    return tables


# Document level ------------------------------------------------------------------------


def _document_lines(text: str) -> list[int]:
    """Line numbers that hold prose: not blank, not inside a code fence, not front matter."""
    lines, in_fence, fence = [], False, ""
    body = text.splitlines()
    start = 0
    if body and body[0].strip() == "---":
        end = next((i for i in range(1, len(body)) if body[i].strip() == "---"), 0)
        start = end + 1
    for number, line in enumerate(body, start=1):
        stripped = line.strip()
        if number <= start:
            continue
        match = re.match(r"(`{3,}|~{3,})", stripped)
        if match and (not in_fence or stripped.startswith(fence)):
            in_fence, fence = (not in_fence), match.group(1)
            continue
        if stripped and not in_fence and not re.fullmatch(r"[-|: ]+|<!--.*-->", stripped):
            lines.append(number)
    return lines


def document_findings(path: Path) -> dict[int, set[str]]:
    """Line -> rules with a finding on it, the whole document linted with the core rules."""
    rules = list(select_rules(all_rules(), list(DOC_RULES)).rules)
    linter = Linter(rules, LintSettings(explicit=frozenset()))
    items = read_markdown(path.read_text(encoding="utf-8"), path.name)
    hits: dict[int, set[str]] = defaultdict(set)
    for finding in linter.lint(items):
        hits[finding.location.line].add(finding.rule)
    return hits


def score_document(entry: dict[str, object]) -> Counts:
    """A labels entry: {"document": file, "positive": {rule: [lines]}, "unsure": {rule: [lines]}}.
    Every prose line not listed as positive or unsure is a negative for every rule."""
    path = DOCUMENTS / str(entry["document"])
    text = path.read_text(encoding="utf-8")
    positive = {rule: set(lines) for rule, lines in dict(entry.get("positive", {})).items()}
    unsure = {rule: set(lines) for rule, lines in dict(entry.get("unsure", {})).items()}
    hits = document_findings(path)
    counts = Counts()
    for line in _document_lines(text):
        for rule in DOC_RULES:
            if line in unsure.get(rule, set()):
                continue
            counts.add(rule, int(line in positive.get(rule, set())), rule in hits.get(line, set()))
    return counts


def report_documents(verbose: bool) -> dict[str, Counts]:
    labels = DOCUMENTS / "labels.jsonl"
    if not labels.exists():
        sys.exit(f"{labels}: not found")
    pooled = Counts()
    entries = load(labels)
    for entry in entries:
        counts = score_document(entry)
        pooled.merge(counts)
        if verbose:
            print_table(f"{entry['document']} ({entry.get('source', '')})", counts, DOC_RULES)
    print_table(
        f"DOCUMENTS (line level): {len(entries)} documents (read while tuning)",
        pooled,
        DOC_RULES,
    )
    return {"documents": pooled}


def write_json(path: Path, tables: dict[str, Counts]) -> None:
    """The tables as {name: {rule: {TP, FP, FN, TN}}}, for comparing two runs."""
    data = {name: {rule: dict(c) for rule, c in t.by_rule.items()} for name, t in tables.items()}
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--verbose", action="store_true", help="a table per source")
    parser.add_argument("--documents", action="store_true", help="line-level document scoring")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the counts as JSON")
    parser.add_argument(
        "--no-holdout", action="store_true", help="leave the held-out sets out (for tuning runs)"
    )
    args = parser.parse_args(argv)
    if args.documents:
        tables = report_documents(args.verbose)
    else:
        sources = collect_sources(holdout=not args.no_holdout)
        score_items(sources)
        tables = report_items(sources, args.verbose)
    if args.json:
        write_json(args.json, tables)
    return 0


if __name__ == "__main__":
    sys.exit(main())
