"""coprod workshop: who is in the room (issue 11, section 1), through Starlette's
TestClient: the phone's "what do you bring" boxes and the facilitator's coverage."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers.workshop import Phone, answer_quick, app_for, facilitator, make_workshop

from coprod.core.models import Content


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "ws"


def post_about(phone: Phone, brings: list[str], nav: str = "next", **fields: str) -> Any:
    """The welcome page as a browser posts it: the boxes shown, the ticked ones repeated."""
    data: dict[str, Any] = {**fields, "brings_asked": "1", "brings": brings, "nav": nav}
    return phone.client.post(f"{phone.join}/about", data=data, follow_redirects=False)


def ticked(html: str) -> list[str]:
    return re.findall(r'<input type="checkbox" name="brings" value="([^"]+)" checked>', html)


def test_the_welcome_page_asks_what_each_person_brings(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    page = Phone(app_for(workshop), workshop).open().text
    boxes = re.findall(r'<input type="checkbox" name="brings" value="([^"]+)"', page)
    assert boxes == [c.id for c in content.background.arc_characteristics]
    fieldset = page[page.index('<fieldset class="choices" id="brings">') :]
    fieldset = fieldset[: fieldset.index("</fieldset>")]
    assert "<legend>" in fieldset
    for c in content.background.arc_characteristics:  # one label per box, with its description
        assert re.search(
            rf'<label class="option"><input type="checkbox" name="brings" value="{c.id}">'
            rf"[^<]*<span><strong>{c.name}</strong>: {re.escape(c.description)}</span></label>",
            fieldset,
        )


def test_brings_is_saved_as_ids_that_assess_reads(folder: Path, content: Content, invoke) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    response = post_about(phone, ["roots", "analysis"], respondent_name="Sam")
    assert response.status_code == 303  # saved before the redirect
    file = next(folder.glob("*.yaml"))
    assert yaml.safe_load(file.read_text())["respondent"] == {
        "name": "Sam",
        "brings": ["analysis", "roots"],
    }
    answer_quick(phone, content, name="Sam")  # the about page again, without the boxes
    result = invoke("assess", "--answers", str(file), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["brings"] == ["analysis", "roots"]


def test_unknown_values_are_ignored_and_unticking_clears(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    post_about(phone, ["charisma", "vision", "vision", "<script>"])
    file = next(folder.glob("*.yaml"))
    assert yaml.safe_load(file.read_text())["respondent"]["brings"] == ["vision"]
    post_about(phone, [])
    assert "respondent" not in yaml.safe_load(file.read_text())


def test_back_and_resume_show_the_boxes_ticked(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    phone = Phone(app, workshop)
    post_about(phone, ["experience", "reach"])
    back = phone.post("criteria", {}, nav="back")
    assert back.headers["location"].endswith("/about")
    assert ticked(phone.get("about").text) == ["experience", "reach"]
    # a restarted app reads the file back
    again = Phone(app_for(type(workshop).open(folder, content)), workshop)
    again.client.cookies = phone.client.cookies
    assert ticked(again.get("about").text) == ["experience", "reach"]


def test_anonymous_still_asks_what_people_bring(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content, anonymous=True)
    phone = Phone(app_for(workshop), workshop)
    page = phone.open().text
    assert 'name="brings"' in page and "respondent_name" not in page
    post_about(phone, ["roots"])
    assert yaml.safe_load(next(folder.glob("*.yaml")).read_text())["respondent"] == {
        "brings": ["roots"]
    }


def coverage_rows(html: str) -> list[tuple[str, int, str]]:
    rows = re.findall(
        r'<li class="(present|thin|missing|unknown)"><span class="name">([^<]+)</span> '
        r'<span class="value">(\d+) · ([^<]+)</span></li>',
        html,
    )
    return [(name, int(n), status) for status, name, n, _ in rows]


@pytest.mark.parametrize("anonymous", [False, True])
def test_the_facilitator_sees_coprod_room_after_reveal(
    folder: Path, content: Content, invoke, anonymous: bool
) -> None:
    workshop = make_workshop(folder, content, anonymous=anonymous)
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    for name, brings in (("Sam", ["roots", "analysis"]), ("Jo", ["roots"]), ("Ali", [])):
        phone = Phone(app, workshop)
        post_about(phone, brings)
        answer_quick(phone, content, name=name, rating="2")
    assert "Who is in the room" not in client.get(f"{base}/").text  # hidden until revealed
    client.post(f"{base}/reveal", data={"show": "show"})
    page = client.get(f"{base}/").text
    room = invoke("room", *map(str, sorted(folder.glob("*.yaml"))), "--format", "json")
    assert room.exit_code == 0, room.output
    expected = json.loads(room.stdout)["characteristics"]
    assert coverage_rows(page) == [(c["name"], c["count"], c["status"]) for c in expected]
    assert ("Roots", 2, "present") in coverage_rows(page)
    assert ("Analysis", 1, "thin") in coverage_rows(page)
    assert ("Vision", 0, "missing") in coverage_rows(page)
    assert "1 of 3 did not say" in page
    section = page[page.index("Who is in the room: the six") :]
    assert "Sam" not in section and "Jo" not in section  # counts only


def test_one_participant_shows_no_coverage(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    phone = Phone(app, workshop)
    post_about(phone, ["roots"])
    client.post(f"{base}/reveal", data={"show": "show"})
    assert coverage_rows(client.get(f"{base}/").text) == []


def test_when_nobody_says_what_they_bring_nothing_is_called_missing(
    folder: Path, content: Content, invoke
) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    for name in ("Sam", "Jo"):
        phone = Phone(app, workshop)
        post_about(phone, [])
        answer_quick(phone, content, name=name, rating="2")
    client.post(f"{base}/reveal", data={"show": "show"})
    page = client.get(f"{base}/").text
    rows = coverage_rows(page)
    assert rows and all(status == "unknown" for _name, _n, status in rows)
    assert "0 · not known" in page and "0 · missing" not in page
    room = invoke("room", *map(str, sorted(folder.glob("*.yaml"))), "--format", "json")
    statuses = {c["status"] for c in json.loads(room.stdout)["characteristics"]}
    assert statuses == {"unknown"}
    assert "missing" not in invoke("room", *map(str, sorted(folder.glob("*.yaml")))).stdout
