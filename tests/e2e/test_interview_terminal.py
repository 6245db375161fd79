"""Issue 8 in a real terminal: the installed ``coprod`` in a pseudo-terminal (pexpect),
its output played into a terminal emulator (pyte) to read the screen as a person does.
"""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest
import yaml
from helpers.terminal import Screen, answer, command_after, spawn

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]

ROWS = 400  # tall enough that nothing scrolls off the emulated screen


def words(text: str) -> str:
    return " ".join(text.split())


def total_questions(content) -> int:
    statements = sum(len(p.statements) for p in content.practices)
    end = 3  # what matters most, what you bring, and the actions
    return 4 + len(content.all_criteria()) + 2 + statements + len(content.practices) + end


@pytest.mark.parametrize("columns", [40, 80, 100])
def test_prompts_wrap_at_word_boundaries_and_keep_paths_whole(tmp_path: Path, content, columns):
    criteria = content.all_criteria()
    first = content.practices[0]
    total = total_questions(content)
    child = spawn(["assess"], tmp_path, columns=columns, rows=ROWS)
    screen = Screen(child, columns, ROWS)
    answer(child, "What is the project called", "Food Pilot")
    answer(child, "What stage is it at", "1")
    answer(child, "Your name", "")
    answer(child, "Which best describes your role", "2")
    for number in range(1, len(criteria) + 1):
        answer(child, rf"When to co-produce {number}/{len(criteria)}\]", "n")
    answer(child, "Why is co-production needed", "Residents hold knowledge we lack")
    answer(child, "What can participants bring", "")
    for index in (1, 2):
        answer(child, rf"statement {index} of {len(first.statements)}\]", "3")
    child.expect(rf"statement 3 of {len(first.statements)}\]")
    child.sendcontrol("c")
    child.expect("Carry on where you left off")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    seen = screen.text()
    shown = [criterion.question for criterion in criteria]
    shown += [s.text for s in first.statements[:3]]
    shown += ["Agenda-setting: deciding what the issue is", "Community or voluntary sector"]
    for text in shown:  # a word split across lines would read as two words here
        assert words(text) in seen, text
    assert f"Question 5 of {total} · about " in seen  # progress through the whole assessment
    assert all(len(line) <= columns for line in screen.lines)

    draft = next(tmp_path.glob("coprod-*.yaml"))
    assert any(line.strip() == draft.name for line in screen.lines)  # the path on a line whole
    command = command_after(screen.lines, "Carry on where you left off")
    assert command == ["coprod", "assess", "--resume", draft.name]


def test_ctrl_c_at_the_first_question_says_nothing_untrue(tmp_path: Path) -> None:
    child = spawn(["assess", "--save", "mine.yaml"], tmp_path)
    screen = Screen(child, 100, ROWS)
    child.expect("What is the project called")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not (tmp_path / "mine.yaml").exists()
    said = screen.text().split("Stopped", 1)[1]
    assert "--resume" not in said and "saved in" not in said
    assert command_after(screen.lines, "Start again with") == [
        "coprod",
        "assess",
        "--save",
        "mine.yaml",
    ]


def test_a_name_typed_before_ctrl_c_is_kept_and_the_printed_command_resumes(
    tmp_path: Path, content
) -> None:
    child = spawn(["assess", "--save", "my answers.yaml"], tmp_path)
    screen = Screen(child, 100, ROWS)
    child.expect("What is the project called")
    child.send("Pexpect Project")
    child.expect("Pexpect Project")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert yaml.safe_load((tmp_path / "my answers.yaml").read_text())["project"] == {
        "name": "Pexpect Project"
    }

    command = command_after(screen.lines, "Carry on where you left off")
    assert command[:3] == ["coprod", "assess", "--resume"]
    child = spawn(command[1:], tmp_path)
    screen = Screen(child, 100, ROWS)
    child.expect("What stage is it at")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert f"as far as question 2 of {total_questions(content)}" in screen.text()


def test_an_unanswered_list_points_at_no_answer_and_enter_records_nothing(
    tmp_path: Path, content
) -> None:
    criteria = content.all_criteria()
    child = spawn(["assess"], tmp_path, rows=ROWS)
    screen = Screen(child, 100, ROWS)
    answer(child, "What is the project called", "Stray Enter")
    answer(child, "What stage is it at", "1")
    answer(child, "Your name", "")
    answer(child, "Which best describes your role", "2")
    child.expect(r"When to co-produce 1/")
    child.expect("Back to the previous question")
    pointed = [line for line in screen.lines if "»" in line]
    assert pointed and not any(word in pointed[-1] for word in ("Yes", "No", "Not sure"))
    child.send("\r")  # a stray Enter
    screen.wait_for(child, "Nothing recorded")
    child.send("u\r")
    child.expect(r"When to co-produce 2/")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    draft = yaml.safe_load(next(tmp_path.glob("coprod-*.yaml")).read_text())
    assert draft["criteria"] == {criteria[0].id: "unsure"}
