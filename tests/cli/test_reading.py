"""Reading what coprod prints (issue 22, items 4, 5, 7, 8, 14 and 19): words kept whole,
tables that fit, labels instead of ids, plain --help, one word per status, hints that fit."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml
from helpers import FIXTURES
from helpers.text import flat

from coprod.cli import app

TEAM = [str(FIXTURES / f"team-{n}.yaml") for n in ("sam", "resident", "jo")]


def terminal(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    """A terminal of ``columns`` (rich asks TTY_COMPATIBLE before isatty())."""
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("TERMINAL_WIDTH", str(columns))
    monkeypatch.setenv("TTY_COMPATIBLE", "1")


def fits(text: str, columns: int) -> bool:
    return all(len(line.rstrip()) <= columns for line in text.splitlines())


# item 4: words are never broken ----------------------------------------------------------


@pytest.mark.parametrize("columns", [60, 100])
@pytest.mark.parametrize(
    "args",
    [
        ["cases", "show", "xx"],  # an error with a long list of ids
        ["cases", "--theme", "planing"],  # ... with a "did you mean"
        ["report", str(FIXTURES / "full-v1.yaml"), "-f", "md"],  # warnings
        ["data", "validate", "--verbose"],  # the packs' warnings
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_messages_wrap_between_words_in_a_terminal(invoke, monkeypatch, columns, args) -> None:
    piped = invoke(*args).stderr  # a pipe or a log: each message on one line
    terminal(monkeypatch, columns)
    shown = invoke(*args).stderr
    assert shown.split() == piped.split()  # the same words: none cut in two
    assert fits(shown, columns - 1), shown
    assert shown != piped  # it was wrapped here, and only here


def test_long_ids_are_typeable_as_printed_in_a_narrow_terminal(invoke, monkeypatch) -> None:
    terminal(monkeypatch, 60)
    shown = invoke("practices", "holding").stdout
    assert fits(shown, 60)
    lines = shown.splitlines()
    assert "  coprod cases show young-people-missing-from-decisions" in lines
    # where a panel's title has no room on its border, it is printed whole above the panel
    terminal(monkeypatch, 40)
    shown = invoke("practices", "formal-policy").stdout
    assert shown.splitlines()[0].startswith("6. Connecting with formal policy and")


def test_the_workshop_banner_wraps_between_words(monkeypatch, capsys) -> None:
    from coprod.cli.commands.workshop import _say

    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    said = (
        "Phones must be on the same Wi-Fi as this laptop. If they cannot connect (guest "
        "Wi-Fi often keeps devices apart), connect the laptop and the phones to a phone's "
        "hotspot and start again."
    )
    _say(said)
    url = "http://192.168.1.20:8765/f/AbCd-EfGh-IjKl-MnOp-QrSt-UvWx-YzAb-CdEf/"
    _say(f"The facilitator page (keep it to yourself): {url}")
    shown = capsys.readouterr().out
    assert (
        shown.split() == said.split() + f"The facilitator page (keep it to yourself): {url}".split()
    )
    assert url in shown.splitlines()  # an address is never broken
    assert fits(shown.replace(url, ""), 59)


def test_a_typed_answer_is_shown_again_wrapped_between_words(monkeypatch) -> None:
    from io import StringIO

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.output.plain_text import PlainTextOutput

    from coprod.interactive import prompts

    monkeypatch.setattr(prompts, "terminal_width", lambda: 60)
    question = "Any notes on this practice? (Enter to skip)"
    note = "We asked the families who use the food bank what they need, " * 3
    screen = StringIO()
    with create_app_session(output=PlainTextOutput(screen)):
        prompts.echo(f"{question}\n ", note, own_line=True)
    shown = screen.getvalue()
    question = "Any notes on this practice? (Enter to skip)"
    assert shown.split() == ["?", *question.split(), *note.split()]
    assert fits(shown, 59)


# item 5: narrow tables stack instead of dropping columns ----------------------------------


def test_practices_at_60_columns_keep_every_figure(invoke, monkeypatch, content) -> None:
    terminal(monkeypatch, 60)
    shown = invoke("practices").stdout
    assert fits(shown, 60)
    for p in content.practices:
        assert f"{p.number}. {p.name}" in shown
        counts = f"{len(p.key_points)} key points, {len(p.statements)} statements"
        assert counts in shown


def test_team_at_60_columns_keeps_the_spread(invoke, monkeypatch) -> None:
    terminal(monkeypatch, 60)
    shown = invoke("team", *TEAM).stdout
    wide = json.loads(invoke("team", *TEAM, "-f", "json").stdout)
    assert fits(shown, 60)
    for p in wide["practices"]:
        assert f"low–high {p['low']}–{p['high']} · spread {p['spread']}" in shown


# item 7: labels, not ids --------------------------------------------------------------------


def test_people_see_labels_not_ids(invoke, content, tmp_path) -> None:
    holding = invoke("practices", "7").stdout
    for statement in content.practice("holding").statements:
        assert statement.id not in holding
    assert "(holding)" not in holding
    about = flat(invoke("about").stdout)
    assert "(doing-with)" not in about and "“Doing with and not to”:" in about
    answers = yaml.safe_load((FIXTURES / "full.yaml").read_text())
    answers["project"]["stage"] = "agenda-setting"
    answers["respondent"] = {"role": "community-sector"}
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(answers))
    report = invoke("report", str(path), "-f", "md").stdout
    assert "setting the agenda" in report and "agenda-setting" not in report
    assert "community or voluntary sector" in report and "community-sector" not in report


def test_an_unnamed_person_is_numbered_like_anyone_else(invoke) -> None:
    shown = flat(invoke("team", *TEAM).stdout)
    assert "Respondent 2 (resident):" in shown
    assert " resident:" not in shown.replace("(resident):", "")


# item 8: --help in plain words ---------------------------------------------------------------


def _commands() -> list[list[str]]:
    found: list[list[str]] = []

    def walk(path: list[str], command: Any) -> None:
        found.append(path)
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk([*path, name], sub)

    walk([], typer.main.get_command(app))
    return found


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_help_uses_plain_metavars(invoke, lang) -> None:
    notation = re.compile(r"<\w[\w |-]*>|\[x|x[<>]=|\{[A-Z]|Valid \w+ values")
    for path in _commands():
        shown = invoke("--lang", lang, *path, "--help").stdout
        assert not notation.search(shown), (path, notation.search(shown))
    workshop = invoke("--lang", lang, "workshop", "--help").stdout
    assert re.search(r"--port\s+PORT\b", workshop) and re.search(r"--host\s+HOST\b", workshop)
    assert "FILE..." in invoke("--lang", lang, "team", "--help").stdout


def test_a_number_out_of_range_is_refused_in_plain_words(invoke) -> None:
    refused = invoke("agenda", str(FIXTURES / "full.yaml"), "--minutes", "5")
    assert refused.exit_code == 2
    assert "5 is not in the range 20 to 480" in flat(refused.stderr)


# item 14: one word per action status ---------------------------------------------------------


def test_one_word_for_each_status_everywhere(invoke, tmp_path) -> None:
    answers = yaml.safe_load((FIXTURES / "full.yaml").read_text())
    answers["actions"] = [
        {"id": "act-1", "text": "Book the room", "status": "open"},  # the old word
        {"id": "act-2", "text": "Pay people", "status": "in progress"},
        {"id": "act-3", "text": "Write up", "status": "done"},
    ]
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(answers))
    screen = invoke("actions", str(path)).stdout
    rows = invoke("actions", str(path), "-f", "csv").stdout.splitlines()
    listed = json.loads(invoke("actions", str(path), "-f", "json").stdout)["actions"]
    assert "not started" in screen and not re.search(r"\bopen\b", screen)
    assert any(row.endswith(f",not started,,{path},act-1") for row in rows), rows
    assert [a["status"] for a in listed] == ["not-started", "in-progress", "done"]
    to_do = json.loads(invoke("actions", str(path), "--to-do", "-f", "json").stdout)["actions"]
    assert [a["id"] for a in to_do] == ["act-1", "act-2"]
    old_name = json.loads(invoke("actions", str(path), "--open", "-f", "json").stdout)["actions"]
    assert old_name == to_do


# item 19: hints that fit ----------------------------------------------------------------------


def test_a_drafts_hint_is_the_command_in_full(invoke, tmp_path) -> None:
    answers = yaml.safe_load((FIXTURES / "full.yaml").read_text())
    answers["complete"] = False
    path = tmp_path / "my draft.yaml"
    path.write_text(yaml.safe_dump(answers))
    said = flat(invoke("report", str(path), "-f", "md").stderr)
    assert f"carry on with coprod assess --resume '{path}'" in said


def test_a_workshop_participants_draft_gets_no_resume_hint(invoke, tmp_path) -> None:
    from coprod.storage.answers_file import WORKSHOP_STATE

    (tmp_path / WORKSHOP_STATE).write_text("{}")
    answers = yaml.safe_load((FIXTURES / "full.yaml").read_text())
    answers["complete"] = False
    path = tmp_path / "sam.yaml"
    path.write_text(yaml.safe_dump(answers))
    said = flat(invoke("report", str(path), "-f", "md").stderr)
    assert "had not finished when the workshop stopped" in said and "--resume" not in said


def test_one_file_twice_is_not_offered_as_a_team(invoke) -> None:
    full = str(FIXTURES / "full.yaml")
    assert "coprod team" not in invoke("compare", full, full).stdout
    two = invoke("compare", TEAM[0], TEAM[2]).stdout  # two people, same day
    assert f"coprod team {TEAM[0]} {TEAM[2]}" in flat(two)


def test_choose_actions_refuses_a_pipe_before_any_work(invoke, monkeypatch) -> None:
    monkeypatch.setattr("coprod.interactive.interview.stdout_is_terminal", lambda: False)
    mine = Path(TEAM[0])
    result = invoke("team", *TEAM, "--choose-actions", str(mine))
    assert result.exit_code == 2 and result.stdout == ""  # no team view, no waiting
    assert "pipe or a file" in flat(result.stderr)


def test_data_validate_counts_the_packs_notes_in_one_line(invoke) -> None:
    quiet = invoke("data", "validate")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    summary = [
        line for line in quiet.stdout.splitlines() if "coprod data validate --verbose" in line
    ]
    assert len(summary) == 1
    n = int(summary[0].split()[0])
    verbose = invoke("data", "validate", "--verbose")
    assert len([line for line in verbose.stderr.splitlines() if line.startswith("warning:")]) == n
