"""The validated-content cache can neither run code nor show stale content.

The cache is JSON (reading it cannot execute anything), keyed by a hash of the
content's bytes, the pack's and the code that shapes them, opened once without
following links and checked with fstat on the open file, and not used at all in a
folder others can write to. Every test here runs with the cache on.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from coprod.core.models import dump
from coprod.storage import content_cache
from coprod.storage.content import bundled_data_dir, load_content_uncached

MARKER_NAME = "planted-pickle-ran"


class _Planted:
    """Unpickling this creates the marker file: proof that a planted pickle ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (self.marker,))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COPROD_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


def cache_file(data: Path, cache: Path) -> Path:
    key = content_cache.fingerprint(data)
    assert key is not None
    return cache / f"content-{key[:32]}.json"


def test_the_cache_is_json_and_holds_no_pickle(data, cache) -> None:
    expected = load_content_uncached(data)
    assert content_cache.load_via_cache(data) == expected  # builds the cache
    files = [p.name for p in cache.iterdir()]
    assert files == [cache_file(data, cache).name], files
    raw = cache_file(data, cache).read_bytes()
    assert raw.startswith(b"{")
    with pytest.raises(pickle.UnpicklingError):
        pickle.loads(raw)
    assert oct(cache_file(data, cache).stat().st_mode & 0o777) == "0o600"
    assert oct(cache.stat().st_mode & 0o777) == "0o700"
    assert content_cache.load_via_cache(data) == expected  # and is read back


def test_symlink_swap_race_never_runs_a_planted_pickle(data, cache, tmp_path) -> None:
    """A folder-writer swaps the cache file between a link to a good file and a pickle."""
    expected = load_content_uncached(data)
    content_cache.load_via_cache(data)
    (target,) = cache.iterdir()  # whatever the loader reads back, whatever its format
    good = tmp_path / "good"
    shutil.copyfile(target, good)
    marker = tmp_path / MARKER_NAME
    evil = tmp_path / "evil.pickle"
    evil.write_bytes(pickle.dumps((content_cache.fingerprint(data), _Planted(marker))))
    # what an older coprod's cache file was called, too
    for old_name in ("content-0.pickle", f"content-{target.stem[8:16]}.pickle"):
        shutil.copyfile(evil, cache / old_name)
    stop = threading.Event()
    swaps = 0

    def swapper() -> None:
        nonlocal swaps
        link = cache / ".swap"
        while not stop.is_set():
            for source in (good, evil):
                try:
                    os.symlink(source, link)
                    os.replace(link, target)
                except OSError:
                    pass
                swaps += 1

    thread = threading.Thread(target=swapper, daemon=True)
    thread.start()
    try:
        for _ in range(60):
            assert content_cache.load_via_cache(data) == expected
    finally:
        stop.set()
        thread.join(5)
    assert swaps > 60  # the race was really run
    assert not marker.exists(), "a planted pickle was executed"


def test_a_cache_file_that_is_a_link_is_not_followed(data, cache, tmp_path) -> None:
    content_cache.load_via_cache(data)
    target = cache_file(data, cache)
    forged = tmp_path / "forged.json"
    forged.write_text(
        target.read_text(encoding="utf-8").replace("Designing for openness", "FORGED")
    )
    target.unlink()
    target.symlink_to(forged)
    content = content_cache.load_via_cache(data)
    assert content.practices[0].name == "Designing for openness"


def test_a_forged_cache_file_for_other_content_is_not_used(data, cache) -> None:
    content_cache.load_via_cache(data)
    target = cache_file(data, cache)
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace('"key": "', '"key": "0', 1).replace("Designing", "FORGED"))
    assert content_cache.load_via_cache(data).practices[0].name == "Designing for openness"


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_cache_others_can_write_to_is_not_trusted(data, cache, what) -> None:
    content_cache.load_via_cache(data)
    target = cache_file(data, cache)
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Designing for openness", "FORGED"))
    (cache if what == "folder" else target).chmod(0o777 if what == "folder" else 0o666)
    assert content_cache.load_via_cache(data).practices[0].name == "Designing for openness"


