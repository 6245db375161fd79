"""The cycle in `coprod assess`, through prompt_toolkit's pipe input: what you bring,
choosing actions, and reviewing last time's (``--previous``, ``--resume``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES

from coprod.interactive.end_questions import _suggestions
from coprod.storage.answers_file import load_answers

# Driven through prompt_toolkit's pipe input, 1-2 s a test: left out of the fast loop
# (docs/development.md).
pytestmark = pytest.mark.slow

ENTER = "\r"
DOWN = "\x1b[B"
SPACE = " "
CTRL_C = "\x03"
SKIP = ENTER  # a checkbox with nothing chosen


def project_keys(name: str = "Riverside Food Partnership") -> str:
    return f"{name}{ENTER}2{ENTER}{ENTER}3{ENTER}"


def criteria_keys(content) -> str:
    return ("n" + ENTER) * len(content.all_criteria()) + ENTER + ENTER


def rating_keys(content, ratings: list[str] | None = None) -> str:
    """Full mode: practice n gets ``ratings[n]`` for every statement; no notes."""
    ratings = ratings or ["1", "2", "3", "3", "4", "4", "0"]
    return "".join(
        (rating + ENTER) * len(p.statements) + ENTER
        for p, rating in zip(content.practices, ratings, strict=True)
    )


def pick(*positions: int) -> str:
    """Checkbox keys: choose the items at these positions (0-based), then Enter."""
    keys, at = "", 0
    for position in sorted(positions):
        keys += DOWN * (position - at) + SPACE
        at = position
    return keys + ENTER


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def saved(folder: Path) -> tuple[Path, dict[str, Any]]:
    files = sorted(folder.glob("coprod-*.yaml"))
    assert len(files) == 1, files
    return files[0], yaml.safe_load(files[0].read_text())


def test_full_assessment_records_what_you_bring_and_three_actions(
    invoke, pipe_input, content, workdir
):
    characteristics = [c.id for c in content.background.arc_characteristics]
    keys = project_keys() + criteria_keys(content) + rating_keys(content)
    keys += SKIP  # what matters most: nothing
    keys += pick(0, 5)  # Analysis and Roots
    keys += pick(0, 1)  # the first two suggested next steps
    keys += "Sam" + ENTER + "in 4 weeks" + ENTER  # first: owner, due
    keys += ENTER + ENTER  # second: no owner, no date
    pipe_input.send_text(keys)
    result = invoke("assess")
    assert result.exit_code == 0, result.output
    path, data = saved(workdir)
    assert data["respondent"]["brings"] == [characteristics[0], characteristics[5]]
    answers = load_answers(path, content).answers
    first, second = answers.actions
    # the suggestions are the priority practices' next steps, weakest practice first
    suggested = _suggestions(dataclasses.replace(answers, actions=[]), content)
    assert (first.practice, first.statement, first.text) == suggested[0]
    assert (second.practice, second.statement, second.text) == suggested[1]
    assert first.practice == "holding"  # rated 0 throughout: the weakest
    assert first.owner == "Sam" and first.due == dt.date.today() + dt.timedelta(weeks=4)
    assert second.owner is None and second.due is None
    assert first.status == second.status == "not-started"
    assert re.fullmatch(r"act-[0-9a-f]{6}", first.id) and first.id != second.id
    shown = " ".join(result.stdout.split())
    assert "Who is in the room?" in shown and "What next? Choose up to 3 actions" in shown
    assert first.text in shown  # a chosen suggestion is said once


def test_quick_assessment_asks_the_same_and_own_words_work(invoke, pipe_input, content, workdir):
    keys = project_keys("Quick one") + criteria_keys(content)
    keys += "".join(f"{n % 5}{ENTER}{ENTER}" for n in range(7))
    draft = dataclasses.replace(
        load_answers(FIXTURES / "full.yaml", content).answers,
        mode="quick",
        ratings={p.id: n % 5 for n, p in enumerate(content.practices)},
    )
    own = len(_suggestions(draft, content))  # "Something in my own words" comes last
    keys += SKIP  # what matters most: nothing
    keys += pick(2)  # Experience
    keys += pick(own) + "Ask the tenants' forum to co-chair" + ENTER + "Jo" + ENTER
    keys += "2027-01-31" + ENTER
    pipe_input.send_text(keys)
    result = invoke("assess", "--quick")
    assert result.exit_code == 0, result.output
    _, data = saved(workdir)
    assert data["respondent"]["brings"] == ["experience"]
    (action,) = data["actions"]
    assert action["text"] == "Ask the tenants' forum to co-chair"
    assert "practice" not in action and "statement" not in action
    assert (action["owner"], action["due"], action["status"]) == ("Jo", "2027-01-31", "not-started")


def test_more_than_three_actions_are_refused_and_a_bad_date_is_asked_again(
    invoke, pipe_input, content, workdir
):
    keys = project_keys() + criteria_keys(content) + rating_keys(content) + SKIP + SKIP
    keys += DOWN.join([SPACE] * 4) + ENTER  # four chosen: refused
    keys += SPACE + ENTER  # the fourth unchosen: three
    keys += ENTER + "next Tuesday" + ENTER + "2027-02-01" + ENTER  # first: bad date, then a date
    keys += (ENTER + ENTER) * 2
    pipe_input.send_text(keys)
    result = invoke("assess")
    assert result.exit_code == 0, result.output
    _, data = saved(workdir)
    assert len(data["actions"]) == 3
    assert data["actions"][0]["due"] == "2027-02-01"
    assert "brings" not in data["respondent"]  # nothing chosen: nothing stored
    assert "not a date" in result.stderr


def write_previous(folder: Path) -> Path:
    data = yaml.safe_load((FIXTURES / "full.yaml").read_text())
    data["actions"] = [
        {"id": "act-aaa111", "text": "Write a 'fixed and open' note", "practice": "openness",
         "statement": "openness-2", "owner": "Sam", "due": "2026-12-15", "status": "open"},
        {"id": "act-bbb222", "text": "Book a design review", "status": "in-progress"},
        {"id": "act-ccc333", "text": "Already finished", "status": "done"},
    ]  # fmt: skip
    path = folder / "old.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_previous_reviews_open_actions_and_carries_them_with_the_same_id(
    invoke, pipe_input, content, workdir
):
    old = write_previous(workdir)
    keys = "d" + ENTER + "Shared at the December meeting" + ENTER  # act-aaa111: done
    keys += "x" + ENTER + ENTER  # act-bbb222: dropped, no note
    keys += project_keys() + criteria_keys(content) + rating_keys(content) + SKIP * 3
    pipe_input.send_text(keys)
    result = invoke("assess", "--previous", str(old))
    assert result.exit_code == 0, result.output
    assert "Last time's actions" in result.stdout and "2 still open" in result.stdout
    new, data = saved(workdir)
    assert data["previous"] == str(old)
    assert [(a["id"], a["status"], a.get("note")) for a in data["actions"]] == [
        ("act-aaa111", "done", "Shared at the December meeting"),
        ("act-bbb222", "dropped", None),
    ]
    assert data["actions"][0]["owner"] == "Sam" and data["actions"][0]["due"] == "2026-12-15"
    # any two files can now be matched action by action
    review = json.loads(invoke("compare", str(old), str(new), "--format", "json").stdout)
    assert [(a["id"], a["then"], a["now"]) for a in review["actions"]] == [
        ("act-aaa111", "not-started", "done"),
        ("act-bbb222", "in-progress", "dropped"),
        ("act-ccc333", "done", None),
    ]


def test_resume_of_a_draft_naming_a_previous_file_reviews_what_is_left(
    invoke, pipe_input, content, workdir
):
    write_previous(workdir)
    draft = {
        "version": 1,
        "project": {"name": "Riverside Food Partnership", "stage": "design"},
        "respondent": {"role": "officer", "brings": ["reach"]},
        "content_version": content.version,
        "mode": "full",
        "date": dt.date.today().isoformat(),
        "complete": False,
        "previous": "old.yaml",
        "criteria": {c.id: "no" for c in content.all_criteria()},
        "actions": [
            {"id": "act-aaa111", "text": "Write a 'fixed and open' note", "status": "done"}
        ],
    }
    path = workdir / "coprod-riverside-food-partnership-draft.yaml"
    path.write_text(yaml.safe_dump(draft, sort_keys=False))
    keys = "i" + ENTER + "Booked for March" + ENTER  # only act-bbb222 is left to review
    keys += rating_keys(content)
    keys += ENTER  # what matters most: nothing
    keys += ENTER  # what you bring: Reach stays chosen
    keys += pick(0) + ENTER + ENTER  # one new action
    pipe_input.send_text(keys)
    result = invoke("assess", "--resume", str(path))
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(path.read_text())
    assert data["complete"] is True and data["previous"] == "old.yaml"
    assert data["respondent"]["brings"] == ["reach"]
    ids = [a["id"] for a in data["actions"]]
    assert ids[:2] == ["act-aaa111", "act-bbb222"] and len(ids) == 3
    assert data["actions"][1]["status"] == "in-progress"
    assert data["actions"][1]["note"] == "Booked for March"
    # and it reads back the same
    again = load_answers(path, content).answers
    assert [a.id for a in again.actions] == ids


def test_ctrl_c_in_the_review_keeps_what_was_answered(invoke, pipe_input, content, workdir):
    old = write_previous(workdir)
    path = workdir / "coprod-new.yaml"
    pipe_input.send_text("d" + ENTER + ENTER + CTRL_C)
    result = invoke("assess", "--previous", str(old), "--save", str(path))
    assert result.exit_code == 130
    data = yaml.safe_load(path.read_text())
    assert data["previous"] == str(old)
    assert [(a["id"], a["status"]) for a in data["actions"]] == [("act-aaa111", "done")]
    assert "--resume" in result.stderr


def test_previous_must_be_a_valid_answers_file(invoke, workdir):
    bad = workdir / "old.yaml"
    bad.write_text("version: 1\nproject: {name: X}\nactions: [{id: a, text: t, status: maybe}]\n")
    result = invoke("assess", "--previous", str(bad))
    assert result.exit_code == 2
    assert str(bad) in result.stderr and "status" in result.stderr


def test_ctrl_c_while_typing_a_note_or_an_action_keeps_the_words(
    invoke, pipe_input, content, workdir
):
    old = write_previous(workdir)
    path = workdir / "coprod-new.yaml"
    pipe_input.send_text("i" + ENTER + "Half done" + CTRL_C)
    assert invoke("assess", "--previous", str(old), "--save", str(path)).exit_code == 130
    data = yaml.safe_load(path.read_text())
    assert data["actions"] == [
        {
            "id": "act-aaa111",
            "text": "Write a 'fixed and open' note",
            "practice": "openness",
            "statement": "openness-2",
            "owner": "Sam",
            "due": "2026-12-15",
            "status": "in-progress",
            "note": "Half done",
        }
    ]

    other = workdir / "coprod-other.yaml"
    ratings = {
        s.id: int(r)
        for p, r in zip(content.practices, ["1", "2", "3", "3", "4", "4", "0"], strict=True)
        for s in p.statements
    }
    draft = load_answers(FIXTURES / "full.yaml", content).answers
    own = len(_suggestions(dataclasses.replace(draft, ratings=ratings), content))
    keys = project_keys() + criteria_keys(content) + rating_keys(content) + SKIP + SKIP
    pipe_input.send_text(keys)
    # finish everything but the actions, then stop while typing one in own words
    keys = pick(own) + "Invite the youth" + CTRL_C
    pipe_input.send_text(keys)
    result = invoke("assess", "--save", str(other))
    assert result.exit_code == 130, result.output
    data = yaml.safe_load(other.read_text())
    assert [a["text"] for a in data["actions"]] == ["Invite the youth"]


def test_previous_for_another_project_is_flagged(invoke, pipe_input, content, workdir):
    old = write_previous(workdir)
    keys = "d" + ENTER + ENTER + "n" + ENTER + ENTER
    keys += project_keys("Another project") + criteria_keys(content) + rating_keys(content)
    pipe_input.send_text(keys + SKIP * 3)
    result = invoke("assess", "--previous", str(old))
    assert result.exit_code == 0, result.output
    assert "'Riverside Food Partnership'" in result.stderr and "'Another project'" in result.stderr


def test_stopping_at_the_actions_then_resuming_asks_only_the_end(
    invoke, pipe_input, content, workdir
):
    path = workdir / "coprod-stop.yaml"
    keys = project_keys() + criteria_keys(content) + rating_keys(content) + SKIP + pick(1)
    keys += CTRL_C
    pipe_input.send_text(keys)
    assert invoke("assess", "--save", str(path)).exit_code == 130
    assert yaml.safe_load(path.read_text())["respondent"]["brings"] == ["vision"]
    # resuming asks the last (optional) note again, then the end: what matters most, what
    # you bring and the actions
    pipe_input.send_text(ENTER + SKIP + ENTER + pick(0) + "Ali" + ENTER + ENTER)
    result = invoke("assess", "--resume", str(path))
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(path.read_text())
    assert data["complete"] is True and data["respondent"]["brings"] == ["vision"]
    assert [a["owner"] for a in data["actions"]] == ["Ali"]


def test_team_choose_actions_adds_the_groups_priorities_to_your_file(
    invoke, pipe_input, content, workdir
):
    step = {
        "text": "Write a 'fixed and open' note",
        "practice": "openness",
        "statement": "openness-2",
    }
    paths = []
    for i, name in enumerate(("sam", "resident", "jo")):
        data = yaml.safe_load((FIXTURES / f"team-{name}.yaml").read_text())
        if i < 2:
            data["actions"] = [{"id": f"act-{i}", **step}]
        path = workdir / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False))
        paths.append(path)
    pipe_input.send_text(pick(0, 1) + "Jo" + ENTER + "in 2 weeks" + ENTER + ENTER + ENTER)
    result = invoke("team", *map(str, paths), "--choose-actions", str(paths[2]))
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(paths[2].read_text())
    first, second = data["actions"]
    # the shared priority comes first; then the next steps in most people's priorities
    assert (first["statement"], first["text"], first["owner"]) == ("openness-2", step["text"], "Jo")
    assert first["due"] == (dt.date.today() + dt.timedelta(weeks=2)).isoformat()
    assert second["statement"] != "openness-2" and "owner" not in second
    assert str(paths[2]) in " ".join(result.stdout.split())
    # everything else in the file is as it was
    before = yaml.safe_load((FIXTURES / "team-jo.yaml").read_text())
    assert data["ratings"] == before["ratings"] and data["criteria"] == before["criteria"]

    refused = invoke("team", *map(str, paths), "--choose-actions", str(paths[2]), "-f", "md")
    assert refused.exit_code == 2
