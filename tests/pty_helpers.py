"""Driving the installed ``coprod`` command in a pseudo-terminal (pexpect)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest


def coprod_executable() -> str:
    beside_python = Path(sys.executable).parent / "coprod"
    found = str(beside_python) if beside_python.exists() else shutil.which("coprod")
    if found is None:
        pytest.skip("the coprod command is not installed")
    return found


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without the test suite's own terminal settings."""
    drop = {
        "NO_COLOR",
        "FORCE_COLOR",
        "COLUMNS",
        "LINES",
        "TERM",
        "TERMINAL_WIDTH",
        "_TYPER_FORCE_DISABLE_TERMINAL",
        "COPROD_DATA_DIR",
    }
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(extra)
    return env


def spawn(args: list[str], cwd: Path) -> pexpect.spawn:
    env = clean_env(PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", COLUMNS="100", LINES="40")
    env["NO_COLOR"] = "1"
    return pexpect.spawn(
        coprod_executable(),
        args,
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )


def answer(child: pexpect.spawn, prompt: str, keys: str) -> None:
    child.expect(prompt)
    child.send(keys)
    child.send("\r")
