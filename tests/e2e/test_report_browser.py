"""The HTML report in a real browser: headless Chromium screenshots at phone and desktop width.

Skipped where Debian's ``chromium`` is not installed. The PNGs are decoded with
the standard library only (zlib + struct) to check that something was drawn:
text on the page and the chart's band colours.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from coprod.core.assessment import assess
from coprod.core.models import Content
from coprod.render import html
from coprod.render.svg import BAND_COLOURS
from coprod.storage.answers_file import load_answers

pytestmark = pytest.mark.chromium

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type -> samples per pixel


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def png_rows(path: Path, max_rows: int | None = None) -> tuple[int, int, int, list[bytes]]:
    """Width, height, bytes per pixel and the unfiltered rows of an 8-bit, non-interlaced PNG."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    pos, idat, header = 8, bytearray(), None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        chunk = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
    assert header is not None, "no IHDR"
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and interlace == 0 and colour_type in CHANNELS, header
    bpp = CHANNELS[colour_type]
    stride = width * bpp
    raw = zlib.decompress(bytes(idat))
    assert len(raw) == height * (stride + 1), "truncated image data"
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height if max_rows is None else min(height, max_rows)):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                up_left = previous[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + _paeth(left, previous[i], up_left)) & 0xFF
        else:
            assert kind == 0, f"unknown PNG filter {kind}"
        rows.append(bytes(line))
        previous = line
    return width, height, bpp, rows


def colours(rows: list[bytes], bpp: int) -> dict[tuple[int, ...], int]:
    """How many pixels of each RGB colour."""
    counts: dict[tuple[int, ...], int] = {}
    for row in rows:
        for i in range(0, len(row), bpp):
            key = tuple(row[i : i + min(bpp, 3)])
            counts[key] = counts.get(key, 0) + 1
    return counts


def screenshot(page: Path, png: Path, width: int, profile: Path) -> None:
    chromium = shutil.which("chromium")
    assert chromium
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--screenshot={png}",
        f"--window-size={width},2000",
        page.as_uri(),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium took more than 60 s for a {width} px screenshot")
    assert png.exists(), f"no screenshot (exit {done.returncode}): {done.stderr[-2000:]}"


@pytest.fixture
def report_page(tmp_path: Path, content: Content, full_answers: Path) -> Path:
    loaded = load_answers(full_answers, content)
    page = tmp_path / "report.html"
    page.write_text(html.render(assess(loaded.answers, content)), encoding="utf-8")
    return page


