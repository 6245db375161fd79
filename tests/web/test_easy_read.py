"""Easy read on the phones and the wall: a phone that taps Easy read meets easy-read
words on every page (the content from the easy-read pack, the interface from the
easy-read catalogue), while a phone in standard English at the same moment does not;
the wall is in easy read when the workshop runs in easy read."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from helpers.workshop import Phone, lang_app, make_workshop, projector

from coprod.core.models import Content
from coprod.storage.content import bundled_data_dir
from coprod.web.language import load_choices
from coprod.web.state import Workshop


@pytest.fixture(scope="module")
def contents() -> dict[str, Content]:
    return load_choices(bundled_data_dir())


def visible(html: str) -> str:
    """What a person reads: tags removed, entities read, spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def easy_phone(app: Any, workshop: Workshop) -> Phone:
    phone = Phone(app, workshop)
    response = phone.client.get(
        f"{phone.join}/language", params={"choice": "easy-read"}, follow_redirects=False
    )
    assert response.status_code == 303
    return phone


def test_the_welcome_page_and_what_you_bring_in_easy_read(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"])
    app = lang_app(workshop, contents)
    easy = visible(easy_phone(app, workshop).open().text)
    standard = visible(Phone(app, workshop).open().text)
    assert "These questions help you think about how your project works with people." in easy
    assert "This is not a test. There are no right answers." in easy
    assert "What the person running the workshop sees:" in easy
    # the six characteristics in plain words, not the report's
    assert "People who think carefully and know a lot about a subject." in easy
    assert "subject-specific expertise" not in easy and "city-regional" not in easy
    assert "under-represented" not in easy
    # a phone in standard English at the same time keeps the standard words
    assert "Welcome. This is a self-assessment" in standard
    assert "subject-specific expertise" in standard and "These questions help" not in standard


def test_every_page_a_resident_meets_is_in_easy_read(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"], mode="full")
    app = lang_app(workshop, contents)
    phone = easy_phone(app, workshop)
    assert phone.post("about", {"respondent_name": "Ann"}).status_code == 303
    criteria = visible(phone.get("criteria").text)
    assert "Is it a good time for co-production?" in criteria
    assert "Answer for the project as it is today. You can skip any question." in criteria
    practice = visible(phone.get("practice/openness").text)
    # the title stays the report's, marked as such, with what it means beside it
    assert "1. Designing for openness" in practice
    assert "The heading is in the report's words." in practice
    assert "This means: Set up the work so that people can still change things." in practice
    assert "Does not apply" in practice and "Not applicable" not in practice
    assert "I don't know" in practice
    assert "Anything else to say? You can add a note or an example." in practice
    assert "A note or evidence" not in practice
    assert "Some big decisions are left for us to make together." in practice
    reflections = visible(phone.get("reflections").text)
    assert "Two questions to think about" in reflections
    assert "Why is co-production the right way to do this work?" in reflections
    assert "rather than another approach" not in reflections
    phone.post("reflections", {})
    done = visible(phone.get("done").text)
    assert "Your answers are saved. Soon you will see the group's answers together." in done
    assert "Your scores" in done and "prompts for reflection" not in done


def test_the_standard_phone_keeps_the_reports_title_without_an_easy_read_line(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"], mode="full")
    app = lang_app(workshop, contents)
    phone = Phone(app, workshop)
    assert phone.post("about", {}).status_code == 303
    practice = visible(phone.get("practice/openness").text)
    assert "1. Designing for openness" in practice and "This means:" not in practice
    assert "Not applicable" in practice


def test_the_wall_is_in_easy_read_when_the_workshop_is(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    easy_workshop = make_workshop(tmp_path / "easy", contents["easy-read"])
    wall, path = projector(lang_app(easy_workshop, contents), easy_workshop)
    easy = visible(wall.get(f"{path}/").text)
    assert "Point its camera at the square code" in easy
    standard_workshop = make_workshop(tmp_path / "standard", contents["en"])
    wall, path = projector(lang_app(standard_workshop, contents), standard_workshop)
    standard = visible(wall.get(f"{path}/").text)
    assert "scan the QR code with its camera" in standard
    assert "Point its camera" not in standard


def test_a_phone_can_choose_welsh_easy_read(tmp_path: Path, contents: dict[str, Content]) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"], mode="full")
    app = lang_app(workshop, contents)
    phone = Phone(app, workshop)
    phone.client.get(f"{phone.join}/language", params={"choice": "cy-easy-read"})
    welcome = visible(phone.open().text)
    assert "Nid prawf yw hwn. Does dim atebion cywir." in welcome
    assert "Pobl sy’n meddwl yn ofalus ac yn gwybod llawer am bwnc." in welcome
    assert "drafft" in welcome.lower()  # marked draft, like the rest of the Welsh
    assert phone.post("about", {}).status_code == 303
    practice = visible(phone.get("practice/openness").text)
    assert "1. Dylunio ar gyfer bod yn agored" in practice
    assert "Mae’r pennawd yng ngeiriau’r adroddiad." in practice
    assert "Mae hyn yn golygu: Trefnwch y gwaith" in practice
    assert "Ddim yn berthnasol" in practice and "Amherthnasol" not in practice
