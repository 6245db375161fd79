"""Hardening III, files people open elsewhere (issue 19): CSV cells no spreadsheet runs as a
formula, an anonymous workshop that stays anonymous, and no command writing over a file
it reads."""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES
from helpers.workshop import Phone, answer_quick, app_for, make_workshop

from coprod.cli.commands.workshop import team_command_line
from coprod.core.models import Content
from coprod.render.spreadsheet import csv_cell

TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]
FORMULA = "=+-@"
COUNCILLOR = re.compile(r"\bcouncillor\b", re.IGNORECASE)


def with_actions(path: Path, actions: list[dict[str, str]]) -> Path:
    data: dict[str, Any] = yaml.safe_load((FIXTURES / "full.yaml").read_text(encoding="utf-8"))
    data["actions"] = actions
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


# --- spreadsheet formulas ----------------------------------------------------------------

HOSTILE = [
    "Fix the roof\r=2+5",  # a bare carriage return: once a new row starting with a formula
    "Fix the roof\n=2+5",
    "Fix the roof\r\n@SUM(A1:A9)",
    " =1+1",  # after leading spaces
    "\t=1+1",
    "  \t+44 20 7946 0000",
    "-3+3",
    'Say "hello"\r  -1+1, then go',
    "An ordinary action",
]


def physical_lines(text: str) -> list[str]:
    """What a spreadsheet that splits rows at any CR or LF would see as line starts."""
    return re.split(r"\r\n|\r|\n", text)


def test_no_line_of_any_csv_cell_reads_as_a_formula(invoke, tmp_path: Path) -> None:
    actions = [
        {"id": f"act-{i}", "text": text, "owner": text, "status": "open"}
        for i, text in enumerate(HOSTILE)
    ]
    path = with_actions(tmp_path / "answers.yaml", actions)
    result = invoke("actions", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == 1 + len(HOSTILE)  # no row split by a line break in a cell
    for row in rows[1:]:
        for cell in row:
            for line in physical_lines(cell):
                first = line.lstrip(" \t")[:1]
                assert first not in tuple(FORMULA) or line.startswith("'"), repr(cell)
    for line in physical_lines(result.stdout):  # read naively, line by line, too
        assert line.lstrip(' \t"')[:1] not in tuple(FORMULA), repr(line)
    texts = {row[rows[0].index("text")] for row in rows[1:]}
    assert any(t.startswith("Fix the roof") and t.endswith("'=2+5") for t in texts)  # kept
    assert "An ordinary action" in texts


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("plain", "plain"),
        ("=1+1", "'=1+1"),
        (" =1+1", "' =1+1"),
        ("a\r=b", '"a\r\'=b"'),
        ("a,b", '"a,b"'),
        ('say "x"', '"say ""x"""'),
        ("3-1", "3-1"),  # a formula character later in a line is text already
        ("", ""),
    ],
)
def test_each_csv_cell_is_text_to_a_spreadsheet(cell: str, written: str) -> None:
    assert csv_cell(cell) == written


# --- an anonymous workshop stays anonymous ---------------------------------------------------


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


def test_team_over_an_anonymous_workshop_is_anonymous_by_default(invoke, anonymous_room) -> None:  # type: ignore[no-untyped-def]
    result = invoke("team", *files_in(anonymous_room))
    assert result.exit_code == 0, result.stderr
    assert "ouncillor" not in result.stdout  # the only councillor is not singled out
    assert "Anonymous: ratings are shown as counts" in " ".join(result.stdout.split())
    assert "anonymous workshop" in result.stderr and "--named" in result.stderr
    exported = invoke("team", *files_in(anonymous_room), "--format", "json")
    assert "councillor" not in exported.stdout
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


# --- never write over what you are reading ---------------------------------------------------


def test_assess_never_saves_over_the_previous_assessment(invoke, tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_bytes((FIXTURES / "full.yaml").read_bytes())
    before = old.read_bytes()
    os.link(old, tmp_path / "same.yaml")
    for target in (old, tmp_path / "same.yaml", tmp_path / "." / "old.yaml"):
        result = invoke("assess", "--previous", str(old), "--save", str(target), "--force")
        assert result.exit_code == 2, result.stdout
        assert "input files" in result.stderr
        assert "Traceback" not in result.stderr
        assert old.read_bytes() == before  # refused before the first question, not after


@pytest.mark.parametrize(
    "command",
    [
        ["report", "--format", "md"],
        ["team", "--format", "md"],
        ["agenda", "--format", "md"],
        ["room", "--format", "md"],
        ["actions", "--format", "md"],
    ],
)
def test_output_never_replaces_an_input_even_with_force(
    invoke, tmp_path: Path, command: list[str]
) -> None:
    files = []
    for source in TEAM:
        target = tmp_path / source.name
        target.write_bytes(source.read_bytes())
        files.append(target)
    before = files[1].read_bytes()
    result = invoke(*command, *map(str, files), "-o", str(files[1]), "--force")
    assert result.exit_code == 2
    assert "input files" in result.stderr
    assert files[1].read_bytes() == before


def copies(tmp_path: Path) -> list[Path]:
    paths = []
    for source in TEAM:
        target = tmp_path / source.name
        target.write_bytes(source.read_bytes())
        paths.append(target)
    return paths


def test_choose_actions_never_follows_a_symbolic_link(invoke, tmp_path: Path) -> None:
    paths = copies(tmp_path)
    link = tmp_path / "mine.yaml"
    link.symlink_to(paths[2])
    before = paths[2].read_bytes()
    result = invoke("team", *map(str, paths), "--choose-actions", str(link))
    assert result.exit_code == 2
    assert "symbolic link" in result.stderr
    assert link.is_symlink() and paths[2].read_bytes() == before
    assert result.stdout == ""  # refused before any work


def test_choose_actions_never_replaces_a_read_only_file(invoke, tmp_path: Path) -> None:
    paths = copies(tmp_path)
    paths[2].chmod(0o444)
    before = paths[2].read_bytes()
    result = invoke("team", *map(str, paths), "--choose-actions", str(paths[2]))
    assert result.exit_code == 2
    assert "read-only" in result.stderr
    assert paths[2].read_bytes() == before
    assert stat.S_IMODE(paths[2].stat().st_mode) == 0o444


def test_anonymous_and_named_together_are_refused(invoke, anonymous_room) -> None:  # type: ignore[no-untyped-def]
    result = invoke("team", *files_in(anonymous_room), "--anonymous", "--named")
    assert result.exit_code == 2 and "contradict" in result.stderr
    assert result.stdout == ""
