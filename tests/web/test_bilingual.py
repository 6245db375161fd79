"""A bilingual room (``coprod workshop --lang cy+en``): the wall and the console in Welsh
first, then English, interface and content alike; each phone keeps its own language."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from helpers.workshop import (
    Phone,
    answer_quick,
    facilitator,
    html_lang,
    lang_app,
    make_workshop,
    projector,
)

from coprod import i18n
from coprod.core.models import Content
from coprod.core.packs.bilingual import bilingual_content
from coprod.i18n import _, ngettext
from coprod.storage.content import bundled_data_dir, load_content
from coprod.web.language import load_choices
from coprod.web.state import Workshop


@pytest.fixture(scope="module")
def contents() -> dict[str, Content]:
    return load_choices(bundled_data_dir())


def cy(message: str) -> str:
    with i18n.override("cy"):
        return _(message)


SINGULAR = "%(gap)s point apart:"
PLURAL = "%(gap)s points apart:"


def test_a_bilingual_string_is_welsh_then_english() -> None:
    with i18n.override("cy+en"):
        assert _("Next") == f"{cy('Next')} / Next" and cy("Next") != "Next"
        assert i18n.language() == "cy" and i18n.second_language() == "en"
        many = ngettext(SINGULAR, PLURAL, 2)
        with i18n.override("cy"):
            welsh = ngettext(SINGULAR, PLURAL, 2)
        assert many == f"{welsh} / {PLURAL}" and welsh != PLURAL
        assert (many % {"gap": 2}).endswith(" / 2 points apart:")
    assert _("Next") == "Next" and i18n.second_language() is None


def bilingual_room(folder: Path, contents: dict[str, Content]) -> tuple[Workshop, Any]:
    """A quick workshop as ``coprod workshop --lang cy+en`` serves it, with three answers."""
    welsh, english = contents["cy"], load_content(bundled_data_dir())
    workshop = make_workshop(folder, bilingual_content(welsh, english))
    app = lang_app(workshop, contents, language="cy+en", phones=welsh)
    for rating in ("1", "3", "4"):
        answer_quick(Phone(app, workshop), welsh, rating=rating)
    return workshop, app


def test_the_wall_and_the_console_show_both_languages_welsh_first(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    workshop, app = bilingual_room(tmp_path / "ws", contents)
    client, base = facilitator(app, workshop)
    console = html.unescape(client.get(f"{base}/").text)
    assert html_lang(console) == "cy"
    assert f"{cy('Reveal')} / Reveal" in console
    assert client.post(f"{base}/reveal", data={"show": "show"}).status_code == 200
    assert client.post(f"{base}/wall", data={"slide": "profile"}).status_code == 200
    wall_client, wall = projector(app, workshop)
    page = html.unescape(wall_client.get(f"{wall}/").text)
    assert html_lang(page) == "cy"
    title = "The group's practice profile"
    assert f"{cy(title)} / {title}" in page  # the slide's title: an interface string
    welsh, english = contents["cy"].practices[0], contents["en"].practices[0]
    assert welsh.name != english.name
    assert f"{welsh.name} / {english.name}" in page  # the content: Welsh, then English
    console = html.unescape(client.get(f"{base}/").text)
    assert f"{welsh.name} / {english.name}" in console


def test_phones_keep_their_own_language(tmp_path: Path, contents: dict[str, Content]) -> None:
    workshop, app = bilingual_room(tmp_path / "ws", contents)
    welsh_phone = Phone(app, workshop)  # no choice made: the first language, alone
    page = html.unescape(welsh_phone.open().text)
    assert html_lang(page) == "cy" and cy("Start") in page and " / Start" not in page
    english_phone = Phone(app, workshop)
    english_phone.client.get(f"{english_phone.join}/language", params={"choice": "en"})
    page = html.unescape(english_phone.open().text)
    assert html_lang(page) == "en" and ">Start<" in page and cy("Start") not in page
    assert english_phone.post("about", {}).status_code == 303
    practice = html.unescape(english_phone.get("practice/openness").text)
    assert contents["en"].practices[0].name in practice
    assert contents["cy"].practices[0].name not in practice


def test_the_same_language_twice_is_refused(invoke) -> None:
    result = invoke("workshop", "--lang", "cy+cy", "--project", "X")
    assert result.exit_code == 2
    assert "cy+cy" in result.stderr and "Traceback" not in result.output


def test_both_languages_at_once_are_for_the_workshop_only(invoke) -> None:
    result = invoke("--lang", "cy+en", "practices")
    assert result.exit_code == 2
    assert "cy+en" in result.stderr and "workshop" in result.stderr
