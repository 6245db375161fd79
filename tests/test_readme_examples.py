"""The README is a user's guide that matches what coprod prints today."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def console_examples() -> list[tuple[list[str], str]]:
    """Each ```console block of the README: the command's arguments and what it shows."""
    blocks = re.findall(
        r"```console\n\$ coprod ([^\n]*)\n(.*?)```", README.read_text("utf-8"), re.S
    )
    return [(shlex.split(command), shown.rstrip("\n")) for command, shown in blocks]


def test_the_readme_is_a_short_users_guide() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 300
    # what a developer needs lives in docs/, linked from the README
    for doc in ("docs/workshop.md", "docs/languages.md", "docs/development.md"):
        assert f"]({doc})" in text
        assert (ROOT / doc).is_file()


@pytest.mark.parametrize(("args", "shown"), console_examples(), ids=lambda v: str(v)[:40])
def test_each_console_example_is_what_coprod_prints_at_100_columns(
    invoke: Any, monkeypatch: pytest.MonkeyPatch, args: list[str], shown: str
) -> None:
    from coprod.terminal.console import reset

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERMINAL_WIDTH", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    reset()
    try:
        printed = invoke(*args).stdout
    finally:
        reset()
    lines = [line.rstrip() for line in printed.strip("\n").splitlines()]
    # an example may stop early (the report's first screen), never differ
    assert lines[: len(shown.splitlines())] == shown.splitlines()


def test_the_readme_shows_a_console_example() -> None:
    assert len(console_examples()) >= 1
