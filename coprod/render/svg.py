"""An accessible horizontal bar chart as inline SVG, drawn by hand (no dependency).

The output is deterministic (same input, same bytes) and scales with its
container through ``viewBox``. Every value is also given as text in ``<desc>``
and written beside its bar, so colour is never the only carrier of meaning.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from coprod.core.scoring import band_for
from coprod.render.text import escape_html as escape

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
TICKS = (0, 40, 70, 100)  # the band boundaries

WIDTH = 400
PAD = 8
VALUE_WIDTH = 136  # room right of the track for "39 needs attention"
TITLE_SIZE = 15
LABEL_SIZE = 15
VALUE_SIZE = 14
TICK_SIZE = 12
LINE = 19  # height of one line of label text
TRACK_HEIGHT = 16
ITEM_GAP = 10
LABEL_CHARS = 46  # wrap labels at about this many characters (15px on 384px)
TITLE_CHARS = 46
SERIES_WIDTH = 40  # room left of the tracks for "then" / "now" in a paired chart
FIRST_TRACK_HEIGHT = 12  # the first bar of a pair is thinner
PAIR_GAP = 4


def _value_text(score: int | None) -> str:
    return "not scored" if score is None else f"{score} {band_for(score)}"


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width) or [""]


def _safe_id(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", text) or "chart"


def chart_description(items: list[tuple[str, int | None]], *, title: str) -> str:
    """The chart as one sentence per item: its text alternative."""
    values = " ".join(f"{label}: {_value_text(score)}." for label, score in items)
    return f"{title}. Horizontal bar chart, scores out of 100. {values}".strip()


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
    return (
        f"{title}. Horizontal bar chart, scores out of 100, two bars per practice: "
        f"{first} and {second}. {values}"
    ).strip()


def paired_bar_chart_svg(
    items: list[tuple[str, int | None, int | None]],
    *,
    title: str,
    series: tuple[str, str] = ("then", "now"),
    chart_id: str = "chart",
) -> str:
    """Two bars per item (e.g. then and now), each named in text beside its track.

    ``series`` names the two bars; the first is drawn thinner, so the pair reads
    apart without colour.
    """
    groups = [(label, [(series[0], a), (series[1], b)]) for label, a, b in items]
    return _chart(groups, title, paired_description(items, title=title, series=series), chart_id)


def _chart(
    groups: Sequence[tuple[str, Sequence[tuple[str | None, int | None]]]],
    title: str,
    description: str,
    chart_id: str,
) -> str:
    """The SVG for label groups, each with one or more named (or unnamed) bars."""
    cid = _safe_id(chart_id)
    named = any(name is not None for _, bars in groups for name, _ in bars)
    track_x = PAD + (SERIES_WIDTH if named else 0)
    track_w = WIDTH - PAD - track_x - VALUE_WIDTH
    body: list[str] = []
    y = PAD

    for line in _wrap(title, TITLE_CHARS):
        y += LINE
        body.append(
            f'<text x="{PAD}" y="{y}" font-size="{TITLE_SIZE}" font-weight="bold" '
            f'fill="{TEXT_COLOUR}">{escape(line)}</text>'
        )
    y += ITEM_GAP
    tick_xs = [(tick, track_x + round(tick * track_w / 100)) for tick in TICKS]
    for label, bars in groups:
        for line in _wrap(label, LABEL_CHARS):
            y += LINE
            body.append(
                f'<text x="{PAD}" y="{y - 4}" font-size="{LABEL_SIZE}" '
                f'fill="{TEXT_COLOUR}">{escape(line)}</text>'
            )
        top = y + 2
        for n, (name, score) in enumerate(bars):
            height = TRACK_HEIGHT if n == len(bars) - 1 else FIRST_TRACK_HEIGHT
            if n:
                top += PAIR_GAP
            if name is not None:
                body.append(
                    f'<text x="{PAD}" y="{top + height - 2}" font-size="{TICK_SIZE}" '
                    f'fill="{MUTED_COLOUR}">{escape(name)}</text>'
                )
            body += _track(track_x, track_w, top, height, score, tick_xs)
            top += height
        y = top + ITEM_GAP

    axis_y = y - ITEM_GAP + 4
    for tick, x in tick_xs:
        anchor = "start" if tick == 0 else "end" if tick == 100 else "middle"
        body.append(
            f'<text x="{x}" y="{axis_y + TICK_SIZE + 2}" font-size="{TICK_SIZE}" '
            f'text-anchor="{anchor}" fill="{MUTED_COLOUR}">{tick}</text>'
        )
    height = axis_y + TICK_SIZE + 2 + PAD

    return "\n".join(
        [
            f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" aria-labelledby="{cid}-title {cid}-desc" '
            'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif">',
            f'<title id="{cid}-title">{escape(title)}</title>',
            f'<desc id="{cid}-desc">{escape(description)}</desc>',
            *body,
            "</svg>",
        ]
    )


def _track(
    track_x: int,
    track_w: int,
    top: int,
    height: int,
    score: int | None,
    tick_xs: list[tuple[int, int]],
) -> list[str]:
    """One bar: band grid lines, the track, the filled bar and the value beside it."""
    body = [
        f'<line x1="{x}" y1="{top - 2}" x2="{x}" y2="{top + height + 2}" '
        f'stroke="{GRID_COLOUR}" stroke-dasharray="2 2"/>'
        for tick, x in tick_xs
        if 0 < tick < 100
    ]
    dashed = ' stroke-dasharray="4 3"' if score is None else ""
    body.append(
        f'<rect x="{track_x}" y="{top}" width="{track_w}" height="{height}" '
        f'fill="none" stroke="{TRACK_COLOUR}"{dashed}/>'
    )
    colour = MUTED_COLOUR
    if score is not None:
        score = max(0, min(100, score))
        colour = BAND_COLOURS[band_for(score) or "needs attention"]
        width = round(score * track_w / 100)
        if width:
            body.append(
                f'<rect x="{track_x}" y="{top}" width="{width}" height="{height}" fill="{colour}"/>'
            )
    body.append(
        f'<text x="{track_x + track_w + 8}" y="{top + height - 3}" '
        f'font-size="{VALUE_SIZE}" fill="{colour}">{escape(_value_text(score))}</text>'
    )
    return body
