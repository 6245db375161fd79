"""On the phones (issue 22, item 20): the chosen language shows as chosen, and a draft
translation says so once, on the welcome page, not at the top of every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.workshop import Phone, lang_app, make_workshop
from markupsafe import escape

from coprod.core.models import Content
from coprod.storage.content import bundled_data_dir
from coprod.web.language import load_choices


@pytest.fixture(scope="module")
def contents() -> dict[str, Content]:
    return load_choices(bundled_data_dir())


def selected(html: str) -> list[str]:
    """The switch's buttons that say they are the current choice."""
    return re.findall(r'value="([^"]+)"[^>]*aria-pressed="true" aria-current="true"', html)


def test_the_language_in_use_shows_as_chosen(tmp_path: Path, contents: dict[str, Content]) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"])
    phone = Phone(lang_app(workshop, contents), workshop)
    assert selected(phone.open().text) == ["en"]  # before any choice: the workshop's own
    phone.client.get(f"{phone.join}/language", params={"choice": "cy"})
    welcome = phone.open().text
    assert selected(welcome) == ["cy"]
    # every other choice on the switch is shown as not chosen
    assert welcome.count('aria-pressed="false"') == welcome.count("aria-pressed=") - 1 >= 2


def test_a_welsh_workshop_shows_cymraeg_as_chosen(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["cy"])
    phone = Phone(lang_app(workshop, contents), workshop)
    assert selected(phone.open().text) == ["cy"]


def test_the_draft_notice_shows_on_the_welcome_page_only(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    welsh = contents["cy"]
    draft = welsh.pack.draft_line if welsh.pack else None
    assert draft, "the Welsh pack is a draft"
    workshop = make_workshop(tmp_path / "ws", contents["en"], mode="quick")
    phone = Phone(lang_app(workshop, contents), workshop)
    phone.client.get(f"{phone.join}/language", params={"choice": "cy"})
    assert str(escape(draft)) in phone.open().text
    started = phone.post("about", {"respondent_role": "officer"})
    assert started.status_code == 303, started.text
    seen = 0
    for slug in ["criteria", *(f"practice/{p.id}" for p in welsh.practices), "reflections"]:
        page = phone.get(slug)
        assert page.status_code == 200, slug
        assert 'lang="cy"' in page.text
        seen += 1
        assert str(escape(draft)) not in page.text, slug
    assert seen == 2 + len(welsh.practices)
    assert str(escape(draft)) in phone.get("about").text  # the first page keeps it
