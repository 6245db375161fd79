"""Keys for the interview through pipe input, and reading what it saved."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from helpers.terminal import command_after

ENTER = "\r"


def project_keys(name: str = "Riverside Food Partnership") -> str:
    # name, stage 2 (design), no personal name, role 3 (officer)
    return f"{name}{ENTER}2{ENTER}{ENTER}3{ENTER}"


def criteria_keys(content, answers: dict[str, str] | None = None, why: str = "", bring: str = ""):
    answers = answers or {}
    keys = "".join(answers.get(c.id, "n") + ENTER for c in content.all_criteria())
    return keys + why + ENTER + bring + ENTER


# the questions at the end: what matters most (none), what you bring (none), actions (none)
CYCLE_KEYS = ENTER * 3


def practice_keys(content, rating: str = "3") -> str:
    keys = "".join((rating + ENTER) * len(p.statements) + ENTER for p in content.practices)
    return keys + CYCLE_KEYS


def flat(text: str) -> str:
    """Output as one line of words: panel borders and line breaks removed."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def printed_command(output: str, after: str) -> list[str]:
    """The command printed on the line(s) after ``after``, as a shell would read it."""
    return command_after(output.splitlines(), after)


def only_file(folder: Path) -> Path:
    files = sorted(folder.glob("coprod-*.yaml"))
    assert len(files) == 1, files
    return files[0]


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())
