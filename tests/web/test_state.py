"""web.state: one server a folder, tampered or broken state refused clearly, foreign files, file modes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
import yaml
from helpers.workshop import Phone, answer_quick, app_for, facilitator, make_workshop

from coprod.core.models import Content
from coprod.errors import CoprodError
from coprod.web.state import LOCK_FILE, STATE_FILE, Workshop, hold_folder


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def state(folder: Path) -> dict:  # type: ignore[type-arg]
    data: dict = json.loads((folder / STATE_FILE).read_text())  # type: ignore[type-arg]
    return data


def write_state(folder: Path, data: object) -> None:
    (folder / STATE_FILE).write_text(json.dumps(data, indent=2))


def broken(folder: Path, content: Content, invoke, data: object | str) -> str:  # type: ignore[no-untyped-def]
    """Open the workshop with this state, through the command and directly; the message."""
    if isinstance(data, str):
        (folder / STATE_FILE).write_text(data)
    else:
        write_state(folder, data)
    with pytest.raises(CoprodError) as caught:
        Workshop.open(folder, content)
    result = invoke("workshop", "--out", str(folder), "--host", "127.0.0.1", "--port", "0")
    assert result.exit_code == 2, result.stdout
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert str(folder / STATE_FILE) in result.stderr
    return str(caught.value)


def with_settings(folder: Path, **changes: object) -> dict:  # type: ignore[type-arg]
    data = state(folder)
    data["settings"].update(changes)
    return data


def group_of_three(folder: Path, content: Content) -> Workshop:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    for rating in ("1", "2", "3"):
        answer_quick(Phone(app, workshop), content, rating=rating)
    return workshop


def reveal(workshop: Workshop) -> tuple[object, str]:
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    assert client.post(f"{base}/reveal", data={"show": "show"}).status_code in (200, 303)
    return client, base


# two servers on one folder ---------------------------------------------------------------


def test_a_second_server_on_the_same_folder_is_refused_naming_the_first(
    folder: Path, content: Content, invoke
) -> None:
    make_workshop(folder, content)
    running = hold_folder(folder)
    running.describe("process 4242, serving http://127.0.0.1:8765/")
    before = (folder / STATE_FILE).read_bytes()
    try:
        result = invoke("workshop", "--out", str(folder), "--host", "127.0.0.1", "--port", "0")
    finally:
        running.release()
    assert result.exit_code == 2
    assert "already being served by another coprod workshop" in result.stderr
    assert "process 4242, serving http://127.0.0.1:8765/" in result.stderr
    assert "Traceback" not in result.stderr
    assert (folder / STATE_FILE).read_bytes() == before  # the first one's state untouched
    assert result.stdout == ""  # no addresses printed for a server that will not run


def test_the_folder_lock_ends_with_its_holder(folder: Path, content: Content) -> None:
    make_workshop(folder, content)
    first = hold_folder(folder)
    with pytest.raises(CoprodError, match="already being served"):
        hold_folder(folder)
    first.release()
    second = hold_folder(folder)  # the lock file left behind blocks nobody
    second.release()
    assert mode_of(folder / LOCK_FILE) == 0o600


# tampered or broken state ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"join_token": None}, "settings.join_token"),  # once opened /j/None/
        ({"facilitator_token": None}, "settings.facilitator_token"),  # once opened /f/None/
        ({"facilitator_token": "abc"}, "settings.facilitator_token"),
        ({"facilitator_token": ""}, "settings.facilitator_token"),
        ({"join_token": "é" * 40}, "settings.join_token"),
        ({"port": "8765"}, "settings.port"),
        ({"port": 70000}, "settings.port"),
        ({"port": True}, "settings.port"),
        ({"stage": ["design"]}, "settings.stage"),
        ({"stage": "launch"}, "settings.stage"),
        ({"mode": None}, "settings.mode"),
        ({"max_participants": "many"}, "settings.max_participants"),
        ({"max_participants": 0}, "settings.max_participants"),
        ({"anonymous": "no"}, "settings.anonymous"),
        ({"project": {"name": "x"}}, "settings.project"),
        ({"code": 123456}, "settings.code"),
    ],
)
def test_a_tampered_setting_is_named_with_its_line_and_refused(
    folder: Path, content: Content, invoke, change: dict[str, object], field: str
) -> None:
    make_workshop(folder, content)
    message = broken(folder, content, invoke, with_settings(folder, **change))
    assert f": {field}: " in message
    (key,) = change
    text = (folder / STATE_FILE).read_text().splitlines()
    line = next(i for i, t in enumerate(text, 1) if f'"{key}"' in t)
    assert f"{STATE_FILE}:{line}: {field}" in message


def test_the_two_secrets_must_differ(folder: Path, content: Content, invoke) -> None:
    workshop = make_workshop(folder, content)
    same = with_settings(folder, facilitator_token=workshop.settings.join_token)
    assert "settings.facilitator_token" in broken(folder, content, invoke, same)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[1, 2, 3]", "one JSON object"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"version": 1, "settings": ' + "[" * 50_000, "nested too deeply"),
        ('{"version": 1, "settings": null, "people": []}', "settings"),
        ('{"version": 99}', "version"),
        ("", "not valid JSON"),
        ("\n\n{oops", "not valid JSON"),
    ],
)
def test_a_broken_state_file_is_a_clear_error(
    folder: Path, content: Content, invoke, text: str, says: str
) -> None:
    make_workshop(folder, content)
    assert says in broken(folder, content, invoke, text)


def test_a_json_error_names_its_line(folder: Path, content: Content, invoke) -> None:
    make_workshop(folder, content)
    assert f"{STATE_FILE}:3: " in broken(folder, content, invoke, "{\n\n  oops\n}")


@pytest.mark.parametrize(
    ("people", "field"),
    [
        ("nobody", "people"),
        ([["1", "x"]], "people[0]"),
        ([{"number": "1", "key": "", "file": "participant-001.yaml"}], "people[0].number"),
        ([{"number": 1, "key": None, "file": "participant-001.yaml"}], "people[0].key"),
        ([{"number": 1, "key": "", "file": "../../.ssh/id_rsa"}], "people[0].file"),
        ([{"number": 1, "key": "", "file": None}], "people[0].file"),
    ],
)
def test_a_tampered_participant_list_is_refused(
    folder: Path, content: Content, invoke, people: object, field: str
) -> None:
    make_workshop(folder, content)
    data = state(folder)
    data["people"] = people
    assert f"{field}: " in broken(folder, content, invoke, data)


def test_an_old_state_file_without_a_code_still_opens(folder: Path, content: Content) -> None:
    make_workshop(folder, content)
    data = state(folder)
    del data["settings"]["code"]
    write_state(folder, data)
    again = Workshop.open(folder, content)
    assert len(again.settings.code) == 6
    assert state(folder)["settings"]["code"] == again.settings.code  # kept from now on


# foreign or broken answers files ---------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    ["truncated", "another project", "an assess file", "not yaml", "a list"],
)
def test_a_foreign_or_broken_answers_file_is_a_warning_and_the_group_still_shows(
    folder: Path,
    content: Content,
    full_answers: Path,
    damage: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    workshop = group_of_three(folder, content)
    target = folder / "participant-002.yaml"
    text = target.read_text()
    replacement = {
        "truncated": text[: len(text) // 2].rsplit("\n", 2)[0] + "\n  - [",
        "another project": text.replace("Space in Common", "Another Project"),
        "an assess file": full_answers.read_text(),
        "not yaml": "\x00\x01 not yaml: [",
        "a list": "- 1\n- 2\n",
    }[damage]
    # during the workshop: the file is changed by hand under the running server
    target.write_text(replacement)
    workshop.participants[1].revision += 1
    client, base = reveal(workshop)
    page = client.get(f"{base}/")  # type: ignore[attr-defined]
    assert page.status_code == 200
    assert client.get(f"{base}/team.json").status_code == 200  # type: ignore[attr-defined]
    assert len(workshop.loaded()) == 2  # the rest of the group still shows
    assert any("participant-002.yaml" in w for w in workshop.warnings)
    # the facilitator's console names the file left out, and still shows the group
    console = client.get(f"{base}/").text  # type: ignore[attr-defined]
    assert "Files left out" in console and "participant-002.yaml" in console
    assert "<table" in console  # the group view still shows beside the warning
    # ... and after a restart: the same warning, the rest of the group, no overwriting
    capsys.readouterr()
    again = Workshop.open(folder, content)
    assert len(again.participants) == 3
    assert [w for w in again.warnings if "participant-002.yaml" in w]
    assert "participant-002.yaml" in capsys.readouterr().err
    assert len(again.loaded()) == 2
    client, base = reveal(again)
    assert client.get(f"{base}/").status_code == 200  # type: ignore[attr-defined]
    assert target.read_text() == replacement  # left as it is: it may be someone's work


def test_a_foreign_file_dropped_in_the_folder_is_not_counted(
    folder: Path, content: Content, full_answers: Path
) -> None:
    group_of_three(folder, content)
    (folder / "participant-009.yaml").write_text(full_answers.read_text())
    (folder / "participant-010.yaml").write_text("version: [")
    again = Workshop.open(folder, content)
    assert len(again.participants) == 3
    assert {
        n for n in ("participant-009.yaml", "participant-010.yaml") if n in " ".join(again.warnings)
    } == {
        "participant-009.yaml",
        "participant-010.yaml",
    }
    client, base = reveal(again)
    assert client.get(f"{base}/team.md").status_code == 200  # type: ignore[attr-defined]


def test_a_participant_whose_file_is_not_theirs_carries_on_in_a_new_file(
    folder: Path, content: Content
) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {"respondent_name": "Sam"})
    (folder / "participant-001.yaml").write_text("- not: theirs\n")
    again = Workshop.open(folder, content)
    same = Phone(app_for(again), again)  # the same browser, cookie and all, after a restart
    same.client.cookies = phone.client.cookies
    assert same.open().status_code == 303  # known: sent on to where they stopped
    assert same.post("about", {"respondent_name": "Sam"}).status_code == 303
    assert (folder / "participant-001.yaml").read_text() == "- not: theirs\n"
    moved = again.participants[0].path
    assert moved.name == "participant-001-2.yaml"
    assert yaml.safe_load(moved.read_text())["respondent"]["name"] == "Sam"
    (after,) = Workshop.open(folder, content).participants  # the same person after
    assert after.path == moved and after.answers.respondent is not None
    assert after.answers.respondent.name == "Sam"


# personal data on a shared laptop --------------------------------------------------------


def test_answers_and_state_are_for_the_user_only(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = os.umask(0o022)  # the usual: files readable by every local user
    try:
        folder = tmp_path / "new" / "ws"
        workshop = make_workshop(folder, content)
        app = app_for(workshop)
        answer_quick(Phone(app, workshop), content)
        Phone(app, workshop).post("about", {"respondent_name": "Jo"})  # a draft
    finally:
        os.umask(old)
    assert mode_of(folder / STATE_FILE) == 0o600
    assert [mode_of(p) for p in sorted(folder.glob("*.yaml"))] == [0o600, 0o600]
    assert mode_of(folder) == 0o700  # a new folder: nobody else can even list it
