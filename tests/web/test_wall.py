"""The wall (the projector's page) and what the room sees, through Starlette's TestClient:
its own secret that can change nothing, the slides the console chooses, group figures
only in every shared view (the wall, the phones, the exports to share)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
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

#: Six people: three residents, two officers (fewer than three: "other roles"), a councillor.
ROOM = [
    ("Amira Khan", "resident", "0"),
    ("", "resident", "1"),
    ("Dev Patel", "resident", "2"),
    ("Sam Ortiz", "officer", "4"),
    ("Jo Baines", "officer", "3"),
    ("Cllr Rees", "councillor", "4"),
]
NAMES = ("Amira Khan", "Dev Patel", "Sam Ortiz", "Jo Baines", "Cllr Rees")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "ws"


def room(folder: Path, content: Content, *, anonymous: bool = False) -> tuple[Workshop, Any]:
    """A quick workshop where the six of ROOM have answered, each with their own rating."""
    workshop = make_workshop(folder, content, anonymous=anonymous)
    app = app_for(workshop)
    for name, role, rating in ROOM:
        answer_quick(Phone(app, workshop), content, name=name, role=role, rating=rating)
    return workshop, app


def reveal(app: Any, workshop: Workshop) -> tuple[Any, str]:
    client, base = facilitator(app, workshop)
    assert client.post(f"{base}/reveal", data={"show": "show"}).status_code == 200
    return client, base


def show(app: Any, workshop: Workshop, slide: str) -> str:
    """Choose a slide on the console, then read the wall."""
    client, base = facilitator(app, workshop)
    client.post(f"{base}/wall", data={"slide": slide})
    wall, path = projector(app, workshop)
    response = wall.get(f"{path}/")
    assert response.status_code == 200
    return str(response.text)


def visible(html: str) -> str:
    """The page's text, tags removed (what a person reads), spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# --- the wall's secret ---------------------------------------------------------------


def test_the_projector_secret_is_its_own_and_kept_across_restarts(
    folder: Path, content: Content
) -> None:
    workshop = make_workshop(folder, content)
    s = workshop.settings
    assert len(s.projector_token) >= 22  # at least 128 bits, URL-safe base64
    assert len({s.projector_token, s.join_token, s.facilitator_token}) == 3
    again = Workshop.open(folder, content)
    assert again.settings.projector_token == s.projector_token
    wall, path = projector(app_for(again), again)
    assert wall.get(f"{path}/").status_code == 200
    assert wall.get(f"{path}", follow_redirects=False).headers["location"] == f"{path}/"
    assert wall.get("/w/not-the-secret/").status_code == 404


def test_the_projector_secret_can_change_nothing(folder: Path, content: Content) -> None:
    workshop, app = room(folder, content)
    client, path = projector(app, workshop)
    secret = workshop.settings.projector_token
    before = (folder / ".coprod-workshop.json").read_text()
    files = {p.name: p.read_text() for p in folder.glob("*.yaml")}
    for url in (
        f"/w/{secret}/",
        f"/w/{secret}/reveal",
        f"/w/{secret}/wall",
        f"/w/{secret}/events",
        f"/f/{secret}/reveal",
        f"/f/{secret}/wall",
        f"/j/{secret}/about",
    ):
        response = client.post(url, data={"show": "show", "slide": "room", "share": "on"})
        assert response.status_code == 404, url
    for url in ("/", "/team.md", "/team.json", "/team-share.html", "/events", "/join-qr.svg"):
        assert client.get(f"/f/{secret}{url}").status_code == 404, url
    assert (folder / ".coprod-workshop.json").read_text() == before
    assert {p.name: p.read_text() for p in folder.glob("*.yaml")} == files
    assert "Reveal" not in client.get(f"{path}/").text  # and it offers no control


# --- what the wall shows ---------------------------------------------------------------


