"""Widgets, placement and visual states presented as the requirement: "a snackbar", "a
kebab menu opens a panel", "directly below the header", "the star turns gold",
"zebra-striped rows", "a modal of at least half the screen".

A widget counts as a choice when the text introduces it ("a radio button", "via
sliders", "add a toggle"); "the dropdown" or "the Issue Resolution Modal" names something
that exists. Vocabulary from the component lists of Material Design 3, Bootstrap and
Apple's Human Interface Guidelines; words that are also ordinary English (button, link,
icon, menu, tab, badge, card, banner) are left to the placement and style patterns."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks._gate import GatedPatterns
from prdlint.checks._lazy import lazy
from prdlint.checks._text import word_pattern

WIDGETS = (
    "snackbar", "snackbars", "snack bar", "toast", "toasts", "toast notification",
    "toast message", "modal", "modals", "modal dialog", "modal window", "popup", "popups",
    "pop-up", "pop-ups", "pop up", "popup dialog", "popup window", "popover", "popovers",
    "bottom sheet", "side sheet", "action sheet", "drawer", "navigation drawer",
    "side drawer", "kebab menu", "meatball menu", "hamburger menu", "overflow menu",
    "context menu", "dropdown", "dropdowns", "drop-down", "drop down", "dropdown menu",
    "dropdown list", "drop-down menu", "drop-down list", "drop down menu", "drop down list",
    "select box", "combo box", "combobox", "radio button", "radio buttons", "checkbox",
    "checkboxes", "check box", "check boxes", "tick box", "toggle", "toggles",
    "toggle switch", "toggle button", "slider", "sliders", "stepper", "spinner",
    "spinners", "loading spinner", "carousel", "carousels", "accordion", "accordions",
    "tooltip", "tooltips", "breadcrumb", "breadcrumbs", "tab bar", "segmented control",
    "segmented button", "split button", "floating action button", "date picker",
    "datepicker", "time picker", "colour picker", "color picker", "lightbox",
    "progress bar", "skeleton loader", "skeleton screen", "infinite scroll", "sidebar",
    "side bar", "side panel", "navbar", "nav bar", "top bar", "app bar", "toolbar",
    "text box", "textbox", "text field", "text area", "textarea", "multi-select",
    "multiselect", "listbox", "list box", "filter chip", "filter chips", "chips",
    "drop list", "button group", "button groups", "segmented buttons",
    "hover card", "mega menu", "offcanvas", "off-canvas", "splash screen",
    "pie chart", "bar chart", "area chart", "line chart", "donut chart", "doughnut chart",
    "scatter plot", "sparkline", "heat map", "heatmap", "line overlay", "scrollable container",
    "scrollable list", "scrollable area", "card layout", "card-style layout", "grid layout",
)  # fmt: skip
_WIDGET = word_pattern(
    {*WIDGETS, *(w + ("es" if w.endswith(("x", "sh")) else "s") for w in WIDGETS if w[-1] != "s")}
)
# Words that introduce a widget as the thing to build.
_INTRODUCERS = frozenset(
    {"a", "an", "via", "with", "using", "through", "add", "adds", "adding", "use", "uses",
     "show", "shows", "showing", "display", "displays", "include", "includes", "implement",
     "create", "creates", "creating", "replace", "replaces", "replaced", "replacing",
     "introduce", "provide", "provides", "put", "place", "by", "as", "new", "single",
     "simple", "small", "large", "big", "little", "separate", "hover", "("}
)  # fmt: skip
# Words a modifier run cannot cross ("a list of facilities with checkbox" is not "a ...
# checkbox"): function words and verbs of the sentence.
_BREAKS = frozenset(
    {"the", "this", "that", "these", "those", "my", "your", "our", "their", "his", "her",
     "its", "of", "to", "for", "in", "on", "at", "from", "and", "or", "is", "are", "be",
     "was", "were", "which", "who", "when", "where", "if", "can", "should", "must", "will",
     "so", "i", "we", "you", "they", "it", "not", "no", "each", "every", "any", "all"}
)  # fmt: skip
_WORD = lazy(r"[\w“”\"'’‘-]+")

_COLOUR = (
    r"(?:red|green|blue|grey|gray|black|white|yellow|orange|purple|pink|teal|navy|maroon|"
    r"cyan|magenta|turquoise|beige|gold|golden|silver|amber|crimson|violet|indigo|lime|"
    r"off[\s-]white|(?:light|dark|bright|pale)[\s-]\w+)"
)
_LANDMARK = (
    r"(?:header|footer|navbar|nav\s*bar|navigation\s+bar|sidebar|side\s*bar|toolbar|"
    r"title\s+bar|app\s+bar|top\s+bar|fold|logo|page\s+title|search\s+bar|search\s+box|"
    r"tab\s+bar|menu\s+bar|status\s+bar|banner|hero(?:\s+image)?)"
)
_SURFACE = r"(?:screen|page|window|viewport|display)"
# Things on a screen that a PM might place ("move the button to the header").
_ELEMENT = (
    r"(?:buttons?|links?|icons?|menus?|tabs?|fields?|checkbox(?:es)?|radio[\s-]buttons?|"
    r"dropdowns?|search\s+(?:bar|box)|logos?|banners?|panels?|toolbars?|labels?|titles?|"
    r"headings?|filters?|images?|pictures?|avatars?|badges?|widgets?|controls?|toggles?|"
    r"sliders?|inputs?|forms?|cards?|tiles?|columns?|sidebar|navbar|nav\s*bar|footer|header|"
    r"breadcrumbs?|tooltips?|counters?|cta|call\s+to\s+action)"
)
_PATTERNS = [
    # placement against a landmark: "directly below the header", "above the fold"
    r"(?i:\b(?:directly|immediately|right|just)\s+(?:below|above|under|beneath|beside|next\s+to|"
    r"underneath|left\s+of|right\s+of)\s+(?:the\s+)?\w+(?:\s+\w+)?)",
    rf"(?i:\b(?:below|above|under|beneath|underneath|inside|within|in)\s+the\s+{_LANDMARK}\b)",
    rf"(?i:\b(?:at|on|to)\s+the\s+(?:very\s+|far\s+)?(?:top|bottom|left|right)(?:[\s-]hand)?\s+"
    rf"(?:(?:side|edge|corner)\s+)?of\s+the\s+(?:{_SURFACE}|{_LANDMARK})\b)",
    # layout and see-through: "a two-column layout", "a 12-column grid", "80% opacity"
    r"(?i:\b(?:two|three|four|single|one|\d+)[\s-]columns?\s+(?:layout|grid|design)s?\b|"
    r"\b\d+\s?%\s+(?:opacity|transparency|transparent|opaque)\b|"
    r"\b(?:opacity|transparency)\s+(?:of\s+)?\d+\s?%)",
    rf"(?i:\b(?:sticky|fixed|floating|pinned)\s+(?:{_LANDMARK}|bar|button|panel)\b)",
    # a size against the screen: "at least half the screen", "50% of the width"
    rf"(?i:\b(?:half|a\s+third|a\s+quarter|two[\s-]thirds|three[\s-]quarters|\d+\s?%)\s+"
    rf"(?:of\s+)?the\s+(?:{_SURFACE}|width|height)\b)",
    r"(?i:\bfull[\s-](?:width|height)\b|\bfull[\s-]screen\s+(?:modal|dialog|overlay|popup|"
    r"pop-up|banner|takeover)s?\b)",
    # a visual state: "the star turns gold", "is greyed out", "highlighted in yellow"
    rf"(?i:\b(?:change|changes|changed|changing)\s+(?:its\s+)?colou?r\s+to\s+{_COLOUR}\b)",
    r"(?i:\b(?:greyed|grayed)[\s-]out\b)",
    r"(?i:\b(?:in|as)\s+bold\b|\bin\s+italics?\b)",
    rf"(?i:\b(?:highlighted|shown|displayed|written|printed|rendered|marked)\s+in\s+"
    rf"(?:{_COLOUR}|bold|italics?|all\s+caps|upper\s*case|capitals)\b)",
    # styling: "zebra-striped rows", "rounded corners", "a drop shadow"
    r"(?i:\b(?:zebra[\s-]?strip(?:ed|es|ing)|striped\s+rows|alternating\s+(?:row\s+)?"
    r"(?:colou?rs|shading|backgrounds)|rounded\s+corners|drop[\s-]shadows?|box[\s-]shadows?|"
    r"gradient\s+background|background\s+gradient|(?:bold|italic|underlined)\s+(?:text|font|"
    r"label|heading|title|link)s?)\b)",
    r"(?i:\b(?:fades?|fading|slides?|sliding)\s+(?:in|out|up|down|open)\b)",
    # a type size in points: "12 points", "14-point font" (story points are not pixels)
    r"(?i:\b\d+(?:\.\d+)?[\s-]?points?\s+(?:font|text|type|size|bold|italic)\b|"
    r"\bfont\b[^.;]{0,25}?\b\d+(?:\.\d+)?\s?points?\b)",
    # showing and hiding, type and space: "collapsed by default", "an expand/collapse
    # animation", "sans-serif", "generous whitespace", "inputs stack vertically"
    r"(?i:\bcollapsible\s+(?:sections?|panels?|menus?|sidebars?|lists?|rows?|cards?|headers?|"
    r"groups?|areas?)\b|\bcollapsed\s+by\s+default\b|\bexpand(?:ed)?\s*/\s*collaps\w*|"
    r"\banimations?\b|\banimated\s+(?:transition|icon|button|banner|progress)s?\b)",
    r"(?i:\bsans[\s-]serif\b|\bserif\s+(?:font|type)s?\b|\btypefaces?\b|\btypography\b|"
    r"\bmonospaced?\s+fonts?\b)",
    r"(?i:\b(?:(?:padding|margins?)\s+(?:between|around)|spacing\s+"
    r"(?:between|of|around))\b|\b(?:generous|consistent|tight|extra)\s+(?:spacing|whitespace|"
    r"padding)\b)",
    r"(?i:\b(?:stack(?:s|ed)?|laid\s+out|arranged|aligned|displayed|shown|listed)\s+"
    r"(?:vertically|horizontally)\b|\b(?:light|dark|white|black)\s+backgrounds?\b)",
    # a button the system shall provide: "SHALL provide a delete button"
    r"(?i:\b(?:provide|provides|add|adds|include|includes|display|displays|show|shows|offer|"
    r"offers)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?buttons?\b)",
    # a bullet that places the thing: "- Below the main calculator"
    r"(?i:^[\s*•-]*(?:below|above|beneath|underneath|next\s+to|beside)\s+the\b)",
    # colour coding and named buttons: "different color for each condition", 'a "Run" button'
    r"(?i:\bdifferent\s+colou?rs?\s+(?:for|per|by)\b|\bcolou?r[\s-]cod(?:ed|ing)\b)",
    r"(?i:\b(?:a|an)\s+[\"“'‘][^\"”'’\n]{1,30}[\"”'’]\s+(?:button|link|tab|toggle|menu|icon)s?\b)",
    # moving a thing to a place on the screen: "place the radio button at the top", "moved
    # button to top header"
    rf"(?i:\b(?:put|puts|place|places|placed|placing|move|moves|moved|moving|position|"
    rf"positioned|relocate|relocated|dock|docked|align|aligned)\s+(?:the\s+|a\s+|an\s+|this\s+|"
    rf"our\s+)?(?:[\w-]+\s+){{0,3}}?{_ELEMENT}\b[^.;\n]{{0,30}}?\b(?:to|at|into|"
    rf"in|on|under|above|below)\s+(?:the\s+)?(?:very\s+)?(?:(?:top|bottom)(?:[\s-](?:left|right))?"
    rf"(?:\s+{_LANDMARK})?|left|right|corner|(?:[\w-]+\s+)?{_LANDMARK})\b)",
    # a place in a table on screen: "in the third column"
    r"(?i:\b(?:first|second|third|fourth|fifth|last|leftmost|rightmost)\s+column\b)",
    # a button the user is told to press: "tap a button to add a work order"
    r"(?i:\b(?:tap|taps|tapping|click|clicks|clicking|press|presses|pressing|push|pushes|hit)\s+"
    r"(?:on\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,2}?buttons?\b)",
    # how a chart draws a series: "filled area", "dashed line", "secondary line overlay"
    r"(?i:\b(?:filled|shaded|stacked|dashed)\s+(?:areas?|lines?|bars?|regions?)\b|"
    r"\b(?:line|bar|area)\s+overlays?\b)",
    # a visual style given as the value of a look label: "Theme: Clean, minimal"
    r"(?i:\b(?:theme|aesthetic|visual\s+style|look\s+and\s+feel|design\s+language)[*_]*\s*:\s*"
    r"[*_]*\s*(?:clean|sleek|modern|flat|minimal\w*|material|playful|retro|skeuomorphic|"
    r"glassmorphi\w*|neumorphi\w*)\b)",
]
UI_PHRASES = lazy("|".join(f"(?:{p})" for p in _PATTERNS))
_LANDMARK_WORDS = (
    "header footer navbar nav navigation sidebar side toolbar title app top fold logo page "
    "search tab menu status banner hero"
)
# The words each pattern above cannot match without, for GatedPatterns (checked against
# UI_PHRASES in tests/test_ui_detail.py).
_ANCHORS: list[str | None] = [
    "directly immediately right just",
    _LANDMARK_WORDS,
    "top bottom left right",
    "column opacity transparen opaque",
    "sticky fixed floating pinned",
    "screen page window viewport display width height",
    "full",
    "change",
    "greyed grayed",
    "bold italic",
    "highlighted shown displayed written printed rendered marked",
    "zebra striped alternating rounded drop box gradient background bold italic underlined",
    "fade fading slide sliding",
    "point font",
    "collaps expand animation animations animated",
    "sans serif typeface typefaces typography monospace monospaced",
    "whitespace white padding margin margins spacing",
    "stack stacks stacked laid arranged aligned displayed shown listed light dark white black",
    "provide add include display show offer",
    "below above beneath underneath next beside",
    "different color colour coded coding",
    "button link tab toggle menu icon",
    "put place placing move moving position relocate dock align",
    "first second third fourth fifth last leftmost rightmost",
    "tap taps tapping click clicks clicking press presses pressing push pushes hit",
    "filled shaded stacked dashed overlay overlays",
    "theme aesthetic style feel language",
]
GATED = GatedPatterns(list(zip(_ANCHORS, _PATTERNS, strict=True)))
# A colour change counts on a thing of the screen ("the star turns gold"), not on the
# world ("my plants turn yellow").
_STATE = lazy(
    rf"(?i:\b(?:turns?|turning|turned|becomes?|goes|glows?|flash(?:es)?|blinks?)\s+{_COLOUR}\b)"
)
_SCREEN_THING = lazy(
    r"(?i:\b(?:star|heart|icon|button|row|cell|badge|label|dot|pin|marker|bar|text|link|"
    r"indicator|field|border|background|tab|card|tile|chip|toggle|checkbox|header|banner|"
    r"screen|page|arrow|circle|bubble|avatar|thumbnail|highlight|outline|title|logo|line|"
    r"graph|chart|ring|item|entry|counter|progress|timer|cursor|frame|panel|box|menu)s?\b)"
    r"(?:\s+\w+){0,3}\s*$"
)
_TITLE_WORD_BEFORE = lazy(r"[A-Z][\w-]*\s+$")


_PURPOSE_AFTER = lazy(r"[\"'”’]?\s+(?:to|for|with|that|which|showing|listing|of)\b", re.I)


def _introduced(text: str, start: int, at: int, end: int) -> bool:
    """Whether the widget at `at` is introduced as a choice: "a multi-select dropdown",
    "via sliders", "add a toggle", or the first words of the line ("Dropdown menu to
    select role")."""
    window = text[max(start, at - 60) : at]
    words = _WORD.findall(window)
    if not text[start:at].strip(" \t*_-•:\"'“‘"):
        return _PURPOSE_AFTER.match(text, end) is not None
    if window.rstrip(" *_").endswith((":", "(")):
        return True  # "**Start Year**: Dropdown/slider", "Detailed View (toggle)"
    for count, word in enumerate(reversed(words)):
        low = word.casefold()
        if low in _INTRODUCERS:
            # "in the Add Cases modal": a capitalised word mid-line is part of a name
            return word == low or (
                count == len(words) - 1 and not window[: window.rfind(word)].strip()
            )
        if low in _BREAKS or count >= 3:
            return False
    return False


_ARTICLE_BEFORE = lazy(r"(?i:\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$)")


def _in_a_name(text: str, at: int) -> bool:
    """ "the Issue Resolution Modal": a capitalised widget word after a capitalised word
    names a screen of the product, it does not choose a widget."""
    if not text[at].isupper() or text[:at].rstrip(" *_").endswith(":"):
        return False  # "Start Year: Dropdown": a label, then the widget chosen for it
    if _TITLE_WORD_BEFORE.search(text, max(0, at - 30), at) is not None:
        return True
    # "use Color Picker": a capitalised widget mid-line with no article is a feature's name
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at].strip(" \t*_-•:\"'“‘(")
    if not before:
        return False
    return _ARTICLE_BEFORE.search(text, max(line_start, at - 40), at) is None


def widget_choices(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for match in _WIDGET.finditer(text, start, end):
        line_start = text.rfind("\n", start, match.start()) + 1
        if _introduced(text, max(start, line_start), *match.span()) and not _in_a_name(
            text, match.start()
        ):
            yield match.span()


def ui_phrases(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    yield from GATED.spans(text, start, end)
    for match in _STATE.finditer(text, start, end):
        if _SCREEN_THING.search(text, max(start, match.start() - 40), match.start()):
            yield match.span()
