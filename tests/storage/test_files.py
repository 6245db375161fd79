"""storage.files: write_atomic leaves the old file or the new one, never half of either."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES
from helpers.refusals import refused

from coprod.errors import CoprodError
from coprod.storage.files import Terminated, check_target, default_answers_path, write_atomic


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".") and p.suffix == ".tmp"]


def _fail(exc: BaseException):  # type: ignore[no-untyped-def]
    def raiser(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise exc

    return raiser


@pytest.mark.parametrize("step", ["write", "replace", "fsync"])
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


FULL = FIXTURES / "full.yaml"


FULL_TEXT = FULL.read_text(encoding="utf-8")


def tmp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# Special files: write --------------------------------------------------------------------


@pytest.mark.timeout(20)
@pytest.mark.parametrize("force", [False, True])
def test_a_fifo_as_output_stays_a_fifo(invoke, tmp_path, force) -> None:
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    args = ["report", str(FULL), "-o", str(fifo)] + (["--force"] if force else [])
    refused(invoke(*args), fifo, "regular file")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert tmp_files(tmp_path) == []


def test_force_never_replaces_a_device() -> None:
    """Checked without writing: were the check broken, a write would replace /dev/null."""
    for device in ("/dev/null", "/dev/zero"):
        with pytest.raises(CoprodError, match="a device"):
            check_target(Path(device), overwrite=True)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.timeout(20)
def test_a_link_to_a_fifo_is_refused_too(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "report.md"
    link.symlink_to(fifo)
    with pytest.raises(CoprodError, match="regular file"):
        write_atomic(link, "x\n", overwrite=True)
    assert link.is_symlink()


# Inputs are never outputs ----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["report", "IN", "--format", "md", "-o", "IN", "--force"],
        ["report", "IN", "--format", "md", "-o", "ALIAS", "--force"],
        ["team", "IN", "OTHER", "--format", "md", "-o", "OTHER", "--force"],
        ["compare", "IN", "OTHER", "--format", "md", "-o", "IN", "--force"],
        ["assess", "--answers", "IN", "--export", "JSON", "--force"],
    ],
    ids=lambda a: " ".join(a),
)
def test_output_never_replaces_an_input(invoke, tmp_path, args) -> None:
    source = tmp_path / "answers.yaml"
    source.write_text(FULL_TEXT)
    other = tmp_path / "other.yaml"
    other.write_text(FULL_TEXT.replace("name: Sam", "name: Jo"))
    as_json = tmp_path / "answers.json"
    as_json.write_text(FULL_TEXT)
    (tmp_path / "alias.yaml").symlink_to(source)
    names = {
        "IN": str(as_json if "JSON" in args else source),
        "ALIAS": str(tmp_path / "alias.yaml"),
        "OTHER": str(other),
        "JSON": str(as_json),
    }
    result = invoke(*[names.get(a, a) for a in args])
    refused(result, "", "input")
    assert source.read_text() == FULL_TEXT
    assert as_json.read_text() == FULL_TEXT
    assert other.read_text() != FULL_TEXT and other.read_text().startswith("version: 1")
    assert tmp_files(tmp_path) == []


def test_resuming_a_draft_still_saves_over_it(invoke, pipe_input, content, tmp_path) -> None:
    """The one input coprod does replace: a draft being resumed, which is its own."""
    draft = tmp_path / "draft.yaml"
    data = yaml.safe_load(FULL_TEXT)
    data["complete"] = False
    last = content.practices[-1]
    data["ratings"].pop(last.statements[-1].id)  # then only that and the last note are asked
    draft.write_text(yaml.safe_dump(data))
    pipe_input.send_text("3\r" + "\r" + "\r\r\r")  # then: matters most, you bring, actions (none)
    result = invoke("assess", "--resume", str(draft))
    assert result.exit_code == 0, result.output[-2000:]
    saved = yaml.safe_load(draft.read_text())
    assert saved["complete"] is True


# Long names ------------------------------------------------------------------------------


def test_a_long_project_name_gives_a_short_file_name(tmp_path) -> None:
    path = default_answers_path("word " * 64, __import__("datetime").date(2026, 12, 1), tmp_path)
    assert len(path.name.encode()) <= 120
    assert path.name.startswith("coprod-word-word")
    assert path.name.endswith("-2026-12-01.yaml")
    write_atomic(path, "x\n")
    assert path.read_text() == "x\n"


def test_a_320_character_project_name_is_saved(invoke, pipe_input, content, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    keys = "x" * 320 + "\r2\r\r3\r" + "n\r" * len(content.all_criteria()) + "\r\r"
    keys += "3\r\r" * len(content.practices)
    pipe_input.send_text(keys + "\r\r\r")  # then: matters most, you bring, actions (none)
    result = invoke("assess", "--quick")
    assert result.exit_code == 0, result.output[-2000:]
    (saved,) = tmp_path.glob("coprod-*.yaml")
    assert yaml.safe_load(saved.read_text())["project"]["name"] == "x" * 320


@pytest.mark.parametrize("length", [256, 303, 5000])
def test_an_output_name_too_long_is_a_message(invoke, tmp_path, length) -> None:
    target = tmp_path / ("a" * (length - 3) + ".md")
    refused(invoke("report", str(FULL), "-o", str(target)), "", "too long")
    assert tmp_files(tmp_path) == []


def test_the_longest_legal_name_is_written(invoke, tmp_path) -> None:
    target = tmp_path / ("a" * 252 + ".md")  # 255 bytes: the temp file's name must fit too
    result = invoke("report", str(FULL), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith("#")
    assert tmp_files(tmp_path) == []


def test_an_answers_path_too_long_is_a_message(invoke, tmp_path) -> None:
    refused(invoke("assess", "--answers", "a" * 5000 + ".yaml"), "aaaa", "too long")


# SIGTERM during a write ------------------------------------------------------------------


def test_sigterm_during_a_write_leaves_no_temp_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "report.md"
    target.write_text("old\n")
    real_fsync = os.fsync

    def terminated(fd: int) -> None:
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)  # the handler runs here

    monkeypatch.setattr("coprod.storage.files.os.fsync", terminated)
    with pytest.raises(Terminated) as caught:
        write_atomic(target, "new\n", overwrite=True)
    assert caught.value.exit_code == 143
    assert target.read_text() == "old\n"
    assert tmp_files(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # put back


@pytest.mark.timeout(60)
def test_sigterm_during_report_o_exits_143_and_leaves_nothing(tmp_path) -> None:
    """The real command, killed while it writes (a slow disk, simulated by a slow fsync)."""
    script = (
        "import os, sys, time\n"
        "real, flag = os.fsync, sys.argv[1] + '.writing'\n"
        "def slow(fd):\n"
        "    real(fd); open(flag, 'w').close(); time.sleep(30)\n"
        "os.fsync = slow\n"
        "from coprod.cli import main\n"
        "sys.argv = ['coprod', 'report', sys.argv[2], '-o', sys.argv[1]]\n"
        "main()\n"
    )
    target = tmp_path / "report.md"
    process = subprocess.Popen([sys.executable, "-c", script, str(target), str(FULL)])
    flag = tmp_path / "report.md.writing"
    deadline = time.monotonic() + 30
    while not flag.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert flag.exists()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 143
    flag.unlink()
    assert list(tmp_path.iterdir()) == []


TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]


# never write over what you are reading ---------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["report", "--format", "md"],
        ["team", "--format", "md"],
        ["agenda", "--format", "md"],
        ["room", "--format", "md"],
        ["actions", "--format", "md"],
    ],
)
def test_output_never_replaces_an_input_even_with_force(
    invoke, tmp_path: Path, command: list[str]
) -> None:
    files = []
    for source in TEAM:
        target = tmp_path / source.name
        target.write_bytes(source.read_bytes())
        files.append(target)
    before = files[1].read_bytes()
    result = invoke(*command, *map(str, files), "-o", str(files[1]), "--force")
    assert result.exit_code == 2
    assert "input files" in result.stderr
    assert files[1].read_bytes() == before