def test_before_reveal_the_wall_shows_how_to_join_and_who_is_here(
    folder: Path, content: Content
) -> None:
    workshop, app = room(folder, content)
    wall = show(app, workshop, "profile")  # the group's slides wait for Reveal
    code = workshop.settings.code
    assert f"{code[:3]}-{code[3:]}" in wall
    assert f"/j/{workshop.settings.join_token}/" in wall  # the join address, for typing
    assert re.search(r'<img class="qr big" src="/w/[^"]+/join-qr.svg"', wall)
    assert "Joined 6" in visible(wall) and "Finished 6" in visible(wall)
    assert "The group's practice profile" not in wall
    for name in NAMES:
        assert name not in wall
    wall_client, path = projector(app, workshop)
    qr = wall_client.get(f"{path}/join-qr.svg")
    assert qr.status_code == 200 and qr.headers["content-type"].startswith("image/svg+xml")


def test_after_reveal_the_wall_shows_group_figures_one_slide_at_a_time(
    folder: Path, content: Content, invoke: Any
) -> None:
    workshop, app = room(folder, content)
    reveal(app, workshop)
    wall_client, path = projector(app, workshop)
    profile = wall_client.get(f"{path}/").text  # Reveal moves the wall on to the profile
    team = json.loads(invoke("team", *map(str, sorted(folder.glob("*.yaml"))), "-f", "json").stdout)
    for p in team["practices"]:
        assert f'value="{p["mean"]}"' in profile
    assert "The mean of 6 people's scores" in profile
    assert 'class="corner"' in profile and "join-qr.svg" in profile  # for latecomers
    conversations = visible(show(app, workshop, "conversations"))
    # every practice was rated 0 to 4 by the six: counts, never a person beside a rating
    assert "1 × 0 Not at all, 1 × 1 A little, 1 × 2 Partly, 1 × 3 Mostly, 2 × 4 Fully" in (
        conversations
    )
    assert "And 4 more." in conversations  # three of seven on a slide
    criteria = visible(show(app, workshop, "criteria"))
    assert "Everyone who answered a criterion gave the same answer." in criteria
    room_slide = visible(show(app, workshop, "room"))
    assert "6 people: 3 resident, 3 other roles." in room_slide  # two officers: pooled
    split = visible(show(app, workshop, "split"))
    assert "rated by 6; middle rating" in split and "from 0 to 4" in split
    agree = visible(show(app, workshop, "agree"))
    assert "No statement rated by three or more people is agreed yet." in agree
    sides = visible(show(app, workshop, "sides"))
    # three residents; two officers and a councillor: three on each side, so figures show
    assert "Too few on one side to compare" not in sides and "a gap of" in sides
    for page in (profile, conversations, criteria, room_slide, split, agree, sides):
        for name in NAMES:
            assert name not in page
        for role in ("officer", "councillor"):
            assert role not in page


def test_the_console_steps_through_the_slides_and_sets_the_scale(
    folder: Path, content: Content
) -> None:
    workshop, app = room(folder, content)
    client, base = reveal(app, workshop)
    wall_client, path = projector(app, workshop)

    def heading() -> str:
        found = re.search(r'<h1 id="slide-heading">([^<]+)</h1>', wall_client.get(f"{path}/").text)
        assert found
        return html.unescape(found.group(1))

    assert heading() == "The group's practice profile"
    client.post(f"{base}/wall", data={"step": "next"})
    assert heading() == "The conversations to have"
    for _ in range(9):  # past the end: stays on the last slide
        client.post(f"{base}/wall", data={"step": "next"})
    assert heading() == "Who is in the room"
    client.post(f"{base}/wall", data={"step": "prev"})
    assert heading() == "When to co-produce: how the group answered"
    client.post(f"{base}/wall", data={"scale": "larger"})
    client.post(f"{base}/wall", data={"scale": "larger"})
    assert "scale-130" in wall_client.get(f"{path}/").text
    assert "Text size on the wall: 130%" in client.get(f"{base}/").text
    for _ in range(9):  # never below the size made for a projector
        client.post(f"{base}/wall", data={"scale": "smaller"})
    assert "scale-100" in wall_client.get(f"{path}/").text
    # kept across a restart
    again = Workshop.open(folder, content)
    wall_again, path = projector(app_for(again), again)
    assert "When to co-produce: how the group answered" in wall_again.get(f"{path}/").text
    # hidden again: the wall goes back to how to join
    client.post(f"{base}/reveal", data={"show": "hide"})
    assert "join-slide" in wall_client.get(f"{path}/").text


