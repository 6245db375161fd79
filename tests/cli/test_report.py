"""``coprod report``: where it writes, what it refuses to overwrite, what a terminal gets."""

from __future__ import annotations

import errno
import re
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES
from helpers.refusals import assert_refused

FULL = FIXTURES / "full.yaml"


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".") and p.suffix == ".tmp"]


def _fail(exc: BaseException):  # type: ignore[no-untyped-def]
    def raiser(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise exc

    return raiser


# Atomic writes (write_atomic's own tests: tests/storage/test_files.py) -------------------


def test_report_failing_to_write_exits_2_and_keeps_the_old_file(
    invoke, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(b"keep me\n")
    monkeypatch.setattr(
        "coprod.storage.files.os.replace", _fail(OSError(errno.ENOSPC, "No space left"))
    )
    result = invoke("report", str(FULL), "-o", str(target), "--force")
    monkeypatch.undo()
    assert_refused(result, target, says=("could not be written", "No space left"))
    assert target.read_bytes() == b"keep me\n"
    assert leftovers(tmp_path) == []


def test_report_does_not_overwrite_without_force(invoke, tmp_path) -> None:
    target = tmp_path / "existing.md"
    original = b"my own notes \xe2\x9c\x93\r\nkeep me\n"
    target.write_bytes(original)
    result = invoke("report", str(FULL), "-o", str(target))
    assert_refused(result, target, says=("already exists", "--force"))
    assert target.read_bytes() == original
    assert leftovers(tmp_path) == []


# coprod report in a terminal -------------------------------------------------------------


def test_report_in_a_terminal_shows_the_terminal_report(
    invoke: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("coprod.cli.commands.report.stdout_is_terminal", lambda: True)
    result = invoke("report", str(FULL))
    assert result.exit_code == 0, result.stderr
    assert not result.stdout.lstrip().startswith("#")
    assert "Practice profile" in result.stdout
    assert re.search(r"^#\s+Practice\s+Score", result.stdout, re.M)  # the table, not markdown
    assert result.stdout == invoke("assess", "--answers", str(FULL)).stdout

    asked = invoke("report", str(FULL), "--format", "md")
    assert asked.stdout.startswith("# Riverside Food Partnership\n")
