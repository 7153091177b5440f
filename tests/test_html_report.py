"""The HTML backlog health report: structure, exact counts and escaping on the generated
page, then the same page in a real headless Chromium (render, chart, screenshot, console,
XSS payloads)."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from prdlint.formatters import FormatOptions, load_formatter
from prdlint.formatters.html import format_html, safe_url
from prdlint.model import Finding, InputProblem, ItemRef, Location, Report, Severity, Source
from prdlint.rule import Example, Rule

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
JIRA = "https://acme.atlassian.net/browse/"


def make_rule(code: str, name: str, category: str, severity: Severity, summary: str) -> Rule:
    return Rule(
        code=code,
        name=name,
        summary=summary,
        why=f"Why {name} matters: the team owns the how; the story should own the need.",
        fix=f"How to fix {name}: describe the outcome the user needs instead.",
        severity=severity,
        category=category,
        applies_to=frozenset({"story", "epic"}),
        message="{match}",
        check=lambda item, ctx: iter(()),
        bad=(Example("bad"),),
        good=(Example("good"),),
    )


RULES = {
    rule.name: rule
    for rule in [
        make_rule("PRD101", "database-detail", "solution", Severity.ERROR, "Tables and columns."),
        make_rule("PRD102", "solution-prescriptive", "solution", Severity.WARNING, "Chosen tech."),
        make_rule("PRD103", "ui-detail", "solution", Severity.WARNING, "Pixels and colours."),
        make_rule("PRD201", "missing-persona", "missing", Severity.WARNING, "No persona."),
        make_rule(
            "PRD203",
            "missing-acceptance-criteria",
            "missing",
            Severity.WARNING,
            "No acceptance criteria.",
        ),
        make_rule("PRD301", "vague-term", "clarity", Severity.WARNING, "Untestable words."),
        make_rule("PRD302", "placeholder", "clarity", Severity.INFO, "TBD and TODO."),
    ]
}


def jira_item(key: str, kind: str, title: str, parent: str | None = None) -> ItemRef:
    return ItemRef(key, kind, title, parent, Source(None, key, JIRA + key), 1)


def file_item(path: str, ident: str, kind: str, title: str, line: int) -> ItemRef:
    return ItemRef(ident, kind, title, f"{path}#doc", Source(path), line)


def finding(
    rule: str,
    item: ItemRef,
    context: str,
    snippet: str,
    message: str,
    field: str = "story",
    line: int | None = None,
) -> Finding:
    start = context.find(snippet)
    assert start >= 0, (snippet, context)
    span = (start, start + len(snippet)) if snippet else (0, 0)
    if item.source.issue:
        location = Location(
            None,
            1,
            start + 1,
            1,
            start + 1 + len(snippet),
            item.source.issue,
            field,
            item.source.url,
        )
    else:
        ln = line or item.line
        location = Location(item.source.path, ln, start + 1, ln, start + 1 + len(snippet))
    r = RULES[rule]
    return Finding(rule, r.code, r.severity, message, location, item, snippet, context, span)


EPIC_CHECKOUT = jira_item("SHOP-1", "epic", "Faster checkout for returning customers")
EPIC_SEARCH = jira_item("SHOP-2", "epic", "Search that finds what shoppers mean")
S_SAVE_CARD = jira_item("SHOP-11", "story", "Save card for next time", "SHOP-1")
S_ONE_CLICK = jira_item("SHOP-12", "story", "One-click reorder", "SHOP-1")
S_GUEST = jira_item("SHOP-13", "story", "Guest checkout", "SHOP-1")
S_TYPO = jira_item("SHOP-21", "story", "Typo-tolerant search", "SHOP-2")
S_LOOSE = jira_item("SHOP-30", "story", "Export order history", None)
DOC = ItemRef(
    "docs/onboarding.md#doc", "document", "Onboarding PRD", None, Source("docs/onboarding.md"), 1
)
F_WELCOME = file_item("docs/onboarding.md", "docs/onboarding.md#L12", "story", "Welcome tour", 12)
F_INVITE = file_item(
    "docs/onboarding.md", "docs/onboarding.md#L20", "story", "Invite teammates", 20
)

SAVE_CARD = (
    "As a returning customer, I want my card saved in the payment_methods table "
    "so that checkout is fast."
)
ONE_CLICK = "I want a 44px green Reorder button top-right that uses Redis to load instantly."
TYPO = "As a shopper, I want search to be intuitive and robust. Ranking: TBD."
WELCOME = "As a new user, I want a welcome tour so that I learn the product."


def sample_report() -> Report:
    """A realistic backlog: two Jira epics, an epic-less issue and a markdown PRD."""
    findings = [
        finding(
            "database-detail",
            S_SAVE_CARD,
            SAVE_CARD,
            "payment_methods table",
            "'payment_methods table' names a database detail; say what the user needs "
            "kept instead.",
        ),
        finding(
            "vague-term",
            S_SAVE_CARD,
            SAVE_CARD,
            "fast",
            "'fast' is not testable; give a number a tester can check.",
        ),
        finding(
            "ui-detail",
            S_ONE_CLICK,
            ONE_CLICK,
            "44px green Reorder button top-right",
            "'44px green Reorder button top-right' dictates the design.",
        ),
        finding(
            "solution-prescriptive",
            S_ONE_CLICK,
            ONE_CLICK,
            "uses Redis",
            "'uses Redis' chooses the technology; leave it to the team.",
        ),
        finding("missing-persona", S_ONE_CLICK, ONE_CLICK, "", "No persona: who wants this?"),
        finding(
            "vague-term",
            S_TYPO,
            TYPO,
            "intuitive",
            "'intuitive' is not testable; give a number a tester can check.",
            field="description",
        ),
        finding(
            "vague-term",
            S_TYPO,
            TYPO,
            "robust",
            "'robust' is not testable; give a number a tester can check.",
            field="description",
        ),
        finding(
            "placeholder",
            S_TYPO,
            TYPO,
            "TBD",
            "'TBD' is a placeholder; resolve it.",
            field="description",
        ),
        finding(
            "missing-acceptance-criteria",
            EPIC_SEARCH,
            "",
            "",
            "The epic has no acceptance criteria.",
        ),
        finding(
            "missing-acceptance-criteria",
            F_WELCOME,
            WELCOME,
            "",
            "The story has no acceptance criteria.",
            line=12,
        ),
    ]
    items = [
        EPIC_CHECKOUT,
        S_SAVE_CARD,
        S_ONE_CLICK,
        S_GUEST,
        EPIC_SEARCH,
        S_TYPO,
        S_LOOSE,
        DOC,
        F_WELCOME,
        F_INVITE,
    ]
    return Report(findings=findings, items=items, files=1, rules=RULES)


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of elements by id."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_by_id: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag not in {"meta", "input", "br", "img", "rect", "link"}:
            self._open.append((tag, attributes.get("id")))
            if attributes.get("id"):
                self.text_by_id[str(attributes["id"])] = ""

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag not in {name for name, _ in self._open}:
            return
        while self._open:
            name, _ = self._open.pop()
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, ident in self._open:
            if ident:
                self.text_by_id[ident] += data

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def by_class(self, tag: str, cls: str) -> list[dict[str, str | None]]:
        return [a for a in self.all(tag) if cls in (a.get("class") or "").split()]


@pytest.fixture(scope="module")
def html() -> str:
    return format_html(sample_report(), FormatOptions())


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return Page(html)


# --- structure and counts ----------------------------------------------------------


def test_formatter_is_registered_under_html() -> None:
    assert load_formatter("html") is format_html


def test_headline_counts_are_exact(page: Page) -> None:
    assert page.text_by_id["items-linted"] == "10"
    # Clean: SHOP-1, SHOP-13, SHOP-30, the document and "Invite teammates" = 5 of 10.
    assert page.text_by_id["clean-count"] == "5"
    assert page.text_by_id["clean-share"] == "50%"
    assert page.text_by_id["findings-total"] == "10"
    assert page.text_by_id["count-error"] == "1"
    assert page.text_by_id["count-warning"] == "8"
    assert page.text_by_id["count-info"] == "1"
    assert page.text_by_id["rules-triggered"] == "7"


def test_page_is_self_contained(html: str, page: Page) -> None:
    assert page.all("link") == []
    assert [a for _, a in page.tags if "src" in a] == []
    assert len(page.all("script")) == 1 and len(page.all("style")) == 1
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert [url for url in re.findall(r"https://[^\"<\s]+", html) if not url.startswith(JIRA)] == []


def test_csp_forbids_external_loads_and_hashes_the_inline_code(html: str, page: Page) -> None:
    (meta,) = [m for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    policy = meta["content"] or ""
    assert policy.startswith("default-src 'none'; ")
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", html, re.S)
        assert body is not None
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_charts_have_one_bar_per_rule_and_category_in_order(html: str, page: Page) -> None:
    svgs = [a["id"] for a in page.all("svg") if a.get("id")]
    assert svgs == ["chart-rules", "chart-categories"]
    charts = {
        m.group(1): re.findall(r"<title>([a-z -]+): (\d+)</title>", m.group(2))
        for m in re.finditer(r'<svg class="chart" id="([a-z-]+)"(.*?)</svg>', html)
    }
    # Bars are ordered by count, then name; each carries "name: count" as its tooltip.
    assert charts["chart-rules"] == [
        ("vague-term", "3"),
        ("missing-acceptance-criteria", "2"),
        ("database-detail", "1"),
        ("missing-persona", "1"),
        ("placeholder", "1"),
        ("solution-prescriptive", "1"),
        ("ui-detail", "1"),
    ]
    assert charts["chart-categories"] == [
        ("solution detail", "3"),
        ("missing pieces", "3"),
        ("clarity", "4"),
    ]
    bars = page.by_class("rect", "bar")
    assert len(bars) == 10
    widths = [int(b["width"] or 0) for b in bars[:7]]
    assert abs(widths[0] - 3 * widths[2]) <= 1
    assert widths[2:] == [widths[2]] * 5


def test_groups_follow_epics_then_files_then_no_epic(html: str) -> None:
    headings = re.findall(r'<section class="group"><header>(.*?)</header>', html)
    titles = [re.sub(r"<[^>]+>", "|", h) for h in headings]
    assert [t.split("|")[3] if t.startswith("|epic") else t for t in titles][:2] == [
        "Faster checkout for returning customers",
        "Search that finds what shoppers mean",
    ]
    assert "docs/onboarding.md" in titles[2]
    assert titles[3].startswith("|No epic|")
    assert len(titles) == 4


def test_item_cards_only_for_flagged_items_with_counts(page: Page) -> None:
    cards = page.by_class("article", "item")
    assert [c["data-findings"] for c in cards] == ["2", "3", "1", "3", "1"]
    # The clean stories are listed under their group, not dropped.
    assert "Guest checkout" in page.text_by_id["backlog"]
    assert "Export order history" in page.text_by_id["backlog"]


def test_offending_words_are_highlighted_with_severity(html: str) -> None:
    marks = re.findall(r'<mark class="(\w+)">(.*?)</mark>', html)
    assert marks == [
        ("error", "payment_methods table"),
        ("warning", "fast"),
        ("warning", "44px green Reorder button top-right"),
        ("warning", "uses Redis"),
        ("warning", "intuitive"),
        ("warning", "robust"),
        ("info", "TBD"),
    ]


def test_overlapping_spans_merge_and_keep_the_worst_severity() -> None:
    item = S_SAVE_CARD
    text = "Store it in the orders table fast."
    a = finding("database-detail", item, text, "orders table", "db")
    b = finding("vague-term", item, text, "table fast", "vague")
    html = format_html(Report([a, b], [item], 0, RULES), FormatOptions())
    assert re.findall(r'<mark class="(\w+)">(.*?)</mark>', html) == [("error", "orders table fast")]


def test_links_go_to_jira_or_show_the_file_line(page: Page, html: str) -> None:
    hrefs = [a["href"] for a in page.all("a") if (a["href"] or "").startswith("http")]
    assert set(hrefs) == {JIRA + k for k in ("SHOP-1", "SHOP-2", "SHOP-11", "SHOP-12", "SHOP-21")}
    assert all(
        a.get("rel") == "noopener noreferrer"
        for a in page.all("a")
        if (a["href"] or "").startswith("http")
    )
    assert "<code>docs/onboarding.md:12:1</code>" in html


def test_table_lists_every_finding_with_filters_hidden_until_the_script_runs(
    page: Page,
) -> None:
    rows = [a for a in page.all("tr") if a.get("data-severity")]
    assert [r["data-severity"] for r in rows].count("warning") == 8
    assert len(rows) == 10
    assert {r["data-category"] for r in rows} == {"solution detail", "missing pieces", "clarity"}
    (controls,) = [a for a in page.all("div") if a.get("id") == "table-controls"]
    assert "hidden" in controls


def test_each_rule_explains_why_and_how_to_fix(page: Page) -> None:
    glossary = page.text_by_id["rules"]
    for name in RULES:
        assert f"Why {name} matters" in glossary
        assert f"How to fix {name}" in glossary
    helps = page.by_class("details", "help")
    assert len(helps) == 10  # one per finding, closed: one click away


def test_rules_that_found_nothing_are_listed_as_passed() -> None:
    report = sample_report()
    report.findings = [f for f in report.findings if f.rule != "placeholder"]
    page = Page(format_html(report, FormatOptions()))
    assert "1 rule found nothing" in page.text_by_id["rules"]
    assert "PRD302 placeholder – TBD and TODO." in page.text_by_id["rules"]


def test_input_problems_are_shown() -> None:
    report = sample_report()
    report.problems = [InputProblem("docs/<bad>.md", "not valid UTF-8 at byte 12")]
    page = Page(format_html(report, FormatOptions()))
    assert page.text_by_id["problems"] == (
        "1 input could not be linteddocs/<bad>.md: not valid UTF-8 at byte 12"
    )


def test_an_empty_report_says_so() -> None:
    page = Page(format_html(Report([], [S_GUEST], 0, RULES), FormatOptions()))
    assert page.text_by_id["clean-share"] == "100%"
    assert "Every item passed every rule that ran." in page.text_by_id["charts"]
    assert "findings-table" not in page.text_by_id
    none = Page(format_html(Report([], [], 0, {}), FormatOptions()))
    assert none.text_by_id["items-linted"] == "0" and none.text_by_id["clean-share"] == "–"


def test_lone_surrogates_do_not_break_the_page() -> None:
    item = jira_item("SHOP-9", "story", "bad \udcff bytes")
    html = format_html(Report([], [item], 0, RULES), FormatOptions())
    assert "bad ? bytes" in html
    html.encode("utf-8")


# --- untrusted text ----------------------------------------------------------------

XSS = [
    "<script>document.documentElement.dataset.pwned = 1; document.title = 'PWNED'</script>",
    "<img src=x onerror=\"document.documentElement.dataset.pwned=1;document.title='PWNED'\">",
    "<svg onload=\"document.title='PWNED'\"></svg>",
    '"><script>document.title="PWNED"</script>',
    "</textarea></style></script><script>document.title='PWNED'</script>",
    "<a href=\"javascript:document.title='PWNED'\">click me</a>",
    "{{constructor.constructor('document.title=1')()}}",
]


def xss_report() -> Report:
    items = []
    findings = []
    for index, payload in enumerate(XSS):
        epic = ItemRef(
            f"X-{index}",
            "epic",
            payload,
            None,
            Source(None, f"X-{index}", "javascript:document.title='PWNED'"),
            1,
        )
        story = ItemRef(
            f"X-{index}0",
            "story",
            payload,
            f"X-{index}",
            Source(None, f"X-{index}0", f'{JIRA}X-1" onmouseover="alert(1)'),
            1,
        )
        path_item = ItemRef(payload, "story", payload, None, Source(f"{payload}.md"), 3)
        items += [epic, story, path_item]
        context = f"As a {payload} I want {payload} so that TBD."
        for ref in (story, path_item):
            start = context.index("TBD")
            location = Location(
                ref.source.path, 3, 1, 3, 4, ref.source.issue, payload, ref.source.url
            )
            findings.append(
                Finding(
                    "placeholder",
                    "PRD302",
                    Severity.INFO,
                    payload,
                    location,
                    ref,
                    payload,
                    context,
                    (start, start + 3),
                )
            )
    rules = dict(RULES)
    evil = make_rule("PRD999", "evil-rule", "clarity", Severity.WARNING, XSS[0])
    rules["placeholder"] = Rule(
        **{
            **{f: getattr(evil, f) for f in evil.__dataclass_fields__},
            "name": "placeholder",
            "why": XSS[1],
            "fix": XSS[5],
        }
    )
    return Report(findings, items, len(XSS), rules)


def test_xss_payloads_are_escaped_everywhere() -> None:
    html = format_html(xss_report(), FormatOptions())
    page = Page(html)
    assert len(page.all("script")) == 1
    assert page.all("img") == []
    attributes = [(tag, k, v or "") for tag, a in page.tags for k, v in a.items()]
    assert [(t, k) for t, k, _ in attributes if k.startswith("on")] == []
    assert [
        v for t, k, v in attributes if k == "href" and not v.startswith(("#", "https://"))
    ] == []
    # Neither the javascript: URL nor the one with a quote in it became a link.
    assert [v for t, k, v in attributes if k == "href" and v.startswith("https://")] == []
    for payload in XSS:
        assert payload not in html
        assert (
            payload.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace('"', "&quot;")
            .replace("'", "&#x27;")
            in html
        )
    assert "<title>Backlog health report · prdlint</title>" in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://acme.atlassian.net/browse/A-1", True),
        ("HTTP://jira.local/browse/A-1", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ('https://x/" onmouseover="alert(1)', False),
        ("https://x/\nfoo", False),
        ("//evil.example/x", False),
        ("", False),
        (None, False),
    ],
)
def test_only_plain_http_urls_become_links(url: str | None, expected: bool) -> None:
    assert (safe_url(url) is not None) is expected


# --- real headless Chromium ------------------------------------------------------------

CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser")) if p), None)
chromium_needed = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian: apt-get install chromium)"
)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    "--run-all-compositor-stages-before-draw",
    "--virtual-time-budget=3000",
]


def run_chromium(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory(prefix="prdlint-chromium-") as profile:
        return subprocess.run(
            [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "HOME": profile},
            check=False,
        )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    directory = tmp_path_factory.mktemp("html")
    path = directory / "report.html"
    path.write_text(format_html(sample_report(), FormatOptions()), encoding="utf-8")
    result = run_chromium(path, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    yield path, result.stdout


@pytest.mark.chromium
@chromium_needed
def test_chromium_renders_the_page_and_runs_the_script(rendered: tuple[Path, str]) -> None:
    _, dom = rendered
    page = Page(dom)
    assert "<title>Backlog health report · prdlint</title>" in dom
    assert page.text_by_id["items-linted"] == "10"
    # The script ran: controls are shown, the counter is filled, the headers are buttons.
    (controls,) = [a for a in page.all("div") if a.get("id") == "table-controls"]
    assert "hidden" not in controls
    assert page.text_by_id["filter-count"] == "10 of 10 shown"
    assert len(page.all("button")) == 6
    assert [a["id"] for a in page.all("svg") if a.get("id")] == ["chart-rules", "chart-categories"]


@pytest.mark.chromium
@chromium_needed
def test_chromium_screenshot_shows_the_chart(rendered: tuple[Path, str]) -> None:
    path, _ = rendered
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-report.png"
    shot.unlink(missing_ok=True)
    result = run_chromium(path, f"--screenshot={shot}", "--window-size=1280,1400")
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    colors = png_colors(data)
    # The category colours of the rule chart's bars are on screen.
    for rgb in ((0x7C, 0x3A, 0xED), (0x0D, 0x94, 0x88), (0xEA, 0x8A, 0x1A)):
        assert colors[rgb] > 200, (rgb, colors.most_common(8))


@pytest.mark.chromium
@chromium_needed
def test_chromium_reports_no_console_errors(rendered: tuple[Path, str]) -> None:
    path, _ = rendered
    result = run_chromium(path, "--enable-logging=stderr", "--v=0", "--dump-dom")
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line]
    assert console == []
    assert "Content Security Policy" not in result.stderr
    # The check can fail: a page with a broken script logs an error we can see.
    broken = path.with_name("broken.html")
    broken.write_text(
        "<html><body><script>undefined_function()</script></body></html>", encoding="utf-8"
    )
    result = run_chromium(broken, "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert any(
        "CONSOLE" in line and "undefined_function" in line for line in result.stderr.splitlines()
    )


@pytest.mark.chromium
@chromium_needed
def test_chromium_runs_none_of_the_xss_payloads(tmp_path: Path) -> None:
    path = tmp_path / "xss.html"
    path.write_text(format_html(xss_report(), FormatOptions()), encoding="utf-8")
    # A sentinel that the page itself writes if no payload ran: the payloads would set
    # __pwned or retitle the document, and the dumped DOM shows the title after scripts.
    result = run_chromium(path, "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<title>Backlog health report · prdlint</title>" in result.stdout
    assert "PWNED" not in re.sub(r"<[^>]*>", "", result.stdout.split("<body", 1)[0])
    page = Page(result.stdout)
    assert len(page.all("script")) == 1
    assert page.all("img") == []
    assert [k for _, a in page.tags for k in a if k.startswith("on")] == []
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line]
    assert console == []
    assert "data-pwned" not in result.stdout


@pytest.mark.chromium
@chromium_needed
def test_chromium_would_see_an_unescaped_payload(tmp_path: Path) -> None:
    """The control for the test above: the same payloads, pasted raw, do run."""
    raw = tmp_path / "raw.html"
    raw.write_text(f"<html><head><title>t</title></head><body>{XSS[1]}</body></html>")
    result = run_chromium(raw, "--dump-dom")
    assert "<title>PWNED</title>" in result.stdout
    assert 'data-pwned="1"' in result.stdout


def png_colors(data: bytes) -> Counter[tuple[int, int, int]]:
    """Pixel colour counts of an 8-bit RGB/RGBA PNG, decoded with zlib only."""
    import struct
    import zlib

    width, height, depth, color_type = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and color_type in (2, 6), (depth, color_type)
    channels = 3 if color_type == 2 else 4
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        if kind == b"IDAT":
            chunks.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    counts: Counter[tuple[int, int, int]] = Counter()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 0xFF
        for i in range(0, stride, channels):
            counts[(line[i], line[i + 1], line[i + 2])] += 1
        previous = line
    return counts
