"""A pack may name its own pictures; an id that names none is refused with file and line."""

from __future__ import annotations

from pathlib import Path

from coprod import pictures
from coprod.storage.content import load_content_uncached

OWN = """\
practices:
  - id: openness
    picture: our-door
    statements:
      - id: openness-1
        text: Some big decisions are ours.
        picture: {picture}
"""

META = """\
name: easy-read
language: en
easy_read: true
title: A test pack
description: For the tests.
content_version: 2
status: draft
"""


def make_pack(data: Path, practices: str) -> Path:
    """``packs/easy-read`` holding only ``practices`` (and its meta)."""
    import shutil

    folder = data / "packs" / "easy-read"
    shutil.rmtree(folder)
    folder.mkdir()
    (folder / "meta.yaml").write_text(META)
    (folder / "practices.yaml").write_text(practices)
    return folder


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>\n'


def test_a_pack_names_its_own_pictures(invoke, data_copy: Path) -> None:
    folder = make_pack(data_copy, OWN.format(picture="vote"))
    (folder / "pictures").mkdir()
    (folder / "pictures" / "our-door.svg").write_text(SVG)
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 0, result.output
    assert "picture" not in result.stderr  # leaving a picture to the original is no fallback
    content = load_content_uncached(data_copy, "easy-read")
    practice = content.practice("openness")
    assert practice.picture == "our-door" and practice.statements[0].picture == "vote"
    assert practice.statements[1].picture == "list"  # the original's
    assert pictures.path("our-door", content.pictures_folder) == folder / "pictures/our-door.svg"
    assert pictures.path("our-door") is None  # only that pack has it


def test_an_unknown_picture_is_refused_with_file_and_line(invoke, data_copy: Path) -> None:
    folder = make_pack(data_copy, OWN.format(picture="no-such"))
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 2
    assert f"{folder / 'practices.yaml'}:3" in result.stderr  # our-door: no pictures/ folder
    assert f"{folder / 'practices.yaml'}:7" in result.stderr
    assert "'no-such'" in result.stderr and "Traceback" not in result.output


def test_the_original_content_names_only_known_pictures(invoke, data_copy: Path) -> None:
    practices = data_copy / "practices.yaml"
    text = practices.read_text()
    practices.write_text(text.replace("picture: open-door", "picture: open-doors", 1))
    line = text[: text.index("picture: open-door")].count("\n") + 1
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 2
    assert f"{practices}:{line}" in result.stderr and "'open-doors'" in result.stderr
