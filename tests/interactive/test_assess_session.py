"""``coprod assess`` as a person meets it: Ctrl-C and stray keys, resuming a finished file, true counts, a name already taken, wrapping."""

from __future__ import annotations

import shlex
from datetime import date
from pathlib import Path

import pytest
from helpers.interview import (
    criteria_keys,
    flat,
    load,
    only_file,
    practice_keys,
    printed_command,
    project_keys,
)

from coprod.core.answers import Answers
from coprod.interactive.interview import Interview

pytestmark = pytest.mark.slow


ENTER = "\r"


CTRL_C = "\x03"


BACKSPACE = "\x7f"


# the questions at the end: what matters most (none), what you bring (none), actions (none)
CYCLE_KEYS = ENTER * 3


END_QUESTIONS = 3  # assess asks (and counts) them; check does not


def question_count(content, mode: str = "full") -> int:
    ratings = len(content.practices)
    if mode == "full":
        ratings = sum(len(p.statements) for p in content.practices)
    return 4 + len(content.all_criteria()) + 2 + ratings + len(content.practices)


@pytest.fixture
def finished(invoke, pipe_input, content, workdir) -> Path:
    keys = project_keys() + criteria_keys(content, why="Residents define it")
    pipe_input.send_text(keys + practice_keys(content, "3"))
    assert invoke("assess").exit_code == 0
    return only_file(workdir)


@pytest.fixture
def taken(workdir: Path) -> Path:
    path = workdir / f"coprod-riverside-food-partnership-{date.today().isoformat()}.yaml"
    path.write_text("keep me")
    return path


def words(text: str) -> str:
    return " ".join(text.split())


# Ctrl-C at the first question with --save ------------------------------------------------


def test_ctrl_c_at_the_first_question_claims_no_file_and_says_how_to_start_again(
    invoke, pipe_input, content, workdir
):
    pipe_input.send_text(CTRL_C)
    result = invoke("assess", "--save", "mine.yaml")
    assert result.exit_code == 130
    assert not (workdir / "mine.yaml").exists()
    assert "--resume" not in result.stderr  # no advice that would fail
    command = printed_command(result.stderr, "Start again with")
    assert command == ["coprod", "assess", "--save", "mine.yaml"]

    pipe_input.send_text(project_keys() + criteria_keys(content) + practice_keys(content))
    assert invoke(*command[1:]).exit_code == 0
    assert load(workdir / "mine.yaml")["complete"] is True


def test_ctrl_c_while_typing_the_name_keeps_it_and_the_printed_resume_works(
    invoke, pipe_input, content, workdir
):
    pipe_input.send_text("Riverside" + CTRL_C)
    result = invoke("assess", "--save", "my answers.yaml")
    assert result.exit_code == 130
    draft = load(workdir / "my answers.yaml")
    assert draft["project"]["name"] == "Riverside"
    assert draft["complete"] is False
    command = printed_command(result.stderr, "Carry on where you left off")
    assert command == ["coprod", "assess", "--resume", "my answers.yaml"]

    # resuming asks the stage next
    pipe_input.send_text(
        f"2{ENTER}{ENTER}3{ENTER}" + criteria_keys(content) + practice_keys(content)
    )
    assert invoke(*command[1:]).exit_code == 0
    done = load(workdir / "my answers.yaml")
    assert (done["complete"], done["project"]) == (True, {"name": "Riverside", "stage": "design"})


def test_ctrl_c_while_typing_a_note_keeps_the_note(invoke, pipe_input, content, workdir):
    first = content.practices[0]
    keys = project_keys() + criteria_keys(content) + ("2" + ENTER) * len(first.statements)
    pipe_input.send_text(keys + "Met residents twice" + CTRL_C)
    assert invoke("assess").exit_code == 130
    assert load(only_file(workdir))["notes"] == {first.id: "Met residents twice"}


# A stray Enter records nothing -----------------------------------------------------------