def test_the_wall_is_in_the_workshops_language(tmp_path: Path) -> None:
    from coprod.storage.content import bundled_data_dir
    from coprod.web.language import load_choices

    contents = load_choices(bundled_data_dir())
    workshop = make_workshop(tmp_path / "ws", contents["cy"])
    app = lang_app(workshop, contents)
    wall, path = projector(app, workshop)
    wall.cookies.set("coprod_lang", "en")  # a phone's choice does not change the wall
    page = wall.get(f"{path}/").text
    assert '<html lang="cy">' in page and "Ymunwch ar eich ffôn" in page


# --- the console: names behind a control, two kinds of export --------------------------


def test_the_console_shows_group_figures_unless_asked_for_names(
    folder: Path, content: Content
) -> None:
    workshop, app = room(folder, content)
    client, base = reveal(app, workshop)
    page = client.get(f"{base}/").text
    assert "Sam Ortiz" not in page and "3 resident, 3 other roles" in page
    assert "Show who said what (this screen only)" in page
    named = client.get(f"{base}/?names=1").text
    assert "Sam Ortiz (officer): 4 Fully" in named and "Hide who said what" in named
    assert "/events?since=" in named and "names=1" in named  # live updates keep the names
    # the export links: two kinds, each labelled
    assert "To share" in page and "With names — keep private" in page
    assert f"{base}/team-share.md" in page and f"{base}/team.md" in page
    assert f'/w/{workshop.settings.projector_token}/" target="_blank"' in page  # the wall


def test_an_anonymous_workshop_offers_no_names_anywhere(folder: Path, content: Content) -> None:
    workshop, app = room(folder, content, anonymous=True)
    client, base = reveal(app, workshop)
    page = client.get(f"{base}/?names=1").text
    assert "Show who said what" not in page and "keep private" not in page
    assert "Sam Ortiz" not in page and "officer" not in page
    assert client.get(f"{base}/team.json").json() == client.get(f"{base}/team-share.json").json()


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_the_exports_to_share_pin_no_one_to_their_answers(
    folder: Path, content: Content, invoke: Any, fmt: str
) -> None:
    workshop, app = room(folder, content)
    practice = content.practices[0]
    note_phone = Phone(app, workshop)
    answer_quick(note_phone, content, name="Noor", role="resident", rating="2")
    note_phone.post(f"practice/{practice.id}", {"note": "The venue was hard to reach."})
    client, base = reveal(app, workshop)
    shared = client.get(f"{base}/team-share.{fmt}")
    assert shared.status_code == 200
    text = shared.text
    for name in (*NAMES, "Noor"):
        assert name not in text
    people = text
    if fmt == "json":  # the sides of the table are defined by roles, beside no one
        found = json.loads(text)
        assert found["sides"]["institutions"]["roles"] == ["officer", "councillor"]
        people = json.dumps({k: v for k, v in found.items() if k != "sides"})
    for role in ("officer", "councillor"):
        assert role not in people  # two officers and one councillor: "other roles"
    assert "The venue was hard to reach." in text  # the note, without who wrote it
    files = map(str, sorted(folder.glob("*.yaml")))
    same = invoke("team", *files, "--anonymous", "-f", fmt).stdout
    if fmt == "json":  # the same view as coprod team --anonymous
        data = json.loads(text)
        assert data == json.loads(same)
        assert data["roles"] == {"resident": 4, "other roles": 3}
        for d in data["disagreements"]:
            assert d["ratings"] == [] and sum(c["n"] for c in d["counts"]) == 7
        assert {n["respondent"] for notes in data["notes"] for n in notes["notes"]} == {None}
    else:
        assert "4 resident, 3 other roles" in visible(text)
        assert "× 0 Not at all" in text and "Respondent 1" not in text
    private = client.get(f"{base}/team.{fmt}").text
    assert "Sam Ortiz (officer)" in private  # the private one: who said what


# --- the phones ----------------------------------------------------------------------------


def test_the_welcome_says_what_the_room_and_the_facilitator_see(
    folder: Path, content: Content
) -> None:
    named = make_workshop(folder, content)
    page = visible(Phone(app_for(named), named).open().text)
    assert "What the room sees: the group's figures only, never your name or your role" in page
    assert "What the facilitator sees: each person's answers with the name and role" in page
    anonymous = make_workshop(folder.parent / "anon", content, anonymous=True)
    page = visible(Phone(app_for(anonymous), anonymous).open().text)
    assert "What the facilitator sees: everyone's answers, without names" in page


