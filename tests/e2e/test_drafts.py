"""Two sessions on one draft of the installed command: the second refused, a killed one leaves no lock."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pexpect
import pytest
import yaml
from helpers import FIXTURES
from helpers.terminal import spawn

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(90)]


FULL = FIXTURES / "full.yaml"


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


# Two sessions on one draft ---------------------------------------------------------------


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
