"""End to end: the installed ``coprod assess`` in a real pseudo-terminal (pexpect)."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest
import yaml
from helpers.terminal import answer, spawn

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(90)]


def test_interrupt_then_resume_in_a_real_terminal(tmp_path: Path, content) -> None:
    child = spawn(["assess"], tmp_path)
    child.expect("not a grade")
    answer(child, "What is the project called", "Pexpect Project")
    answer(child, "What stage is it at", "1")
    answer(child, "Your name", "")
    answer(child, "Which best describes your role", "2")
    answer(child, r"When to co-produce 1/8", "y")
    child.expect(r"When to co-produce 2/8")
    child.sendcontrol("c")
    child.expect("Carry on where you left off")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    drafts = list(tmp_path.glob("coprod-pexpect-project-*.yaml"))
    assert len(drafts) == 1
    draft = yaml.safe_load(drafts[0].read_text())
    assert draft["complete"] is False
    assert draft["project"] == {"name": "Pexpect Project", "stage": "agenda-setting"}
    assert draft["respondent"] == {"role": "community-sector"}
    assert list(draft["criteria"].values()) == ["yes"]

    child = spawn(["assess", "--resume", str(drafts[0])], tmp_path)
    child.expect("Resuming")
    for number in range(2, 9):
        answer(child, rf"When to co-produce {number}/8", "y" if number == 2 else "n")
    answer(child, "Why is co-production needed here", "Residents hold knowledge we lack")
    answer(child, "What can participants bring", "")
    for practice in content.practices:
        for index in range(1, len(practice.statements) + 1):
            answer(child, rf"statement {index} of {len(practice.statements)}\]", "4")
        answer(child, "Any note or evidence", "")
    answer(child, "What matters most to you", "")  # none
    answer(child, "Which of these do you bring", " ")  # the first: Analysis
    answer(child, "Which actions", "")  # none
    child.expect("Answers saved to")
    child.expect("Practice profile: ")  # the last lines: the summary and the full report
    child.expect("The full report:")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = yaml.safe_load(drafts[0].read_text())
    assert saved["complete"] is True
    assert set(saved["ratings"].values()) == {4}
    assert saved["reflections"]["why"] == "Residents hold knowledge we lack"
    assert saved["respondent"]["brings"] == ["analysis"]