def test_opening_the_join_address_again_lands_on_the_last_page_reached(
    folder: Path, content: Content
) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    phone = Phone(app, workshop)
    phone.post("about", {})
    phone.post("criteria", {})  # skipped every question: the "first gap" is criteria
    third = f"practice/{content.practices[2].id}"
    assert phone.get(third).status_code == 200  # reached the third practice
    again = phone.open()
    assert again.headers["location"] == f"{phone.join}/{third}?back=1"
    page = phone.client.get(again.headers["location"]).text
    assert "Welcome back — your answers so far are saved." in page
    assert "Welcome back" not in phone.get(third).text  # only when coming back
    # the same browser after the server restarted
    phone.client.app = app_for(Workshop.open(folder, content))
    assert phone.open().headers["location"] == f"{phone.join}/{third}?back=1"


def test_each_choice_is_saved_as_it_is_made(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {})
    practice = content.practices[0]
    page = phone.get(f"practice/{practice.id}").text
    assert '<script src="/static/phone.js" defer></script>' in page
    assert "Your answers on this page are kept when you press Next." in page  # <noscript>
    saved = phone.client.post(
        f"{phone.join}/practice/{practice.id}",
        data={practice.id: "3", "nav": "save"},
        follow_redirects=False,
    )
    assert saved.status_code == 204
    assert re.search(
        rf'name="{practice.id}" value="3" checked', phone.get(f"practice/{practice.id}").text
    )
    # saving the last page as it is typed does not finish the assessment
    phone.client.post(f"{phone.join}/reflections", data={"reflection_why": "Trust", "nav": "save"})
    assert workshop.participants[0].answers.complete is False
    assert workshop.participants[0].answers.reflections.why == "Trust"
    assert phone.client.get("/static/phone.js").status_code == 200


def test_shared_with_phones_the_done_page_shows_the_group_beside_ones_own(
    tmp_path: Path,
) -> None:
    from coprod.storage.content import bundled_data_dir
    from coprod.web.language import load_choices

    contents = load_choices(bundled_data_dir())
    workshop = make_workshop(tmp_path / "ws", contents["en"])
    app = lang_app(workshop, contents)
    phones = []
    for name, role, rating in ROOM[:2]:
        phone = Phone(app, workshop)
        answer_quick(phone, contents["en"], name=name, role=role, rating=rating)
        phones.append(phone)
    client, base = facilitator(app, workshop)
    client.post(f"{base}/wall", data={"share": "on"})
    # two people: a mean beside one's own would tell the other's scores
    two = phones[0].get("done").text
    assert "Where I sit" not in two and "once three people have answered" in two
    welsh = Phone(app, workshop)
    welsh.client.get(f"{welsh.join}/language", params={"choice": "cy"})
    answer_quick(welsh, contents["en"], name="Dev", role="resident", rating="2")
    done = welsh.get("done").text
    assert '<html lang="cy">' in done
    assert "Ble rydw i: fy mhroffil i a phroffil y grŵp" in done
    welsh_name = contents["cy"].practices[0].name
    # own score 50 (rating 2), the group's mean of 0, 25 and 50: 25
    assert re.search(
        rf"1\. {re.escape(welsh_name)}</th>\s*<td[^>]*>50</td>\s*<td[^>]*>25</td>", done
    )
    for name in NAMES:
        assert name not in done
    client.post(f"{base}/wall", data={"share": "off"})
    assert "Ble rydw i" not in welsh.get("done").text


def test_the_progress_line_comes_only_when_something_changed(
    tmp_path: Path, content: Content
) -> None:
    workshop = make_workshop(tmp_path / "ws", content)
    ticker = Progress(workshop)
    at = dt.datetime(2026, 12, 1, 10, 5)
    assert ticker.line(at) is None  # nobody yet: nothing to say
    app = app_for(workshop)
    answer_quick(Phone(app, workshop), content)
    Phone(app, workshop).post("about", {})
    assert ticker.line(at) == "10:05 · 2 joined, 1 finished"
    assert ticker.line(at) is None  # the next minute, nothing new: no line
