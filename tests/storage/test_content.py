"""storage.content: which content folder, and reading one into validated content."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod.core.content_checks import FILES
from coprod.errors import CoprodError
from coprod.storage.content import bundled_data_dir, load_content_uncached, resolve_data_dir


def test_the_bundled_content_has_every_file() -> None:
    assert all((bundled_data_dir() / name).is_file() for name in FILES)


def test_the_folder_given_wins_and_the_environment_is_the_clis_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COPROD_DATA_DIR", str(tmp_path / "from-env"))
    assert resolve_data_dir(tmp_path) == tmp_path
    assert resolve_data_dir(None) == bundled_data_dir()


def test_every_problem_of_a_folder_at_once(data_copy: Path) -> None:
    (data_copy / "methods.yaml").unlink()
    (data_copy / "strategies.yaml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(CoprodError) as caught:
        load_content_uncached(data_copy)
    named = {Path(str(p.path)).name for p in caught.value.problems}
    assert named == {"methods.yaml", "strategies.yaml"}


def test_a_pack_is_laid_over_the_content(data_copy: Path) -> None:
    english = load_content_uncached(data_copy)
    welsh = load_content_uncached(data_copy, "cy")
    assert welsh.pack is not None and english.pack is None
    assert [p.id for p in welsh.practices] == [p.id for p in english.practices]
    assert welsh.practices[0].name != english.practices[0].name