def test_a_cache_owned_by_someone_else_is_not_trusted(data, cache, monkeypatch) -> None:
    content_cache.load_via_cache(data)
    target = cache_file(data, cache)
    target.write_text(target.read_text(encoding="utf-8").replace("Designing", "FORGED"))
    someone_else = os.getuid() + 4242
    monkeypatch.setattr(content_cache.os, "getuid", lambda: someone_else)
    assert content_cache.load_via_cache(data).practices[0].name == "Designing for openness"


def test_a_shared_cache_folder_is_not_written_to(data, cache) -> None:
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)  # as a shared COPROD_CACHE_DIR would be
    assert content_cache.load_via_cache(data) == load_content_uncached(data)
    assert list(cache.iterdir()) == []


def test_an_edit_that_keeps_size_and_time_is_seen(data, cache) -> None:
    """As ``cp -p``, tar and unzip do: same size, same modification time, new text."""
    assert content_cache.load_via_cache(data).practices[0].name == "Designing for openness"
    path = data / "practices.yaml"
    status = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace("Designing for openness", "Designing for OPENNESS", 1)
    assert len(edited.encode()) == len(text.encode())
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert path.stat().st_size == status.st_size
    assert path.stat().st_mtime_ns == status.st_mtime_ns
    assert content_cache.load_via_cache(data).practices[0].name == "Designing for OPENNESS"


def test_a_damaged_cache_file_is_rebuilt(data, cache) -> None:
    content_cache.load_via_cache(data)
    target = cache_file(data, cache)
    target.write_bytes(b'{"key": "truncated')
    assert content_cache.load_via_cache(data) == load_content_uncached(data)
    assert target.read_bytes().startswith(b'{"key": "')
    assert len(target.read_bytes()) > 1000


def test_a_fifo_in_place_of_the_cache_file_does_not_hang(data, cache) -> None:
    cache.mkdir(mode=0o700)
    os.mkfifo(cache_file(data, cache))
    assert content_cache.load_via_cache(data) == load_content_uncached(data)


def test_content_read_from_the_cache_is_the_content(data, cache) -> None:
    expected = load_content_uncached(data)
    content_cache.load_via_cache(data)  # writes the cache
    cached = content_cache.load_via_cache(data)  # reads it
    assert cached is not expected
    assert cached == expected
    assert dump(cached) == dump(expected)
    assert type(cached.cases[0].started) is type(expected.cases[0].started)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cached.practices[0].name = "changed"  # type: ignore[misc]  # frozen, like validated content


@pytest.mark.parametrize("change", ["drop-required", "add-unknown", "wrong-shape"])
def test_a_cache_that_does_not_fit_the_models_is_rebuilt(data, cache, change) -> None:
    import json

    content_cache.load_via_cache(data)
    target = cache_file(data, cache)
    stored = json.loads(target.read_text(encoding="utf-8"))
    practice = stored["content"]["practices"][0]
    if change == "drop-required":
        del practice["name"]
    elif change == "add-unknown":
        practice["colour"] = "red"
    else:
        practice["statements"] = "not a list"
    target.write_text(json.dumps(stored), encoding="utf-8")
    assert content_cache.load_via_cache(data) == load_content_uncached(data)


def _first_name(content) -> str:  # type: ignore[no-untyped-def]
    return str(content.practices[0].name)


