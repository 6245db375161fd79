"""pydantic: the content cache rebuilds the models through ``__setstate__``.

coprod writes validated content to its cache as JSON and, on the next run, rebuilds
the models the way unpickling does (``__setstate__`` with ``__dict__``,
``__pydantic_fields_set__``, ``__pydantic_extra__`` and ``__pydantic_private__``),
without validating them again. Should pydantic change that state, the cache is
silently dropped (every run validates the files again, 30 ms slower) or, worse,
models come back half-built. The upper bound in pyproject.toml guards the first;
these tests name the break.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from coprod.core.models import Content
from coprod.storage import content as storage_content
from coprod.storage import content_cache
from coprod.storage.content import bundled_data_dir, load_content_uncached


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("content-*.json"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COPROD_CACHE_DIR", str(folder))
    return folder


def test_pydantic_setstate_roundtrip(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second run reads the content from the cache, and it is the same content."""
    first = content_cache.load_via_cache(bundled_data_dir())
    assert len(cache_files(cache)) == 1

    def no_files(*args: object, **kwargs: object) -> Content:
        raise AssertionError("the cache was not used: the content files were read again")

    monkeypatch.setattr(storage_content, "load_content_uncached", no_files)
    again = content_cache.load_via_cache(bundled_data_dir())
    assert isinstance(again, Content)
    assert again == first
    assert again.model_dump(mode="json") == first.model_dump(mode="json")


def test_pydantic_setstate_keeps_which_fields_were_given(cache: Path) -> None:
    """A rebuilt model knows which fields the files gave (the cache stores only those)."""
    content_cache.load_via_cache(bundled_data_dir())
    again = content_cache.load_via_cache(bundled_data_dir())
    fresh = load_content_uncached(bundled_data_dir())

    def fields_set(model: BaseModel) -> list[object]:
        found: list[object] = [(type(model).__name__, sorted(model.model_fields_set))]
        for name in type(model).model_fields:
            value = getattr(model, name)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, BaseModel):
                    found.extend(fields_set(item))
        return found

    assert fields_set(again) == fields_set(fresh)
    assert again.model_dump(mode="json", exclude_unset=True) == fresh.model_dump(
        mode="json", exclude_unset=True
    )


def test_pydantic_rebuilt_models_behave_like_validated_ones(cache: Path) -> None:
    """Copying, dumping and comparing work on a rebuilt model (no half-built state)."""
    content_cache.load_via_cache(bundled_data_dir())
    again = content_cache.load_via_cache(bundled_data_dir())
    practice = again.practices[0]
    assert isinstance(practice, BaseModel)
    assert practice.model_copy(update={"name": "Renamed"}).name == "Renamed"
    assert practice.model_dump_json()
    assert practice.__pydantic_extra__ is None
