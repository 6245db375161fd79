"""coprod workshop in English, Welsh and easy read: each phone chooses on the welcome
page (a GET form, no JavaScript); the answers files stay language-free."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers.workshop import Phone, answer_quick, html_lang, lang_app, make_workshop
from markupsafe import escape

from coprod.core.models import Content
from coprod.storage.content import bundled_data_dir
from coprod.web.language import load_choices


@pytest.fixture(scope="module")
def contents() -> dict[str, Content]:
    return load_choices(bundled_data_dir())


def choose(phone: Phone, choice: str) -> Any:
    response = phone.client.get(
        f"{phone.join}/language", params={"choice": choice}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"{phone.join}/"
    return response


def test_the_welcome_page_has_the_switch(tmp_path: Path, contents: dict[str, Content]) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"])
    page = Phone(lang_app(workshop, contents), workshop).open()
    assert page.status_code == 200
    form = re.search(r'<form method="get" action="([^"]+)"[^>]*>(.*?)</form>', page.text, re.S)
    assert form, "no language form on the welcome page"
    assert form.group(1) == f"/j/{workshop.settings.join_token}/language"
    buttons = re.findall(r'name="choice" value="([^"]+)" lang="([^"]+)"[^>]*>([^<]+)<', form[2])
    assert buttons == [
        ("en", "en", "English"),
        ("cy", "cy", "Cymraeg"),
        ("easy-read", "en", "Easy read"),
        ("cy-easy-read", "cy", "Hawdd ei ddeall"),
    ]
    assert html_lang(page.text) == "en"


def test_welsh_on_one_phone_leaves_another_in_english(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    english, welsh = contents["en"], contents["cy"]
    workshop = make_workshop(tmp_path / "ws", english, mode="full")
    app = lang_app(workshop, contents)
    phone_cy, phone_en = Phone(app, workshop), Phone(app, workshop)
    cookie = choose(phone_cy, "cy").headers["set-cookie"]
    assert f"Path={phone_cy.join}" in cookie  # this phone only

    welcome_cy, welcome_en = phone_cy.open(), phone_en.open()
    assert html_lang(welcome_cy.text) == "cy" and html_lang(welcome_en.text) == "en"
    draft = welsh.pack.draft_line if welsh.pack else None
    assert draft and str(escape(draft)) in welcome_cy.text
    assert str(escape(draft)) not in welcome_en.text

    practice = english.practices[0]
    for phone in (phone_cy, phone_en):
        assert phone.post("about", {}).status_code == 303
    page_cy, page_en = (
        phone_cy.get(f"practice/{practice.id}"),
        phone_en.get(f"practice/{practice.id}"),
    )
    assert html_lang(page_cy.text) == "cy" and html_lang(page_en.text) == "en"
    cy_statements = welsh.practices[0].statements
    en_statements = practice.statements
    assert cy_statements[0].text != en_statements[0].text
    for cy_s, en_s in zip(cy_statements, en_statements, strict=True):
        assert str(escape(cy_s.text)) in page_cy.text
        assert str(escape(en_s.text)) in page_en.text
        assert str(escape(en_s.text)) not in page_cy.text
    # the same field names on both phones
    names = re.findall(r'<input type="radio" name="([^"]+)"', page_cy.text)
    assert names == re.findall(r'<input type="radio" name="([^"]+)"', page_en.text)


def test_an_unknown_choice_changes_nothing(tmp_path: Path, contents: dict[str, Content]) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"])
    phone = Phone(lang_app(workshop, contents), workshop)
    assert "set-cookie" not in choose(phone, "klingon").headers
    assert html_lang(phone.open().text) == "en"


def test_answers_in_welsh_and_english_are_the_same_ids_and_team_reads_both(
    tmp_path: Path, contents: dict[str, Content], invoke: Any
) -> None:
    english = contents["en"]
    folder = tmp_path / "ws"
    workshop = make_workshop(folder, english)
    app = lang_app(workshop, contents)
    phone_cy, phone_en = Phone(app, workshop), Phone(app, workshop)
    choose(phone_cy, "cy")
    answer_quick(phone_cy, contents["cy"], rating="4")
    answer_quick(phone_en, english, rating="4")
    assert html_lang(phone_cy.get("done").text) == "cy"
    files = sorted(folder.glob("*.yaml"))
    assert len(files) == 2
    first, second = (yaml.safe_load(f.read_text()) for f in files)
    assert first["ratings"] == second["ratings"] == {p.id: 4 for p in english.practices}
    assert first["criteria"] == second["criteria"]

    team = invoke("team", *map(str, files), "--format", "json")
    assert team.exit_code == 0, team.output
    view = json.loads(team.stdout)
    assert [p["id"] for p in view["practices"]] == [p.id for p in english.practices]
