"""How a refused input looks: exit 2, one message naming the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

from helpers import FIXTURES

FULL = FIXTURES / "full.yaml"


FULL_TEXT = FULL.read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the first line that contains ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the text")


def replaced(old: str, new: str, text: str = FULL_TEXT) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def assert_refused(
    result, path: Path, *, line: int | None = None, field: str | None = None, says: tuple = ()
) -> str:
    """Exit 2, nothing on stdout, one ``error:`` on stderr naming the file; no traceback."""
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything
    assert result.exit_code == 2, everything
    assert result.stdout == ""
    err = result.stderr
    assert err.startswith("error: "), err
    assert err.count("error:") == 1, err
    assert str(path) in err, err
    if line is not None:
        assert f"{path}:{line}:" in err, err
    if field is not None:
        assert f": {field}: " in err, err
    for words in says:
        assert words in err, err
    return err


def refused(result, path: Path | str, *words: str) -> str:
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything
    assert result.exit_code == 2, everything
    assert str(path) in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    return result.stderr
