"""The interview stopped part-way (Ctrl-D, stop): what is kept, and resuming there."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coprod.storage.content import load_content

CONTENT = load_content()


ENTER = "\r"


CTRL_C = "\x03"


CTRL_D = "\x04"


def project_keys(name: str = "Riverside Food Partnership") -> str:
    return f"{name}{ENTER}2{ENTER}{ENTER}3{ENTER}"


def criteria_keys() -> str:
    return ("n" + ENTER) * len(CONTENT.all_criteria()) + ENTER + ENTER


def only_draft(folder: Path) -> Path:
    files = sorted(folder.glob("coprod-*.yaml"))
    assert len(files) == 1, files
    return files[0]


def assert_stopped_with_draft(result, folder: Path) -> dict:
    assert result.exit_code == 130, result.output
    assert "Traceback" not in result.output
    draft = only_draft(folder)
    assert draft.name in result.stderr
    assert f"--resume {draft.name}" in result.stderr
    data = yaml.safe_load(draft.read_text())
    assert data["complete"] is False
    return data


# Interruption at text and rating prompts -------------------------------------------------


def test_ctrl_d_at_the_first_text_prompt_saves_nothing(invoke, pipe_input, workdir) -> None:
    pipe_input.send_text(CTRL_D)
    result = invoke("assess")
    assert result.exit_code == 130
    assert "nothing was saved" in result.stderr
    assert not list(workdir.iterdir())


def test_ctrl_d_at_a_text_prompt_keeps_the_draft(invoke, pipe_input, workdir) -> None:
    pipe_input.send_text(f"Riverside Food Partnership{ENTER}2{ENTER}" + CTRL_D)  # at "Your name"
    draft = assert_stopped_with_draft(invoke("assess"), workdir)
    assert draft["project"] == {"name": "Riverside Food Partnership", "stage": "design"}
    assert not draft.get("criteria")


def test_ctrl_d_at_a_note_prompt_keeps_the_ratings(invoke, pipe_input, workdir) -> None:
    first = CONTENT.practices[0]
    keys = project_keys() + criteria_keys() + ("2" + ENTER) * len(first.statements)
    pipe_input.send_text(keys + CTRL_D)  # at "Any note or evidence"
    draft = assert_stopped_with_draft(invoke("assess"), workdir)
    assert draft["ratings"] == {s.id: 2 for s in first.statements}
    assert not draft.get("reflections")
    assert not draft.get("notes")


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_stop_at_a_rating_prompt_keeps_the_ratings_and_resumes_there(
    invoke, pipe_input, workdir, key
) -> None:
    first = CONTENT.practices[0]
    ids = [s.id for s in first.statements]
    pipe_input.send_text(project_keys() + criteria_keys() + f"4{ENTER}0{ENTER}" + key)
    draft = assert_stopped_with_draft(invoke("assess"), workdir)
    assert draft["ratings"] == {ids[0]: 4, ids[1]: 0}
    assert set(draft["criteria"].values()) == {"no"}

    # resuming asks the third statement next: answer it, then stop again
    pipe_input.send_text(f"1{ENTER}" + key)
    path = only_draft(workdir)
    result = invoke("assess", "--resume", str(path))
    assert result.exit_code == 130, result.output
    assert "Resuming" in result.stdout
    again = yaml.safe_load(path.read_text())
    assert again["ratings"] == {ids[0]: 4, ids[1]: 0, ids[2]: 1}
