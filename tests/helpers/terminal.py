"""Driving the installed ``coprod`` command in a pseudo-terminal (pexpect)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shlex
import shutil
import struct
import subprocess
import sys
import termios
import time
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


def spawn(args: list[str], cwd: Path, *, columns: int = 100, rows: int = 40) -> pexpect.spawn:
    env = clean_env(PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", COLUMNS=str(columns), LINES=str(rows))
    env["NO_COLOR"] = "1"
    return pexpect.spawn(
        coprod_executable(),
        args,
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(rows, columns),
    )


class Screen:
    """What a person sees in the terminal: the child's output played into an emulator.

    Give the terminal enough rows that nothing scrolls away; ``lines`` are the
    screen's rows, right-stripped.
    """

    def __init__(self, child: pexpect.spawn, columns: int, rows: int) -> None:
        import pyte

        self.columns = columns
        self._screen = pyte.Screen(columns, rows)
        self._stream = pyte.Stream(self._screen)
        child.logfile_read = self

    def write(self, data: str) -> None:
        self._stream.feed(data)

    def flush(self) -> None:
        pass

    @property
    def lines(self) -> list[str]:
        return [line.rstrip() for line in self._screen.display]

    def wait_for(self, child: pexpect.spawn, text: str, timeout: float = 10) -> None:
        """Read the child's output until ``text`` is on the screen.

        prompt_toolkit redraws only what changed, so text on the screen need not
        appear whole in the output stream that ``child.expect`` searches.
        """
        import time

        deadline = time.monotonic() + timeout
        while text not in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on the screen:\n{self.text()}")
            try:
                child.read_nonblocking(size=100_000, timeout=0.2)
            except pexpect.TIMEOUT:
                continue

    def text(self) -> str:
        """The screen as one line of words, as they would be read aloud."""
        return " ".join(" ".join(self.lines).split())


def answer(child: pexpect.spawn, prompt: str, keys: str) -> None:
    child.expect(prompt)
    child.send(keys)
    child.send("\r")


def command_after(lines: list[str], header: str) -> list[str]:
    """The command printed under ``header`` (continued lines joined), as a shell reads it."""
    start = next(i for i, line in enumerate(lines) if header in line) + 1
    command = ""
    for line in lines[start:]:
        command += line.strip()
        if not command.endswith("\\"):
            break
        command = command[:-1] + " "
    return shlex.split(command)


def run_in_pty(args: list[str], env: dict[str, str], columns: int = 80) -> tuple[int, str]:
    """Run coprod with a pseudo-terminal as stdin, stdout and stderr; (exit code, output)."""
    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    process = subprocess.Popen(
        [coprod_executable(), *args], stdin=secondary, stdout=secondary, stderr=secondary, env=env
    )
    os.close(secondary)
    output = b""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 1)
        if not ready:
            if process.poll() is not None:
                break
            continue
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(main)
    code = process.wait(timeout=10)
    return code, output.decode("utf-8", "replace")


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess[bytes]:
    env = kwargs.pop("env", None) or clean_env(NO_COLOR="1", COLUMNS="100")
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([coprod_executable(), *args], env=env, timeout=60, **kwargs)
