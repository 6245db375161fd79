"""The session plan and the room view in Chromium: A4 print length, nothing overflows a phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES

pytestmark = pytest.mark.chromium

TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]


def _pdf_page_count(data: bytes) -> int:
    kids = re.search(rb"/Type\s*/Pages.*?/Kids\s*\[([^\]]*)\]", data, re.S)
    assert kids, "no page tree"
    return len(re.findall(rb"(\d+) 0 R", kids[1]))


def _group(tmp_path: Path) -> list[Path]:
    """The three team files, with what each brings and an open action each."""
    paths = []
    for i, (source, brings) in enumerate(
        zip(TEAM, [["analysis", "reach"], ["roots"], ["experience"]], strict=True)
    ):
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data["respondent"] = {**(data.get("respondent") or {}), "brings": brings}
        data["actions"] = [
            {
                "id": f"act-{i}",
                "text": f"Ask the residents' forum about venue {i}",
                "due": "2027-01-15",
            }
        ]
        path = tmp_path / source.name
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("minutes", ["60", "180"])
@pytest.mark.parametrize("who", ["group", "one person"])
def test_agenda_prints_on_one_or_two_a4_pages(cdp_browser, invoke, tmp_path, minutes, who):  # type: ignore[no-untyped-def]
    page = tmp_path / "session.html"
    files = _group(tmp_path) if who == "group" else [FIXTURES / "full.yaml"]
    result = invoke("agenda", *map(str, files), "--minutes", minutes, "-o", str(page))
    assert result.exit_code == 0, result.output
    cdp_browser.open(page, 1280, 900)
    assert 1 <= _pdf_page_count(cdp_browser.pdf()) <= 2


def test_room_team_and_agenda_fit_a_phone(cdp_browser, invoke, tmp_path):  # type: ignore[no-untyped-def]
    files = list(map(str, _group(tmp_path)))
    for name, args in {
        "room": ["room", *files],
        "agenda": ["agenda", *files],
        "team": ["team", *files],
    }.items():
        page = tmp_path / f"{name}.html"
        assert invoke(*args, "-o", str(page)).exit_code == 0
        cdp_browser.open(page, 390, 844)
        assert cdp_browser.evaluate("document.documentElement.scrollWidth") <= 390, name
