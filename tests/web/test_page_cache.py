"""A page is made once for the same values and served again (coprod.web.page_cache): only
while nothing it shows differs, never across languages, never a refused page, and each
page is given only the answers it shows."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from helpers.workshop import Phone, lang_app, make_workshop
from markupsafe import Markup

from coprod import i18n
from coprod.core.models import Content
from coprod.storage.content import bundled_data_dir
from coprod.web.language import load_choices
from coprod.web.page_cache import PageCache, freeze


class Counted:
    """A template environment whose one page shows how often it has been made."""

    def __init__(self) -> None:
        self.made = 0
        self.env = jinja2.Environment(
            loader=jinja2.DictLoader({"page.html": "{{ value }} made {{ made() }}"}),
            autoescape=True,
        )
        self.env.globals["made"] = self.tick

    def tick(self) -> int:
        self.made += 1
        return self.made


def body(response: object) -> str:
    return bytes(response.body).decode()  # type: ignore[attr-defined]


def test_the_same_values_give_the_page_made_the_first_time() -> None:
    counted = Counted()
    pages = PageCache(counted.env)
    assert body(pages.render("page.html", {"value": "a"})) == "a made 1"
    assert body(pages.render("page.html", {"value": "a"})) == "a made 1"
    assert body(pages.render("page.html", {"value": "b"})) == "b made 2"
    assert counted.made == 2


def test_values_a_page_shows_differently_are_different_pages() -> None:
    counted = Counted()
    pages = PageCache(counted.env)
    shown = [
        body(pages.render("page.html", {"value": value}))
        for value in (1, True, 1.0, "1", Markup("<b>1</b>"), "<b>1</b>", [1], (1,), {"1": 1})
    ]
    assert counted.made == len(shown)  # none taken for another
    assert shown[4].startswith("<b>1</b>") and shown[5].startswith("&lt;b&gt;")
    assert freeze({"a": [1, {"b": None}]}) == freeze({"a": [1, {"b": None}]})


def test_a_page_in_another_language_is_made_in_that_language() -> None:
    counted = Counted()
    pages = PageCache(counted.env)
    pages.render("page.html", {"value": "a"})
    with i18n.override("cy"):
        pages.render("page.html", {"value": "a"})
    with i18n.override("en", easy_read=True):
        pages.render("page.html", {"value": "a"})
    assert counted.made == 3


def test_a_refused_page_or_one_given_a_function_is_made_every_time() -> None:
    counted = Counted()
    pages = PageCache(counted.env)
    for _ in range(2):
        pages.render("page.html", {"value": "typed"}, status=422)
        pages.render("page.html", {"value": print})
    assert counted.made == 4
    assert pages.render("page.html", {"value": "typed"}, status=422).status_code == 422


def test_only_the_pages_served_most_recently_are_kept() -> None:
    counted = Counted()
    pages = PageCache(counted.env, size=2)
    for value in ("a", "b", "a", "c", "a", "b"):  # b was the least recent when c came
        pages.render("page.html", {"value": value})
    assert counted.made == 4


# --- the workshop's pages ---------------------------------------------------------------


@pytest.fixture(scope="module")
def contents() -> dict[str, Content]:
    return load_choices(bundled_data_dir())


def checked(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<input type="radio" name="([^"]+)" value="([^"]+)" checked>', html)


def ann_and_ben(folder: Path, contents: dict[str, Content]) -> tuple[Phone, Phone]:
    """Two phones in a full workshop in English, with the language switch."""
    workshop = make_workshop(folder, contents["en"], mode="full")
    app = lang_app(workshop, contents)
    return Phone(app, workshop), Phone(app, workshop)


def test_a_practice_page_shows_that_practices_answers_alone(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    """Ann and Ben answer the first practice alike and the second differently: each
    sees the same first page, and their own second page."""
    content = contents["en"]
    ann, ben = ann_and_ben(tmp_path / "ws", contents)
    one, two = content.practices[0], content.practices[1]
    for phone, rating in ((ann, "1"), (ben, "4")):
        phone.post("about", {"respondent_name": ""})
        phone.post("criteria", {c.id: "yes" for c in content.all_criteria()})
        phone.post(f"practice/{one.id}", {one.statements[0].id: "2", "note": "Same note"})
        phone.post(f"practice/{two.id}", {two.statements[0].id: rating})
    first = [phone.get(f"practice/{one.id}").text for phone in (ann, ben)]
    assert first[0] == first[1]
    assert checked(first[0]) == [(one.statements[0].id, "2")] and "Same note" in first[0]
    assert checked(ann.get(f"practice/{two.id}").text) == [(two.statements[0].id, "1")]
    assert checked(ben.get(f"practice/{two.id}").text) == [(two.statements[0].id, "4")]
    # the criteria page: each phone's own answers, then one of them changed
    ben.post("criteria", {content.all_criteria()[0].id: "no"})
    assert checked(ann.get("criteria").text)[0] == (content.all_criteria()[0].id, "yes")
    assert checked(ben.get("criteria").text)[0] == (content.all_criteria()[0].id, "no")


def test_each_phone_sees_its_own_name_on_the_about_page(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    ann, ben = ann_and_ben(tmp_path / "ws", contents)
    ann.post("about", {"respondent_name": "Ann", "respondent_role": "resident"})
    ben.post("about", {"respondent_name": "Ben", "respondent_role": "officer"})
    ann_page, ben_page = ann.get("about").text, ben.get("about").text
    assert 'value="Ann"' in ann_page and "Ben" not in ann_page
    assert 'value="Ben"' in ben_page and "Ann" not in ben_page
    assert 'value="resident" checked' in ann_page and 'value="officer" checked' in ben_page
