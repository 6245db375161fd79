"""The wall and the phones in a real browser: Debian's chromium through Playwright.

The wall at 1280x720 and 1024x768, before and after Reveal, slide by slide: it fits
without scrolling, its text is at least 24 px, the QR code is large before Reveal and
kept small in a corner after, axe-core finds nothing serious, and it follows the
console live. The console's group view is in view at 1280x800. A phone that reloads
mid-page keeps its choices; one that opens the join address again lands where it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
import yaml
from helpers.chromium import PHONE
from helpers.server import Server, free_port

from coprod.core.models import Content

pytestmark = [pytest.mark.chromium, pytest.mark.e2e, pytest.mark.timeout(240)]

WALLS = [(1280, 720), (1024, 768)]
PEOPLE = [
    ("Amira Khan", "resident"),
    ("", "resident"),
    ("Dev Patel", "resident"),
    ("Sam Ortiz", "officer"),
    ("Jo Baines", "officer"),
    ("Cllr Rees", "councillor"),
]

#: What a projected slide must be: everything on screen, text of 24 px or more.
MEASURE = """() => {
  const frame = document.querySelector('.wall-frame');
  const shown = Array.from(frame.querySelectorAll('*')).filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && !e.closest('.visually-hidden');
  });
  const texts = shown.filter(e => Array.from(e.childNodes).some(
    n => n.nodeType === 3 && n.textContent.trim()));
  const leaves = shown.filter(e => e.tagName === 'IMG' || texts.includes(e));
  return {
    bottom: Math.max(...leaves.map(e => e.getBoundingClientRect().bottom)),
    right: Math.max(...leaves.map(e => e.getBoundingClientRect().right)),
    height: innerHeight, width: innerWidth,
    scroll: [document.documentElement.scrollHeight, document.documentElement.scrollWidth],
    small: texts.filter(e => parseFloat(getComputedStyle(e).fontSize) < 24)
      .map(e => e.tagName + ' ' + e.textContent.slice(0, 30)),
    qr: document.querySelector('.wall-frame img.qr').getBoundingClientRect().height,
    slide: document.querySelector('#slide-heading').textContent,
  };
}"""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    running = Server(
        ["--project", "Riverside Food Partnership", "--port", str(free_port()), "--out", "ws"],
        tmp_path,
    ).wait_ready()
    yield running
    assert running.stop() == 0


def axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")


def serious(page: Any, axe: str) -> list[Any]:
    page.evaluate(axe)  # through the DevTools protocol: the page's CSP stays as it is
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    return [v for v in found if v["impact"] in ("serious", "critical")]


def answer_all(server: Server, content: Content) -> None:
    """The six answer a full assessment, each rating differently (plain HTTP posts)."""
    for i, (name, role) in enumerate(PEOPLE):
        with httpx.Client(base_url=server.join.rstrip("/")) as phone:
            phone.post("/about", data={"respondent_name": name, "respondent_role": role})
            answers = {
                c.id: ("yes", "no", "unsure")[(i + k) % 3]
                for k, c in enumerate(content.all_criteria())
            }
            phone.post("/criteria", data=answers)
            for j, practice in enumerate(content.practices):
                ratings = {
                    s.id: str((i + j + k * i) % 5) for k, s in enumerate(practice.statements)
                }
                phone.post(f"/practice/{practice.id}", data={**ratings, "nav": "next"})
            phone.post("/reflections", data={"nav": "next"})


def check_wall(page: Any, axe: str, *, before: bool) -> dict[str, Any]:
    m = page.evaluate(MEASURE)
    where = f"{m['slide']} at {m['width']}x{m['height']}"
    assert m["scroll"] == [m["height"], m["width"]], f"{where} scrolls: {m}"
    assert m["bottom"] <= m["height"] and m["right"] <= m["width"], f"{where} overflows: {m}"
    assert not m["small"], f"{where}: text under 24 px: {m['small']}"
    if before:
        assert m["qr"] >= m["height"] / 3, f"{where}: QR code too small for the room: {m}"
    else:
        assert m["qr"] < m["height"] / 3, f"{where}: QR code should make room: {m}"
    assert not serious(page, axe), where
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1").count() == 1
    return m


def test_the_wall_fits_a_projector_before_and_after_reveal(
    browser: Any, server: Server, content: Content
) -> None:
    axe = axe_source()
    walls = []
    for width, height in WALLS:
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(server.projector)
        page.evaluate("window.notReloaded = true")
        walls.append(page)
        check_wall(page, axe, before=True)
    answer_all(server, content)
    for page in walls:  # who is here, live
        page.wait_for_function(
            "() => document.querySelector('.numbers dd').textContent === '6'", timeout=5000
        )
        check_wall(page, axe, before=True)

    desk = browser.new_context(viewport={"width": 1280, "height": 800})
    console = desk.new_page()
    console.goto(server.facilitator)
    console.get_by_role("button", name="Reveal").click()
    console.wait_for_selector("table.profile-table")
    # the group view is in view without scrolling on the facilitator's own screen
    table = console.locator("table.profile-table").bounding_box()
    assert table is not None and table["y"] + table["height"] <= 800, table
    assert "Sam Ortiz" not in console.locator("#live").inner_text()  # names: off by default
    assert not serious(console, axe)

    slides = [
        "The group's practice profile",
        "The conversations to have",
        "What we agree on",
        "Where we see it differently",
        "Seen differently from the two sides of the table",
        "When to co-produce: how the group answered",
        "Who is in the room",
    ]
    for number, title in enumerate(slides, start=2):
        if number > 2:
            console.get_by_role("button", name=f"{number}. {title}").click()
        for page in walls:
            page.wait_for_function(
                "(t) => document.querySelector('#slide-heading').textContent === t",
                arg=title,
                timeout=5000,
            )
            assert page.evaluate("window.notReloaded") is True  # followed live
            check_wall(page, axe, before=False)
            text = page.locator("main").inner_text()
            for name, _role in PEOPLE:
                assert not name or name not in text
            assert "officer" not in text and "councillor" not in text
    desk.close()
    for page in walls:
        page.context.close()


def test_a_phone_keeps_its_choices_on_a_reload_and_comes_back_where_it_was(
    browser: Any, server: Server, content: Content, tmp_path: Path
) -> None:
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    console: list[str] = []
    phone.on("console", lambda message: console.append(message.text))
    phone.goto(server.join)
    phone.get_by_role("button", name="Start").click()
    phone.wait_for_url("**/criteria")
    phone.get_by_role("button", name="Next").click()
    practice = content.practices[0]
    phone.wait_for_url(f"**/practice/{practice.id}")
    assert phone.locator("#autosave-note").is_visible()  # the script says what it does
    first, second = practice.statements[:2]
    phone.locator(f"fieldset#{first.id}").get_by_text("3 Mostly").click()
    phone.locator(f"fieldset#{second.id}").get_by_text("Don't know").click()
    phone.get_by_label("A note or evidence").fill("Half the room came by bus.")
    answers = tmp_path / "ws" / "participant-001.yaml"

    def saved() -> dict[str, Any]:
        return yaml.safe_load(answers.read_text()) or {}

    for _ in range(50):  # the server saves each choice as it is made (no Next pressed)
        data = saved()
        if data.get("notes", {}).get(practice.id) == "Half the room came by bus.":
            break
        phone.wait_for_timeout(100)
    assert saved()["ratings"] == {first.id: 3, second.id: "dont_know"}
    phone.reload()
    assert phone.locator(f"fieldset#{first.id} input[value='3']").is_checked()
    assert phone.locator(f"fieldset#{second.id} input[value='dont_know']").is_checked()
    assert phone.get_by_label("A note or evidence").input_value() == "Half the room came by bus."
    # the join address again (the QR code scanned once more): the last page it reached
    phone.goto(server.join)
    phone.wait_for_url(f"**/practice/{practice.id}?back=1")
    assert "Welcome back — your answers so far are saved." in phone.locator("main").inner_text()
    assert phone.locator(f"fieldset#{first.id} input[value='3']").is_checked()
    assert not [m for m in console if "Content Security Policy" in m], console
    context.close()
