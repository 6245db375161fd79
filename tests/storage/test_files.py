"""storage.files: write_atomic leaves the old file or the new one, never half of either."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from coprod.errors import CoprodError
from coprod.storage.files import write_atomic


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".") and p.suffix == ".tmp"]


def _fail(exc: BaseException):  # type: ignore[no-untyped-def]
    def raiser(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise exc

    return raiser


@pytest.mark.parametrize("step", ["replace", "fsync"])
def test_failed_overwrite_keeps_the_old_file(tmp_path, monkeypatch, step) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(b"old report\n")
    monkeypatch.setattr(
        f"coprod.storage.files.os.{step}", _fail(OSError(errno.ENOSPC, "No space left"))
    )
    with pytest.raises(CoprodError) as caught:
        write_atomic(target, "new report\n", overwrite=True)
    assert "could not be written" in str(caught.value)
    assert str(target) in str(caught.value)
    monkeypatch.undo()
    assert target.read_bytes() == b"old report\n"
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_failed_new_file_leaves_nothing(tmp_path, monkeypatch) -> None:
    target = tmp_path / "new.md"
    monkeypatch.setattr(
        "coprod.storage.files.os.link", _fail(OSError(errno.EPERM, "no hard links"))
    )
    monkeypatch.setattr("coprod.storage.files.os.replace", _fail(OSError(errno.EIO, "I/O error")))
    with pytest.raises(CoprodError, match="could not be written"):
        write_atomic(target, "text\n")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_link_unsupported_falls_back_to_rename(tmp_path, monkeypatch) -> None:
    target = tmp_path / "new.md"
    monkeypatch.setattr(
        "coprod.storage.files.os.link", _fail(OSError(errno.EPERM, "no hard links"))
    )
    write_atomic(target, "text\n")
    monkeypatch.undo()
    assert target.read_text() == "text\n"
    assert leftovers(tmp_path) == []


def test_ctrl_c_during_a_write_leaves_no_temporary_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "answers.yaml"
    target.write_text("old\n")
    monkeypatch.setattr("coprod.storage.files.os.fsync", _fail(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n", overwrite=True)
    monkeypatch.undo()
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []
