"""A phone's "matters most" boxes in a real browser (Debian's chromium, Playwright): a
fourth mark is refused and unticked with the reason shown; a mark given while another
answer on the page is refused (a reason too long) is kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers.chromium import PHONE
from helpers.server import Server

from coprod.storage.content import load_content

pytestmark = [pytest.mark.chromium, pytest.mark.e2e, pytest.mark.timeout(240)]


@pytest.fixture
def server(riverside: Server) -> Server:
    return riverside


def answers(tmp_path: Path) -> dict[str, Any]:
    [path] = sorted((tmp_path / "ws").glob("participant-*.yaml"))
    data: dict[str, Any] = yaml.safe_load(path.read_text())
    return data


def test_a_fourth_mark_is_unticked_and_a_mark_beside_a_refused_reason_is_kept(
    browser: Any, server: Server, tmp_path: Path
) -> None:
    practices = [p.id for p in load_content().practices[:4]]
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.goto(server.join)
    phone.get_by_role("button", name="Start").click()
    phone.wait_for_url("**/criteria")

    def saved(check: Any) -> None:  # phone.js saves each choice as it is made
        for _ in range(50):
            if check(answers(tmp_path)):
                return
            phone.wait_for_timeout(100)
        raise AssertionError(answers(tmp_path))

    # the first page: a reason too long (refused), then the box ticked: the mark is kept
    phone.goto(server.join + f"practice/{practices[0]}")
    phone.get_by_text("Why?").click()
    phone.get_by_label("Why did you give this rating? (optional)").fill("x" * 300)
    box = phone.get_by_label("This matters most to me")
    box.check()
    saved(lambda a: a.get("matters_most") == [practices[0]])
    phone.wait_for_timeout(300)  # the refused reason's answer has come back
    assert box.is_checked()
    assert phone.locator("#matters-most-full").is_hidden()

    for key in practices[1:3]:  # the second and third marks
        phone.goto(server.join + f"practice/{key}")
        phone.get_by_label("This matters most to me").check()
        saved(lambda a, key=key: key in a.get("matters_most", []))

    phone.goto(server.join + f"practice/{practices[3]}")  # a fourth: refused
    fourth = phone.get_by_label("This matters most to me")
    fourth.check()
    phone.locator("#matters-most-full").wait_for(state="visible", timeout=5000)
    assert not fourth.is_checked()
    assert "3" in phone.locator("#matters-most-full").inner_text()
    assert answers(tmp_path)["matters_most"] == practices[:3]
    context.close()
