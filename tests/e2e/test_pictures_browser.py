"""Easy read's pictures and the bilingual wall in a real browser (Debian's chromium).

On a 390 px phone in easy read, each picture sits left of its words, is loaded (served
by the workshop as SVG, within its Content-Security-Policy), and nothing scrolls
sideways; ``--lang cy+en`` puts the wall in Welsh, then English. ``COPROD_SCREENSHOTS=DIR``
saves the README's screenshots of both there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from helpers.chromium import PHONE
from helpers.server import Server, free_port

from coprod.core.models import Content
from coprod.storage.content import bundled_data_dir, load_content

pytestmark = [pytest.mark.chromium, pytest.mark.e2e, pytest.mark.timeout(240)]

#: Each picture beside words: [is it left of them, is it loaded, its alt] ; the page's widths
PLACES = """() => ({
  pictures: Array.from(document.querySelectorAll('.pictured')).map(p => {
    const img = p.querySelector('img.picture'), words = p.querySelector('span');
    const a = img.getBoundingClientRect(), b = words.getBoundingClientRect();
    return [a.right <= b.left && a.width >= 40, img.complete && img.naturalWidth > 0,
            img.getAttribute('alt')];
  }),
  widths: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
})"""


OUT = ["--out", "ws"]


def shoot(page: Any, name: str) -> None:
    folder = os.environ.get("COPROD_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / name))


@pytest.fixture
def easy_server(tmp_path: Path) -> Iterator[Server]:
    running = Server(
        ["--easy-read", "--project", "Space in Common", "--port", str(free_port()), *OUT],
        tmp_path,
    ).wait_ready()
    yield running
    assert running.stop() == 0


def test_pictures_sit_left_of_the_words_on_a_phone(browser: Any, easy_server: Server) -> None:
    easy = load_content(bundled_data_dir(), "easy-read")
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.goto(easy_server.join)
    phone.get_by_role("button", name="Start").click()
    phone.wait_for_url("**/criteria")
    first = easy.practices[0]
    for url, expected in [
        ("criteria", 1 + len(easy.all_criteria())),
        (f"practice/{first.id}", 1 + len(first.statements)),
    ]:
        phone.goto(f"{easy_server.join}{url}")
        found = phone.evaluate(PLACES)
        assert len(found["pictures"]) == expected, url
        assert all(left and loaded for left, loaded, _alt in found["pictures"]), found
        heading, *beside_words = found["pictures"]
        assert heading[2] and all(alt == "" for _l, _o, alt in beside_words)
        assert found["widths"][0] <= found["widths"][1] == 390, f"{url} scrolls sideways"
    phone.goto(f"{easy_server.join}practice/{first.id}")
    shoot(phone, "phone-easy-read-pictures.png")
    context.close()


@pytest.fixture
def bilingual_server(tmp_path: Path) -> Iterator[Server]:
    port = ["--port", str(free_port())]
    running = Server(
        ["--lang", "cy+en", "--project", "Riverside Food Partnership", *port, *OUT],
        tmp_path,
    ).wait_ready()
    yield running
    assert running.stop() == 0


def test_the_bilingual_wall_shows_welsh_first_then_english(
    browser: Any, bilingual_server: Server, content: Content
) -> None:
    welsh = load_content(bundled_data_dir(), "cy")
    for rating in ("1", "3", "4"):
        with httpx.Client(base_url=bilingual_server.join.rstrip("/")) as phone:
            phone.post("/about", data={"nav": "next"})
            for practice in welsh.practices:
                ratings = {s.id: rating for s in practice.statements}
                phone.post(f"/practice/{practice.id}", data={**ratings, "nav": "next"})
            phone.post("/reflections", data={"nav": "next"})
    desk = browser.new_context(viewport={"width": 1280, "height": 800})
    console = desk.new_page()
    console.goto(bilingual_server.facilitator)
    console.get_by_role("button", name="Datgelu / Reveal").click()
    console.wait_for_selector("table.profile-table")
    wall = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    wall.goto(bilingual_server.projector)
    heading = wall.locator("#slide-heading").inner_text()
    assert heading.endswith(" / The group's practice profile") and heading.index(" / ") > 0
    text = wall.locator("main").inner_text()
    assert f"{welsh.practices[0].name} / {content.practices[0].name}" in text
    assert wall.evaluate("document.documentElement.lang") == "cy"
    fits = "() => document.documentElement.scrollHeight <= innerHeight"
    assert wall.evaluate(fits), "the bilingual profile does not fit 1280x720"
    shoot(wall, "wall-bilingual.png")
    desk.close()
    wall.context.close()
