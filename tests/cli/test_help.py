"""``--help`` and ``coprod help``: no placeholders, no doubled brackets, no word alone on a line."""

from __future__ import annotations

import re
import subprocess
from typing import Any

import pytest
import typer
from helpers.terminal import clean_env, coprod_executable

from coprod.cli import app

BOX = re.compile(r"[│╭╮╰╯─┃━┏┓┗┛]")


def all_commands() -> list[tuple[list[str], Any]]:
    """Every command path (``["data", "validate"]``) with its click command."""
    found: list[tuple[list[str], Any]] = []

    def walk(path: list[str], command: Any) -> None:
        found.append((path, command))
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk([*path, name], sub)

    walk([], typer.main.get_command(app))
    return found


COMMANDS = all_commands()


# issue 8 names. (Other commands' prose may still leave a last word alone at 80.)
NO_ORPHANS = [
    ["assess"],
    ["practices"],
    ["criteria"],
    ["cases"],
    ["about"],
    ["help"],
    ["data"],
    ["data", "validate"],
    ["data", "copy"],
    ["room"],
    ["actions"],
    ["agenda"],
]


def installed(*args: str, columns: int = 80) -> subprocess.CompletedProcess[str]:
    env = clean_env(COLUMNS=str(columns), NO_COLOR="1")
    return subprocess.run(
        [coprod_executable(), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def helps() -> dict[tuple[str, ...], str]:
    """``coprod … --help`` at 80 columns for every command, run once."""
    result = {}
    for path, _ in COMMANDS:
        done = installed(*path, "--help")
        assert done.returncode == 0, (path, done.stderr)
        result[tuple(path)] = done.stdout
    return result


def lone_words(text: str) -> list[str]:
    """Lines (panel borders aside) that hold a single word: a wrapped text's orphan."""
    lonely = []
    for line in text.splitlines():
        if line.lstrip().startswith(("╭", "╰")):
            continue  # a panel's top or bottom border with its title
        words = BOX.sub(" ", line).split()
        if len(words) == 1 and not words[0].startswith("["):
            lonely.append(line)
    return lonely


# help ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=[" ".join(p) or "coprod" for p, _ in COMMANDS]
)
def test_flags_show_no_value_placeholder(helps, path, command) -> None:
    text = helps[tuple(path)]
    assert "<bool>" not in text
    flags = [
        opt
        for param in command.params
        if getattr(param, "is_flag", False) and not param.hidden  # --open: an old name
        for opt in param.opts
        if opt.startswith("--")
    ]
    flags.append("--help")  # typer adds it; it is not among the command's own params
    for flag in flags:
        # The option's own row: the flag is the first thing on it (prose may mention it too).
        line = next(line for line in text.splitlines() if BOX.sub(" ", line).split()[:1] == [flag])
        after = line.split(flag, 1)[1]
        # A short alias may follow (-h), then the help text: never a <type> or a VALUE.
        assert not re.match(r"\s+(-\w\s+)?<", after), line


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=lambda v: " ".join(v) or "coprod")
def test_no_doubled_brackets(helps, path) -> None:
    assert "[[" not in helps[tuple(path)]
    assert "]]" not in helps[tuple(path)]


def test_data_validate_shows_its_argument_once_bracketed(helps) -> None:
    usage = next(line for line in helps[("data", "validate")].splitlines() if "validate" in line)
    assert re.search(r"validate .*\[DIR\]", usage), usage


@pytest.mark.parametrize("path", NO_ORPHANS, ids=" ".join)
def test_no_word_alone_on_a_line_at_80_columns(helps, path) -> None:
    assert lone_words(helps[tuple(path)]) == []


@pytest.mark.parametrize(
    "path", [[], ["assess"], ["cases"], ["data"], ["data", "validate"]], ids=" ".join
)
def test_coprod_help_works_like_dash_dash_help(helps, path) -> None:
    done = installed("help", *path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == helps[tuple(path)]


def test_help_lists_the_help_command(helps) -> None:
    assert re.search(r"^\W*help\s+\S", helps[()], re.MULTILINE)


def test_help_for_an_unknown_command(invoke) -> None:
    result = invoke("help", "asess")
    assert result.exit_code == 2
    assert "'asess'" in result.stderr
    assert "assess" in result.stderr.replace("'asess'", "")
    result = invoke("help", "data", "nope")
    assert result.exit_code == 2
    assert "'nope'" in result.stderr and "validate" in result.stderr
