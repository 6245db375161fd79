"""Signals to the installed command (SIGTERM, SIGINT, SIGKILL): the draft kept, exit codes, no lock left."""

from __future__ import annotations

import io
import os
import signal
import time

import pexpect
import pytest
import yaml
from helpers.terminal import answer, spawn

from coprod.storage.content import load_content

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(60)]


CONTENT = load_content()


# SIGTERM keeps the draft -----------------------------------------------------------------


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


# SIGINT at a list prompt -----------------------------------------------------------------


@pytest.mark.e2e
@pytest.mark.timeout(90)
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
