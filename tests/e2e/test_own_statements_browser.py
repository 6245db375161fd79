"""The group's own statement, end to end in a real browser (Debian's chromium, Playwright).

The facilitator adds a statement on the console while the room answers; three phones rate it
0, 2 and 4, say why and mark it as mattering most; after Reveal, the wall's "Where we see it
differently" slide shows it with each reason beside its rating, and no one's name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers.chromium import PHONE
from helpers.server import Server

pytestmark = [pytest.mark.chromium, pytest.mark.e2e, pytest.mark.timeout(240)]

STATEMENT = "Residents' ideas change what the council does."
PHONES = [
    ("Amira Khan", "0", "Nothing we said was used."),
    ("Dev Patel", "2", ""),
    ("Jo Baines", "4", "The bus route changed."),
]


@pytest.fixture
def server(riverside: Server) -> Server:
    return riverside


def test_an_own_statement_added_on_the_console_is_rated_and_split_on_the_wall(
    browser: Any, server: Server, tmp_path: Path
) -> None:
    desk = browser.new_context(viewport={"width": 1280, "height": 800})
    console = desk.new_page()
    console.goto(server.facilitator)
    console.get_by_label("A statement to add").fill(STATEMENT)
    console.get_by_label("The practice it goes with (optional)").select_option("voice-values")
    console.get_by_role("button", name="Add the statement").click()
    console.wait_for_url("**/?added=*")
    assert f"Added: {STATEMENT}" in console.locator("#own").inner_text()
    kept = yaml.safe_load((tmp_path / "ws" / ".coprod-statements.yaml").read_text())
    [statement] = kept["statements"]
    key = statement["id"]

    phones = []
    for name, rating, why in PHONES:
        context = browser.new_context(**PHONE)
        phone = context.new_page()
        phone.goto(server.join)
        phone.get_by_label("Your name (optional").fill(name)
        phone.get_by_role("button", name="Start").click()
        phone.wait_for_url("**/criteria")
        phone.goto(server.join + "own")  # the page the statement is on
        assert phone.locator("h1").inner_text() == "Our own statements"
        group = phone.locator(f"fieldset#{key}")
        assert STATEMENT in group.inner_text()
        group.locator(f"input[value='{rating}']").check()
        if why:
            phone.get_by_text("Why?").click()  # closed until tapped
            phone.get_by_label("Why did you give this rating? (optional)").fill(why)
        phone.get_by_text("This matters most to me").click()
        phone.get_by_role("button", name="Next").click()
        phone.wait_for_url("**/reflections")
        phones.append(context)

    answers = [
        yaml.safe_load(p.read_text()) for p in sorted((tmp_path / "ws").glob("participant-*.yaml"))
    ]
    assert sorted(a["ratings"][key] for a in answers) == [0, 2, 4]
    assert all(a["matters_most"] == [key] for a in answers)
    assert all(a["own_statements"] == [statement] for a in answers)

    console.goto(server.facilitator)
    console.get_by_role("button", name="Reveal").click()
    console.get_by_role("button", name="Where we see it differently").click()
    wall = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    wall.goto(server.projector)
    wall.wait_for_function(
        "() => document.querySelector('#slide-heading').textContent === 'Where we see it differently'",
        timeout=5000,
    )
    text = wall.locator("main").inner_text()
    assert f"{STATEMENT} (" in text and "rated by 3" in text
    assert "rated 0 Not at all: “Nothing we said was used.”" in text
    assert "rated 4 Fully: “The bus route changed.”" in text
    for name, _rating, _why in PHONES:
        assert name not in text
    wall.context.close()
    for context in phones:
        context.close()
    desk.close()
