"""An accessible horizontal bar chart as inline SVG, drawn by hand (no dependency).

The output is deterministic (same input, same bytes) and scales with its
container through ``viewBox``. Every value is also given as text in ``<desc>``
and written beside its bar, so colour is never the only carrier of meaning.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from coprod.core.scoring import BAND_BOUNDARIES, band_for
from coprod.i18n import _
from coprod.i18n.labels import band_label
from coprod.render.safe import escape_html as escape

#: Band colours, each at least 4.5:1 against white (WCAG AA for text and graphics).
BAND_COLOURS: dict[str, str] = {
    "needs attention": "#b3261e",
    "developing": "#8a5a00",
    "strong": "#1b6e3a",
}
TEXT_COLOUR = "#1a1a1a"
MUTED_COLOUR = "#595959"  # 7:1 on white
TRACK_COLOUR = "#6e6e6e"  # 5:1 on white
GRID_COLOUR = "#b0b0b0"
TICKS = (0, *BAND_BOUNDARIES, 100)  # the band boundaries

INSIDE_FROM = 55  # bars this long hold their value inside them (room on a 360 px phone)
TITLE_SIZE = 15
LABEL_SIZE = 15
VALUE_SIZE = 13
TICK_SIZE = 12
LINE = 19  # height of one line of label text
TRACK_HEIGHT = 18
ITEM_GAP = 8
LABEL_CHARS = 40  # wrap labels at about this many characters (15px on a 360px phone)
TITLE_CHARS = 40
PAIR_GAP = 4


def _value_text(score: int | None) -> str:
    return _("not scored") if score is None else f"{score} {band_label(band_for(score))}"


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width) or [""]


def _safe_id(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", text) or "chart"


def chart_description(items: list[tuple[str, int | None]], *, title: str) -> str:
    """The chart as one sentence per item: its text alternative."""
    values = " ".join(f"{label}: {_value_text(score)}." for label, score in items)
    kind = _("Horizontal bar chart, scores out of 100.")
    return f"{title}. {kind} {values}".strip()


def bar_chart_svg(
    items: list[tuple[str, int | None]], *, title: str, chart_id: str = "chart"
) -> str:
    """A horizontal bar chart of 0-100 scores; ``None`` is drawn as an empty track.

    ``chart_id`` prefixes the ids that ``aria-labelledby`` points at: give each
    chart on a page its own.
    """
    groups = [(label, [(None, score)]) for label, score in items]
    return _chart(groups, title, chart_description(items, title=title), chart_id)


def paired_description(
    items: list[tuple[str, int | None, int | None]], *, title: str, series: tuple[str, str]
) -> str:
    """The paired chart as one sentence per item: its text alternative."""
    first, second = series
    values = " ".join(
        f"{label}: {first} {_value_text(a)}, {second} {_value_text(b)}." for label, a, b in items
    )
    kind = _(
        "Horizontal bar chart, scores out of 100, two bars per practice: %(first)s and %(second)s."
    ) % {"first": first, "second": second}
    return f"{title}. {kind} {values}".strip()


def paired_bar_chart_svg(
    items: list[tuple[str, int | None, int | None]],
    *,
    title: str,
    series: tuple[str, str] = ("then", "now"),
    chart_id: str = "chart",
) -> str:
    """Two bars per item (e.g. then and now), each named in text beside its track.

    ``series`` names the two bars: each bar's value is written after its name, so
    the pair reads apart without colour.
    """
    groups = [(label, [(series[0], a), (series[1], b)]) for label, a, b in items]
    return _chart(groups, title, paired_description(items, title=title, series=series), chart_id)


def _chart(
    groups: Sequence[tuple[str, Sequence[tuple[str | None, int | None]]]],
    title: str,
    description: str,
    chart_id: str,
) -> str:
    """The SVG for label groups, each with one or more named (or unnamed) bars.

    The chart takes the full width of its container (no ``viewBox``): bars and
    grid lines are placed in percentages, text in pixels, so the bars use the
    whole column at any width while the text keeps its size.
    """
    cid = _safe_id(chart_id)
    body: list[str] = []
    y = 0
    for line in _wrap(title, TITLE_CHARS):
        y += LINE
        body.append(
            f'<text x="0" y="{y - 4}" font-size="{TITLE_SIZE}" font-weight="bold" '
            f'fill="{TEXT_COLOUR}">{escape(line)}</text>'
        )
    y += ITEM_GAP
    for label, bars in groups:
        for line in _wrap(label, LABEL_CHARS):
            y += LINE
            body.append(
                f'<text x="0" y="{y - 4}" font-size="{LABEL_SIZE}" '
                f'fill="{TEXT_COLOUR}">{escape(line)}</text>'
            )
        top = y
        for n, (name, score) in enumerate(bars):
            if n:
                top += PAIR_GAP
            body += _track(top, TRACK_HEIGHT, score, name)
            top += TRACK_HEIGHT
        y = top + ITEM_GAP

    axis_y = y - ITEM_GAP + TICK_SIZE + 4
    for tick in TICKS:
        anchor = "start" if tick == 0 else "end" if tick == 100 else "middle"
        body.append(
            f'<text x="{tick}%" y="{axis_y}" font-size="{TICK_SIZE}" '
            f'text-anchor="{anchor}" fill="{MUTED_COLOUR}">{tick}</text>'
        )
    height = axis_y + 4

    return "\n".join(
        [
            f'<svg class="chart" role="img" width="100%" height="{height}" '
            f'aria-labelledby="{cid}-title {cid}-desc" overflow="visible" '
            'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif">',
            f'<title id="{cid}-title">{escape(title)}</title>',
            f'<desc id="{cid}-desc">{escape(description)}</desc>',
            *body,
            "</svg>",
        ]
    )


def _track(top: int, height: int, score: int | None, name: str | None) -> list[str]:
    """One bar across the full width: band grid lines, the track, the bar, its value.

    The value (after the series name, if any) sits just right of the bar's end, or
    inside the bar in white when the bar is long enough to hold it.
    """
    body = [
        f'<line x1="{tick}%" y1="{top - 2}" x2="{tick}%" y2="{top + height + 2}" '
        f'stroke="{GRID_COLOUR}" stroke-dasharray="2 2"/>'
        for tick in TICKS
        if 0 < tick < 100
    ]
    dashed = ' stroke-dasharray="4 3"' if score is None else ""
    body.append(
        f'<rect x="0" y="{top}" width="100%" height="{height}" '
        f'fill="none" stroke="{TRACK_COLOUR}"{dashed}/>'
    )
    text = _value_text(score) if name is None else f"{name} {_value_text(score)}"
    baseline = top + height - 5
    if score is None:
        place = f'x="0" dx="6" fill="{MUTED_COLOUR}"'
    else:
        score = max(0, min(100, score))
        colour = BAND_COLOURS[band_for(score) or "needs attention"]
        if score:
            body.append(
                f'<rect x="0" y="{top}" width="{score}%" height="{height}" fill="{colour}"/>'
            )
        if score >= INSIDE_FROM:
            place = f'x="{score}%" dx="-6" text-anchor="end" fill="#ffffff"'
        else:
            place = f'x="{score}%" dx="6" fill="{colour}"'
    body.append(f'<text {place} y="{baseline}" font-size="{VALUE_SIZE}">{escape(text)}</text>')
    return body
