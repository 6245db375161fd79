"""An anonymous workshop stays anonymous in ``team``, ``report``, ``agenda`` and ``compare``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from helpers.workshop import Phone, answer_quick, app_for, make_workshop

from coprod.cli.commands.workshop import team_command_line
from coprod.core.models import Content

COUNCILLOR = re.compile(r"\bcouncillor\b", re.IGNORECASE)


@pytest.fixture
def anonymous_room(tmp_path: Path, content: Content) -> Path:
    """An --anonymous workshop's folder: a councillor and two residents answered."""
    folder = tmp_path / "ws"
    workshop = make_workshop(folder, content, anonymous=True)
    app = app_for(workshop)
    for role, rating in (("councillor", "1"), ("resident", "3"), ("resident", "4")):
        answer_quick(Phone(app, workshop), content, role=role, rating=rating)
    return folder


def files_in(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.glob("*.yaml"))


# an anonymous workshop stays anonymous ---------------------------------------------------


def test_team_over_an_anonymous_workshop_is_anonymous_by_default(invoke, anonymous_room) -> None:  # type: ignore[no-untyped-def]
    result = invoke("team", *files_in(anonymous_room))
    assert result.exit_code == 0, result.stderr
    assert "ouncillor" not in result.stdout  # the only councillor is not singled out
    assert "Anonymous: ratings are shown as counts" in " ".join(result.stdout.split())
    assert "anonymous workshop" in result.stderr and "--named" in result.stderr
    exported = invoke("team", *files_in(anonymous_room), "--format", "json")
    # the sides of the table are defined by their roles, beside no one: leave that out
    found = {k: v for k, v in json.loads(exported.stdout).items() if k != "sides"}
    assert "councillor" not in json.dumps(found)
    named = invoke("team", *files_in(anonymous_room), "--named")  # the facilitator alone
    assert "ouncillor" in named.stdout


def test_report_over_an_anonymous_workshop_names_no_role(invoke, anonymous_room) -> None:  # type: ignore[no-untyped-def]
    first = str(anonymous_room / "participant-001.yaml")
    named = invoke("report", first, "--format", "json", "--named")
    assert '"role": "councillor"' in named.stdout  # the facilitator alone, asking for it
    for fmt in ("md", "json", "html"):
        result = invoke("report", first, "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert '"role": "councillor"' not in result.stdout
        shown = invoke("report", first, "--format", fmt, "--named").stdout
        # "Councillor" is also in the content (a case's name): only the person's role goes
        assert "Respondent:** councillor" in shown or fmt != "md"
        assert len(COUNCILLOR.findall(result.stdout)) < len(COUNCILLOR.findall(shown)), fmt
    assert (anonymous_room / "participant-001.yaml").read_text().count("councillor") == 1


def test_agenda_over_an_anonymous_workshop_names_no_owner(invoke, anonymous_room) -> None:  # type: ignore[no-untyped-def]
    path = anonymous_room / "participant-002.yaml"
    data = yaml.safe_load(path.read_text())
    data["actions"] = [{"id": "act-1", "text": "Book the hall", "owner": "Cllr Evans"}]
    path.write_text(yaml.safe_dump(data))
    result = invoke("agenda", *files_in(anonymous_room), "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "Book the hall" in result.stdout and "Evans" not in result.stdout
    named = invoke("agenda", *files_in(anonymous_room), "--format", "md", "--named")
    assert "Evans" in named.stdout


def test_a_workshop_that_asked_names_is_read_as_before(invoke, tmp_path: Path, content) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "ws"
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    for role in ("councillor", "resident"):
        answer_quick(Phone(app, workshop), content, role=role)
    result = invoke("team", *files_in(folder))
    assert "ouncillor" in result.stdout and "anonymous" not in result.stderr
    assert "ouncillor" not in invoke("team", *files_in(folder), "--anonymous").stdout


def test_the_printed_team_command_keeps_the_workshop_anonymous(
    tmp_path: Path, content: Content, invoke
) -> None:
    anonymous = make_workshop(tmp_path / "my room", content, anonymous=True)
    line = team_command_line(anonymous)
    assert line == f"coprod team '{tmp_path}/my room'/*.yaml --anonymous"
    named = make_workshop(tmp_path / "named", content)
    assert team_command_line(named) == f"coprod team {tmp_path}/named/*.yaml"


def test_compare_suggests_team_with_anonymous_for_an_anonymous_workshop(
    invoke, anonymous_room
) -> None:  # type: ignore[no-untyped-def]
    one, two = files_in(anonymous_room)[:2]
    result = invoke("compare", one, two)
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stdout.split())  # however the terminal wrapped it
    assert re.search(r"coprod team \S+ \S+ --anonymous", said), said


# never write over what you are reading ---------------------------------------------------


def test_anonymous_and_named_together_are_refused(invoke, anonymous_room) -> None:  # type: ignore[no-untyped-def]
    result = invoke("team", *files_in(anonymous_room), "--anonymous", "--named")
    assert result.exit_code == 2 and "contradict" in result.stderr
    assert result.stdout == ""
