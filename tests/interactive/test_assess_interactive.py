"""The interactive assessment driven through prompt_toolkit's pipe input."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest
import yaml

# Driven through prompt_toolkit's pipe input, 1-2 s a test: left out of the fast loop
# (docs/development.md).
pytestmark = pytest.mark.slow

ENTER = "\r"
CTRL_C = "\x03"
CTRL_D = "\x04"


def project_keys(name: str = "Riverside Food Partnership") -> str:
    # name, stage 2 (design), no personal name, role 3 (officer)
    return f"{name}{ENTER}" + f"2{ENTER}" + ENTER + f"3{ENTER}"


def criteria_keys(content, answers: dict[str, str] | None = None) -> str:
    answers = answers or {}
    keys = ""
    for criterion in content.all_criteria():
        keys += answers.get(criterion.id, "n") + ENTER
    return keys + "We need residents to define the problem" + ENTER + ENTER


# the questions at the end: what matters most (none), what you bring (none), actions (none)
CYCLE_KEYS = ENTER * 3


def practice_keys(content, rating: str = "3") -> str:
    keys = ""
    for practice in content.practices:
        keys += (rating + ENTER) * len(practice.statements)
        keys += ENTER  # no note
    return keys + CYCLE_KEYS


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def saved_file(folder: Path) -> Path:
    files = sorted(folder.glob("coprod-*.yaml"))
    assert len(files) == 1, files
    return files[0]


def test_full_assessment_saves_answers_and_prints_report(invoke, pipe_input, content, workdir):
    favourable = {"problem-undefined": "y", "no-shared-solution": "y"}
    pipe_input.send_text(
        project_keys() + criteria_keys(content, favourable) + practice_keys(content)
    )
    result = invoke("assess")
    assert result.exit_code == 0, result.output
    path = saved_file(workdir)
    assert path.name == f"coprod-riverside-food-partnership-{date.today().isoformat()}.yaml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # personal data: the user's alone
    saved = yaml.safe_load(path.read_text())
    assert saved["version"] == 1
    assert saved["mode"] == "full"
    assert saved["complete"] is True
    assert saved["content_version"] == content.version
    assert saved["project"] == {"name": "Riverside Food Partnership", "stage": "design"}
    assert saved["respondent"] == {"role": "officer"}
    assert saved["criteria"]["problem-undefined"] == "yes"
    assert saved["criteria"]["instrumental-goal"] == "no"
    assert len(saved["ratings"]) == sum(len(p.statements) for p in content.practices)
    assert set(saved["ratings"].values()) == {3}
    assert saved["reflections"] == {"why": "We need residents to define the problem"}
    # the report: all 3s -> 75, strong; verdict favourable
    assert "Conditions look favourable" in result.stdout
    assert "Practice profile: 7 strong · overall 75" in result.stdout
    assert str(path.name) in result.stdout
    # the saved file scores the same without prompts
    again = json.loads(invoke("assess", "--answers", str(path), "--json").stdout)
    assert again["verdict"] == "favourable"
    assert {p["score"] for p in again["practices"]} == {75}


def test_progress_and_framing_are_shown(invoke, pipe_input, content, workdir):
    pipe_input.send_text(project_keys() + criteria_keys(content) + practice_keys(content))
    result = invoke("assess")
    assert "not a grade" in result.stdout
    assert "Ctrl-C" in result.stdout
    last = content.practices[-1]
    assert f"Practice {last.number} of 7: {last.name}" in result.stdout


def test_quick_mode_rates_each_practice_once(invoke, pipe_input, content, workdir):
    keys = project_keys("Quick one") + criteria_keys(content, {"known-solution": "y"})
    keys += "".join(f"{n % 5}{ENTER}{ENTER}" for n in range(7))  # ratings 0..4,0,1 and no notes
    pipe_input.send_text(keys + CYCLE_KEYS)
    result = invoke("assess", "--quick")
    assert result.exit_code == 0, result.output
    saved = yaml.safe_load(saved_file(workdir).read_text())
    assert saved["mode"] == "quick"
    assert list(saved["ratings"]) == [p.id for p in content.practices]
    assert list(saved["ratings"].values()) == [0, 1, 2, 3, 4, 0, 1]
    assert "Caution" in result.stdout
    # a practice's one rating is its score: 2 -> 50
    data = json.loads(invoke("assess", "--answers", str(saved_file(workdir)), "--json").stdout)
    assert [p["score"] for p in data["practices"]] == [0, 25, 50, 75, 100, 0, 25]
    assert data["warnings"] == ["known-solution"]


def test_dont_know_and_not_applicable_are_recorded(invoke, pipe_input, content, workdir):
    first = content.practices[0]
    keys = project_keys() + criteria_keys(content)
    keys += "d" + ENTER + "x" + ENTER + ("4" + ENTER) * (len(first.statements) - 2) + ENTER
    for practice in content.practices[1:]:
        keys += ("2" + ENTER) * len(practice.statements) + ENTER
    pipe_input.send_text(keys + CYCLE_KEYS)
    assert invoke("assess").exit_code == 0
    saved = yaml.safe_load(saved_file(workdir).read_text())
    assert saved["ratings"][first.statements[0].id] == "dont_know"
    assert saved["ratings"][first.statements[1].id] == "na"
    data = json.loads(invoke("assess", "--answers", str(saved_file(workdir)), "--json").stdout)
    openness = data["practices"][0]
    assert (openness["score"], openness["dont_know"], openness["na"]) == (100, 1, 1)


def test_going_back_changes_the_previous_answer(invoke, pipe_input, content, workdir):
    criteria = content.all_criteria()
    keys = project_keys()
    keys += "y" + ENTER  # first criterion: yes
    keys += "b" + ENTER  # second criterion: back
    keys += "n" + ENTER  # first criterion again: no
    keys += "n" + ENTER * 1  # second: no
    keys += ("n" + ENTER) * (len(criteria) - 2) + ENTER + ENTER
    keys += practice_keys(content)
    pipe_input.send_text(keys)
    assert invoke("assess").exit_code == 0
    saved = yaml.safe_load(saved_file(workdir).read_text())
    assert saved["criteria"][criteria[0].id] == "no"


def test_text_answers_can_go_back_with_less_than(invoke, pipe_input, content, workdir):
    keys = "First name" + ENTER + "<" + ENTER  # at the stage question: '<' is not valid there
    # stage is a select: go back with 'b', then retype the name
    keys = "First name" + ENTER + "b" + ENTER + "\x7f" * 10 + "Second name" + ENTER
    keys += "2" + ENTER + ENTER + "3" + ENTER + criteria_keys(content) + practice_keys(content)
    pipe_input.send_text(keys)
    assert invoke("assess").exit_code == 0
    saved = yaml.safe_load(saved_file(workdir).read_text())
    assert saved["project"]["name"] == "Second name"


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D])
def test_interrupt_keeps_a_resumable_draft(invoke, pipe_input, content, workdir, key):
    criteria = content.all_criteria()
    pipe_input.send_text(project_keys() + "y" + ENTER + "n" + ENTER + key)
    result = invoke("assess")
    assert result.exit_code == 130
    assert "Traceback" not in result.output
    path = saved_file(workdir)
    assert str(path.name) in result.stderr
    assert "--resume" in result.stderr
    draft = yaml.safe_load(path.read_text())
    assert draft["complete"] is False
    assert draft["criteria"] == {criteria[0].id: "yes", criteria[1].id: "no"}


def test_resume_carries_on_where_it_stopped(invoke, pipe_input, content, workdir):
    criteria = content.all_criteria()
    pipe_input.send_text(project_keys() + "y" + ENTER + "y" + ENTER + CTRL_C)
    assert invoke("assess").exit_code == 130
    path = saved_file(workdir)
    # resume: starts at the third criterion
    rest = ("n" + ENTER) * (len(criteria) - 2) + ENTER + ENTER + practice_keys(content, "1")
    pipe_input.send_text(rest)
    result = invoke("assess", "--resume", str(path))
    assert result.exit_code == 0, result.output
    assert "Resuming" in result.stdout
    saved = yaml.safe_load(path.read_text())
    assert saved["complete"] is True
    assert saved["criteria"][criteria[0].id] == "yes"
    assert saved["criteria"][criteria[1].id] == "yes"
    assert set(saved["ratings"].values()) == {1}
    assert "favourable" in result.stdout.lower()


def test_interrupt_before_anything_typed_saves_nothing(invoke, pipe_input, workdir):
    pipe_input.send_text(CTRL_C)
    result = invoke("assess")
    assert result.exit_code == 130
    assert "nothing was saved" in result.stderr
    assert not list(workdir.glob("coprod-*.yaml"))


def test_existing_default_file_is_not_overwritten(invoke, pipe_input, content, workdir):
    taken = workdir / f"coprod-riverside-food-partnership-{date.today().isoformat()}.yaml"
    taken.write_text("keep me")
    keys = project_keys()
    keys = keys.replace(ENTER, ENTER + "1" + ENTER, 1)  # a new file (asked after the name)
    pipe_input.send_text(keys + criteria_keys(content) + practice_keys(content))
    assert invoke("assess").exit_code == 0
    assert taken.read_text() == "keep me"
    assert (workdir / taken.name.replace(".yaml", "-2.yaml")).exists()


def test_save_refuses_existing_file_without_force(invoke, pipe_input, content, workdir):
    target = workdir / "mine.yaml"
    target.write_text("keep me")
    result = invoke("assess", "--save", str(target))
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert target.read_text() == "keep me"
    pipe_input.send_text(project_keys() + criteria_keys(content) + practice_keys(content))
    assert invoke("assess", "--save", str(target), "--force").exit_code == 0
    assert yaml.safe_load(target.read_text())["complete"] is True


def test_check_asks_the_criteria_not_the_practices(invoke, pipe_input, content, workdir):
    answers = {"problem-undefined": "y", "fixed-process": "y", "known-solution": "u"}
    pipe_input.send_text(project_keys() + criteria_keys(content, answers))
    result = invoke("check")
    assert result.exit_code == 0, result.output
    assert "Caution" in result.stdout
    fixed = next(c for c in content.criteria.warning if c.id == "fixed-process")
    assert fixed.text.rstrip(".") in result.stdout.replace("\n", " ")
    assert "Things to find out" in result.stdout
    assert "Practice profile" not in result.stdout


def test_check_json_after_prompts(invoke, pipe_input, content, workdir):
    pipe_input.send_text(
        project_keys()
        + criteria_keys(content, {"problem-undefined": "y", "new-opportunities": "y"})
    )
    data = json.loads(invoke("check", "--json").stdout)
    assert data["version"] == 2
    assert data["verdict"] == "favourable"
    assert data["overall"] is None
    assert all(p["score"] is None for p in data["practices"])


def test_no_terminal_says_how_to_use_answers(invoke, monkeypatch):
    monkeypatch.setattr("coprod.interactive.interview.stdin_is_terminal", lambda: False)
    for command in ("assess", "check"):
        result = invoke(command)
        assert result.exit_code == 2
        assert "not a terminal" in result.stderr
        assert "--answers" in result.stderr
        assert "Traceback" not in result.output


def test_the_interview_ends_on_three_lines_and_the_full_reports_command(
    invoke, pipe_input, content, workdir
):
    """Issue 22, item 6: what stays on screen is the summary, not the report's last section."""
    from helpers.terminal import command_after

    pipe_input.send_text(project_keys() + criteria_keys(content) + practice_keys(content))
    result = invoke("assess")
    assert result.exit_code == 0, result.output
    path = saved_file(workdir)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    verdict, profile, start, full, _command = lines[-5:]
    assert verdict.startswith("When to co-produce: ")
    assert profile == "Practice profile: 7 strong · overall 75"
    assert start.startswith("Start with: ")
    assert full == "The full report:"
    # typed where the interview ran (the working folder), it opens the report
    assert command_after(lines, "The full report:") == ["coprod", "report", path.name]
    assert "Keep in mind" not in result.stdout  # the detail is in the full report
    report = invoke("report", str(path), "-f", "md").stdout
    assert "Keep in mind" in report


def test_going_back_from_the_first_question_says_there_is_nothing_before_it(
    invoke, pipe_input, content, workdir
):
    """Issue 22, item 9: '<' is never saved as the project's name."""
    keys = "<" + ENTER + project_keys() + criteria_keys(content) + practice_keys(content)
    pipe_input.send_text(keys)
    result = invoke("assess")
    assert result.exit_code == 0, result.output
    assert "This is the first question: there is nothing to go back to." in result.stdout
    saved = yaml.safe_load(saved_file(workdir).read_text())
    assert saved["project"]["name"] == "Riverside Food Partnership"
