"""Hardening against the installed ``coprod``: signals, pipes, terminals, a YAML bomb.

These run the real console script (in a pseudo-terminal where a terminal matters)
so that Python's signal handling, click's pipe handling and rich's terminal
detection are the real ones.
"""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import time

import pexpect
import pytest
import yaml
from helpers import FIXTURES
from helpers.terminal import answer, clean_env, coprod_executable, run_in_pty, spawn

from coprod.storage.content import load_content

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(60)]

FULL = FIXTURES / "full.yaml"
CONTENT = load_content()
ANSI = re.compile(r"\x1b\[")


# 4b. SIGTERM keeps the draft --------------------------------------------------------


@pytest.mark.parametrize("where", ["list-prompt", "text-prompt"])
def test_sigterm_keeps_the_draft_and_exits_143(tmp_path, where) -> None:
    child = spawn(["assess"], tmp_path)
    child.logfile_read = transcript = io.StringIO()
    child.expect("not a grade")
    answer(child, "What is the project called", "Signal Project")
    answer(child, "What stage is it at", "3")
    answer(child, "Your name", "Kim")
    answer(child, "Which best describes your role", "1")
    answer(child, r"When to co-produce 1/8", "y")
    answer(child, r"When to co-produce 2/8", "u")
    if where == "list-prompt":
        child.expect(r"When to co-produce 3/8")
    else:
        for number in range(3, 9):
            answer(child, rf"When to co-produce {number}/8", "n")
        child.expect("Why is co-production needed here")
    time.sleep(0.3)  # let the draft be written and the prompt wait for keys
    child.kill(signal.SIGTERM)
    child.expect("Stopped. Your answers so far are saved in")
    child.expect(r"coprod-signal-project-\d{4}-\d\d-\d\d\.yaml")
    child.expect("--resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus is None, "coprod died of SIGTERM instead of handling it"
    assert child.exitstatus == 143
    assert "Traceback" not in transcript.getvalue()

    drafts = list(tmp_path.glob("coprod-signal-project-*.yaml"))
    assert len(drafts) == 1
    draft = yaml.safe_load(drafts[0].read_text())
    assert draft["complete"] is False
    assert draft["project"] == {"name": "Signal Project", "stage": "delivery"}
    assert draft["respondent"] == {"name": "Kim", "role": "resident"}
    criteria = [c.id for c in CONTENT.all_criteria()]
    if where == "list-prompt":
        assert draft["criteria"] == {criteria[0]: "yes", criteria[1]: "unsure"}
    else:
        assert list(draft["criteria"].values()) == ["yes", "unsure"] + ["no"] * 6


# 5. Pipes ----------------------------------------------------------------------------


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


@pytest.mark.parametrize("args", CLOSED_PIPE, ids=" ".join)
def test_closed_pipe_prints_no_traceback(args) -> None:
    result = run_into_closed_pipe(args)
    assert result.stderr == ""
    assert result.returncode in (0, 1)


def test_closed_pipe_exits_0_as_main_intends() -> None:
    assert run_into_closed_pipe(["cases"]).returncode == 0


# 5. Width and colour -----------------------------------------------------------------


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


# 1. A YAML alias bomb -----------------------------------------------------------------


def alias_bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    top = f"*a{levels - 1}"
    lines += ["version: 1", "project:", f"  name: {top}", f"notes: {top}", f"ratings: {top}"]
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_quickly(tmp_path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb(8))
    assert path.stat().st_size < 1000
    try:
        result = subprocess.run(
            [coprod_executable(), "assess", "--answers", str(path)],
            capture_output=True,
            text=True,
            env=clean_env(),
            timeout=5,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("coprod was still busy with a 700-byte file after 5 seconds")
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr
