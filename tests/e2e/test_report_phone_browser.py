"""The HTML report on a 390 px phone in Chromium: the actions as a list, and --summary on
about one screen (issue 22, item 23). Skipped where Debian's ``chromium`` is absent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES

pytestmark = pytest.mark.chromium

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1}
ACTIONS = [
    {
        "id": "act-fixed",
        "text": "Write a 'fixed and open' note for everyone who joins",
        "practice": "openness",
        "owner": "Sam",
        "due": "2026-12-15",
        "status": "open",
    },
    {
        "id": "act-pay",
        "text": "Agree how participants are paid for their time",
        "practice": "expertise",
        "owner": "Jo",
        "status": "in-progress",
    },
]


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    data = yaml.safe_load((FIXTURES / "full.yaml").read_text(encoding="utf-8"))
    data["actions"] = ACTIONS
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def page_at_390(browser: Any, invoke: Any, answers: Path, *options: str) -> Any:
    target = answers.with_name(f"report{len(options)}.html")
    result = invoke("report", str(answers), "-o", str(target), *options)
    assert result.exit_code == 0, result.stderr
    page = browser.new_context(**PHONE).new_page()
    page.goto(target.as_uri())
    return page


def test_actions_read_as_a_list_at_390_px(browser: Any, invoke: Any, answers: Path) -> None:
    page = page_at_390(browser, invoke, answers)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    cards = page.evaluate(
        """() => [...document.querySelectorAll('table.stack tbody tr')].map(tr => ({
            display: getComputedStyle(tr).display,
            right: tr.getBoundingClientRect().right,
            cells: [...tr.cells].map(td => ({
                text: td.innerText,
                label: getComputedStyle(td, '::before').content,
                right: td.getBoundingClientRect().right,
                top: td.getBoundingClientRect().top,
            })),
        }))"""
    )
    assert len(cards) == 2
    first = cards[0]
    assert first["display"] == "block" and first["right"] <= 390
    texts = [cell["text"] for cell in first["cells"]]
    assert texts == [
        ACTIONS[0]["text"],
        "Designing for openness",
        "Sam",
        "2026-12-15",
        "not started",
    ]
    # one cell a line, each after its column's name, none cut off at the screen's edge
    tops = [cell["top"] for cell in first["cells"]]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    assert [cell["label"] for cell in first["cells"][1:]] == [
        '"Practice: "',
        '"Owner: "',
        '"Due: "',
        '"Status: "',
    ]
    assert all(cell["right"] <= 390 for cell in first["cells"])


def test_summary_fits_in_a_few_screens_where_the_report_runs_to_dozens(
    browser: Any, invoke: Any, answers: Path
) -> None:
    full = page_at_390(browser, invoke, answers)
    summary = page_at_390(browser, invoke, answers, "--summary")
    full_height = full.evaluate("document.documentElement.scrollHeight")
    height = summary.evaluate("document.documentElement.scrollHeight")
    assert height * 5 < full_height, (height, full_height)
    assert summary.evaluate("document.documentElement.scrollWidth") <= 390
    # the first screen says the verdict and where to start
    for text in ("Conditions look favourable for co-production.", "Start with"):
        top = summary.get_by_text(text, exact=False).first.bounding_box()["y"]
        assert top < 844, text
    assert summary.get_by_text(ACTIONS[1]["text"]).is_visible()