def test_the_cache_sees_edited_content_an_edited_pack_and_edited_code(
    data, cache, tmp_path, monkeypatch
) -> None:
    """Content, a pack and the code that shapes them: a change to any one is shown at once."""
    load = content_cache.load_via_cache
    assert _first_name(load(data)) == "Designing for openness"
    assert _first_name(load(data, "cy")) == "Dylunio ar gyfer bod yn agored"

    pack = data / "packs" / "cy" / "practices.yaml"
    pack.write_text(
        pack.read_text(encoding="utf-8").replace("Dylunio ar gyfer", "Dylunio agored ar gyfer", 1),
        encoding="utf-8",
    )
    assert _first_name(load(data, "cy")) == "Dylunio agored ar gyfer bod yn agored"

    practices = data / "practices.yaml"
    practices.write_text(
        practices.read_text(encoding="utf-8").replace("Designing for openness", "Open design", 1),
        encoding="utf-8",
    )
    assert _first_name(load(data)) == "Open design"

    # The code: one shaping module is a copy we can edit. What the old code made is
    # stood in for by a cache file whose content differs from what the files give.
    module = tmp_path / "overlay.py"
    module.write_text("# the pack overlay\n", encoding="utf-8")
    sources = (*content_cache.SHAPING_SOURCES, str(module))
    monkeypatch.setattr(content_cache, "SHAPING_SOURCES", sources)
    load(data)
    made_by_old_code = cache_file(data, cache)
    text = made_by_old_code.read_text(encoding="utf-8")
    made_by_old_code.write_text(text.replace('"Open design"', '"Old code\'s design"', 1))
    assert _first_name(load(data)) == "Old code's design"  # the cache is used while nothing changes
    module.write_text("# the pack overlay, changed\n", encoding="utf-8")
    assert _first_name(load(data)) == "Open design"


def test_the_shaping_sources_are_every_module_that_loading_content_imports(
    tmp_path: Path,
) -> None:
    """A module added to what loading runs, and not to the cache key, would go stale unseen."""
    script = (
        "import sys\n"
        "from coprod.storage.content import load_content, bundled_data_dir\n"
        "load_content(bundled_data_dir(), 'cy')\n"
        "for name, module in sorted(sys.modules.items()):\n"
        "    if name.startswith(('coprod.core.', 'coprod.storage.')):\n"
        "        print(module.__file__)\n"
    )
    env = {**os.environ, "COPROD_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=tmp_path,  # not the checkout: the coprod this test imported, installed or not
    )
    package = Path(content_cache.__file__).resolve().parent.parent
    imported = {
        Path(line).resolve().relative_to(package).as_posix()
        for line in result.stdout.split()
        if not line.endswith("__init__.py")
    }
    assert imported == set(content_cache.SHAPING_SOURCES)


# Windows: no descriptors relative to a folder, no owner ids --------------------------------


@pytest.fixture
def by_path(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The cache as on Windows (by path), counting the loads from the content's files."""
    monkeypatch.setattr(content_cache, "_by_descriptor", lambda: False)
    loads: list[str] = []
    from coprod.storage import content as storage_content

    real = storage_content.load_content_uncached

    def counted(data_dir: Path, pack: str | None = None):  # type: ignore[no-untyped-def]
        loads.append(str(data_dir))
        return real(data_dir, pack)

    monkeypatch.setattr(storage_content, "load_content_uncached", counted)
    return loads


def test_on_windows_the_cache_in_the_users_profile_is_used(
    data, cache, by_path, monkeypatch
) -> None:
    monkeypatch.setenv("HOME", str(cache.parent))  # the cache folder is in the profile
    monkeypatch.setenv("USERPROFILE", str(cache.parent))
    first = content_cache.load_via_cache(data)
    second = content_cache.load_via_cache(data)
    assert by_path == [str(data)]  # the second came from the cache
    assert dump(second) == dump(first)
    assert cache_file(data, cache).is_file()


def test_on_windows_a_cache_outside_the_users_profile_is_not_used(
    data, cache, by_path, monkeypatch, tmp_path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "someone"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "someone"))
    content_cache.load_via_cache(data)
    content_cache.load_via_cache(data)
    assert len(by_path) == 2 and not cache.exists()


def test_on_windows_the_cache_defaults_to_local_app_data(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(content_cache, "_by_descriptor", lambda: False)
    monkeypatch.delenv("COPROD_CACHE_DIR", raising=False)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    assert content_cache.cache_dir() == tmp_path / "AppData" / "Local" / "coprod" / "cache"