def test_a_stray_enter_records_no_rating_and_no_criterion(invoke, pipe_input, content, workdir):
    criteria = content.all_criteria()
    first = content.practices[0]
    keys = "Riverside" + ENTER + ENTER + "2" + ENTER + ENTER + "3" + ENTER  # stray Enter at stage
    keys += ENTER + "u" + ENTER  # stray Enter at the first criterion, then "not sure"
    keys += ("n" + ENTER) * (len(criteria) - 1) + ENTER + ENTER
    keys += ENTER + "3" + ENTER  # stray Enter at the first statement, then 3
    keys += ("2" + ENTER) * (len(first.statements) - 1) + ENTER
    keys += "".join(("2" + ENTER) * len(p.statements) + ENTER for p in content.practices[1:])
    pipe_input.send_text(keys + CYCLE_KEYS)
    result = invoke("assess")
    assert result.exit_code == 0, result.output
    saved = load(only_file(workdir))
    assert saved["project"]["stage"] == "design"
    assert saved["criteria"][criteria[0].id] == "unsure"
    assert saved["ratings"][first.statements[0].id] == 3
    assert 0 not in saved["ratings"].values()


def test_where_the_list_cannot_wait_a_stray_enter_asks_again(
    invoke, pipe_input, content, workdir, monkeypatch
):
    monkeypatch.setattr("coprod.interactive.prompts._list_control", lambda question: None)
    first = content.practices[0]
    keys = project_keys() + criteria_keys(content) + ENTER + "4" + ENTER
    keys += ("2" + ENTER) * (len(first.statements) - 1) + ENTER
    keys += "".join(("2" + ENTER) * len(p.statements) + ENTER for p in content.practices[1:])
    pipe_input.send_text(keys + CYCLE_KEYS)
    assert invoke("assess").exit_code == 0
    saved = load(only_file(workdir))
    assert saved["ratings"][first.statements[0].id] == 4
    assert 0 not in saved["ratings"].values()


# Resuming a finished file ----------------------------------------------------------------


def test_resuming_a_finished_file_says_so_and_can_stop_with_the_report(
    invoke, pipe_input, finished
):
    before = finished.read_bytes()
    pipe_input.send_text("s" + ENTER)
    result = invoke("assess", "--resume", str(finished))
    assert result.exit_code == 0, result.output
    assert "assessment is complete" in result.stdout
    assert "Practice profile" in result.stdout  # the report
    assert finished.read_bytes() == before


def test_resuming_a_finished_file_can_review_it_with_the_answers_as_defaults(
    invoke, pipe_input, content, finished
):
    criteria = content.all_criteria()
    last = content.practices[-1].statements[-1]
    total = question_count(content)
    # review: Enter keeps every answer, except the first criterion (yes) and the last rating (1)
    keys = ["r"] + [""] * total
    keys[1 + 4] = "y"
    keys[1 + total - 2] = "1"
    pipe_input.send_text("".join(k + ENTER for k in keys) + CYCLE_KEYS)
    result = invoke("assess", "--resume", str(finished))
    assert result.exit_code == 0, result.output
    assert "Reviewing" in result.stdout
    saved = load(finished)
    assert saved["complete"] is True
    assert saved["project"] == {"name": "Riverside Food Partnership", "stage": "design"}
    assert saved["reflections"] == {"why": "Residents define it"}
    assert saved["criteria"][criteria[0].id] == "yes"
    assert saved["criteria"][criteria[1].id] == "no"
    assert saved["ratings"][last.id] == 1
    assert sorted(set(saved["ratings"].values())) == [1, 3]


# Progress and true counts ----------------------------------------------------------------


@pytest.mark.parametrize("mode", ["full", "quick"])
def test_the_banner_counts_the_questions_that_are_asked(invoke, pipe_input, content, workdir, mode):
    total = question_count(content, mode) + END_QUESTIONS
    pipe_input.send_text(CTRL_C)
    result = invoke("assess", *(["--quick"] if mode == "quick" else []))
    assert f"{total} questions:" in flat(result.stdout)


def test_every_question_counts_toward_the_total(content):
    for mode in ("full", "quick"):
        answers = Answers.new(mode, content.version)
        interview = Interview(content, answers, lambda a: None, print)
        assert len(interview.steps) == question_count(content, mode)
        labels = [interview.progress(i) for i in range(len(interview.steps))]
        assert labels[0].startswith(f"Question 1 of {len(interview.steps)} · about ")
        assert labels[-1].startswith(f"Question {len(interview.steps)} of {len(interview.steps)}")
        left = [interview.seconds_left(i) for i in range(len(interview.steps))]
        assert left == sorted(left, reverse=True) and left[-1] > 0


