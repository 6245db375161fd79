"""coprod workshop in a real browser: Debian's chromium driven by Playwright.

A phone-sized page (390 px) answers a whole quick assessment while the facilitator's
page, open at desktop width, updates by itself; every phone page is checked with
axe-core (no serious or critical violations), for sideways scrolling and for tap
targets under 44 px. Skipped where /usr/bin/chromium is absent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
import yaml
from helpers.chromium import PHONE
from helpers.server import Server, quick_workshop

from coprod.core.models import Content

pytestmark = [pytest.mark.chromium, pytest.mark.e2e, pytest.mark.timeout(180)]

TAP_TARGETS = "main a, main button, main input[type=text], main textarea, main label.option"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    yield from quick_workshop(tmp_path, "Space in Common")


def axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")


def check_phone_page(page: Any, axe: str, lang: str = "en") -> None:
    """axe-core, sideways scrolling and tap targets on the page as it is now."""
    page.evaluate(axe)  # run through the DevTools protocol: the page's CSP stays as it is
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    assert not bad, f"{page.url}: {bad}"
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1] == 390, f"{page.url} scrolls sideways: {widths}"
    small = page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector))
            .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
            .filter(([_, r]) => r.height < 44 || r.width < 44)
            .map(([html, r]) => `${html} ${Math.round(r.width)}x${Math.round(r.height)}`)""",
        TAP_TARGETS,
    )
    assert not small, f"{page.url}: tap targets under 44 px: {small}"
    assert page.locator("main").count() == 1 and page.locator("h1").count() == 1
    assert page.evaluate("document.documentElement.lang") == lang


def answer_by_http(server: Server, content: Content, rating: str) -> None:
    with httpx.Client(base_url=server.join.rstrip("/")) as phone:
        phone.post("/about", data={"nav": "next"})
        phone.post("/criteria", data={c.id: "no" for c in content.all_criteria()})
        for practice in content.practices:
            phone.post(f"/practice/{practice.id}", data={practice.id: rating, "nav": "next"})
        phone.post("/reflections", data={"nav": "next"})


def text_of(page: Any, selector: str) -> str:
    return str(page.locator(selector).inner_text())


def test_a_phone_answers_a_quick_assessment_and_the_facilitator_sees_it_live(
    browser: Any, server: Server, content: Content, tmp_path: Path
) -> None:
    axe = axe_source()
    answer_by_http(server, content, "1")  # someone else has already answered

    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    facilitator = desk.new_page()
    facilitator.goto(server.facilitator)
    assert text_of(facilitator, "#joined") == "1"
    facilitator.evaluate("window.notReloaded = true")

    phone_context = browser.new_context(**PHONE)
    phone = phone_context.new_page()
    console: list[str] = []
    for page in (phone, facilitator):
        page.on("console", lambda message: console.append(message.text))
    # no camera: the short code on the facilitator's screen, typed in
    code = json.loads((tmp_path / "ws" / ".coprod-workshop.json").read_text())["settings"]["code"]
    assert f"{code[:3]}-{code[3:]}" in text_of(facilitator, ".join")
    phone.goto(server.join.split("/j/")[0] + "/code")
    check_phone_page(phone, axe)
    phone.get_by_label("Workshop code").fill(f"{code[:3]}-{code[3:]}".lower())
    phone.get_by_role("button", name="Join").click()
    phone.wait_for_url(server.join)
    assert "not a grade" in text_of(phone, "main")
    check_phone_page(phone, axe)
    phone.get_by_label("Your name").fill("Robin")
    phone.get_by_text("Resident / citizen").click()
    phone.get_by_role("button", name="Start").click()

    # within about a second, without a reload, the facilitator's page counts Robin
    facilitator.wait_for_function(
        "() => document.getElementById('joined').textContent === '2'", timeout=5000
    )
    assert facilitator.evaluate("window.notReloaded") is True
    assert text_of(facilitator, "#status") == "2 joined, 1 finished"  # for screen readers

    phone.wait_for_url("**/criteria")
    check_phone_page(phone, axe)
    for fieldset in phone.locator("fieldset").all():
        fieldset.get_by_text("Yes", exact=True).click()
    phone.get_by_role("button", name="Next").click()
    for practice in content.practices:
        phone.wait_for_url(f"**/practice/{practice.id}")
        check_phone_page(phone, axe)
        phone.get_by_text("3 Mostly").click()
        if practice is content.practices[0]:
            phone.get_by_label("A note or evidence").fill("We met in the library <b>twice</b>.")
        phone.get_by_role("button", name="Next").click()
    phone.wait_for_url("**/reflections")
    check_phone_page(phone, axe)
    phone.get_by_label("Why is co-production needed here").fill("Residents know the estate.")
    phone.get_by_role("button", name="Finish").click()
    phone.wait_for_url("**/done")
    check_phone_page(phone, axe)
    assert "Your profile" in text_of(phone, "main")
    assert "75 (strong)" in text_of(phone, "main")

    facilitator.wait_for_function(
        "() => document.getElementById('finished').textContent === '2'", timeout=5000
    )
    assert facilitator.evaluate("window.notReloaded") is True
    facilitator.get_by_role("button", name="Reveal").click()
    facilitator.wait_for_selector("table.profile-table")
    assert "2 participants" in text_of(facilitator, "#live")
    facilitator.evaluate(axe)  # the projected page, at desktop width
    serious = facilitator.evaluate(
        "async () => (await axe.run()).violations.filter(v => ['serious', 'critical']"
        ".includes(v.impact)).map(v => v.id)"
    )
    assert serious == []
    facilitator.evaluate("window.notReloaded = true")
    answer_by_http(server, content, "4")  # a late joiner: the profile follows, live
    facilitator.wait_for_function(
        "() => document.getElementById('live').textContent.includes('3 participants')",
        timeout=5000,
    )
    assert facilitator.evaluate("window.notReloaded") is True

    assert not [m for m in console if "Content Security Policy" in m], console

    files = sorted((tmp_path / "ws").glob("participant-*.yaml"))
    robin = yaml.safe_load(files[1].read_text())
    assert robin["respondent"] == {"name": "Robin", "role": "resident"}
    assert robin["complete"] is True
    assert robin["ratings"] == {p.id: 3 for p in content.practices}
    assert robin["criteria"] == {c.id: "yes" for c in content.all_criteria()}
    assert robin["notes"] == {content.practices[0].id: "We met in the library <b>twice</b>."}
    desk.close()
    phone_context.close()


