"""The co-production cycle: who is in the room, actions carried forward (issue 11)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES

from coprod.core.actions import is_overdue, list_actions, parse_due, review_actions
from coprod.core.answers import Action
from coprod.core.room import coverage, status_for
from coprod.storage.answers_file import load_answers, parse_answers_text

TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def with_brings(tmp_path: Path, brings: list[list[str]]) -> list[Path]:
    paths = []
    for source, chosen in zip(TEAM, brings, strict=True):
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data.setdefault("respondent", {})["brings"] = chosen
        paths.append(write(tmp_path / source.name, data))
    return paths


ACTION_OLD = [
    {
        "id": "act-fixed",
        "text": "Write a 'fixed and open' note",
        "practice": "openness",
        "statement": "openness-2",
        "owner": "Sam",
        "due": "2026-12-15",
        "status": "open",
    },
    {
        "id": "act-pay",
        "text": "Agree how participants are paid for their time",
        "practice": "expertise",
        "owner": "Jo",
        "due": "2027-02-01",
        "status": "in-progress",
    },
    {"id": "act-venue", "text": "Find a venue residents already use", "status": "open"},
    {"id": "act-late", "text": "Send the first update", "due": "2026-11-30", "status": "open"},
]


def cycle_files(tmp_path: Path) -> tuple[Path, Path]:
    """The same person twice: OLD with four actions, NEW carrying three of them forward."""
    old = fixture("full.yaml")
    old["actions"] = ACTION_OLD
    new = fixture("later.yaml")
    new["previous"] = "old.yaml"
    new["actions"] = [
        {**ACTION_OLD[0], "status": "done", "note": "Shared at the December meeting"},
        {**ACTION_OLD[1], "status": "in-progress"},
        {**ACTION_OLD[3], "status": "open"},
        {"id": "act-new", "text": "Invite the youth group", "due": "2027-04-01"},
    ]
    return write(tmp_path / "old.yaml", old), write(tmp_path / "new.yaml", new)


# --- the answers file -----------------------------------------------------------


def test_brings_actions_and_previous_validate_and_round_trip(content, tmp_path):
    _, new_path = cycle_files(tmp_path)
    loaded = load_answers(new_path, content)
    answers = loaded.answers
    assert answers.previous == "old.yaml"
    assert [a.id for a in answers.actions] == ["act-fixed", "act-pay", "act-late", "act-new"]
    assert answers.actions[0].status == "done"
    assert answers.actions[0].due == dt.date(2026, 12, 15)
    assert answers.actions[3].status == "not-started"  # the default

    data = answers.to_yaml_data()
    again = parse_answers_text(yaml.safe_dump(data, sort_keys=False), content).answers
    assert again == answers
    assert list(data)[-1] == "actions"


def test_old_files_without_them_still_load_and_save_unchanged(content):
    loaded = load_answers(FIXTURES / "full.yaml", content)
    answers = loaded.answers
    assert answers.actions == [] and answers.previous is None
    assert answers.respondent is not None and answers.respondent.brings == []
    data = answers.to_yaml_data()
    assert "actions" not in data and "previous" not in data
    assert "brings" not in data["respondent"]


def test_a_typo_in_brings_names_file_line_and_field(invoke, tmp_path):
    data = fixture("team-sam.yaml")
    data["respondent"]["brings"] = ["roots", "analysys"]
    path = write(tmp_path / "typo.yaml", data)
    result = invoke("assess", "--answers", str(path), "--json")
    assert result.exit_code == 2
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "analysys" in text)
    assert f"{path}:{line}" in result.stderr
    assert "brings" in result.stderr and "'analysis'" in result.stderr


@pytest.mark.parametrize(
    ("change", "word"),
    [
        ({"status": "finished"}, "status"),
        ({"due": "in 4 weeks"}, "due"),
        ({"practice": "opennes"}, "practice"),
    ],
)
def test_a_bad_action_names_its_line_and_field(invoke, tmp_path, change, word):
    data = fixture("team-sam.yaml")
    data["actions"] = [{**ACTION_OLD[0], **change}]
    path = write(tmp_path / "bad.yaml", data)
    result = invoke("assess", "--answers", str(path), "--json")
    assert result.exit_code == 2
    line = next(
        i
        for i, text in enumerate(path.read_text().splitlines(), 1)
        if text.strip().startswith(f"{word}:") and i > 50
    )
    assert f"{path}:{line}" in result.stderr
    assert word in result.stderr


def test_the_same_action_id_twice_is_refused(invoke, tmp_path):
    data = fixture("team-sam.yaml")
    data["actions"] = [ACTION_OLD[0], {**ACTION_OLD[1], "id": "act-fixed"}]
    result = invoke("assess", "--answers", str(write(tmp_path / "dup.yaml", data)), "--json")
    assert result.exit_code == 2
    assert "act-fixed" in result.stderr and "more than once" in result.stderr


def test_due_dates_as_people_type_them():
    today = dt.date(2026, 12, 1)
    assert parse_due("in 4 weeks", today) == dt.date(2026, 12, 29)
    assert parse_due(" In 10 days ", today) == dt.date(2026, 12, 11)
    assert parse_due("2027-01-31", today) == dt.date(2027, 1, 31)
    assert parse_due("", today) is None
    with pytest.raises(ValueError, match="not a date"):
        parse_due("next Tuesday", today)


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        ("mewn 4 wythnos", dt.date(2026, 12, 29)),
        ("mewn 10 diwrnod", dt.date(2026, 12, 11)),
        ("mewn 2 ddiwrnod", dt.date(2026, 12, 3)),  # dau: soft mutation
        ("Mewn 2 fis", dt.date(2027, 1, 30)),
        ("mewn 3 mis", dt.date(2027, 3, 1)),
    ],
)
def test_due_dates_typed_in_welsh(typed: str, due: dt.date) -> None:
    # the Welsh interview suggests 'mewn 4 wythnos'; it is read whatever the language
    assert parse_due(typed, dt.date(2026, 12, 1)) == due


def test_a_due_date_that_is_not_one_is_explained_in_welsh() -> None:
    from coprod import i18n

    i18n.activate("cy")
    try:
        with pytest.raises(ValueError) as caught:
            parse_due("dydd Mawrth nesaf", dt.date(2026, 12, 1))
    finally:
        i18n.activate("en")
    said = str(caught.value)
    assert "'dydd Mawrth nesaf'" in said and "mewn 4 wythnos" in said
    assert "not a date" not in said


# --- who is in the room ---------------------------------------------------------


def test_coverage_counts_and_statuses(content):
    result = coverage([["analysis", "roots"], ["roots", "experience"], []], content)
    counts = {c.characteristic.id: (c.count, c.status) for c in result.characteristics}
    assert counts == {
        "analysis": (1, "thin"),
        "vision": (0, "missing"),
        "experience": (1, "thin"),
        "reach": (0, "missing"),
        "relationships": (0, "missing"),
        "roots": (2, "present"),
    }
    assert (result.respondents, result.answered) == (3, 2)
    assert [g.count.characteristic.id for g in result.gaps][:3] == [
        "vision",
        "reach",
        "relationships",
    ]
    assert [status_for(n) for n in (0, 1, 2, 5)] == ["missing", "thin", "present", "present"]
    assert status_for(0, known=False) == "unknown"  # no one said what they bring


def test_every_gap_has_a_sourced_way_to_reach_people(content):
    result = coverage([["roots"]], content)  # roots thin, the other five missing
    assert [w.id for w in result.general_ways] == ["open-application"]  # for every gap
    ways = {g.count.characteristic.id: [w.id for w in g.ways] for g in result.gaps}
    assert len(ways) == 6
    assert "through-existing-groups" in ways["roots"]
    assert "trusted-organisations" in ways["roots"]
    assert "networks-to-decision-makers" in ways["reach"]
    for way in [*result.general_ways, *(w for g in result.gaps for w in g.ways)]:
        assert way.source and way.source[0].section


def test_room_json_is_exactly_the_documented_shape(invoke, tmp_path):
    paths = with_brings(tmp_path, [["analysis", "roots"], ["roots", "experience"], []])
    result = invoke("room", *map(str, paths), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"kind", "version", "respondents", "characteristics"}
    assert data["kind"] == "room" and data["version"] == 1 and data["respondents"] == 3
    assert data["characteristics"][0] == {
        "id": "analysis",
        "name": "Analysis",
        "count": 1,
        "status": "thin",
    }
    assert [c["status"] for c in data["characteristics"]] == [
        "thin",
        "missing",
        "thin",
        "missing",
        "missing",
        "present",
    ]


def test_room_names_the_missing_with_ways_to_reach_them_and_the_caution(invoke, tmp_path):
    paths = with_brings(tmp_path, [["analysis", "roots"], ["roots", "experience"], ["roots"]])
    text = invoke("room", *map(str, paths), "--format", "md").stdout
    assert "| Vision | People with creativity" in text and "| 0 | missing |" in text
    assert "| Roots |" in text and "| 3 | present |" in text
    assert "**Vision: missing**" in text
    assert "Chrysalis, the Broughton Trust and Community Pride CIC" in text  # for Relationships
    assert "tyranny of authenticity" in text
    assert "“The need to tackle tyrannies in participatory urban governance”" in text

    terminal = " ".join(invoke("room", *map(str, paths)).stdout.split())
    assert "Vision: 0 (missing)" in terminal  # in words, not only colour (NO_COLOR)
    assert "Analysis: 1 (thin: one person)" in terminal
    assert "Roots: 3 (present)" in terminal


def test_room_html_is_one_page_with_the_table(invoke, tmp_path):
    paths = with_brings(tmp_path, [["analysis"], ["roots"], []])
    out = tmp_path / "room.html"
    result = invoke("room", *map(str, paths), "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert html.startswith("<!doctype html>")
    assert "<caption>Who is in the room: the six characteristics</caption>" in html
    assert "thin: one person" in html


def test_team_shows_coverage_counts_only_and_anonymous_names_nobody(invoke, tmp_path):
    paths = with_brings(tmp_path, [["analysis", "roots"], ["roots"], []])
    named = json.loads(invoke("team", *map(str, paths), "--format", "json").stdout)
    anonymous = json.loads(
        invoke("team", *map(str, paths), "--format", "json", "--anonymous").stdout
    )
    assert named["coverage"] == anonymous["coverage"]
    roots = next(c for c in named["coverage"]["characteristics"] if c["id"] == "roots")
    assert roots == {"id": "roots", "name": "Roots", "count": 2, "status": "present"}

    for fmt in ("md", "html"):
        text = invoke("team", *map(str, paths), "--format", fmt, "--anonymous").stdout
        assert "Who is in the room" in text
        assert "Sam" not in text and "Jo" not in text
    terminal = " ".join(invoke("team", *map(str, paths), "--anonymous").stdout.split())
    assert "Roots: 2 (present)" in terminal and "Vision: 0 (missing)" in terminal
    assert "Sam" not in terminal


def test_team_without_brings_says_nobody_answered(invoke):
    text = invoke("team", *map(str, TEAM), "--format", "md").stdout
    assert "Nobody in these answers files said which characteristics they bring" in text
    assert "| Vision |" not in text


# --- actions across files --------------------------------------------------------


def test_overdue_against_a_fixed_today():
    today = dt.date(2026, 12, 1)
    due = Action(id="a", text="x", due=dt.date(2026, 11, 30))
    assert is_overdue(due, "not-started", today)
    assert is_overdue(due, "in-progress", today)
    assert not is_overdue(due, "done", today)
    assert not is_overdue(due, "dropped", today)
    assert not is_overdue(Action(id="b", text="x", due=today), "not-started", today)
    assert not is_overdue(Action(id="c", text="x"), "not-started", today)


def test_review_matches_actions_by_id(content, tmp_path):
    old, new = (load_answers(p, content).answers for p in cycle_files(tmp_path))
    reviews = {r.action.id: r for r in review_actions(old, new, dt.date(2027, 1, 1))}
    assert list(reviews) == ["act-fixed", "act-pay", "act-venue", "act-late"]  # OLD's only
    assert (reviews["act-fixed"].then, reviews["act-fixed"].now) == ("not-started", "done")
    assert not reviews["act-fixed"].overdue  # due date past but done
    assert reviews["act-venue"].now is None  # not reviewed
    assert reviews["act-late"].overdue
    assert not reviews["act-pay"].overdue  # due 2027-02-01
    later = {r.action.id: r for r in review_actions(old, new, dt.date(2027, 3, 1))}
    assert later["act-pay"].overdue


def test_compare_json_gives_the_actions_then_and_now(invoke, tmp_path):
    old, new = cycle_files(tmp_path)
    result = invoke("compare", str(old), str(new), "--format", "json", "--today", "2027-01-01")
    assert result.exit_code == 0, result.output
    actions = json.loads(result.stdout)["actions"]
    assert actions == [
        {
            "id": "act-fixed",
            "text": "Write a 'fixed and open' note",
            "then": "not-started",  # the file's old word, "open", read as today's
            "now": "done",
            "overdue": False,
            "due": {"then": "2026-12-15", "now": "2026-12-15"},
            "owner": {"then": "Sam", "now": "Sam"},
        },
        {
            "id": "act-pay",
            "text": "Agree how participants are paid for their time",
            "then": "in-progress",
            "now": "in-progress",
            "overdue": False,
            "due": {"then": "2027-02-01", "now": "2027-02-01"},
            "owner": {"then": "Jo", "now": "Jo"},
        },
        {
            "id": "act-venue",
            "text": "Find a venue residents already use",
            "then": "not-started",
            "now": None,
            "overdue": False,
            "due": {"then": None, "now": None},
            "owner": {"then": None, "now": None},
        },
        {
            "id": "act-late",
            "text": "Send the first update",
            "then": "not-started",
            "now": "not-started",
            "overdue": True,
            "due": {"then": "2026-11-30", "now": "2026-11-30"},
            "owner": {"then": None, "now": None},
        },
    ]


def test_compare_shows_a_moved_due_date_and_a_new_owner_then_and_now(invoke, tmp_path):
    old = fixture("full.yaml")
    old["actions"] = [{**ACTION_OLD[1], "due": "2026-10-01", "owner": "Jo"}]
    new = fixture("later.yaml")
    new["actions"] = [{**ACTION_OLD[1], "due": "2027-01-15", "owner": "Sam", "status": "open"}]
    paths = [str(write(tmp_path / "old.yaml", old)), str(write(tmp_path / "new.yaml", new))]
    today = ["--today", "2026-12-06"]
    (action,) = json.loads(invoke("compare", *paths, "--format", "json", *today).stdout)["actions"]
    assert action["due"] == {"then": "2026-10-01", "now": "2027-01-15"}
    assert action["owner"] == {"then": "Jo", "now": "Sam"}
    assert action["overdue"] is False  # due in January now, not October
    terminal = " ".join(invoke("compare", *paths, *today).stdout.split())
    assert "due 2027-01-15 (was 2026-10-01) · Sam (was Jo): in progress → not started" in terminal
    assert "OVERDUE" not in terminal
    markdown = invoke("compare", *paths, "--format", "md", *today).stdout
    assert "2026-10-01 → 2027-01-15" in markdown and "Jo → Sam" in markdown


def test_compare_marks_overdue_and_not_reviewed_in_every_format(invoke, tmp_path):
    old, new = cycle_files(tmp_path)
    args = [str(old), str(new), "--today", "2027-01-01"]
    terminal = " ".join(invoke("compare", *args).stdout.split())
    assert "Send the first update · due 2026-11-30: not started → not started OVERDUE" in terminal
    assert "Find a venue residents already use: not started → not reviewed" in terminal
    md = invoke("compare", *args, "--format", "md").stdout
    assert (
        "| Send the first update | 2026-11-30 | – | not started | not started | **overdue** |" in md
    )
    assert "Not reviewed (not in the newer file): Find a venue residents already use" in md
    assert "Shared at the December meeting" in md


def actions_csv(invoke, *args: str) -> list[dict[str, str]]:
    result = invoke("actions", *args, "--format", "csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_actions_csv_has_one_row_per_action_sorted_by_due_date(invoke, tmp_path):
    data = fixture("team-jo.yaml")
    data["actions"] = [
        {"id": "act-jo-1", "text": 'Ask the chair, "formally",\nin writing', "due": "2027-01-05"},
        {"id": "act-jo-2", "text": "=SUM(A1) is not a formula here", "status": "dropped"},
    ]
    jo = write(tmp_path / "jo.yaml", data)
    old, new = cycle_files(tmp_path)
    rows = actions_csv(invoke, str(old), str(new), str(jo), "--today", "2027-01-01")
    # act-fixed, act-pay and act-late are carried forward: listed once, as NEW has them
    assert [r["id"] for r in rows] == [
        "act-late",
        "act-fixed",
        "act-jo-1",
        "act-pay",
        "act-new",
        "act-venue",
        "act-jo-2",
    ]
    by_id = {r["id"]: r for r in rows}
    assert by_id["act-fixed"]["status"] == "done" and by_id["act-fixed"]["file"] == str(new)
    assert by_id["act-venue"]["file"] == str(old)
    assert by_id["act-jo-1"]["text"] == 'Ask the chair, "formally",\nin writing'
    assert by_id["act-jo-2"]["text"].startswith("'=")  # a spreadsheet will not run it
    assert by_id["act-late"]["overdue"] == "yes"
    assert by_id["act-pay"]["practice"] == "Blending expertise"
    assert set(rows[0]) >= {"project", "practice", "text", "owner", "due", "status", "file"}

    open_rows = actions_csv(invoke, str(old), str(new), str(jo), "--open")
    assert {r["id"] for r in open_rows} == {
        "act-late",
        "act-jo-1",
        "act-pay",
        "act-new",
        "act-venue",
    }


def test_actions_json_md_and_file_output(invoke, tmp_path, content):
    old, new = cycle_files(tmp_path)
    data = json.loads(invoke("actions", str(old), str(new), "--format", "json").stdout)
    assert data["version"] == 2
    assert len(data["actions"]) == 5
    md = invoke("actions", str(old), str(new), "--format", "md", "--today", "2027-01-01").stdout
    assert (
        "| Riverside Food Partnership | – | Send the first update | – | 2026-11-30 **(overdue)** |"
        in md
    )
    out = tmp_path / "plan.csv"
    assert invoke("actions", str(old), "-o", str(out)).exit_code == 0
    assert len(list(csv.reader(out.open()))) == 1 + len(ACTION_OLD)
    again = invoke("actions", str(old), "-o", str(out))
    assert again.exit_code == 2 and str(out) in again.stderr  # no overwrite without --force
    loaded = [load_answers(p, content) for p in (old, new)]
    assert len(list_actions(loaded, dt.date(2027, 1, 1), only_open=True)) == 4


def test_reports_show_the_actions(invoke, tmp_path):
    _, new = cycle_files(tmp_path)
    md = invoke("report", str(new), "--format", "md").stdout
    assert "## Actions" in md
    assert (
        "| Write a 'fixed and open' note | Designing for openness | Sam | 2026-12-15 | done |" in md
    )
    assert "Follows on from the previous assessment in old.yaml." in md
    html = invoke("report", str(new), "--format", "html").stdout
    assert "<caption>Actions</caption>" in html
    data = json.loads(invoke("report", str(new), "--format", "json").stdout)
    assert [a["id"] for a in data["actions"]] == ["act-fixed", "act-pay", "act-late", "act-new"]
    assert data["previous"] == "old.yaml"
    terminal = " ".join(invoke("assess", "--answers", str(new)).stdout.split())
    assert "Invite the youth group · due 2027-04-01 · not started" in terminal


def test_team_marks_the_same_next_step_as_a_shared_priority(invoke, tmp_path):
    step = {
        "text": "Write a 'fixed and open' note",
        "practice": "openness",
        "statement": "openness-2",
    }
    paths = []
    for i, source in enumerate(TEAM):
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data["actions"] = [{"id": f"act-{i}", "text": f"Own words {i}"}]
        if i < 2:
            data["actions"].append({"id": f"act-s{i}", **step, "owner": f"owner {i}"})
        paths.append(write(tmp_path / source.name, data))
    data = json.loads(invoke("team", *map(str, paths), "--format", "json").stdout)
    assert data["shared_priorities"] == [
        {
            "text": step["text"],
            "practice": "openness",
            "statement": "openness-2",
            "count": 2,
            "respondents": [1, 2],  # ids: the files' places on the command line
        }
    ]
    assert sum(a["shared"] for a in data["actions"]) == 2 and len(data["actions"]) == 5
    md = invoke("team", *map(str, paths), "--format", "md").stdout
    assert "### Shared priorities" in md
    assert "Write a 'fixed and open' note (Designing for openness): chosen by 2 people" in md
    anonymous = json.loads(
        invoke("team", *map(str, paths), "--format", "json", "--anonymous").stdout
    )
    assert anonymous["shared_priorities"][0]["count"] == 2
    assert anonymous["shared_priorities"][0]["respondents"] == []
    assert all(a["respondent"] is None for a in anonymous["actions"])


def test_known_brings_keeps_only_characteristic_ids_in_order(content):
    from coprod.core.room import known_brings

    assert known_brings(["roots", "nonsense", "analysis", "roots"], content) == [
        "analysis",
        "roots",
    ]


def test_untrusted_action_text_reaches_the_terminal_inert(invoke, tmp_path):
    data = fixture("team-sam.yaml")
    data["respondent"]["brings"] = ["roots"]
    data["actions"] = [
        {"id": "act-x", "text": "[bold red]Boom[/bold red] \x1b[31mred\x1b[0m", "owner": "[link]"}
    ]
    path = write(tmp_path / "sam.yaml", data)
    for args in (["actions", str(path)], ["assess", "--answers", str(path)], ["agenda", str(path)]):
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout, args
        assert "[bold red]Boom[/bold red]" in result.stdout, args
    md = invoke("actions", str(path), "--format", "md").stdout
    assert "\\[bold red\\]Boom" in md and "\x1b" not in md


@pytest.mark.parametrize(
    "args",
    [["room"], ["actions"], ["agenda"], ["team"]],
)
def test_narrow_terminal_wraps_within_40_columns(invoke, tmp_path, monkeypatch, args):
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("TERMINAL_WIDTH", "40")
    paths = with_brings(tmp_path, [["analysis"], ["roots"], []])
    for path in paths:
        data = yaml.safe_load(path.read_text())
        data["actions"] = [{"id": "act-1", "text": "Talk to the youth group about the venue"}]
        write(path, data)
    result = invoke(*args, *map(str, paths))
    assert result.exit_code == 0, result.output
    long = [line for line in result.stdout.splitlines() if len(line) > 40]
    assert not long, long


def test_room_reads_full_and_quick_files_but_one_project(invoke, tmp_path):
    full = fixture("team-sam.yaml")
    full["respondent"]["brings"] = ["vision"]
    quick = fixture("team-jo.yaml")
    quick.update(mode="quick", ratings={"openness": 2})
    quick["respondent"]["brings"] = ["vision", "reach"]
    paths = [write(tmp_path / "a.yaml", full), write(tmp_path / "b.yaml", quick)]
    data = json.loads(invoke("room", *map(str, paths), "--format", "json").stdout)
    counts = {c["id"]: c["count"] for c in data["characteristics"]}
    assert counts["vision"] == 2 and counts["reach"] == 1 and data["respondents"] == 2

    quick["project"]["name"] = "Elsewhere"
    other = write(tmp_path / "c.yaml", quick)
    result = invoke("room", str(paths[0]), str(other))
    assert result.exit_code == 2
    assert str(other) in result.stderr and "Elsewhere" in result.stderr


def test_the_new_commands_keep_start_up_light():
    import subprocess
    import sys

    code = "import sys, coprod.cli; print(sorted(m for m in ('pydantic', 'questionary') if m in sys.modules))"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"