def test_the_resume_banner_says_how_far_they_got(invoke, pipe_input, content, workdir):
    pipe_input.send_text(project_keys() + "y" + ENTER + "n" + ENTER + CTRL_C)
    assert invoke("assess").exit_code == 130
    pipe_input.send_text(CTRL_C)
    result = invoke("assess", "--resume", str(only_file(workdir)))
    total = question_count(content) + END_QUESTIONS
    assert f"as far as question 7 of {total}" in flat(result.stdout)


# A file for the same project and day -----------------------------------------------------


def test_a_taken_name_is_said_before_the_questions_and_a_new_file_used(
    invoke, pipe_input, content, workdir, taken
):
    keys = "Riverside Food Partnership" + ENTER + "1" + ENTER + f"2{ENTER}{ENTER}3{ENTER}"
    pipe_input.send_text(keys + criteria_keys(content) + practice_keys(content))
    result = invoke("assess")
    assert result.exit_code == 0, result.output
    new = taken.with_name(taken.stem + "-2.yaml")
    assert taken.read_text() == "keep me"
    assert load(new)["complete"] is True
    said = result.stdout.index(taken.name)
    assert said < result.stdout.index("When to co-produce?")  # before the questions


def test_a_taken_name_can_be_changed_instead(invoke, pipe_input, content, workdir, taken):
    name = "Riverside Food Partnership"
    keys = name + ENTER + "2" + ENTER + BACKSPACE * len(name) + "Riverside Walks" + ENTER
    keys += f"2{ENTER}{ENTER}3{ENTER}" + criteria_keys(content) + practice_keys(content)
    pipe_input.send_text(keys)
    assert invoke("assess").exit_code == 0
    assert sorted(p.name for p in workdir.glob("coprod-*.yaml")) == sorted(
        [taken.name, f"coprod-riverside-walks-{date.today().isoformat()}.yaml"]
    )


def test_a_taken_name_can_stop_to_carry_on_with_that_file(invoke, pipe_input, workdir, taken):
    pipe_input.send_text("Riverside Food Partnership" + ENTER + "3" + ENTER)
    result = invoke("check")
    assert result.exit_code == 0, result.output
    assert [p.name for p in workdir.glob("coprod-*.yaml")] == [taken.name]
    assert printed_command(result.stderr, "existing file") == [
        "coprod",
        "assess",
        "--resume",
        taken.name,
    ]


# Wrapping (the terminal itself: test_interview_terminal.py) ------------------------------


@pytest.mark.parametrize("width", [40, 80, 100])
def test_prompts_break_between_words_and_leave_room_for_the_answer(content, width):
    from coprod.interactive.prompts import wrap_prompt

    path = "coprod-riverside-community-food-partnership-2026-12-01.yaml"
    texts = [c.question for c in content.all_criteria()]
    texts += [s.text for _, s in content.statements()] + [f"Saved in {path}, resume it"]
    for text in texts:
        message = f"Question 5 of 63 · about 16 minutes left\n[When to co-produce 1/8] {text}"
        shown = "? " + wrap_prompt(message, width, after="(y/n/u)", room=12) + " (y/n/u)"
        lines = shown.split("\n")
        assert words(shown) == words("? " + message + " (y/n/u)")  # nothing split or lost
        assert all(len(line) <= width or " " not in line.strip() for line in lines)
        assert len(lines[-1]) - len(" (y/n/u)") + 1 + 12 <= width  # the answer fits too
        assert all(line.startswith("  ") for line in lines[1:])
        if path in text:
            assert any(path in line for line in lines)


def test_a_long_command_is_continued_so_it_still_works_as_typed():
    from coprod.terminal.lines import command_line

    words_typed = ["coprod", "assess", "--resume", "food partnership answers.yaml"]
    shown = command_line(*words_typed, width=40)
    lines = shown.split("\n")
    assert len(lines) > 1 and all(len(line) <= 40 for line in lines)
    assert shlex.split(shown.replace("\\\n", " ")) == words_typed
