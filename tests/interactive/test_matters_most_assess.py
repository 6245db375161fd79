"""`coprod assess`: at the end, a pick-up-to-three list of what matters most to the person."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers.interview import criteria_keys, project_keys

pytestmark = pytest.mark.slow  # driven through prompt_toolkit's pipe input

ENTER = "\r"
DOWN = "\x1b[B"
SPACE = " "
CTRL_C = "\x03"
SKIP = ENTER  # a checkbox with nothing chosen: skipped


def pick(*positions: int) -> str:
    """Checkbox keys: choose the items at these positions (0-based), then Enter."""
    keys, at = "", 0
    for position in sorted(positions):
        keys += DOWN * (position - at) + SPACE
        at = position
    return keys + ENTER


def rating_keys(content, first: str = "3") -> str:  # type: ignore[no-untyped-def]
    """Full mode: the first practice's statements rated ``first``, the rest 2; no notes."""
    keys = ""
    for n, practice in enumerate(content.practices):
        keys += ((first if n == 0 else "2") + ENTER) * len(practice.statements) + ENTER
    return keys


def saved(folder: Path) -> dict:  # type: ignore[type-arg]
    (path,) = sorted(folder.glob("coprod-*.yaml"))
    return yaml.safe_load(path.read_text())  # type: ignore[no-any-return]


def test_up_to_three_rated_statements_are_picked_and_saved(invoke, pipe_input, content, workdir):
    ids = [s.id for _p, s in content.statements()]
    keys = project_keys() + criteria_keys(content) + rating_keys(content)
    keys += pick(0, 2) + SKIP + SKIP  # matters most: the first and third; brings, actions
    pipe_input.send_text(keys)
    result = invoke("assess")
    assert result.exit_code == 0, result.output
    assert saved(workdir)["matters_most"] == [ids[0], ids[2]]
    assert "What matters most?" in result.stdout  # the question's heading


def test_a_fourth_is_refused_until_one_is_unticked(invoke, pipe_input, content, workdir):
    ids = [s.id for _p, s in content.statements()]
    keys = project_keys() + criteria_keys(content) + rating_keys(content)
    keys += DOWN.join([SPACE] * 4) + ENTER  # four ticked: refused, the list stays
    keys += SPACE + ENTER  # the fourth unticked: three
    pipe_input.send_text(keys + SKIP + SKIP)
    result = invoke("assess")
    assert result.exit_code == 0, result.output
    data = saved(workdir)
    assert data["matters_most"] == ids[:3]
    assert "brings" not in data["respondent"]  # the keys after the refusal went to the list


def test_enter_alone_skips_it_and_nothing_is_stored(invoke, pipe_input, content, workdir):
    keys = project_keys() + criteria_keys(content) + rating_keys(content)
    pipe_input.send_text(keys + SKIP * 3)
    result = invoke("assess")
    assert result.exit_code == 0, result.output
    data = saved(workdir)
    assert "matters_most" not in data and data["complete"] is True


def test_only_statements_rated_0_to_4_are_offered(invoke, pipe_input, content, workdir):
    second = content.practices[1].statements[0].id
    keys = project_keys() + criteria_keys(content) + rating_keys(content, first="d")
    pipe_input.send_text(keys + pick(0) + SKIP + SKIP)  # the first offered
    result = invoke("assess")
    assert result.exit_code == 0, result.output
    # the first practice's statements were "Don't know": the list starts at the second
    assert saved(workdir)["matters_most"] == [second]


def test_quick_mode_offers_the_practices_rated(invoke, pipe_input, content, workdir):
    keys = project_keys("Quick one") + criteria_keys(content)
    keys += "".join(f"{n % 5}{ENTER}{ENTER}" for n in range(len(content.practices)))
    pipe_input.send_text(keys + pick(1) + SKIP + SKIP)
    result = invoke("assess", "--quick")
    assert result.exit_code == 0, result.output
    assert saved(workdir)["matters_most"] == [content.practices[1].id]


def test_resume_keeps_what_was_marked(invoke, pipe_input, content, workdir):
    ids = [s.id for _p, s in content.statements()]
    path = workdir / "coprod-mine.yaml"
    keys = project_keys() + criteria_keys(content) + rating_keys(content)
    keys += pick(1) + CTRL_C  # marked, then stopped at what you bring
    pipe_input.send_text(keys)
    assert invoke("assess", "--save", str(path)).exit_code == 130
    assert yaml.safe_load(path.read_text())["matters_most"] == [ids[1]]
    # resuming: the last note, then the list with the mark still ticked; Enter keeps it
    pipe_input.send_text(ENTER + ENTER + SKIP + SKIP)
    result = invoke("assess", "--resume", str(path))
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(path.read_text())
    assert data["complete"] is True and data["matters_most"] == [ids[1]]
