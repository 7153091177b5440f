"""The backlog health report: one self-contained HTML page a product manager can open
from disk, attach to a ticket or keep as a CI artifact.

Everything that comes from a backlog (titles, text, messages, ids, paths, URLs) is
untrusted: it is escaped on the way in, only http(s) URLs become links, and nothing from
a backlog is ever written into the script. A Content-Security-Policy that allows only the
page's own style and script (by hash) and no network loads backs that up."""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from prdlint import __version__
from prdlint.formatters import FormatOptions
from prdlint.formatters._html_assets import (
    CATEGORY_COLORS,
    CSS,
    OTHER_COLOR,
    SCRIPT,
)
from prdlint.formatters.svg_charts import Bar, bar_chart, stacked_meter
from prdlint.model import Finding, ItemRef, Report, Severity
from prdlint.rule import CATEGORIES

SAFE_URL = re.compile(r"^https?://[^\s\"'<>\\\x00-\x1f\x7f]+$", re.IGNORECASE)
CATEGORY_CLASSES = {
    "solution detail": "solution",
    "missing pieces": "missing",
    "clarity": "clarity",
}
KIND_PLURALS = {"story": "stories", "document": "documents", "section": "sections"}
TITLE_CHARS = 120


def e(text: object) -> str:
    """Escape for element text and quoted attribute values alike."""
    return escape(str(text), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) URL, else None: `javascript:`, `data:` and
    anything with spaces or quotes never becomes a link."""
    return url if url and SAFE_URL.match(url) else None


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()


CSP = (
    "default-src 'none'; "
    f"style-src '{_hash(CSS)}'; "
    f"script-src '{_hash(SCRIPT)}'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """What the page shows of a rule; tolerant of plugin rules with missing fields."""

    name: str
    code: str
    summary: str
    why: str
    fix: str
    category: str  # the display label, e.g. "solution detail"

    @property
    def anchor(self) -> str:
        return "rule-" + (re.sub(r"[^a-z0-9-]+", "-", self.name.lower()).strip("-") or "x")

    @property
    def color(self) -> str:
        return CATEGORY_COLORS.get(self.category, OTHER_COLOR)

    @property
    def css_class(self) -> str:
        return CATEGORY_CLASSES.get(self.category, "other")


def rule_doc(report: Report, name: str, code: str = "") -> RuleDoc:
    rule = report.rules.get(name)
    category = str(getattr(rule, "category", ""))
    return RuleDoc(
        name=name,
        code=str(getattr(rule, "code", code) or code),
        summary=str(getattr(rule, "summary", "")),
        why=str(getattr(rule, "why", "")),
        fix=str(getattr(rule, "fix", "")),
        category=CATEGORIES.get(category, category or "other"),
    )


ItemKey = tuple[str | None, str | None, str]


def item_key(ref: ItemRef) -> ItemKey:
    return (ref.source.path, ref.source.issue, ref.id)


@dataclass(slots=True)
class Group:
    """Stories under one epic, or the epic-less items of one file, or "No epic"."""

    title: str
    epic: ItemRef | None = None
    path: str | None = None
    items: list[ItemRef] = field(default_factory=list)


@dataclass(slots=True)
class View:
    """The report digested once into what the page needs."""

    report: Report
    refs: list[ItemRef]
    anchors: dict[ItemKey, str]
    findings_of: dict[ItemKey, list[Finding]]
    docs: dict[str, RuleDoc]
    groups: list[Group]

    @classmethod
    def build(cls, report: Report) -> View:
        refs: list[ItemRef] = []
        seen: set[ItemKey] = set()
        # Findings may name items the report does not list (backlog-wide rules); show them.
        for ref in [*report.items, *(f.item for f in report.findings)]:
            if item_key(ref) not in seen:
                seen.add(item_key(ref))
                refs.append(ref)
        findings_of: dict[ItemKey, list[Finding]] = {}
        for finding in sorted(report.findings, key=lambda f: f.sort_key):
            findings_of.setdefault(item_key(finding.item), []).append(finding)
        docs: dict[str, RuleDoc] = {}
        for finding in report.findings:
            if finding.rule not in docs:
                docs[finding.rule] = rule_doc(report, finding.rule, finding.code)
        anchors = {item_key(ref): f"item-{index}" for index, ref in enumerate(refs, 1)}
        return cls(report, refs, anchors, findings_of, docs, group_items(refs))

    def flagged(self, ref: ItemRef) -> list[Finding]:
        return self.findings_of.get(item_key(ref), [])


def group_items(refs: Sequence[ItemRef]) -> list[Group]:
    """Each item goes under its nearest epic ancestor (via parent links), else under its
    file, else under "No epic" (Jira issues without an epic), which comes last."""
    by_id: dict[str, ItemRef] = {}
    for ref in refs:
        by_id.setdefault(ref.id, ref)

    def epic_of(ref: ItemRef) -> ItemRef | None:
        current: ItemRef | None = ref
        visited: set[str] = set()
        while current is not None and current.id not in visited:
            if current.kind == "epic":
                return current
            visited.add(current.id)
            current = by_id.get(current.parent) if current.parent else None
        return None

    groups: dict[tuple[str, str], Group] = {}
    orphans = Group("No epic")
    for ref in refs:
        epic = epic_of(ref)
        if epic is not None:
            key = ("epic", epic.id)
            group = groups.setdefault(key, Group(epic.title or epic.id, epic=epic))
        elif ref.source.path:
            key = ("file", ref.source.path)
            group = groups.setdefault(key, Group(ref.source.path, path=ref.source.path))
        else:
            orphans.items.append(ref)
            continue
        group.items.append(ref)
    return [*groups.values(), *([orphans] if orphans.items else [])]


def clip(text: str, limit: int = TITLE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plural(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else KIND_PLURALS.get(word, word + 's')}"


def highlight(context: str, spans: Iterable[tuple[int, int, Severity]]) -> str:
    """The context, escaped, with each valid span wrapped in <mark>; overlapping spans
    merge and take the highest severity."""
    merged: list[list[int]] = []  # [start, end, severity]
    for start, end, severity in sorted((s, e, int(v)) for s, e, v in spans):
        if not 0 <= start < end <= len(context):
            continue
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] = max(merged[-1][2], severity)
        else:
            merged.append([start, end, severity])
    out, position = [], 0
    for start, end, severity in merged:
        out.append(e(context[position:start]))
        label = Severity(severity).label
        out.append(f'<mark class="{e(label)}">{e(context[start:end])}</mark>')
        position = end
    out.append(e(context[position:]))
    return "".join(out)


def link(url: str | None, text: str) -> str:
    href = safe_url(url)
    if href is None:
        return e(text)
    return f'<a href="{e(href)}" rel="noopener noreferrer" target="_blank">{e(text)}</a>'


def ref_where(ref: ItemRef) -> str:
    """Where an item lives: its Jira issue (linked) or its file and line."""
    if ref.source.issue:
        return link(ref.source.url, ref.source.issue)
    if ref.source.path:
        return f"<code>{e(ref.source.path)}:{ref.line}</code>"
    return ""


def finding_where(finding: Finding) -> str:
    loc = finding.location
    if loc.issue:
        where = link(loc.url, loc.issue)
        return where + (f" <span class='mono'>[{e(loc.field)}]</span>" if loc.field else "")
    if loc.path:
        return f"<code>{e(loc.path)}:{loc.line}:{loc.column}</code>"
    return f"line {loc.line}" if loc.line else ""


def pill(severity: Severity) -> str:
    return f'<span class="pill {e(severity.label)}">{e(severity.label)}</span>'


# --- page sections -------------------------------------------------------------------


def section_header(view: View) -> str:
    paths = {ref.source.path for ref in view.refs if ref.source.path and not ref.source.issue}
    issues = {ref.source.issue for ref in view.refs if ref.source.issue}
    sources = []
    if paths or view.report.files:
        sources.append(plural(max(len(paths), view.report.files), "file"))
    if issues:
        sources.append(plural(len(issues), "Jira issue"))
    subtitle = "Linted " + " and ".join(sources) if sources else "Nothing was linted"
    return (
        '<header class="top"><div class="wrap">'
        "<h1>Backlog health report</h1>"
        f"<p>{e(subtitle)} with prdlint {e(__version__)}.</p>"
        '<nav><a href="#overview">Overview</a><a href="#backlog">By epic</a>'
        '<a href="#all-findings">All findings</a><a href="#rules">Rules</a></nav>'
        "</div></header>"
    )


def section_problems(report: Report) -> str:
    if not report.problems:
        return ""
    rows = "".join(f"<li><code>{e(p.where)}</code>: {e(p.message)}</li>" for p in report.problems)
    return (
        '<section class="block card notice" id="problems">'
        f"<h2>{plural(len(report.problems), 'input')} could not be linted</h2>"
        f"<ul>{rows}</ul></section>"
    )


def section_overview(view: View) -> str:
    items = view.report.items
    total = len(items)
    clean = sum(1 for ref in items if not view.flagged(ref))
    share = f"{clean * 100 // total}%" if total else "–"
    kinds = Counter(ref.kind for ref in items)
    kind_line = " · ".join(plural(n, kind) for kind, n in kinds.most_common())
    severities = Counter(f.severity for f in view.report.findings)
    findings = len(view.report.findings)
    sev_list = "".join(
        f'<span data-severity="{e(s.label)}"><span class="dot {e(s.label)}"></span>'
        f'<strong id="count-{e(s.label)}">{severities.get(s, 0)}</strong> '
        f"{e(s.label)}{'' if severities.get(s, 0) == 1 else 's'}</span>"
        for s in sorted(Severity, reverse=True)
    )
    meter = stacked_meter(
        [Bar("clean", clean, "#16a34a"), Bar("with findings", total - clean, "#e11d48")],
        title=f"{clean} of {total} items clean",
    )
    flagged_rules = len(view.docs)
    return (
        '<section class="block" id="overview"><h2>Overview</h2><div class="stats">'
        '<div class="card stat"><div class="label">Items linted</div>'
        f'<div class="value" id="items-linted">{total}</div>'
        f'<div class="sub">{e(kind_line) or "no items"}</div></div>'
        '<div class="card stat"><div class="label">Clean items</div>'
        f'<div class="value" id="clean-share">{share}</div>'
        f'<div class="sub"><span id="clean-count">{clean}</span> of {total} items have no '
        f'findings</div><div class="meter">{meter}</div></div>'
        '<div class="card stat"><div class="label">Findings</div>'
        f'<div class="value" id="findings-total">{findings}</div>'
        f'<div class="sev-list">{sev_list}</div></div>'
        '<div class="card stat"><div class="label">Rules triggered</div>'
        f'<div class="value" id="rules-triggered">{flagged_rules}</div>'
        f'<div class="sub">of {len(view.report.rules)} rules that ran</div></div>'
        "</div></section>"
    )


def section_charts(view: View) -> str:
    if not view.report.findings:
        return (
            '<section class="block card notice ok" id="charts"><h2>No findings</h2>'
            "<p>Every item passed every rule that ran. Nice work.</p></section>"
        )
    by_rule = view.report.by_rule()
    rule_bars = [
        Bar(name, count, view.docs[name].color, "#" + view.docs[name].anchor)
        for name, count in by_rule.items()
    ]
    categories: Counter[str] = Counter()
    for name, count in by_rule.items():
        categories[view.docs[name].category] += count
    order = [*CATEGORIES.values(), *sorted(set(categories) - set(CATEGORIES.values()))]
    category_bars = [
        Bar(label, categories[label], CATEGORY_COLORS.get(label, OTHER_COLOR))
        for label in order
        if categories[label] or label in CATEGORIES.values()
    ]
    legend = "".join(
        f'<span><span class="swatch {e(CATEGORY_CLASSES.get(label, "other"))}"></span>'
        f"{e(label)}</span>"
        for label in order
        if categories[label]
    )
    return (
        '<section class="block" id="charts"><div class="charts">'
        '<div class="card"><h2>Findings by rule</h2>'
        f"{bar_chart(rule_bars, title='Findings by rule', chart_id='chart-rules')}"
        f'<div class="legend">{legend}</div></div>'
        '<div class="card"><h2>Findings by category</h2>'
        + bar_chart(
            category_bars, title="Findings by category", chart_id="chart-categories", width=400
        )
        + "</div></div></section>"
    )


def finding_spot(finding: Finding) -> str:
    """Where in its item a finding is: the Jira field or the file line (the item card
    already links the issue or names the file)."""
    loc = finding.location
    if loc.issue:
        return f"[{e(loc.field)}]" if loc.field else ""
    return f"line {loc.line}" if loc.line else ""


def render_finding(finding: Finding, doc: RuleDoc, show_snippet: bool) -> str:
    snippet = (
        f' <span class="mono">“{e(clip(finding.snippet, 80))}”</span>'
        if show_snippet and finding.snippet
        else ""
    )
    spot = finding_spot(finding)
    where = f' <span class="where mono">{spot}</span>' if spot else ""
    help_parts = []
    if doc.why:
        help_parts.append(f"<p><strong>Why it matters:</strong> {e(doc.why)}</p>")
    if doc.fix:
        help_parts.append(f"<p><strong>How to fix:</strong> {e(doc.fix)}</p>")
    help_html = (
        '<details class="help"><summary>Why it matters &amp; how to fix</summary>'
        f"<div>{''.join(help_parts)}</div></details>"
        if help_parts
        else ""
    )
    return (
        f'<li class="finding" data-rule="{e(finding.rule)}">{pill(finding.severity)}'
        f'<a class="rule-name" href="#{e(doc.anchor)}">{e(doc.code)} {e(finding.rule)}</a> '
        f"{e(finding.message)}{snippet}"
        f"{where}{help_html}</li>"
    )


def render_item(view: View, ref: ItemRef) -> str:
    findings = view.flagged(ref)
    contexts: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if finding.context:
            key = (finding.location.field or "", finding.context)
            contexts.setdefault(key, []).append(finding)
    blocks = []
    for (field_name, context), group in contexts.items():
        label = f'<span class="field">{e(field_name)}</span>' if field_name else ""
        marked = highlight(context, ((f.span[0], f.span[1], f.severity) for f in group))
        blocks.append(f'<div class="context">{label}{marked}</div>')
    rows = "".join(
        render_finding(f, view.docs[f.rule], show_snippet=not f.context) for f in findings
    )
    return (
        f'<article class="card item" id="{view.anchors[item_key(ref)]}" '
        f'data-findings="{len(findings)}"><div class="head"><div>'
        f'<span class="kind">{e(ref.kind)}</span> '
        f'<span class="title">{e(clip(ref.title or ref.id))}</span></div>'
        f'<div class="where">{ref_where(ref)}</div></div>'
        f'{"".join(blocks)}<ul class="findings">{rows}</ul></article>'
    )


def render_group(view: View, group: Group) -> str:
    flagged = [ref for ref in group.items if view.flagged(ref)]
    clean = [ref for ref in group.items if not view.flagged(ref)]
    count = sum(len(view.flagged(ref)) for ref in group.items)
    if group.epic is not None:
        heading = (
            f'<span class="kind">epic</span><h3>{e(clip(group.title))}</h3>'
            f'<span class="where">{ref_where(group.epic)}</span>'
        )
    elif group.path is not None:
        heading = f'<span class="kind">file</span><h3><code>{e(group.path)}</code></h3>'
    else:
        heading = f"<h3>{e(group.title)}</h3>"
    status = (
        f'<span class="count">{plural(count, "finding")} in {plural(len(flagged), "item")}</span>'
        if count
        else '<span class="pill ok">clean</span>'
    )
    cards = "".join(render_item(view, ref) for ref in flagged)
    clean_list = ""
    if clean:
        names = "".join(
            f'<li id="{view.anchors[item_key(ref)]}"><span class="kind">{e(ref.kind)}</span> '
            f"{e(clip(ref.title or ref.id))}</li>"
            for ref in clean
        )
        clean_list = (
            f'<details class="clean"><summary>{plural(len(clean), "item")} with no findings'
            f"</summary><ul>{names}</ul></details>"
        )
    return f'<section class="group"><header>{heading}{status}</header>{cards}{clean_list}</section>'


def section_backlog(view: View) -> str:
    if not view.groups:
        return ""
    groups = "".join(render_group(view, group) for group in view.groups)
    return f'<section class="block" id="backlog"><h2>By epic</h2>{groups}</section>'


def section_table(view: View) -> str:
    findings = sorted(view.report.findings, key=lambda f: f.sort_key)
    if not findings:
        return ""
    rows = []
    for finding in findings:
        doc = view.docs[finding.rule]
        loc = finding.location
        where_key = f"{loc.issue or loc.path or ''}:{loc.line:08d}:{loc.column:06d}"
        anchor = view.anchors[item_key(finding.item)]
        rows.append(
            f'<tr data-severity="{e(finding.severity.label)}" data-category="{e(doc.category)}">'
            f'<td data-sort="{int(finding.severity)}">{pill(finding.severity)}</td>'
            f'<td><a class="rule-name" href="#{e(doc.anchor)}">{e(finding.rule)}</a></td>'
            f"<td>{e(doc.category)}</td>"
            f'<td><a href="#{anchor}">{e(clip(finding.item.title or finding.item.id, 70))}</a>'
            "</td>"
            f'<td data-sort="{e(where_key)}">{finding_where(finding)}</td>'
            f"<td>{e(finding.message)}</td></tr>"
        )
    categories = sorted({view.docs[f.rule].category for f in findings})
    category_options = "".join(f'<option value="{e(c)}">{e(c)}</option>' for c in categories)
    severity_options = "".join(
        f'<option value="{s.label}">{s.label}</option>' for s in sorted(Severity, reverse=True)
    )
    return (
        '<section class="block" id="all-findings"><h2>All findings</h2>'
        '<div class="controls" id="table-controls" hidden>'
        '<input id="filter-text" type="search" placeholder="Filter by text, rule, item…" '
        'aria-label="Filter findings">'
        '<select id="filter-severity" aria-label="Severity">'
        f'<option value="">All severities</option>{severity_options}</select>'
        '<select id="filter-category" aria-label="Category">'
        f'<option value="">All categories</option>{category_options}</select>'
        '<span class="count" id="filter-count"></span></div>'
        '<div class="card table-wrap"><table id="findings-table"><thead><tr>'
        "<th data-numeric>Severity</th><th>Rule</th><th>Category</th><th>Item</th>"
        "<th>Where</th><th>Message</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def render_rule(doc: RuleDoc, count: int) -> str:
    body = []
    if doc.why:
        body.append(f"<h4>Why it matters</h4><p>{e(doc.why)}</p>")
    if doc.fix:
        body.append(f"<h4>How to fix</h4><p>{e(doc.fix)}</p>")
    summary = f" – {e(doc.summary)}" if doc.summary else ""
    return (
        f'<details class="rule" id="{e(doc.anchor)}" open><summary>'
        f'<span class="swatch {e(doc.css_class)}"></span><code>{e(doc.code)}</code> '
        f"<strong>{e(doc.name)}</strong>{summary} "
        f'<span class="count">({plural(count, "finding")}, {e(doc.category)})</span>'
        f'</summary><div class="body">{"".join(body)}</div></details>'
    )


def section_rules(view: View) -> str:
    by_rule = view.report.by_rule()
    fired = "".join(render_rule(view.docs[name], count) for name, count in by_rule.items())
    passed = sorted(name for name in view.report.rules if name not in by_rule)
    passed_html = ""
    if passed:
        docs = [rule_doc(view.report, name) for name in passed]
        entries = "".join(
            f"<li><code>{e(doc.code)}</code> {e(doc.name)}"
            f"{' – ' + e(doc.summary) if doc.summary else ''}</li>"
            for doc in docs
        )
        passed_html = (
            f'<details class="clean"><summary>{plural(len(passed), "rule")} found nothing'
            f"</summary><ul>{entries}</ul></details>"
        )
    intro = (
        "<p>What each rule looks for, why it matters to the team, and how to fix it.</p>"
        if fired
        else ""
    )
    return (
        f'<section class="block card" id="rules"><h2>Rules</h2>{intro}{fired}{passed_html}'
        "</section>"
    )


def format_html(report: Report, options: FormatOptions) -> str:
    """The whole report as one HTML document (`options` are for terminals; unused)."""
    view = View.build(report)
    body = "".join(
        [
            section_header(view),
            '<main class="wrap">',
            section_problems(report),
            section_overview(view),
            section_charts(view),
            section_backlog(view),
            section_table(view),
            section_rules(view),
            "</main>",
            '<footer class="wrap">Generated by prdlint '
            f"{e(__version__)}. This page is self-contained: it loads nothing from the "
            "network and works offline.</footer>",
        ]
    )
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        "<title>Backlog health report · prdlint</title>"
        f"<style>{CSS}</style></head><body>{body}<script>{SCRIPT}</script></body></html>\n"
    )
    # Lone surrogates (from undecodable bytes) cannot be written as UTF-8; replace them.
    return page.encode("utf-8", "replace").decode("utf-8")
