"""Inline SVG charts drawn in Python, so the HTML report needs no charting script and
shows its charts with scripts off. Every label is escaped: rule names may come from
third-party packs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 640
ROW_HEIGHT = 28
BAR_HEIGHT = 18
CHAR_WIDTH = 7.4  # a rough average glyph width at 13px, to size the label column
MAX_LABEL_CHARS = 30


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    color: str
    href: str | None = None  # an in-page anchor ("#...") the bar links to


def _clip(label: str) -> str:
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def bar_chart(bars: Sequence[Bar], *, title: str, chart_id: str, width: int = WIDTH) -> str:
    """A horizontal bar chart, one row per bar, bars scaled to the largest value. `width`
    is the drawing's own width: the page scales it to its box, so a narrow box wants a
    small width to keep the labels legible."""
    longest = max((len(_clip(bar.label)) for bar in bars), default=0)
    label_width = round(min(max(longest * CHAR_WIDTH + 14, 80), 260))
    value_room = 48
    track = width - label_width - value_room
    top = max((bar.value for bar in bars), default=0) or 1
    height = len(bars) * ROW_HEIGHT + 6
    title_id = f"{chart_id}-title"
    out = [
        f'<svg class="chart" id="{escape(chart_id)}" xmlns="http://www.w3.org/2000/svg" '
        f'role="img" aria-labelledby="{escape(title_id)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{escape(title_id)}">{escape(title)}</title>',
    ]
    for index, bar in enumerate(bars):
        y = index * ROW_HEIGHT + 4
        text_y = y + BAR_HEIGHT / 2 + 4.5
        length = max(round(track * bar.value / top), 2 if bar.value else 0)
        row = (
            f"<title>{escape(bar.label)}: {bar.value}</title>"
            f'<text x="{label_width - 10}" y="{text_y}" text-anchor="end">'
            f"{escape(_clip(bar.label))}</text>"
            f'<rect class="bar" x="{label_width}" y="{y}" width="{length}" '
            f'height="{BAR_HEIGHT}" rx="4" fill="{escape(bar.color)}"/>'
            f'<text class="value" x="{label_width + length + 6}" y="{text_y}">{bar.value}</text>'
        )
        if bar.href is not None:
            out.append(f'<a href="{escape(bar.href)}"><g>{row}</g></a>')
        else:
            out.append(f"<g>{row}</g>")
    out.append("</svg>")
    return "".join(out)


def stacked_meter(parts: Sequence[Bar], *, title: str) -> str:
    """A thin 100%-wide bar split by value (e.g. clean vs flagged items)."""
    total = sum(part.value for part in parts) or 1
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 8" '
        f'preserveAspectRatio="none" role="img" aria-label="{escape(title)}">'
    ]
    x = 0.0
    for part in parts:
        width = 1000 * part.value / total
        if width > 0:
            out.append(
                f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="8" '
                f'fill="{escape(part.color)}"><title>{escape(part.label)}: {part.value}'
                "</title></rect>"
            )
        x += width
    out.append("</svg>")
    return "".join(out)
