"""The installed command with closed, full or broken stdin, stdout and stderr; pipes closed early."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from helpers import FIXTURES
from helpers.terminal import clean_env, coprod_executable, run

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(60)]


FULL = FIXTURES / "full.yaml"


def run_into_closed_pipe(args: list[str]) -> subprocess.CompletedProcess:
    """Run coprod with stdout a pipe whose reader is already gone: every write fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [coprod_executable(), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=clean_env(),
            timeout=30,
        )
    finally:
        os.close(write_end)


CLOSED_PIPE = [
    ["cases"],
    ["cases", "--json"],
    ["practices", "openness"],
    ["report", str(FULL)],
    ["assess", "--answers", str(FULL)],
]


# Pipes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("args", ["cases", "practices openness", "cases --json"])
def test_output_piped_to_head_leaves_quietly(args) -> None:
    result = subprocess.run(
        f"'{coprod_executable()}' {args} | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=30,
    )
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1
    assert result.stdout.strip()


@pytest.mark.parametrize("args", CLOSED_PIPE, ids=" ".join)
def test_closed_pipe_prints_no_traceback(args) -> None:
    result = run_into_closed_pipe(args)
    assert result.stderr == ""
    assert result.returncode in (0, 1)


def test_closed_pipe_exits_0_as_main_intends() -> None:
    assert run_into_closed_pipe(["cases"]).returncode == 0


def run_shell(command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``command`` in sh, with ``coprod`` meaning the installed command."""
    return subprocess.run(
        ["sh", "-c", command.replace("coprod ", f"{coprod_executable()} ", 1)],
        env=env or clean_env(NO_COLOR="1", COLUMNS="100"),
        capture_output=True,
        timeout=60,
    )


LISTINGS = [
    ["--version"],
    ["--help"],
    ["report", "--help"],
    ["practices"],
    ["practices", "--json"],
    ["cases", "show", "space-in-common"],
    ["assess", "--answers", str(FULL)],
    ["report", str(FULL)],
    ["report", str(FULL), "--format", "json"],
]


def with_stderr_a_broken_pipe(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write to stderr fails with EPIPE
    try:
        return run(args, stderr=write_end)
    finally:
        os.close(write_end)


# /dev/full and a closed stdout -----------------------------------------------------------


@pytest.mark.e2e
@pytest.mark.timeout(90)
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_a_full_disk_under_stdout_is_one_line_and_exit_2(args) -> None:
    with open("/dev/full", "w") as full:
        result = run(args, stdout=full, stderr=subprocess.PIPE)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err.count("\n") == 1 and "No space left on device" in err, err


@pytest.mark.e2e
@pytest.mark.timeout(90)
@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_a_closed_stdout_is_one_line_and_exit_2(args) -> None:
    result = run_shell("coprod " + " ".join(f"'{a}'" for a in args) + " >&-")
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err.count("\n") == 1 and "standard output" in err, err


@pytest.mark.e2e
@pytest.mark.timeout(90)
def test_a_closed_stdout_does_not_stop_writing_a_file(tmp_path) -> None:
    target = tmp_path / "r.md"
    result = run_shell(f"coprod report '{FULL}' -o '{target}' >&-")
    assert result.returncode == 0, result.stderr
    assert target.read_text().startswith("#")


@pytest.mark.e2e
@pytest.mark.timeout(90)
def test_no_file_opened_takes_the_place_of_a_closed_stdout(tmp_path) -> None:
    """With fd 1 closed, the next file opened would get it: output must not land there."""
    target = tmp_path / "answers.yaml"
    target.write_text(FULL.read_text())
    before = target.read_text()
    result = run_shell(f"coprod assess --answers '{target}' >&-")
    assert result.returncode == 2
    assert target.read_text() == before


# stdin and stderr ------------------------------------------------------------------------


@pytest.mark.e2e
@pytest.mark.timeout(90)
@pytest.mark.parametrize("command", ["assess", "check", "assess --quick"])
def test_a_closed_stdin_is_not_a_terminal(command) -> None:
    result = run_shell(f"coprod {command} <&-")
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err
    assert "not a terminal" in err


@pytest.mark.e2e
@pytest.mark.timeout(90)
def test_bad_input_with_stderr_closed_still_exits_2() -> None:
    result = run_shell("coprod assess --answers /no/such.yaml 2>&-")
    assert result.returncode == 2


@pytest.mark.e2e
@pytest.mark.timeout(90)
def test_bad_input_with_stderr_a_broken_pipe_still_exits_2() -> None:
    result = with_stderr_a_broken_pipe(["assess", "--answers", "/no/such.yaml"])
    assert result.returncode == 2
    assert result.stdout == b""


@pytest.mark.e2e
@pytest.mark.timeout(90)
def test_good_input_with_stderr_a_broken_pipe_exits_0() -> None:
    result = with_stderr_a_broken_pipe(["practices", "--json"])
    assert result.returncode == 0
    assert json.loads(result.stdout)["version"]
