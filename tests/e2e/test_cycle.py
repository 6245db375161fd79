"""End to end: the cycle in the installed ``coprod assess`` in a real pseudo-terminal."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest
import yaml
from helpers import FIXTURES
from helpers.terminal import answer, spawn

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(90)]


def test_review_last_time_then_choose_what_you_bring_and_an_action(tmp_path: Path, content):
    old = yaml.safe_load((FIXTURES / "full.yaml").read_text())
    old["actions"] = [{"id": "act-e2e001", "text": "Send the first update", "status": "open"}]
    (tmp_path / "old.yaml").write_text(yaml.safe_dump(old))
    child = spawn(["assess", "--quick", "--previous", "old.yaml", "--save", "new.yaml"], tmp_path)
    child.expect("Last time's actions")
    answer(child, r"Send the first update", "d")
    answer(child, "A note on it", "Sent on Monday")
    answer(child, "What is the project called", "Riverside Food Partnership")
    answer(child, "What stage is it at", "2")
    answer(child, "Your name", "Sam")
    answer(child, "Which best describes your role", "3")
    for number in range(1, len(content.all_criteria()) + 1):
        answer(child, rf"When to co-produce {number}/", "n")
    answer(child, "Why is co-production needed here", "")
    answer(child, "What can participants bring", "")
    for practice in content.practices:
        answer(child, rf"Practice {practice.number} of", "2")
        answer(child, "Any note or evidence", "")
    answer(child, "What matters most to you", " ")  # the first practice
    answer(child, "Which of these do you bring", "\x1b[B\x1b[B ")  # Experience
    answer(child, "Which actions", " ")  # the first suggestion
    answer(child, "Who will do it", "Sam")
    answer(child, "Due by", "in 2 weeks")
    child.expect("Answers saved to")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = yaml.safe_load((tmp_path / "new.yaml").read_text())
    assert saved["previous"] == "old.yaml"
    assert saved["respondent"]["brings"] == ["experience"]
    assert saved["matters_most"] == [content.practices[0].id]
    carried, chosen = saved["actions"]
    assert (carried["id"], carried["status"], carried["note"]) == (
        "act-e2e001",
        "done",
        "Sent on Monday",
    )
    assert chosen["owner"] == "Sam" and chosen["status"] == "not-started" and chosen["due"]
