"""The practice chart as a PNG picture, drawn by hand (no dependency): for Word documents.

python-docx takes PNG or JPEG, not SVG, and no well-kept pure-Python library turns SVG
into pixels, so this draws the same horizontal bar chart as :mod:`coprod.render.svg`
straight into pixels: one row per practice, its number on the left, the bar in its band's
colour, its score at the bar's end, dashed lines at the band boundaries and the scale
below. The only text drawn is digits (a 3 × 5 pixel font, scaled), so the picture needs
no font and no translation; the words go beside it in the document (the profile table,
the chart's text alternative and its key). A practice not scored is an empty dashed track,
never a bar at 0. The output is deterministic: same scores, same bytes.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

from coprod.core.scoring import band_for
from coprod.render.svg import BAND_COLOURS, GRID_COLOUR, MUTED_COLOUR, TICKS, TRACK_COLOUR

Colour = tuple[int, int, int]

#: Each digit as five rows of three pixels ("#" drawn).
DIGITS = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
}
SCALE = 5  # one font pixel is SCALE × SCALE picture pixels: digits 15 × 25
WIDTH = 1200
LEFT = 90  # the practice numbers' column
RIGHT = 40  # room for "100" centred on the last tick
PLOT = WIDTH - LEFT - RIGHT  # 100 points across
TRACK = 44
PAIR_GAP = 6
ROW_GAP = 22
TOP = 20
INSIDE_FROM = 55  # as in the SVG: long bars hold their score inside, in white
WHITE: Colour = (255, 255, 255)


def _rgb(hex_colour: str) -> Colour:
    value = int(hex_colour.lstrip("#"), 16)
    return (value >> 16 & 255, value >> 8 & 255, value & 255)


def _lighter(colour: Colour) -> Colour:
    """Half-way to white: the first of a pair (then), beside the full colour (now)."""
    r, g, b = colour
    return ((r + 255) // 2, (g + 255) // 2, (b + 255) // 2)


class Canvas:
    """An RGB picture in memory, white to start with."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(b"\xff" * (width * height * 3))

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: Colour) -> None:
        """Fill the pixels x0 ≤ x < x1, y0 ≤ y < y1 (clipped to the picture)."""
        x0, x1 = max(0, x0), min(self.width, x1)
        if x1 <= x0:
            return
        run = bytes(colour) * (x1 - x0)
        for y in range(max(0, y0), min(self.height, y1)):
            start = (y * self.width + x0) * 3
            self.pixels[start : start + len(run)] = run

    def outline(self, x0: int, y0: int, x1: int, y1: int, colour: Colour, *, dash: int = 0) -> None:
        """A two-pixel frame; ``dash`` draws it in dashes of that length."""
        if not dash:
            for box in ((x0, y0, x1, y0 + 2), (x0, y1 - 2, x1, y1)):
                self.rect(*box, colour)
            for box in ((x0, y0, x0 + 2, y1), (x1 - 2, y0, x1, y1)):
                self.rect(*box, colour)
            return
        for x in range(x0, x1, dash * 2):
            self.rect(x, y0, min(x1, x + dash), y0 + 2, colour)
            self.rect(x, y1 - 2, min(x1, x + dash), y1, colour)
        for y in range(y0, y1, dash * 2):
            self.rect(x0, y, x0 + 2, min(y1, y + dash), colour)
            self.rect(x1 - 2, y, x1, min(y1, y + dash), colour)

    def vline(self, x: int, y0: int, y1: int, colour: Colour, *, dash: int = 4) -> None:
        for y in range(y0, y1, dash * 2):
            self.rect(x, y, x + 2, min(y1, y + dash), colour)

    def number(self, text: str, x: int, y: int, colour: Colour, *, anchor: str = "start") -> None:
        """Digits with their top at ``y``; ``anchor`` "start", "middle" or "end" at ``x``."""
        width = number_width(text)
        x -= {"start": 0, "middle": width // 2, "end": width}[anchor]
        for char in text:
            for row, line in enumerate(DIGITS[char]):
                for col, cell in enumerate(line):
                    if cell == "#":
                        px, py = x + col * SCALE, y + row * SCALE
                        self.rect(px, py, px + SCALE, py + SCALE, colour)
            x += 4 * SCALE

    def png(self) -> bytes:
        """The picture as a PNG file (8-bit RGB, no filtering, deflated)."""
        stride = self.width * 3
        raw = b"".join(
            b"\x00" + bytes(self.pixels[y * stride : (y + 1) * stride]) for y in range(self.height)
        )

        def chunk(kind: bytes, data: bytes) -> bytes:
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        dpi = struct.pack(">IIB", 7874, 7874, 1)  # 200 dots per inch: 6 inches across
        return b"".join(
            [
                b"\x89PNG\r\n\x1a\n",
                chunk(b"IHDR", header),
                chunk(b"pHYs", dpi),
                chunk(b"IDAT", zlib.compress(raw, 9)),
                chunk(b"IEND", b""),
            ]
        )


def number_width(text: str) -> int:
    return len(text) * 4 * SCALE - SCALE


def _x(score: int) -> int:
    return LEFT + round(PLOT * max(0, min(100, score)) / 100)


def _track(canvas: Canvas, top: int, score: int | None, pale: bool) -> None:
    """One bar: the track's frame, the bar in its band's colour, the score."""
    digit_top = top + (TRACK - 5 * SCALE) // 2
    if score is None:
        canvas.outline(LEFT, top, LEFT + PLOT, top + TRACK, _rgb(TRACK_COLOUR), dash=10)
        return
    canvas.outline(LEFT, top, LEFT + PLOT, top + TRACK, _rgb(TRACK_COLOUR))
    colour = _rgb(BAND_COLOURS[band_for(score) or "needs attention"])
    fill = _lighter(colour) if pale else colour
    end = _x(score)
    canvas.rect(LEFT, top, end, top + TRACK, fill)
    if score >= INSIDE_FROM:
        ink = (0, 0, 0) if pale else WHITE
        canvas.number(str(score), end - 10, digit_top, ink, anchor="end")
    else:
        canvas.number(str(score), end + 10, digit_top, colour)


def bar_chart_png(groups: Sequence[tuple[int, Sequence[int | None]]]) -> bytes:
    """One row per practice (its number, then one bar, or two: then and now) as a PNG.

    With two bars a row, the first is drawn pale and the second in full colour.
    """
    bars = max((len(scores) for _number, scores in groups), default=1)
    row = bars * TRACK + (bars - 1) * PAIR_GAP
    plot_bottom = TOP + len(groups) * (row + ROW_GAP)
    height = plot_bottom + 5 * SCALE + 24
    canvas = Canvas(WIDTH, height)
    for tick in TICKS:
        if 0 < tick < 100:
            canvas.vline(_x(tick), TOP - 8, plot_bottom, _rgb(GRID_COLOUR))
    for n, (number, scores) in enumerate(groups):
        top = TOP + n * (row + ROW_GAP)
        canvas.number(str(number), LEFT - 24, top + (row - 5 * SCALE) // 2, (0, 0, 0), anchor="end")
        for i, score in enumerate(scores):
            _track(canvas, top + i * (TRACK + PAIR_GAP), score, pale=len(scores) > 1 and i == 0)
    for tick in TICKS:
        anchor = "start" if tick == 0 else "end" if tick == 100 else "middle"
        canvas.number(str(tick), _x(tick), plot_bottom + 4, _rgb(MUTED_COLOUR), anchor=anchor)
    return canvas.png()
