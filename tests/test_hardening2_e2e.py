"""Hardening II against the installed ``coprod``: broken streams, encodings, locks, SIGINT.

These need a real process: a closed descriptor, /dev/full, a pipe whose reader
is gone, an output encoding that is not UTF-8, two sessions on one draft, and a
signal sent with ``kill -INT`` rather than the Ctrl-C key.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pexpect
import pytest
import yaml
from helpers import FIXTURES
from helpers.terminal import answer, clean_env, coprod_executable, spawn

from coprod.storage.content import load_content

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(90)]

FULL = FIXTURES / "full.yaml"
CONTENT = load_content()


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess[bytes]:
    env = kwargs.pop("env", None) or clean_env(NO_COLOR="1", COLUMNS="100")
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([coprod_executable(), *args], env=env, timeout=60, **kwargs)


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


# /dev/full and a closed stdout --------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_a_full_disk_under_stdout_is_one_line_and_exit_2(args) -> None:
    with open("/dev/full", "w") as full:
        result = run(args, stdout=full, stderr=subprocess.PIPE)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err.count("\n") == 1 and "No space left on device" in err, err


@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_a_closed_stdout_is_one_line_and_exit_2(args) -> None:
    result = run_shell("coprod " + " ".join(f"'{a}'" for a in args) + " >&-")
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err.count("\n") == 1 and "standard output" in err, err


def test_a_closed_stdout_does_not_stop_writing_a_file(tmp_path) -> None:
    target = tmp_path / "r.md"
    result = run_shell(f"coprod report '{FULL}' -o '{target}' >&-")
    assert result.returncode == 0, result.stderr
    assert target.read_text().startswith("#")


def test_no_file_opened_takes_the_place_of_a_closed_stdout(tmp_path) -> None:
    """With fd 1 closed, the next file opened would get it: output must not land there."""
    target = tmp_path / "answers.yaml"
    target.write_text(FULL.read_text())
    before = target.read_text()
    result = run_shell(f"coprod assess --answers '{target}' >&-")
    assert result.returncode == 2
    assert target.read_text() == before


# stdin and stderr ---------------------------------------------------------------------


@pytest.mark.parametrize("command", ["assess", "check", "assess --quick"])
def test_a_closed_stdin_is_not_a_terminal(command) -> None:
    result = run_shell(f"coprod {command} <&-")
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err
    assert "not a terminal" in err


def test_bad_input_with_stderr_closed_still_exits_2() -> None:
    result = run_shell("coprod assess --answers /no/such.yaml 2>&-")
    assert result.returncode == 2


def with_stderr_a_broken_pipe(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write to stderr fails with EPIPE
    try:
        return run(args, stderr=write_end)
    finally:
        os.close(write_end)


def test_bad_input_with_stderr_a_broken_pipe_still_exits_2() -> None:
    result = with_stderr_a_broken_pipe(["assess", "--answers", "/no/such.yaml"])
    assert result.returncode == 2
    assert result.stdout == b""


def test_good_input_with_stderr_a_broken_pipe_exits_0() -> None:
    result = with_stderr_a_broken_pipe(["practices", "--json"])
    assert result.returncode == 0
    assert json.loads(result.stdout)["version"]


# Encodings ------------------------------------------------------------------------------

ENCODINGS = [
    {"PYTHONIOENCODING": "latin-1"},
    {"PYTHONIOENCODING": "ascii"},
    {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
]


@pytest.mark.parametrize(
    "extra", ENCODINGS, ids=lambda e: ",".join(f"{k}={v}" for k, v in e.items())
)
@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--answers", str(FULL)],
        ["report", str(FULL)],
        ["cases", "show", "space-in-common"],
        ["practices"],
        ["about"],
    ],
    ids=" ".join,
)
def test_a_narrow_output_encoding_degrades(extra, args) -> None:
    result = run(args, env=clean_env(NO_COLOR="1", COLUMNS="100", **extra))
    err = result.stderr.decode("latin-1")
    assert result.returncode == 0, err
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    assert len(result.stdout) > 200


@pytest.mark.parametrize(
    "extra", ENCODINGS, ids=lambda e: ",".join(f"{k}={v}" for k, v in e.items())
)
@pytest.mark.parametrize(
    "args",
    [
        ["practices", "--json"],
        ["cases", "--json"],
        ["assess", "--answers", str(FULL), "--json"],
        ["report", str(FULL), "--format", "json"],
    ],
    ids=" ".join,
)
def test_json_stays_valid_and_exact_in_any_encoding(extra, args) -> None:
    utf8 = run(args)
    narrow = run(args, env=clean_env(**extra))
    assert narrow.returncode == 0, narrow.stderr
    encoding = extra.get("PYTHONIOENCODING", "ascii")
    assert json.loads(narrow.stdout.decode(encoding)) == json.loads(utf8.stdout.decode())


# Two sessions on one draft ------------------------------------------------------------


def unrated_draft(folder: Path) -> Path:
    """A draft with the criteria answered and no statement rated yet."""
    draft = folder / "draft.yaml"
    data = yaml.safe_load(FULL.read_text())
    data["complete"] = False
    data["ratings"] = {}
    draft.write_text(yaml.safe_dump(data))
    return draft


def resumes_then_stops(draft: Path, expected: str) -> int | None:
    """Resume ``draft``, wait for ``expected`` on screen, press Ctrl-C; the exit code."""
    child = spawn(["assess", "--resume", str(draft)], draft.parent)
    child.expect(expected)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def test_a_second_session_on_the_same_draft_is_refused(tmp_path) -> None:
    draft = unrated_draft(tmp_path)
    first = spawn(["assess", "--resume", str(draft)], tmp_path)
    first.expect("statement 1 of")  # the first statement is on screen: the lock is held
    second = spawn(["assess", "--resume", str(draft)], tmp_path)
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 2
    said = " ".join(second.before.split())
    assert "another coprod session" in said
    assert f"process {first.pid}" in said  # it names the session that holds it
    assert str(draft.name) in said
    # the first session carries on and saves; nothing it answered was lost
    first.send("4\r")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not yaml.safe_load(draft.read_text()).get("ratings"):
        time.sleep(0.1)
    first.sendcontrol("c")
    first.expect(pexpect.EOF)
    first.close()
    saved = yaml.safe_load(draft.read_text())
    assert list(saved["ratings"].values()) == [4]
    # once the first has ended, the draft can be resumed again
    assert resumes_then_stops(draft, "statement 2 of") == 130


def test_a_session_killed_with_sigkill_leaves_no_lock(tmp_path) -> None:
    draft = unrated_draft(tmp_path)
    first = spawn(["assess", "--resume", str(draft)], tmp_path)
    first.expect("statement 1 of")
    first.kill(signal.SIGKILL)
    first.close(force=True)
    assert resumes_then_stops(draft, "statement 1 of") == 130


# SIGINT at a list prompt ----------------------------------------------------------------


@pytest.mark.parametrize("where", ["list-prompt", "text-prompt"])
def test_kill_int_stops_like_ctrl_c_and_keeps_the_draft(tmp_path, where) -> None:
    child = spawn(["assess"], tmp_path)
    answer(child, "What is the project called", "Riverside")
    if where == "list-prompt":
        child.expect("What stage is it at")
    else:
        answer(child, "What stage is it at", "2")
        child.expect("Your name")
    time.sleep(0.3)
    os.kill(child.pid, signal.SIGINT)
    child.expect(pexpect.EOF, timeout=15)
    child.close()
    assert child.exitstatus == 130
    output = " ".join(child.before.split())
    assert "Traceback" not in output
    assert "saved in" in output
    (saved,) = tmp_path.glob("coprod-*.yaml")
    assert yaml.safe_load(saved.read_text())["project"]["name"] == "Riverside"
