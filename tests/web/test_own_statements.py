"""The group's own statements in a workshop: their page on the phones, added from the console
(kept in the folder, across restarts), offered on the done page, and on the wall's split slide."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers.workshop import (
    Phone,
    answer_quick,
    app_for,
    facilitator,
    make_workshop,
    projector,
)

from coprod.core.models import Content
from coprod.core.own import OwnStatement
from coprod.web.own import OWN_FILE, add_own, save_own
from coprod.web.state import Workshop

LISTENED = OwnStatement(id="own-listened", text="Residents are listened to.")


def answers_of(folder: Path) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text()) for p in sorted(folder.glob("participant-*.yaml"))]


def visible(page: str) -> str:
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", page).split()))


def with_own(folder: Path, content: Content, mode: str = "quick") -> Workshop:
    workshop = make_workshop(folder, content, mode=mode)
    assert add_own(workshop, [LISTENED]) == []
    save_own(workshop)
    return workshop


def add_from_console(app: Any, workshop: Workshop, text: str, practice: str = "") -> Any:
    client, base = facilitator(app, workshop)
    return client.post(f"{base}/own", data={"text": text, "practice": practice})


def test_own_statements_have_a_page_of_their_own_before_the_reflections(
    tmp_path: Path, content: Content
) -> None:
    workshop = with_own(tmp_path, content)
    app = app_for(workshop)
    phone = Phone(app, workshop)
    phone.post("about", {})
    last = content.practices[-1]
    response = phone.post(f"practice/{last.id}", {last.id: "3"})
    assert response.headers["location"].endswith("/own")
    page = phone.get("own").text
    assert "Residents are listened to." in page
    assert re.findall(r'<input type="radio" name="([^"]+)" value="([^"]+)"', page)[0] == (
        "own-listened",
        "0",
    )
    assert 'name="own-listened.why"' in page  # a "Why?" field named after it
    assert 'name="matters_most" value="own-listened"' in page
    response = phone.post(
        "own",
        {"own-listened": "dont_know", "own-listened.why": "Hard to tell yet."},
    )
    assert response.headers["location"].endswith("/reflections")
    [data] = answers_of(tmp_path)
    # self-describing: the words it answered, and the rating under its id
    assert data["own_statements"] == [{"id": "own-listened", "text": "Residents are listened to."}]
    assert data["ratings"]["own-listened"] == "dont_know"
    assert data["reasons"] == {"own-listened": "Hard to tell yet."}


def test_without_own_statements_there_is_no_such_page(tmp_path: Path, content: Content) -> None:
    workshop = make_workshop(tmp_path, content)
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {})
    last = content.practices[-1]
    response = phone.post(f"practice/{last.id}", {last.id: "3"})
    assert response.headers["location"].endswith("/reflections")
    assert phone.get("own").status_code == 404


def test_the_console_adds_a_statement_kept_in_the_folder_across_restarts(
    tmp_path: Path, content: Content
) -> None:
    folder = tmp_path / "ws"
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    response = add_from_console(app, workshop, "  Meetings   are fun. ", "holding")
    assert response.status_code == 200  # followed to the console
    assert "Added: Meetings are fun." in response.text
    kept = yaml.safe_load((folder / OWN_FILE).read_text())
    assert kept == {
        "version": 1,
        "statements": [
            {"id": "own-meetings-are-fun", "text": "Meetings are fun.", "practice": "holding"}
        ],
    }
    again = Workshop.open(folder, content)  # a restart
    assert [s.id for s in again.own] == ["own-meetings-are-fun"]
    # the same words twice: a second id, not a lost statement
    add_from_console(app, workshop, "Meetings are fun.")
    assert [s.id for s in workshop.own] == ["own-meetings-are-fun", "own-meetings-are-fun-2"]


@pytest.mark.parametrize(
    ("text", "practice", "said"),
    [
        ("   ", "", "Type the statement's words first."),
        ("x" * 201, "", "The statement is 201 characters long; a statement is at most 200."),
        ("Fine words.", "not-a-practice", "Choose one of the seven practices, or none."),
    ],
)
def test_the_console_refuses_a_statement_it_cannot_keep(
    tmp_path: Path, content: Content, text: str, practice: str, said: str
) -> None:
    workshop = make_workshop(tmp_path / "ws", content)
    response = add_from_console(app_for(workshop), workshop, text, practice)
    assert response.status_code == 422
    assert said in html.unescape(response.text)
    assert workshop.own == [] and not (tmp_path / "ws" / OWN_FILE).exists()


def test_two_hundred_characters_is_the_limit_and_twenty_statements(
    tmp_path: Path, content: Content
) -> None:
    workshop = make_workshop(tmp_path / "ws", content)
    app = app_for(workshop)
    assert add_from_console(app, workshop, "y" * 200).status_code == 200
    for n in range(19):
        add_from_console(app, workshop, f"Statement {n}")
    assert len(workshop.own) == 20
    response = add_from_console(app, workshop, "One too many")
    assert response.status_code == 422
    assert "no more can be added" in response.text and len(workshop.own) == 20


def test_adding_a_statement_needs_the_facilitators_secret_and_this_site(
    tmp_path: Path, content: Content
) -> None:
    workshop = make_workshop(tmp_path / "ws", content)
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    wrong = client.post(f"/f/{workshop.settings.join_token}/own", data={"text": "Sneaky."})
    assert wrong.status_code == 404
    cross = client.post(
        f"{base}/own", data={"text": "Sneaky."}, headers={"origin": "http://evil.example"}
    )
    assert cross.status_code == 403
    wall, path = projector(app, workshop)
    assert wall.post(f"{path}/own", data={"text": "Sneaky."}).status_code in (404, 405)
    assert workshop.own == []


def test_a_phone_still_answering_sees_a_statement_added_and_one_finished_is_offered_it(
    tmp_path: Path, content: Content
) -> None:
    workshop = make_workshop(tmp_path / "ws", content)
    app = app_for(workshop)
    done = Phone(app, workshop)
    answer_quick(done, content)  # finished before there was any own statement
    going = Phone(app, workshop)
    going.post("about", {})
    add_from_console(app, workshop, "Meetings are fun.")
    last = content.practices[-1]
    response = going.post(f"practice/{last.id}", {last.id: "2"})
    assert response.headers["location"].endswith("/own")  # on its way: the new page
    page = visible(done.get("done").text)
    assert "New from the group (1)" in page and "Meetings are fun." in page
    assert 'href="/j/' in done.get("done").text and "/own" in done.get("done").text
    done.post("own", {"own-meetings-are-fun": "4", "own-meetings-are-fun.why": ""})
    after = visible(done.get("done").text)
    assert "New from the group" not in after
    finished = next(a for a in answers_of(tmp_path / "ws") if a.get("own_statements"))
    assert finished["complete"] is True and finished["ratings"]["own-meetings-are-fun"] == 4


def test_a_statement_added_after_the_page_was_shown_waits_for_the_next_look(
    tmp_path: Path, content: Content
) -> None:
    workshop = with_own(tmp_path / "ws", content)
    app = app_for(workshop)
    phone = Phone(app, workshop)
    phone.post("about", {})
    phone.get("own")
    add_from_console(app, workshop, "Meetings are fun.")
    phone.post("own", {"own-listened": "2", "own-listened.why": ""})  # the page as it was
    [data] = answers_of(tmp_path / "ws")
    assert [s["id"] for s in data["own_statements"]] == ["own-listened"]
    assert [s["id"] for s in data["own_statements"]] != [s.id for s in workshop.own]


def test_own_statements_are_never_in_the_practices_scores(tmp_path: Path, content: Content) -> None:
    workshop = with_own(tmp_path / "ws", content)
    app = app_for(workshop)
    for rating in ("0", "2", "4"):
        phone = Phone(app, workshop)
        answer_quick(phone, content, rating="2")
        phone.post("own", {"own-listened": rating, "own-listened.why": ""})
    client, base = facilitator(app, workshop)
    view = client.get(f"{base}/team-share.json").json()
    assert {p["mean"] for p in view["practices"]} == {50}
    assert view["own_statements"] == [
        {
            "id": "own-listened",
            "text": "Residents are listened to.",
            "practice": None,
            "n": 3,
            "mean": 2.0,
            "low": 0,
            "high": 4,
            "dont_know": 0,
            "na": 0,
        }
    ]
    [split] = view["agreement"]["split"]
    assert split["statement"] == "own-listened" and split["spread"] == 4
    shared = client.get(f"{base}/team-share.md").text
    assert "## Our own statements" in shared


def test_the_split_slide_shows_reasons_with_their_ratings_and_no_name(
    tmp_path: Path, content: Content
) -> None:
    workshop = with_own(tmp_path / "ws", content)
    app = app_for(workshop)
    for name, rating, why in (
        ("Zed", "4", "They act on it."),
        ("Amy", "0", "Nobody asked us."),
        ("Bo", "2", ""),
    ):
        phone = Phone(app, workshop)
        answer_quick(phone, content, name=name, role="resident")
        phone.post("own", {"own-listened": rating, "own-listened.why": why})
    client, base = facilitator(app, workshop)
    client.post(f"{base}/reveal", data={"show": "show"})
    client.post(f"{base}/wall", data={"slide": "split"})
    wall, path = projector(app, workshop)
    slide = visible(wall.get(f"{path}/").text)
    assert "Residents are listened to. — rated by 3" in slide
    assert "rated 0 Not at all: “Nobody asked us.”" in slide
    assert "rated 4 Fully: “They act on it.”" in slide
    assert slide.index("Nobody asked us.") < slide.index("They act on it.")  # by rating, not who
    for name in ("Zed", "Amy", "Bo", "resident"):
        assert name not in slide


def test_the_split_slide_keeps_to_what_a_wall_has_room_for_and_counts_the_rest() -> None:
    from coprod.core.sense import Item, Reason, Spread
    from coprod.web.slides import split_context

    long_reason = "w" * 250
    splits = [
        Spread(
            Item(f"own-{i}", "", f"Statement {i}."),
            (0, 4, 2),
            tuple(Reason(r, long_reason) for r in (0, 2, 4)),
        )
        for i in range(4)
    ]
    found = split_context(splits, 4, {}, 100)
    assert found["split_lines"][0].startswith("Statement 0. — rated by 3")
    kept = [reasons for reasons, _more in found["split_reasons"]]
    assert kept[0], "the first statement shows a reason"
    shown = sum(len(k) for k in kept)
    assert 0 < shown < 12  # not all twelve long reasons: they would not fit
    said = [more for _reasons, more in found["split_reasons"]]
    assert said[0] == f"and {3 - len(kept[0])} more reasons, in the team report"
    assert found["split_more"] == 4 - len(found["split_lines"])
    # short reasons: every statement and every reason
    short = [
        Spread(s.item, s.ratings, tuple(Reason(r.rating, "Short.") for r in s.reasons))
        for s in splits[:2]
    ]
    found = split_context(short, 4, {}, 100)
    assert [len(r) for r, _more in found["split_reasons"]] == [3, 3]
    assert found["split_more"] == 0
    # larger text on the wall: room for less
    assert len(split_context(splits, 4, {}, 175)["split_lines"]) <= len(
        split_context(splits, 4, {}, 100)["split_lines"]
    )


def test_a_statements_file_given_again_on_a_restart_adds_only_what_is_new(
    tmp_path: Path, content: Content
) -> None:
    workshop = with_own(tmp_path / "ws", content)
    changed = OwnStatement(id="own-listened", text="People listen.")
    new = OwnStatement(id="own-fun", text="Meetings are fun.")
    said = add_own(workshop, [changed, new])
    assert said == [
        "own statement own-listened is already this workshop's, with other words: "
        "'Residents are listened to.' is kept"
    ]
    assert [s.text for s in workshop.own] == ["Residents are listened to.", "Meetings are fun."]


def test_a_paper_form_carries_the_groups_own_statements(tmp_path: Path, content: Content) -> None:
    workshop = with_own(tmp_path / "ws", content)
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    printable = client.get(f"{base}/form").text
    assert "Our own statements" in printable and "Residents are listened to." in printable
    page = client.get(f"{base}/paper").text
    assert 'name="own-listened"' in page and 'name="own-listened.why"' in page
    refused = client.post(f"{base}/paper", data={"own-listened": "7"}, follow_redirects=False)
    assert refused.status_code == 422 and answers_of(tmp_path / "ws") == []
    saved = client.post(
        f"{base}/paper",
        data={
            "own-listened": "1",
            "own-listened.why": "Written on the form.",
            "matters_most": ["own-listened"],
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    [data] = answers_of(tmp_path / "ws")
    assert data["source"] == "paper"
    assert data["own_statements"] == [{"id": "own-listened", "text": "Residents are listened to."}]
    assert data["ratings"] == {"own-listened": 1}
    assert data["reasons"] == {"own-listened": "Written on the form."}
    assert data["matters_most"] == ["own-listened"]
