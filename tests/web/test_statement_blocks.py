"""A practice page's statements are made once for the room and reused (coprod.web.pages):
each phone still sees only its own ratings, reasons and marks, in its own language, and
what one phone typed is never shown on another's page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.workshop import Phone, lang_app, make_workshop

from coprod.core.models import Content, Practice
from coprod.storage.content import bundled_data_dir
from coprod.web.language import load_choices


@pytest.fixture(scope="module")
def contents() -> dict[str, Content]:
    return load_choices(bundled_data_dir())


def checked(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<input type="radio" name="([^"]+)" value="([^"]+)" checked>', html)


def two_phones(tmp_path: Path, contents: dict[str, Content]) -> tuple[Practice, Phone, Phone]:
    """A full workshop in English with two phones past the welcome page: the first
    practice, and the phones (Ann's and Ben's)."""
    workshop = make_workshop(tmp_path / "ws", contents["en"], mode="full")
    app = lang_app(workshop, contents)
    ann, ben = Phone(app, workshop), Phone(app, workshop)
    for phone in (ann, ben):
        assert phone.post("about", {"respondent_name": ""}).status_code == 303
    return contents["en"].practices[0], ann, ben


def test_each_phone_sees_its_own_answers_on_a_page_others_answered(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    practice, ann, ben = two_phones(tmp_path, contents)
    first, second = practice.statements[0].id, practice.statements[1].id
    slug = f"practice/{practice.id}"
    assert ben.get(slug).status_code == 200  # the blank page, made before Ann answers
    answered = ann.post(
        slug,
        {
            first: "4",
            f"{first}.why": "Ann's own reason",
            "matters_most": first,
            "matters_most_asked": "1",  # the page's own hidden field
            second: "na",
        },
    )
    assert answered.status_code == 303
    ann_page, ben_page = ann.get(slug).text, ben.get(slug).text
    assert checked(ann_page) == [(first, "4"), (second, "na")]
    assert "Ann&#39;s own reason" in ann_page
    assert f'value="{first}" checked' in ann_page  # matters most to Ann
    assert checked(ben_page) == []
    assert "Ann" not in ben_page and " checked" not in ben_page
    # the same answers give the same statement as a page made afresh would show it
    ben.post(slug, {first: "4", "matters_most": first, "matters_most_asked": "1"})
    assert checked(ben.get(slug).text)[0] == (first, "4")


def test_what_a_phone_typed_and_was_refused_is_shown_to_it_alone(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    practice, ann, ben = two_phones(tmp_path, contents)
    first = practice.statements[0].id
    slug = f"practice/{practice.id}"
    too_long = "Ann wrote this " + "x" * 300
    refused = ann.post(slug, {first: "2", f"{first}.why": too_long})
    assert refused.status_code == 422
    assert too_long in refused.text and 'aria-invalid="true"' in refused.text
    assert too_long not in ben.get(slug).text and "aria-invalid" not in ben.get(slug).text


def test_each_phone_gets_the_statements_in_its_own_language(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"], mode="full")
    app = lang_app(workshop, contents)
    join = f"/j/{workshop.settings.join_token}"
    practice = contents["en"].practices[0]
    pages = {}
    for choice in ("en", "cy", "en"):  # English again after Welsh: nothing carried over
        phone = Phone(app, workshop)
        phone.client.get(f"{join}/language", params={"choice": choice})
        phone.post("about", {"respondent_name": ""})
        pages.setdefault(choice, []).append(phone.get(f"practice/{practice.id}").text)
    welsh = contents["cy"].practices[0].statements[0].text
    english = practice.statements[0].text
    assert welsh != english
    assert welsh in pages["cy"][0] and english not in pages["cy"][0]
    assert all(english in page and welsh not in page for page in pages["en"])
