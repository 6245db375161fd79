"""``coprod check`` interactively: reflections saved, the intro, never overwriting, the caveats."""

from __future__ import annotations

import re

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

pytestmark = pytest.mark.slow


ENTER = "\r"


CTRL_C = "\x03"


SCORES_CAVEAT = "value-not-rank"


# the questions at the end: what matters most (none), what you bring (none), actions (none)
CYCLE_KEYS = ENTER * 3


# check keeps its answers -----------------------------------------------------------------


def test_check_saves_the_reflections_and_goes_on_to_the_practices(
    invoke, pipe_input, content, workdir
):
    keys = project_keys() + criteria_keys(content, why="Residents know it", bring="Time; skills")
    pipe_input.send_text(keys)
    result = invoke("check")
    assert result.exit_code == 0, result.output
    path = only_file(workdir)
    saved = load(path)
    assert saved["reflections"] == {"why": "Residents know it", "bring_and_take": "Time; skills"}
    assert saved["complete"] is False
    assert "ratings" not in saved or not saved["ratings"]

    command = printed_command(result.stdout, "Go on to the seven practices")
    assert command == ["coprod", "assess", "--resume", path.name]
    pipe_input.send_text(practice_keys(content))  # the first question asked is a rating
    assert invoke(*command[1:]).exit_code == 0
    done = load(path)
    assert done["complete"] is True
    assert done["reflections"]["bring_and_take"] == "Time; skills"


def test_check_shows_an_intro_with_its_questions_counted(invoke, pipe_input, content, workdir):
    pipe_input.send_text(CTRL_C)
    result = invoke("check")
    assert f"{4 + len(content.all_criteria()) + 2} questions:" in flat(result.stdout)


def test_check_save_never_overwrites_without_force(invoke, pipe_input, content, workdir):
    target = workdir / "mine.yaml"
    target.write_text("keep me")
    result = invoke("check", "--save", str(target))
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert target.read_text() == "keep me"
    pipe_input.send_text(project_keys() + criteria_keys(content, why="Because"))
    assert invoke("check", "--save", str(target), "--force").exit_code == 0
    assert load(target)["reflections"] == {"why": "Because"}
    assert not list(workdir.glob(".*.tmp"))


def test_check_lists_the_caveats_but_not_the_one_about_scores(invoke, content, full_answers):
    result = invoke("check", "--answers", str(full_answers))
    assert result.exit_code == 0, result.output
    caveats = {c.id: flat(c.text) for c in content.criteria.caveats}
    assert SCORES_CAVEAT in caveats
    bullets = [
        flat(item)
        for item in re.split(r"^ *• ", result.stdout, flags=re.MULTILINE)[1:]
        if item.strip()
    ]
    bullets[-1] = bullets[-1].split(" Your answers")[0]
    expected = [text for cid, text in caveats.items() if cid != SCORES_CAVEAT]
    assert [b[: len(t)] for b, t in zip(bullets, expected, strict=True)] == expected
    assert caveats[SCORES_CAVEAT] not in flat(result.stdout)