def _hex(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


@pytest.mark.parametrize("width", [390, 1280])
def test_report_renders_in_chromium(report_page: Path, tmp_path: Path, width: int) -> None:
    if shutil.which("chromium") is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    profile = tmp_path / f"profile-{width}"
    profile.mkdir()
    png = tmp_path / f"report-{width}.png"
    screenshot(report_page, png, width, profile)

    png_width, height, bpp, rows = png_rows(png)
    assert (png_width, height) == (width, 2000)
    counts = colours(rows, bpp)
    assert len(counts) > 1, "the screenshot is one flat colour"
    background, background_pixels = max(counts.items(), key=lambda item: item[1])
    assert background == (255, 255, 255)
    assert background_pixels < 0.97 * width * height, "almost nothing was drawn"
    # the practice chart is within the first 2000 px at desktop width: its bars are drawn
    if width == 1280:
        for band in ("developing", "strong"):
            assert counts.get(_hex(BAND_COLOURS[band]), 0) > 500, f"no {band} bars"


# --- layout, measured in the browser (DevTools protocol over a pipe) -----------------------


def _pages(tmp_path: Path, content: Content, full_answers: Path) -> dict[str, Path]:
    """The three HTML reports a user opens: one assessment, a team, a comparison."""
    from coprod.core.compare import compare
    from coprod.core.team import team_view

    fixtures = full_answers.parent
    team = [load_answers(fixtures / f"team-{n}.yaml", content) for n in ("sam", "resident", "jo")]
    old, new = load_answers(full_answers, content), load_answers(fixtures / "later.yaml", content)
    documents = {
        "report": html.render(assess(old.answers, content)),
        "team": html.render_team(team_view(team, content)),
        "compare": html.render_comparison(compare(old, new, content)),
    }
    pages = {}
    for name, document in documents.items():
        pages[name] = tmp_path / f"{name}.html"
        pages[name].write_text(document, encoding="utf-8")
    return pages


def test_nothing_overflows_a_phone(
    cdp_browser, tmp_path: Path, content: Content, full_answers: Path
):  # type: ignore[no-untyped-def]
    for name, page in _pages(tmp_path, content, full_answers).items():
        cdp_browser.open(page, 390, 844)
        assert cdp_browser.evaluate("document.documentElement.scrollWidth") <= 390, name
        tables = cdp_browser.evaluate(
            "Array.from(document.querySelectorAll('.table-wrap'))"
            ".map(w => w.scrollWidth - w.clientWidth)"
        )
        assert tables and max(tables) <= 0, (name, tables)  # no table scrolls sideways
        cdp_browser.screenshot(tmp_path / f"{name}-390.png")


def test_chart_uses_the_column_at_desktop_width(cdp_browser, report_page: Path):  # type: ignore[no-untyped-def]
    cdp_browser.open(report_page, 1280, 900)
    column, chart, track = cdp_browser.evaluate(
        "[document.querySelector('main > article').getBoundingClientRect().width,"
        " document.querySelector('figure.chart svg').getBoundingClientRect().width,"
        " document.querySelector('figure.chart svg rect').getBoundingClientRect().width]"
    )
    assert chart >= 0.98 * column and track >= 0.95 * column, (column, chart, track)


def test_short_cells_stay_on_one_line_on_a_phone(cdp_browser, report_page: Path):  # type: ignore[no-untyped-def]
    cdp_browser.open(report_page, 390, 844)
    lines = cdp_browser.evaluate(
        "Array.from(document.querySelectorAll('td.short')).map(td => {"
        " const r = document.createRange(); r.selectNodeContents(td);"
        " return [td.textContent, new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top))).size];"
        "})"
    )
    ratings = [
        text for text, _ in lines if text in ("1 A little", "0 Not at all", "Not applicable")
    ]
    assert ratings, "the statement tables have rating cells"
    assert all(n == 1 for _, n in lines), [text for text, n in lines if n > 1]


def _pdf_pages(data: bytes) -> list[bytes]:
    """Each page's (decompressed) drawing commands, in page order."""
    objects = {int(m[1]): m[2] for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}
    kids = re.search(rb"/Type\s*/Pages.*?/Kids\s*\[([^\]]*)\]", data, re.S)
    assert kids, "no page tree"
    pages = []
    for page in re.findall(rb"(\d+) 0 R", kids[1]):
        contents = re.search(rb"/Contents\s+(\d+) 0 R", objects[int(page)])
        assert contents
        body = objects[int(contents[1])]
        stream = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
        assert stream
        raw = stream[1]
        # decompressobj: the regex can take a final b"\r" of the data as the line end; that byte
        # is part of the checksum, not of the drawing commands, so read what decompresses.
        flate = b"FlateDecode" in body[: stream.start()]
        pages.append(zlib.decompressobj().decompress(raw) if flate else raw)
    return pages


def _pdf_colour(hex_colour: str) -> bytes:
    return " ".join(
        f"{v / 255:.4f}".rstrip("0").lstrip("0") or "0" for v in _hex(hex_colour)
    ).encode()


def test_a4_print_keeps_the_chart_with_its_table(cdp_browser, report_page: Path):  # type: ignore[no-untyped-def]
    cdp_browser.open(report_page, 1280, 900)
    pages = _pdf_pages(cdp_browser.pdf())
    bars = _pdf_colour(BAND_COLOURS["strong"])
    borders = _pdf_colour("#c3cad2")  # table borders
    with_chart = [n for n, page in enumerate(pages, 1) if bars in page]
    assert len(with_chart) == 1, with_chart  # the chart is not split
    assert with_chart[0] <= 2, "the chart is pushed back from the start of the report"
    page = pages[with_chart[0] - 1]
    # drawn in document order: the profile table's borders come before the bars on that page
    assert borders in page and page.index(borders) < page.index(bars), "table and chart apart"
