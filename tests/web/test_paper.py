"""Paper forms on the console: the printable form, and a paper form typed in, counted as
"on paper" like any other answer."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import yaml
from helpers.workshop import (
    Phone,
    answer_quick,
    app_for,
    facilitator,
    lang_app,
    make_workshop,
    projector,
)

from coprod.cli.commands.workshop import Progress
from coprod.core.models import Content
from coprod.web.state import Workshop

ORIGIN = "http://127.0.0.1:8765"


def visible(html: str) -> str:
    """The page's text, tags removed (what a person reads), spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def files(workshop: Workshop) -> list[Path]:
    return sorted(workshop.folder.glob("*.yaml"))


def a_form(content: Content, **extra: Any) -> dict[str, Any]:
    """One full paper form: a role, two criteria, three statements rated, a reason, two
    marked as mattering most, a note and a reflection."""
    first = content.practices[0]
    one, two, three = (s.id for s in first.statements[:3])
    criteria = content.all_criteria()
    return {
        "respondent_name": "Mair",
        "respondent_role": "resident",
        "brings": ["roots"],
        criteria[0].id: "yes",
        criteria[1].id: "unsure",
        one: "1",
        two: "dont_know",
        three: "4",
        f"{one}.why": "Nobody asked us.",
        "matters_most": [one, three],
        f"{first.id}.note": "Written in the margin.",
        "reflection_why": "Residents know the estate.",
        **extra,
    }


def post(workshop: Workshop, app: Any, data: dict[str, Any], **headers: str) -> Any:
    client, base = facilitator(app, workshop)
    return client.post(f"{base}/paper", data=data, headers=headers, follow_redirects=False)


def test_a_paper_form_becomes_a_participant_file_marked_as_from_paper(
    folder: Path, content: Content
) -> None:
    workshop = make_workshop(folder, content, mode="full")
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    page = client.get(f"{base}/paper")
    assert page.status_code == 200 and "Enter a paper form" in page.text
    response = post(workshop, app, a_form(content))
    assert response.status_code == 303
    (path,) = files(workshop)
    data = yaml.safe_load(path.read_text())
    first = content.practices[0]
    one, two, three = (s.id for s in first.statements[:3])
    assert data["source"] == "paper" and data["complete"] is True
    assert data["project"] == {"name": "Space in Common", "stage": "design"}
    assert data["respondent"] == {"name": "Mair", "role": "resident", "brings": ["roots"]}
    assert data["ratings"] == {one: 1, two: "dont_know", three: 4}
    assert data["reasons"] == {one: "Nobody asked us."}
    assert data["matters_most"] == [one, three]
    assert data["notes"] == {first.id: "Written in the margin."}
    assert data["reflections"] == {"why": "Residents know the estate."}
    # the page it goes back to says which file it became
    after = client.get(response.headers["location"])
    assert f"Saved as {path.name}" in visible(after.text)
    # and it is read back as any answers file is, after a restart too
    again = Workshop.open(folder, content)
    assert [p.answers.source for p in again.participants] == ["paper"]
    assert again.warnings == []


def test_counted_as_on_paper_on_the_console_the_wall_and_the_team_report(
    folder: Path, content: Content
) -> None:
    workshop = make_workshop(folder, content)  # quick
    app = app_for(workshop)
    answer_quick(Phone(app, workshop), content, name="Sam", role="officer")
    ticker = Progress(workshop)  # the facilitator's terminal, once a minute
    first = content.practices[0].id
    assert post(workshop, app, {first: "2", "respondent_role": "resident"}).status_code == 303
    assert ticker.line(dt.datetime(2026, 12, 1, 10, 5)) == (
        "10:05 · 2 joined, 2 finished, 1 on paper"
    )
    client, base = facilitator(app, workshop)
    console = visible(client.get(f"{base}/").text)
    assert "Joined 2" in console and "Finished 2" in console and "On paper 1" in console
    wall, path = projector(app, workshop)
    assert "On paper 1" in visible(wall.get(f"{path}/").text)
    team = json.loads(client.get(f"{base}/team-share.json").text)
    assert team["paper"] == 1 and len(team["respondents"]) == 2
    assert "**Respondents:** 2, 1 on paper (" in client.get(f"{base}/team-share.md").text
    # counted in the group like any other: the practice's spread has both ratings
    (openness,) = [p for p in team["practices"] if p["id"] == first]
    assert openness["scores"] == [50, 75]