def test_everything_works_without_javascript(
    browser: Any, server: Server, content: Content, tmp_path: Path
) -> None:
    context = browser.new_context(java_script_enabled=False, **PHONE)
    phone = context.new_page()
    phone.goto(server.join)
    phone.get_by_role("button", name="Start").click()
    phone.wait_for_url("**/criteria")
    phone.get_by_role("button", name="Next").click()  # skipping is allowed
    first = content.practices[0]
    phone.wait_for_url(f"**/practice/{first.id}")
    phone.get_by_text("Don't know").click()
    phone.get_by_role("button", name="Back").click()
    phone.wait_for_url("**/criteria")
    data = yaml.safe_load(next((tmp_path / "ws").glob("participant-*.yaml")).read_text())
    assert data["ratings"] == {first.id: "dont_know"}

    desk = browser.new_context(java_script_enabled=False)
    facilitator = desk.new_page()
    facilitator.goto(server.facilitator)
    assert text_of(facilitator, "#joined") == "1"
    assert "needs at least two participants" in text_of(facilitator, "#live")
    answer_by_http(server, content, "2")
    facilitator.reload()
    assert text_of(facilitator, "#joined") == "2"
    facilitator.get_by_role("button", name="Reveal").click()
    facilitator.wait_for_selector("table.profile-table")
    context.close()
    desk.close()


def test_the_facilitator_page_at_phone_width(
    browser: Any, server: Server, content: Content
) -> None:
    answer_by_http(server, content, "1")
    answer_by_http(server, content, "3")
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server.facilitator)
    page.get_by_role("button", name="Reveal").click()
    page.wait_for_selector("table.profile-table")
    page.evaluate(axe_source())
    violations = page.evaluate(
        "async () => (await axe.run()).violations.filter(v => ['serious', 'critical']"
        ".includes(v.impact)).map(v => v.id)"
    )
    assert violations == []
    qr = page.locator("img.qr")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    assert server.join in text_of(page, ".join-url")
    context.close()


def test_the_html_export_is_styled_under_its_csp(
    browser: Any, server: Server, content: Content
) -> None:
    answer_by_http(server, content, "0")
    answer_by_http(server, content, "4")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(server.facilitator + "team.html")
    assert "team view" in page.title()
    # the inline style (allowed by its hash) applies: main is 50rem wide and centred
    assert page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") == "800px"
    assert page.locator("figure.chart svg").count() == 1
    assert not [m for m in console if "Content Security Policy" in m], console
    context.close()


def test_a_phone_switches_to_welsh_while_another_stays_in_english(
    browser: Any, server: Server
) -> None:
    axe = axe_source()
    welsh = browser.new_context(**PHONE).new_page()
    english = browser.new_context(**PHONE).new_page()
    for page in (welsh, english):
        page.goto(server.join)
    welsh.get_by_role("button", name="Cymraeg").click()
    welsh.wait_for_url(server.join)
    check_phone_page(welsh, axe, lang="cy")
    assert welsh.get_by_role("button", name="Cymraeg").get_attribute("aria-pressed") == "true"
    welsh.get_by_role("button", name="Dechrau").click()
    welsh.wait_for_url("**/criteria")
    check_phone_page(welsh, axe, lang="cy")
    assert text_of(welsh, ".step").startswith("Tudalen 2 o ")
    assert welsh.get_by_role("button", name="Nesaf").count() == 1
    # the other phone, meanwhile, in English
    english.reload()
    assert english.evaluate("document.documentElement.lang") == "en"
    english.get_by_role("button", name="Start").click()
    english.wait_for_url("**/criteria")
    assert text_of(english, ".step").startswith("Page 2 of ")
    check_phone_page(english, axe)
