"""Easy read's pictures: one beside every point, each shipped, safe, credited and licensed."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from coprod import pictures
from coprod.core.models import Content
from coprod.i18n import labels
from coprod.storage.content import bundled_data_dir, load_content


@pytest.mark.parametrize("pack", [None, "easy-read", "cy-easy-read"])
def test_every_statement_criterion_and_practice_has_a_picture_that_ships(pack: str | None) -> None:
    content = load_content(bundled_data_dir(), pack)
    items = [
        *content.practices,
        *(s for _p, s in content.statements()),
        *content.all_criteria(),
    ]
    missing = [item.id for item in items if not item.picture]
    assert not missing
    absent = [item.id for item in items if pictures.path(str(item.picture)) is None]
    assert not absent


def test_every_heading_picture_ships_and_has_alt_text() -> None:
    content = load_content(bundled_data_dir())
    headings = [*pictures.PAGE_PICTURES.values(), *(p.picture for p in content.practices)]
    for picture in headings:
        assert picture in pictures.shipped()
        assert labels.picture_alt(picture), picture  # the words beside a heading are short


def test_only_the_pictures_the_content_names_ship() -> None:
    content = load_content(bundled_data_dir())
    used = {
        *pictures.PAGE_PICTURES.values(),
        *(p.picture for p in content.practices),
        *(s.picture for _p, s in content.statements()),
        *(c.picture for c in content.all_criteria()),
    }
    assert pictures.shipped() == used


def test_shipped_pictures_are_plain_svg_that_run_and_fetch_nothing() -> None:
    for picture in pictures.shipped():
        svg = (pictures.FOLDER / f"{picture}.svg").read_text(encoding="utf-8")
        assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>"), picture
        assert not re.search(r"<script|\son\w+\s*=|<foreignObject", svg, re.I), picture
        assert not re.search(r"(?:href|src)\s*=\s*\"(?!#)", svg), picture  # nothing fetched


def test_the_licence_and_the_sources_ship_inside_the_package() -> None:
    folder = files("coprod.pictures")
    licence = folder.joinpath("LICENSE").read_text(encoding="utf-8")
    assert "Attribution-ShareAlike 4.0 International" in licence
    sources = folder.joinpath("SOURCES.tsv").read_text(encoding="utf-8")
    listed = {line.split("\t")[0] for line in sources.splitlines() if not line.startswith("#")}
    assert listed == set(pictures.shipped())  # each picture's OpenMoji code is on record
    assert "OpenMoji" in pictures.ATTRIBUTION and "CC BY-SA 4.0" in pictures.ATTRIBUTION


def test_about_credits_the_pictures(invoke) -> None:
    shown = invoke("about").stdout
    assert "OpenMoji" in " ".join(shown.split()) and "CC BY-SA 4.0" in " ".join(shown.split())


def test_the_easy_read_content_knows_it_is_easy_read(content: Content) -> None:
    assert not content.easy_read
    assert load_content(bundled_data_dir(), "easy-read").easy_read
