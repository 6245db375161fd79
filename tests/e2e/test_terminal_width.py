"""The installed command in real terminals: narrow widths, colour, TERM=dumb, NO_COLOR."""

from __future__ import annotations

import re
import subprocess

import pytest
from helpers import FIXTURES
from helpers.terminal import clean_env, coprod_executable, run_in_pty

from coprod.storage.content import load_content

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(60)]


FULL = FIXTURES / "full.yaml"


CONTENT = load_content()


ANSI = re.compile(r"\x1b\[")


# Width and colour ------------------------------------------------------------------------


def test_forty_columns_fit_in_forty_columns() -> None:
    result = subprocess.run(
        [coprod_executable(), "assess", "--answers", str(FULL)],
        capture_output=True,
        text=True,
        env=clean_env(COLUMNS="40"),
        timeout=30,
    )
    assert result.returncode == 0
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) > 20
    too_long = [line for line in lines if len(line) > 40]
    assert too_long == []


@pytest.mark.parametrize("columns", [40, 60])
def test_narrow_terminal_still_names_each_practice_and_band(columns) -> None:
    result = subprocess.run(
        [coprod_executable(), "assess", "--answers", str(FULL)],
        capture_output=True,
        text=True,
        env=clean_env(COLUMNS=str(columns)),
        timeout=30,
    )
    assert result.returncode == 0
    profile = result.stdout.split("Practice profile", 1)[1].split("Overall", 1)[0]
    for practice in CONTENT.practices:
        assert practice.name.split()[0] in profile, practice.name
    for band in ("developing", "strong"):
        assert band in profile
    # the don't know / n.a. counts, in words
    assert "1 don't know, 0 n/a" in profile and "0 don't know, 1 n/a" in profile


def test_a_real_terminal_gets_colour() -> None:
    """Control for the next tests: in a terminal rich does style the output."""
    code, output = run_in_pty(["assess", "--answers", str(FULL)], clean_env(TERM="xterm-256color"))
    assert code == 0
    assert ANSI.search(output)


@pytest.mark.parametrize(
    "args",
    [["assess", "--answers", str(FULL)], ["cases"], ["assess", "--answers", "/no/such/file.yaml"]],
)
def test_term_dumb_gives_plain_text(args) -> None:
    code, output = run_in_pty(args, clean_env(TERM="dumb"))
    assert code in (0, 2)
    assert "Traceback" not in output
    assert output.strip()
    assert not ANSI.search(output), repr(output[:300])


@pytest.mark.parametrize("args", [["assess", "--answers", str(FULL)], ["cases"]])
def test_no_color_gives_plain_text(args) -> None:
    code, output = run_in_pty(args, clean_env(TERM="xterm-256color", NO_COLOR="1"))
    assert code == 0
    assert not ANSI.search(output), repr(output[:300])


@pytest.mark.parametrize("columns", [60, 100])
def test_an_error_in_a_real_terminal_breaks_between_words(columns) -> None:
    """Issue 22, item 4: the terminal never cuts a word ("did you me|an")."""
    args = ["cases", "--theme", "planing"]
    code, output = run_in_pty(args, clean_env(TERM="xterm", NO_COLOR="1"), columns=columns)
    piped = subprocess.run(
        [coprod_executable(), *args],
        capture_output=True,
        text=True,
        env=clean_env(NO_COLOR="1"),
        timeout=30,
    )
    assert code == piped.returncode == 2
    assert output.split() == piped.stderr.split()  # the same words, none cut in two
    assert all(len(line) < columns for line in output.splitlines()), output
    assert "did you mean 'planning-and-environment'?" in " ".join(output.split())
