"""ui-detail: pixel sizes, exact positions, colours, fonts and widget choices dictated."""

from __future__ import annotations

from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._gate import GatedPatterns
from prdlint.checks._lazy import lazy
from prdlint.checks._text import in_design_document, written_regions
from prdlint.checks._ui import ui_phrases, widget_choices
from prdlint.model import Hit, Item
from prdlint.rule import Context

_COLOR = (
    r"(?:red|green|blue|grey|gray|black|white|yellow|orange|purple|pink|teal|navy|maroon|"
    r"cyan|magenta|turquoise|beige|(?:light|dark|bright|pale)\s+\w+)"
)
_WIDGET = (
    r"(?:button|link|text|label|font|background|banner|icon|header|footer|border|bar|box|badge|"
    r"tab|panel|card|heading|title|menu|tooltip|highlight|arrow|logo|input|field|dropdown)s?"
)
_PATTERNS = [
    # sizes in screen units ("points" only with a type word: see _ui; story points are not
    # pixels)
    r"\b\d+(?:\.\d+)?\s?(?:px|pt|rem|dp|pixels?)\b",
    r"(?<![\w&])#(?=[0-9a-fA-F]*[a-fA-F])(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b",
    r"\b(?:rgba?|hsla?)\(\s*\d",
    rf"(?i:\b{_COLOR}[\s-]+(?:colou?red\s+)?{_WIDGET}\b)",
    rf"(?i:\b{_WIDGET}\s+(?:in|coloured|colored|should\s+be|must\s+be)\s+{_COLOR}\b)",
    r"(?i:\b(?:top|bottom|upper|lower)[\s-](?:left|right)(?:[\s-]hand)?(?:\s+corner)?\b|"
    r"\b(?:left|right)[\s-](?:top|bottom)\b)",
    r"(?i:\b(?:left|right|center|centre)[\s-]aligned\b|\b(?:centered|centred)\s+(?:on|in)\b)",
    r"(?i:\b(?:positioned|placed|docked|pinned|anchored)\s+(?:at|in|on|to)\s+the\s+"
    r"(?:top|bottom|left|right|center|centre|corner)\b)",
    r"(?i:\bfont[\s-](?:size|weight|family|colou?r)\b|\b(?:bold|italic|underlined)\s+\d+\s?(?:px|pt))",
    r"\b(?:Arial|Helvetica|Times New Roman|Roboto|Open Sans|Comic Sans|Verdana|Calibri|"
    r"Montserrat|Source Sans)\b",
    # a named font: "the roboto font", 'in the font "Russo One"'
    r"(?i:\bfont\s+[\"'“‘][^\"'”’]{1,30}[\"'”’]|\b(?!(?:the|a|an|this|that|same|my|your|our|its|of|"
    r"default|right|new|one|which|what|any)\b)[a-z][\w-]+\s+font\b(?!\s+(?:size|of)))",
    # colours dictated for an element or as a code: "color-coded: red", "colour ... to blue"
    rf"(?i:\bcolou?r(?:[\s-]coded)?\s*(?::|to|should\s+be|must\s+be|of\s+[^.;]{{0,30}}?\s+to)"
    rf"[^.;]{{0,15}}?\b{_COLOR}\b)",
    r"(?i:(?:`|\b(?:colou?r|background|fill|border)\s+(?:should\s+be\s+|is\s+|of\s+|to\s+|:\s*)?)"
    r"#[0-9a-f]{3,8}\b)",
    # exact placement of an element: "a button next to the price box", "on the navigation bar"
    rf"(?i:\b{_WIDGET}\b[^.;]{{0,40}}?\b(?:next\s+(?:to|too)|beside|below|above|underneath|"
    r"to\s+the\s+(?:left|right)\s+of|at\s+the\s+(?:side|top|bottom)\s+of|"
    r"on\s+the\s+(?:left|right|side|navigation\s+bar|nav\s*bar|toolbar|header|footer|sidebar))\b)",
    r"(?i:\b(?:right|left)[\s-]hand\s+(?:side|column|corner|panel|pane|navigation|nav|menu|"
    r"sidebar|rail)\b)",
    # the size of a visual element: "a small graphic", "a larger font"
    r"(?i:\b(?:small|smaller|large|larger|big|bigger|tiny|huge)\s+(?:graphic|icon|image|logo|"
    r"thumbnail|button|font|text|banner|picture|photo)s?\b)",
]
UI_DETAIL = lazy("|".join(f"(?:{p})" for p in _PATTERNS))
_COLOURS = (
    "red green blue grey gray black white yellow orange purple pink teal navy maroon cyan "
    "magenta turquoise beige light dark bright pale"
)
_WIDGETS = (
    "button link text label font background banner icon header footer border bar box badge "
    "tab panel card heading title menu tooltip highlight arrow logo input field dropdown"
)
# The words each pattern above cannot match without (word starts, lower case), for
# GatedPatterns; tests/test_ui_detail.py checks the gated patterns find what UI_DETAIL does.
_ANCHORS: list[str | None] = [
    None,  # sizes: "12px"
    None,  # "#fff"
    "rgb hsl",
    _COLOURS,
    _COLOURS,
    "top bottom upper lower left right",
    "aligned centered centred",
    "positioned placed docked pinned anchored",
    "font bold italic underlined",
    "arial helvetica times roboto open comic verdana calibri montserrat source",
    "font",
    "color colour",
    None,  # "`#fff`", "colour: #fff"
    _WIDGETS,
    "hand",
    "small smaller large larger big bigger tiny huge",
]
GATED = GatedPatterns(list(zip(_ANCHORS, _PATTERNS, strict=True)))


@check("ui-detail")
def ui_detail(item: Item, ctx: Context) -> Iterator[Hit]:
    if in_design_document(item, ctx):
        return
    for part, start, end in written_regions(item):
        spans = _spans(part.text, start, end)
        if not spans and part.field in ("story", "requirement"):
            spans = _bare_widget(part.text)
        for at, to in spans:
            if not ctx.is_allowed(part.text[at:to]):
                yield Hit(part, at, to)


# A widget that is the whole item, as in a UI spec list ("- edit button", "- side menu",
# "- move to sprint backlog button (product backlog)", "- color scheme"): the list is the
# screen's parts, not what users need. Widget words that also name product features
# ("custom fields", "the lunch menu") need a screen word before them.
_BARE_WIDGET = lazy(
    r"(?i:[\W_]*((?:[\w-]+\s+){1,4}?buttons?|(?:side|top|bottom|left|right|main|nav(?:igation)?|"
    r"hamburger)\s+menus?|(?:menu|nav|tool|status|search|tab|title)\s*bars?|(?:input|text|search|"
    r"entry)\s+(?:fields?|box(?:es)?)|colou?r\s+(?:schemes?|palettes?))\s*(?:\([^)]*\))?[\W_]*)"
)


def _bare_widget(text: str) -> list[tuple[int, int]]:
    match = _BARE_WIDGET.fullmatch(text)
    return [match.span(1)] if match else []


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every UI detail in the text, in order; overlapping spans and a widget run ("a
    multi-select dropdown") are one."""
    found = sorted(
        [
            *GATED.spans(text, start, end),
            *ui_phrases(text, start, end),
            *widget_choices(text, start, end),
        ]
    )
    merged: list[tuple[int, int]] = []
    for at, to in found:
        if merged and (at < merged[-1][1] or not text[merged[-1][1] : at].strip()):
            merged[-1] = (merged[-1][0], max(to, merged[-1][1]))
        else:
            merged.append((at, to))
    return merged
