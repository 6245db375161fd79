"""Easy read on a phone: a picture left of each statement, question and heading."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

import pytest
from helpers.workshop import Phone, lang_app, make_workshop

from coprod import i18n
from coprod.core.models import Content
from coprod.i18n import labels
from coprod.storage.content import bundled_data_dir, load_content
from coprod.web.language import load_choices


@pytest.fixture(scope="module")
def contents() -> dict[str, Content]:
    return load_choices(bundled_data_dir())


def phone_in(choice: str, folder: Path, contents: dict[str, Content]) -> Phone:
    workshop = make_workshop(folder, contents["en"], mode="full")
    phone = Phone(lang_app(workshop, contents), workshop)
    phone.client.get(f"{phone.join}/language", params={"choice": choice})
    assert phone.post("about", {}).status_code == 303
    return phone


def pictured(html: str) -> list[tuple[str, str, str]]:
    """(picture id, alt, the words right of it) for each picture beside words, in order."""
    found = re.findall(
        r'<img class="picture" src="[^"]*/pictures/([a-z0-9-]+)\.svg" alt="([^"]*)"'
        r"[^>]*><span>([^<]*)</span>",
        html,
    )
    return [(p, html_module.unescape(alt), html_module.unescape(w)) for p, alt, w in found]


def test_easy_read_shows_a_picture_beside_each_question_and_the_heading(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    easy = contents["easy-read"]
    phone = phone_in("easy-read", tmp_path / "ws", contents)
    page = phone.get("criteria").text
    shown = pictured(page)
    heading, *questions = shown
    from coprod import i18n

    with i18n.override("en", easy_read=True):  # the heading in easy read's own words
        words = i18n._("When to co-produce?")
    assert heading == ("thinking", labels.picture_alt("thinking"), words)
    assert heading[1]  # a heading's picture has alt text in the page's language
    assert [(p, alt) for p, alt, _w in questions] == [(c.picture, "") for c in easy.all_criteria()]
    assert [w for _p, _a, w in questions] == [
        f"{n}. {c.question}" for n, c in enumerate(easy.all_criteria(), 1)
    ]
    practice = easy.practices[0]
    shown = pictured(phone.get(f"practice/{practice.id}").text)
    assert shown[0][:2] == (practice.picture, labels.picture_alt(practice.picture))
    assert [(p, w) for p, _a, w in shown[1:]] == [(s.picture, s.text) for s in practice.statements]


def test_welsh_easy_read_alt_text_is_welsh(tmp_path: Path, contents: dict[str, Content]) -> None:
    # coprod workshop --lang cy --easy-read: a phone that chooses nothing gets the workshop's
    welsh_easy = load_content(bundled_data_dir(), "cy-easy-read")
    workshop = make_workshop(tmp_path / "ws", welsh_easy, mode="full")
    phone = Phone(lang_app(workshop, contents), workshop)
    assert phone.post("about", {}).status_code == 303
    (heading, *_rest) = pictured(phone.get("criteria").text)
    with i18n.override("cy"):
        assert heading[1] == labels.picture_alt("thinking") != "A thinking face"


def test_standard_pages_show_no_pictures(tmp_path: Path, contents: dict[str, Content]) -> None:
    for choice in ("en", "cy"):
        phone = phone_in(choice, tmp_path / choice, contents)
        assert 'class="picture"' not in phone.get("criteria").text


def test_pictures_are_served_as_svg_that_can_run_nothing(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    phone = phone_in("easy-read", tmp_path / "ws", contents)
    served = phone.client.get(f"{phone.join}/pictures/thinking.svg")
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/svg+xml"
    assert served.headers["content-security-policy"].startswith("default-src 'none'")
    assert served.content.startswith(b"<svg")
    for wrong in ("no-such", "..%2Fpictures%2Fthinking", "Thinking"):
        assert phone.client.get(f"{phone.join}/pictures/{wrong}.svg").status_code == 404
    assert phone.client.get("/j/wrong-token/pictures/thinking.svg").status_code == 404
