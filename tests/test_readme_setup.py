"""The README's two set-up commands: what a new user types first, and what CI runs.

Running them here (a fresh venv and an install) would be too slow for the suite; .ci/run
runs the test command on every submission. These tests check that the lines say what
they must: the first leaves ``coprod`` on the PATH of the shell that ran it (so every
hint coprod prints works as typed), and the second is exactly what .ci/run extracts.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"
ACTIVATE = {". .venv/bin/activate", "source .venv/bin/activate"}


def setup_section() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Set up on a fresh machine", 1)[1]
    return section.split("\n## ", 1)[0]


def setup_commands() -> list[str]:
    """The indented command lines of the set-up section (Linux and macOS)."""
    lines = re.findall(r"^    (\S.*)$", setup_section(), re.MULTILINE)
    return [line for line in lines if not line.startswith("py -m venv")]


def windows_commands() -> list[str]:
    """The same two commands for Windows PowerShell (``;`` between steps)."""
    lines = re.findall(r"^    (\S.*)$", setup_section(), re.MULTILINE)
    return [line for line in lines if line.startswith("py -m venv")]


def test_each_command_has_its_windows_equivalent() -> None:
    for posix, windows in zip(setup_commands(), windows_commands(), strict=True):
        ours = [step.strip() for step in windows.split(";")]
        assert ours[:2] == ["py -m venv .venv", ".venv\\Scripts\\Activate.ps1"], windows
        # after the environment, the very same steps: the install and the command
        assert ours[2:] == steps(posix)[2:], (posix, windows)


def steps(command: str) -> list[str]:
    return [step.strip() for step in command.split("&&")]


def test_the_setup_gives_exactly_two_commands() -> None:
    commands = setup_commands()
    assert len(commands) == 2, commands
    first, second = commands
    assert steps(first)[-1] == "coprod assess"
    assert shlex.split(steps(second)[-1])[0] == "pytest"
    # The tests run against the versions pinned in constraints.txt, not whatever is newest.
    assert any(
        re.fullmatch(r"pip install -c constraints\.txt '?\.\[test\]'?", s) for s in steps(second)
    ), second


@pytest.mark.parametrize("which", [0, 1], ids=["assess", "tests"])
def test_each_command_activates_the_venv_before_calling_plain_commands(which: int) -> None:
    command = setup_commands()[which]
    parts = steps(command)
    assert parts[0] == "python3 -m venv .venv"
    activated = next(i for i, s in enumerate(parts) if s in ACTIVATE)
    for later in parts[activated + 1 :]:
        program = shlex.split(later)[0]
        # After activation, plain names come from .venv/bin; nothing needs a path.
        assert "/" not in program, later
    for earlier in parts[1:activated]:
        assert not earlier.startswith(("coprod", "pip", "pytest")), earlier
    installs = [shlex.split(s) for s in parts if s.startswith("pip install ")]
    assert any(words[-1] in (".", ".[test]") for words in installs), command


def test_the_readme_says_how_to_get_coprod_back_in_a_new_shell() -> None:
    prose = "\n".join(line for line in setup_section().splitlines() if not line.startswith("    "))
    assert "new shell" in prose
    assert "`. .venv/bin/activate`" in prose


def ci_sed_expression() -> str:
    line = next(
        line for line in CI.read_text(encoding="utf-8").splitlines() if "test_command=$(sed" in line
    )
    match = re.search(r"sed -n '([^']*)' README\.md", line)
    assert match, line
    return match.group(1)


@pytest.mark.skipif(shutil.which("sed") is None, reason="needs sed, as .ci/run does")
def test_ci_extracts_exactly_the_readme_test_command() -> None:
    extracted = subprocess.run(
        ["sed", "-n", ci_sed_expression(), str(README)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert extracted, "the sed pattern in .ci/run matches no line of README.md"
    assert extracted[0] == setup_commands()[1]


def test_the_constraints_file_pins_every_dependency() -> None:
    """constraints.txt pins an exact version of each package pyproject.toml asks for
    (run time and test extras): a dependency added without refreshing it fails here."""
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert re.fullmatch(r"[0-9][A-Za-z0-9.+!-]*", version), line
            pins[normalise(name)] = version
    assert "coprod" not in pins
    missing = [w for w in wanted if normalise(re.split(r"[<>=!~;\[ ]", w)[0]) not in pins]
    assert not missing, missing


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_hints_coprod_prints_use_the_plain_command() -> None:
    """Hints say ``coprod …``, which works once the README's first command has run."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "coprod").rglob("*.py"))
    assert "coprod cases show ID" in sources
    assert ".venv/bin/coprod" not in sources