def test_without_paper_forms_no_count_is_shown(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    answer_quick(Phone(app, workshop), content)
    client, base = facilitator(app, workshop)
    assert "On paper" not in visible(client.get(f"{base}/").text)


def test_refused_without_the_secret_or_from_another_site(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content, mode="full")
    app = app_for(workshop)
    client, _base = facilitator(app, workshop)
    for path in ("/f/wrong-secret/paper", f"/j/{workshop.settings.join_token}/paper"):
        assert client.get(path).status_code == 404
        assert client.post(path, data=a_form(content)).status_code == 404
    assert client.get("/f/wrong-secret/form").status_code == 404
    response = post(workshop, app, a_form(content), origin="http://evil.example")
    assert response.status_code == 403
    response = post(workshop, app, a_form(content), **{"sec-fetch-site": "cross-site"})
    assert response.status_code == 403
    assert files(workshop) == [] and workshop.participants == []
    # from the console itself: saved
    assert post(workshop, app, a_form(content), origin=ORIGIN).status_code == 303


def test_a_value_the_form_does_not_offer_is_refused_and_nothing_is_saved(
    folder: Path, content: Content
) -> None:
    workshop = make_workshop(folder, content, mode="full")
    app = app_for(workshop)
    first = content.practices[0]
    ids = [s.id for s in first.statements]
    criterion = content.all_criteria()[0].id
    form = a_form(content, **{ids[0]: "5", criterion: "maybe", "respondent_role": "mayor"})
    form["matters_most"] = ids[:4]
    response = post(workshop, app, form)
    assert response.status_code == 422
    shown = visible(response.text)
    assert "Not saved yet" in shown
    assert "Choose one of the answers the form offers (this was '5')." in shown
    assert "(this was 'maybe')" in shown and "(this was 'mayor')" in shown
    assert "At most 3 statements may be marked as mattering most; 4 are marked." in shown
    assert f'href="#{ids[0]}"' in response.text  # each message leads to its question
    assert files(workshop) == [] and workshop.participants == []
    # what was typed is still there to put right
    assert "Written in the margin." in response.text and "Nobody asked us." in response.text
    assert re.search(rf'name="{ids[2]}" value="4" checked', response.text)


def test_a_reason_too_long_or_an_empty_form_is_refused(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content, mode="full")
    app = app_for(workshop)
    one = content.practices[0].statements[0].id
    response = post(workshop, app, a_form(content, **{f"{one}.why": "x" * 281}))
    assert response.status_code == 422
    assert "Too long: 281 characters; the limit is 280." in visible(response.text)
    response = post(workshop, app, {"respondent_name": "  ", one: ""})
    assert response.status_code == 422
    assert "Nothing was typed in" in visible(response.text)
    assert files(workshop) == []


def test_pressing_save_twice_saves_the_form_once(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content, mode="full")
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    form_id = re.search(r'name="form_id" value="([^"]+)"', client.get(f"{base}/paper").text)
    assert form_id is not None
    form = a_form(content, form_id=form_id[1])
    first, second = post(workshop, app, form), post(workshop, app, form)
    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    assert len(files(workshop)) == 1
    # the next form's page has a new id: a second form is a second participant
    form_id = re.search(r'name="form_id" value="([^"]+)"', client.get(f"{base}/paper").text)
    assert form_id is not None
    assert post(workshop, app, a_form(content, form_id=form_id[1])).status_code == 303
    assert len(files(workshop)) == 2


def test_a_full_workshop_refuses_a_paper_form(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content, max_participants=1)
    app = app_for(workshop)
    answer_quick(Phone(app, workshop), content)
    response = post(workshop, app, {content.practices[0].id: "3"})
    assert response.status_code == 409
    assert "The workshop is full" in visible(response.text)
    assert len(files(workshop)) == 1


def test_an_anonymous_workshop_asks_no_name_and_keeps_none(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content, mode="full", anonymous=True)
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    assert 'name="respondent_name"' not in client.get(f"{base}/paper").text
    assert post(workshop, app, a_form(content)).status_code == 303
    (path,) = files(workshop)
    assert "Mair" not in path.read_text()


def test_the_console_links_the_printable_form_in_the_workshops_mode(
    folder: Path, content: Content
) -> None:
    workshop = make_workshop(folder, content, mode="quick")
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    console = client.get(f"{base}/").text
    assert f'href="{base}/form"' in console and f'href="{base}/paper"' in console
    form = client.get(f"{base}/form")
    assert form.status_code == 200 and form.headers["content-type"].startswith("text/html")
    assert "Space in Common" in form.text  # the project printed on it
    assert "Overall, how far does the project do this?" in form.text  # quick: one per practice
    assert content.practices[0].statements[0].text not in form.text
    # its inline style is allowed by its hash, and nothing else runs
    csp = form.headers["content-security-policy"]
    assert "script-src" not in csp and "style-src 'sha256-" in csp


def test_the_paper_pages_are_in_the_workshops_language(tmp_path: Path) -> None:
    from coprod.storage.content import bundled_data_dir
    from coprod.web.language import load_choices

    contents = load_choices(bundled_data_dir())
    workshop = make_workshop(tmp_path / "ws", contents["cy"])
    app = lang_app(workshop, contents)
    client, base = facilitator(app, workshop)
    client.cookies.set("coprod_lang", "en")  # a phone's choice changes neither
    page = client.get(f"{base}/paper").text
    assert '<html lang="cy">' in page and "Teipio ffurflen bapur" in page
    form = client.get(f"{base}/form").text
    assert '<html lang="cy">' in form and contents["cy"].practices[0].name in form
    response = post(workshop, app, {contents["cy"].practices[0].id: "9"})
    assert "Dewiswch un o’r atebion sydd ar y ffurflen" in visible(response.text)
