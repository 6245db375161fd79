"""storage.packs: which packs a folder has, reading one, and its part of the cache key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coprod.errors import CoprodError
from coprod.storage.packs import available_packs, choose_pack, pack_fingerprint, read_pack


def test_a_pack_is_a_folder_with_a_meta_file(data_copy: Path) -> None:
    (data_copy / "packs" / "empty").mkdir()
    assert "empty" not in available_packs(data_copy)
    assert {"cy", "easy-read"} <= set(available_packs(data_copy))
    assert available_packs(data_copy / "packs" / "cy") == []  # no packs/ inside


def test_choosing_welsh_easy_read_falls_back_to_welsh(data_copy: Path) -> None:
    shutil.rmtree(data_copy / "packs" / "cy-easy-read", ignore_errors=True)
    choice = choose_pack(data_copy, "cy", easy_read=True)
    assert (choice.language, choice.pack) == ("cy", "cy")
    assert choice.notice
    assert choose_pack(data_copy, None, easy_read=False).pack is None
    with pytest.raises(CoprodError):
        choose_pack(data_copy, "fr", easy_read=False)


def test_reading_a_pack_keeps_every_problem(data_copy: Path) -> None:
    folder = data_copy / "packs" / "cy"
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "methods.yaml").write_text("- not a mapping\n", encoding="utf-8")
    pack = read_pack(data_copy, "cy")
    problems = {Path(str(p.path)).name: p.message for p in pack.problems}
    assert "is not a pack file" in problems["notes.txt"]
    assert "expected a mapping" in problems["methods.yaml"]
    assert pack.patches["methods.yaml"] is None
    assert "methods.yaml" not in pack.absent  # there, but unreadable: not a fallback


def test_a_pack_without_meta_is_refused(data_copy: Path) -> None:
    (data_copy / "packs" / "cy" / "meta.yaml").unlink()
    with pytest.raises(CoprodError):
        read_pack(data_copy, "cy")
    with pytest.raises(CoprodError, match="no such pack folder"):
        read_pack(data_copy, "nosuch")


def test_the_fingerprint_covers_whatever_the_pack_folder_holds(data_copy: Path) -> None:
    before = pack_fingerprint(data_copy, "cy")
    assert pack_fingerprint(data_copy, None) == ""
    stray = data_copy / "packs" / "cy" / "extra.yaml"
    stray.write_text("x: 1\n", encoding="utf-8")  # reading the pack would refuse it
    assert pack_fingerprint(data_copy, "cy") != before
    stray.unlink()
    assert pack_fingerprint(data_copy, "cy") == before
    (data_copy / "packs" / "cy" / ".hidden").write_text("ignored", encoding="utf-8")
    assert pack_fingerprint(data_copy, "cy") == before  # as reading ignores it
