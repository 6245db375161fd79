"""coprod workshop: the participant's pages and the facilitator's page, through
Starlette's TestClient (plain form posts: what a phone without JavaScript does)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import stat
from pathlib import Path

import pytest
import yaml
from helpers.workshop import Phone, answer_quick, app_for, facilitator, make_workshop, radio_names

from coprod.core.models import Content
from coprod.web.state import STATE_FILE, Workshop


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "ws"


def answers_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


# --- joining -------------------------------------------------------------------------


def test_opening_the_join_url_creates_no_one(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    phone = Phone(app, workshop)
    for _ in range(3):  # a link preview, a prefetch, a curious click
        page = phone.open()
        assert page.status_code == 200
        assert '<form method="post"' in page.text
    assert phone.client.head(f"{phone.join}/").status_code == 200
    assert answers_files(folder) == []
    assert workshop.participants == []
    client, base = facilitator(app, workshop)
    assert re.search(r'id="joined">0<', client.get(f"{base}/").text)


def test_the_first_post_creates_the_participant_and_their_file(
    folder: Path, content: Content
) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    response = phone.post("about", {"respondent_name": "Sam", "respondent_role": "resident"})
    assert response.status_code == 303
    assert response.headers["location"] == f"{phone.join}/criteria"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and f"Path={phone.join}" in cookie
    (path,) = answers_files(folder)
    data = yaml.safe_load(path.read_text())
    assert data["respondent"] == {"name": "Sam", "role": "resident"}
    assert data["project"] == {"name": "Space in Common", "stage": "design"}
    assert data["complete"] is False
    # a second phone is a second person
    other = Phone(app_for(workshop), workshop)
    other.post("about", {})
    assert len(answers_files(folder)) == 2


def test_field_names_are_the_answers_file_ids(folder: Path, content: Content) -> None:
    quick = make_workshop(folder / "quick", content, mode="quick")
    phone = Phone(app_for(quick), quick)
    phone.post("about", {})
    assert radio_names(phone.get("criteria").text) == [c.id for c in content.all_criteria()]
    first = content.practices[0]
    page = phone.get(f"practice/{first.id}").text
    assert radio_names(page) == [first.id]
    values = re.findall(rf'name="{first.id}" value="([^"]+)"', page)
    assert values == ["0", "1", "2", "3", "4", "dont_know", "na"]

    full = make_workshop(folder / "full", content, mode="full")
    phone = Phone(app_for(full), full)
    phone.post("about", {})
    page = phone.get(f"practice/{first.id}").text
    assert radio_names(page) == [s.id for s in first.statements]
    criteria = phone.get("criteria").text
    assert re.findall(rf'name="{content.all_criteria()[0].id}" value="([^"]+)"', criteria) == [
        "yes",
        "no",
        "unsure",
    ]


def test_a_whole_quick_assessment_gives_a_file_assess_and_team_read(
    folder: Path, content: Content, invoke
) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    answer_quick(Phone(app, workshop), content, name="Sam", role="officer", rating="4")
    answer_quick(Phone(app, workshop), content, rating="1", criterion="no")
    files = answers_files(folder)
    assert len(files) == 2
    data = yaml.safe_load(files[0].read_text())
    assert data["complete"] is True and data["mode"] == "quick"
    assert data["ratings"] == {p.id: 4 for p in content.practices}

    result = invoke("assess", "--answers", str(files[0]), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert all(p["score"] == 100 for p in report["practices"])
    assert report["verdict"] == "caution"  # every warning sign answered yes

    team = invoke("team", *map(str, files), "--format", "json")
    assert team.exit_code == 0, team.output
    view = json.loads(team.stdout)
    assert [p["spread"] for p in view["practices"]] == [75] * len(content.practices)


def test_dont_know_and_not_applicable_are_saved_as_such(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content, mode="full")
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {})
    practice = content.practices[0]
    first, second, third = (s.id for s in practice.statements[:3])
    phone.post(f"practice/{practice.id}", {first: "dont_know", second: "na", third: "2"})
    data = yaml.safe_load(answers_files(folder)[0].read_text())
    assert data["ratings"] == {first: "dont_know", second: "na", third: 2}


def test_values_that_are_not_answers_are_ignored(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    practice = content.practices[0]
    criterion = content.all_criteria()[0].id
    phone.post("about", {"respondent_role": "emperor"})
    phone.post("criteria", {criterion: "perhaps", "not-a-criterion": "yes"})
    phone.post(f"practice/{practice.id}", {practice.id: "7"})
    data = yaml.safe_load(answers_files(folder)[0].read_text())
    assert data["criteria"] == {} and data["ratings"] == {} and "respondent" not in data


def test_back_saves_the_page_and_goes_to_the_previous_one(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {})
    criterion = content.all_criteria()[0].id
    response = phone.post("criteria", {criterion: "unsure"}, nav="back")
    assert response.status_code == 303
    assert response.headers["location"] == f"{phone.join}/about"
    assert yaml.safe_load(answers_files(folder)[0].read_text())["criteria"] == {criterion: "unsure"}
    # every page after the first has a Back button; the first has none
    assert 'value="back"' not in Phone(app_for(workshop), workshop).open().text
    for slug in ("about", "criteria", f"practice/{content.practices[0].id}", "reflections"):
        assert 'name="nav" value="back"' in phone.get(slug).text, slug
    assert ">Back</a>" in phone.get("done").text


def test_reopening_without_a_page_seen_goes_to_the_first_unanswered_page(
    folder: Path, content: Content
) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    assert phone.open().status_code == 200  # new: the welcome
    phone.post("about", {})  # posted, but no page shown since (no redirect followed)
    assert phone.open().headers["location"] == f"{phone.join}/criteria?back=1"
    phone.post("criteria", {c.id: "no" for c in content.all_criteria()})
    first, second = content.practices[:2]
    phone.post(f"practice/{first.id}", {first.id: "2"})
    assert phone.open().headers["location"] == f"{phone.join}/practice/{second.id}?back=1"
    # a page without the cookie goes back to the welcome, which creates nothing
    stranger = Phone(app_for(workshop), workshop)
    assert stranger.get("criteria").headers["location"] == f"{phone.join}/"


def test_skipping_is_allowed_and_the_done_page_links_back(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {})
    skipped_criterion = content.all_criteria()[2]
    phone.post(
        "criteria", {c.id: "yes" for c in content.all_criteria() if c is not skipped_criterion}
    )
    skipped_practice = content.practices[3]
    for practice in content.practices:
        fields = {} if practice is skipped_practice else {practice.id: "3"}
        assert phone.post(f"practice/{practice.id}", fields).status_code == 303
    response = phone.post("reflections", {})
    assert response.headers["location"] == f"{phone.join}/done"
    done = phone.get("done")
    assert done.status_code == 200
    assert "Left out (2)" in done.text
    links = re.findall(r'<a href="([^"]+#[^"]+)">', done.text)
    assert links == [
        f"{phone.join}/criteria#{skipped_criterion.id}",
        f"{phone.join}/practice/{skipped_practice.id}#{skipped_practice.id}",
    ]
    for link in links:
        page = phone.client.get(link.split("#")[0])
        assert f'id="{link.split("#")[1]}"' in page.text
    # the person's own profile: six practices scored 75, one not scored
    assert done.text.count('value="75"') == 6 and "not scored" in done.text
    # opening the join address again: the last page shown (the skipped one just visited)
    assert (
        phone.open().headers["location"]
        == f"{phone.join}/{links[-1].split('#')[0][len(phone.join) + 1 :]}?back=1"
    )
    phone.get("done")
    assert phone.open().headers["location"] == f"{phone.join}/done?back=1"


def test_a_note_over_2000_characters_is_shown_again_and_the_rest_saved(
    folder: Path, content: Content
) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {})
    practice = content.practices[0]
    long_note = "word " * 401  # 2,004 characters, 2,004 - 1 after trimming
    response = phone.post(f"practice/{practice.id}", {practice.id: "2", "note": long_note})
    assert response.status_code == 422
    assert "the limit is 2,000" in response.text
    assert long_note.strip() in response.text  # the text is kept to shorten
    data = yaml.safe_load(answers_files(folder)[0].read_text())
    assert data["ratings"] == {practice.id: 2}
    assert data["notes"] == {}
    ok = phone.post(f"practice/{practice.id}", {"note": "x" * 2000})
    assert ok.status_code == 303
    assert yaml.safe_load(answers_files(folder)[0].read_text())["notes"] == {
        practice.id: "x" * 2000
    }
    reflection = phone.post("reflections", {"reflection_why": "y" * 2001})
    assert reflection.status_code == 422
    assert yaml.safe_load(answers_files(folder)[0].read_text())["complete"] is False


def test_bodies_over_64_kb_get_413(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    response = phone.client.post(f"{phone.join}/about", data={"respondent_name": "x" * 70_000})
    assert response.status_code == 413
    assert answers_files(folder) == []
    assert response.headers["x-content-type-options"] == "nosniff"


def test_a_full_workshop_says_so_and_adds_no_one(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content, max_participants=2)
    app = app_for(workshop)
    Phone(app, workshop).post("about", {})
    Phone(app, workshop).post("about", {})
    late = Phone(app, workshop)
    page = late.open()
    assert page.status_code == 403 and "This workshop is full" in page.text
    response = late.post("about", {"respondent_name": "Late"})
    assert response.status_code == 403 and "This workshop is full" in response.text
    assert len(answers_files(folder)) == 2


# --- secrets and headers -----------------------------------------------------------------


def test_tokens_are_long_random_and_kept_private(folder: Path, content: Content) -> None:
    one = make_workshop(folder / "one", content)
    two = make_workshop(folder / "two", content)
    for token in (one.settings.join_token, one.settings.facilitator_token):
        assert len(base64.urlsafe_b64decode(token + "==")) * 8 >= 128
    tokens = {
        one.settings.join_token,
        one.settings.facilitator_token,
        two.settings.join_token,
        two.settings.facilitator_token,
    }
    assert len(tokens) == 4
    mode = stat.S_IMODE((folder / "one" / STATE_FILE).stat().st_mode)
    assert mode == 0o600


def test_wrong_or_missing_tokens_get_a_bare_404(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    phone = Phone(app, workshop)
    phone.post("about", {})  # the phone now has its cookie
    s = workshop.settings
    wrong = "x" * len(s.join_token)
    for path in (
        "/",
        f"/j/{wrong}/",
        f"/j/{wrong}/criteria",
        f"/j/{s.facilitator_token}/",
        f"/f/{wrong}/",
        f"/f/{s.join_token}/",  # the participant's secret never opens the facilitator page
        f"/f/{s.join_token}/team.json",
        f"/f/{wrong}/events",
        f"/f/{s.facilitator_token}/team.yaml",
        f"/j/{s.join_token}/nowhere",
        f"/j/{wrong}",
        f"/f/{wrong}",
        f"/f/{s.join_token}",
        f"/j/{s.join_token}/criteria/",
    ):
        response = phone.client.get(path, follow_redirects=False)
        assert response.status_code == 404, path
        assert response.text == "Not found\n", path
    # typed without the final slash, the right token still works
    assert phone.client.get(f"/j/{s.join_token}", follow_redirects=False).status_code == 303
    assert phone.client.get(f"/f/{s.facilitator_token}").status_code == 200
    posted = phone.client.post(f"/j/{wrong}/about", data={"respondent_name": "Mallory"})
    assert posted.status_code == 404
    assert phone.client.post(f"/f/{wrong}/reveal").status_code == 404
    assert len(answers_files(folder)) == 1


def test_the_workshop_folder_is_never_served(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    Phone(app, workshop).post("about", {"respondent_name": "Sam"})
    client, base = facilitator(app, workshop)
    join = f"/j/{workshop.settings.join_token}"
    for path in (
        "/participant-001.yaml",
        f"/{STATE_FILE}",
        f"/static/../{STATE_FILE}",
        "/static/%2e%2e/participant-001.yaml",
        f"{join}/participant-001.yaml",
        f"{join}/../{STATE_FILE}",
        f"{base}/participant-001.yaml",
        f"{base}/{STATE_FILE}",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Sam" not in response.text and workshop.settings.join_token not in response.text


def test_security_headers_on_every_response(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    phone = Phone(app, workshop)
    answer_quick(phone, content)
    answer_quick(Phone(app, workshop), content, rating="1")
    client, base = facilitator(app, workshop)
    responses = [
        phone.open(),
        phone.get("done"),
        client.get(f"{base}/"),
        client.get(f"{base}/team.md"),
        client.get(f"{base}/team.json"),
        client.get(f"{base}/join-qr.svg"),
        client.get("/static/workshop.css"),
        client.get("/nowhere"),
    ]
    for response in responses:
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp, response.url
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "same-origin"
    # no inline script anywhere on the pages: the one script is a file
    for response in responses[:3]:
        assert not re.search(r"<script(?![^>]*\bsrc=)", response.text)
        assert " style=" not in response.text and "<style" not in response.text


def test_the_html_export_allows_its_inline_style_by_hash(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    answer_quick(Phone(app, workshop), content)
    answer_quick(Phone(app, workshop), content, rating="0")
    client, base = facilitator(app, workshop)
    response = client.get(f"{base}/team.html")
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "script-src" not in csp
    (style,) = re.findall(r"<style>(.*?)</style>", response.text, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp


def test_participants_text_is_escaped_everywhere(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    evil = '<script>alert("x")</script>'
    phone = Phone(app, workshop)
    answer_quick(phone, content, name=evil, rating="4")
    answer_quick(Phone(app, workshop), content, name="Jo", rating="0")
    practice = content.practices[0]
    phone.post(f"practice/{practice.id}", {"note": evil})
    client, base = facilitator(app, workshop)
    client.post(f"{base}/reveal", data={"show": "show"})
    pages = [
        client.get(f"{base}/?names=1").text,
        client.get(f"{base}/team.html").text,
        phone.get("about").text,
        phone.get(f"practice/{practice.id}").text,
    ]
    for page in pages:
        assert evil not in page
        assert "<script>alert" not in page
    assert "&lt;script&gt;" in pages[0]  # the name is shown, as text


# --- the facilitator's page -------------------------------------------------------------


def _count(page: str, what: str) -> int:
    match = re.search(rf'id="{what}">(\d+)<', page)
    assert match, what
    return int(match.group(1))


def test_counts_and_progress(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    answer_quick(Phone(app, workshop), content)
    halfway = Phone(app, workshop)
    halfway.post("about", {})
    halfway.post(f"practice/{content.practices[0].id}", {content.practices[0].id: "1"})
    page = client.get(f"{base}/").text
    assert (_count(page, "joined"), _count(page, "answering"), _count(page, "finished")) == (
        2,
        1,
        1,
    )
    assert f'1. {content.practices[0].name}</span> <span class="value">2 of 2' in page
    assert f'2. {content.practices[1].name}</span> <span class="value">1 of 2' in page


def test_one_participant_is_not_a_group(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    answer_quick(Phone(app, workshop), content)
    page = client.get(f"{base}/").text
    assert "A group view needs at least two participants" in page
    assert ">Reveal<" not in page
    for fmt in ("md", "html", "json"):
        response = client.get(f"{base}/team.{fmt}")
        assert response.status_code == 409
        assert "needs at least two participants" in response.text


def test_the_group_view_is_hidden_until_revealed(folder: Path, content: Content, invoke) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    client, base = facilitator(app, workshop)
    answer_quick(Phone(app, workshop), content, name="Sam", rating="4", criterion="yes")
    answer_quick(Phone(app, workshop), content, name="Jo", rating="1", criterion="no")
    hidden = client.get(f"{base}/").text
    assert ">Reveal<" in hidden
    assert "Practice scores across participants" not in hidden and "Sam" not in hidden
    response = client.post(f"{base}/reveal", data={"show": "show"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"{base}/"
    shown = client.get(f"{base}/").text
    team = json.loads(invoke("team", *map(str, answers_files(folder)), "--format", "json").stdout)
    rows = re.findall(
        r'<th scope="row">(\d+)\. [^<]*</th>\s*<td class="num">(\d+|not scored)', shown
    )
    assert [int(mean) for _, mean in rows] == [p["mean"] for p in team["practices"]]
    spreads = re.findall(r'<td class="num">(\d+)</td>\s*</tr>', shown)
    assert [int(s) for s in spreads] == [p["spread"] for p in team["practices"]]
    assert "3 points apart" in shown  # every practice: 4 against 1
    # group figures only, unless the facilitator asks for names on their own screen
    assert "1 × 1 A little, 1 × 4 Fully" in shown and "Sam" not in shown
    assert "Sam: 4 Fully" in client.get(f"{base}/?names=1").text
    assert "1 yes · 1 no" in shown  # the criteria split
    # revealing is remembered, and can be undone
    assert Workshop.open(folder, content).revealed is True
    client.post(f"{base}/reveal", data={"show": "hide"})
    assert "Practice scores across participants" not in client.get(f"{base}/").text


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_exports_are_coprod_team_over_the_folder(
    folder: Path, content: Content, invoke, fmt: str
) -> None:
    workshop = make_workshop(folder, content, mode="full")
    app = app_for(workshop)
    answer_phone = Phone(app, workshop)
    answer_phone.post("about", {"respondent_name": "Sam", "respondent_role": "officer"})
    answer_phone.post("criteria", {c.id: "yes" for c in content.all_criteria()})
    practice = content.practices[0]
    answer_phone.post(f"practice/{practice.id}", {s.id: "4" for s in practice.statements})
    other = Phone(app, workshop)  # still answering: a draft, counted as team counts it
    other.post("about", {"respondent_role": "resident"})
    other.post(f"practice/{practice.id}", {s.id: "0" for s in practice.statements})
    client, base = facilitator(app, workshop)
    page = client.get(f"{base}/").text
    assert f'href="{base}/team.{fmt}"' in page
    exported = client.get(f"{base}/team.{fmt}")
    assert exported.status_code == 200
    expected = invoke("team", *map(str, answers_files(folder)), "--format", fmt)
    assert expected.exit_code == 0
    assert exported.text == expected.stdout


def test_anonymous_asks_and_shows_no_names(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content, anonymous=True)
    app = app_for(workshop)
    phone = Phone(app, workshop)
    welcome = phone.open().text
    assert "respondent_name" not in welcome and 'name="respondent_role"' in welcome
    # a name posted anyway (an old form, a hand-made request) is shown nowhere
    answer_quick(phone, content, name="Secret Sam", role="officer", rating="4")
    for role in ("officer", "officer", "resident"):
        answer_quick(Phone(app, workshop), content, role=role, rating="0")
    client, base = facilitator(app, workshop)
    client.post(f"{base}/reveal", data={"show": "show"})
    page = client.get(f"{base}/").text
    assert "Secret Sam" not in page
    assert 'class="who"' not in page
    # one resident beside three officers could be singled out: no breakdown at all,
    # as `coprod team --anonymous` does
    assert "roles not shown" in page
    assert "resident" not in page and "officer" not in page
    for fmt in ("md", "html", "json"):
        exported = client.get(f"{base}/team.{fmt}").text
        assert "Secret Sam" not in exported
        if fmt == "json":  # the sides of the table are defined by roles, beside no one
            exported = json.dumps({k: v for k, v in json.loads(exported).items() if k != "sides"})
        assert "1 resident" not in exported and '"resident"' not in exported


def test_a_restarted_app_carries_on_the_same_workshop(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {"respondent_name": "Sam"})
    phone.post("criteria", {c.id: "yes" for c in content.all_criteria()})
    again = Workshop.open(folder, content)
    assert again.settings == workshop.settings
    assert [p.path for p in again.participants] == [p.path for p in workshop.participants]
    restarted = app_for(again)
    phone.client.app = restarted  # the same browser, cookie and all
    resumed = phone.open()
    assert resumed.headers["location"] == f"{phone.join}/practice/{content.practices[0].id}?back=1"
    phone.post(f"practice/{content.practices[0].id}", {content.practices[0].id: "2"})
    data = yaml.safe_load(answers_files(folder)[0].read_text())
    assert data["respondent"]["name"] == "Sam" and len(data["criteria"]) == 8
    assert data["ratings"] == {content.practices[0].id: 2}
    assert len(answers_files(folder)) == 1


def test_an_answer_that_cannot_be_saved_is_not_acknowledged(folder: Path, content: Content) -> None:
    import shutil

    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {})
    shutil.rmtree(folder)  # the folder went away under the server
    response = phone.post("criteria", {content.all_criteria()[0].id: "yes"})
    assert response.status_code == 503
    assert "could not be saved" in response.text


# --- the command's own pieces -----------------------------------------------------------


def test_the_lan_address_falls_back_to_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    import ipaddress
    import socket

    from coprod.web.server import lan_address

    assert ipaddress.ip_address(lan_address()).version == 4

    class NoNetwork(socket.socket):
        def connect(self, address: object) -> None:
            raise OSError("Network is unreachable")

    monkeypatch.setattr(socket, "socket", NoNetwork)
    assert lan_address() == "127.0.0.1"


def test_other_commands_do_not_load_the_web_stack() -> None:
    import subprocess
    import sys

    code = (
        "import sys, coprod.cli\n"
        "heavy = [m for m in ('starlette', 'uvicorn', 'jinja2', 'segno', 'sse_starlette')"
        " if m in sys.modules]\n"
        "print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_bad_flags_are_clear_errors(tmp_path: Path, invoke) -> None:
    result = invoke("workshop", "--project", "P", "--stage", "later", "--out", str(tmp_path / "w"))
    assert result.exit_code == 2
    assert "--stage must be one of" in result.stderr
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    result = invoke("workshop", "--project", "P", "--out", str(tmp_path / "taken"))
    assert result.exit_code == 2
    assert "not a workshop folder" in result.stderr
    assert sorted(p.name for p in (tmp_path / "taken").iterdir()) == ["notes.txt"]


def test_a_file_written_just_before_a_crash_stays_in_the_group(
    folder: Path, content: Content
) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    answer_quick(Phone(app, workshop), content)
    # the server wrote a new participant's file, then died before noting them
    orphan = folder / "participant-002.yaml"
    orphan.write_text((folder / "participant-001.yaml").read_text())
    again = Workshop.open(folder, content)
    assert [p.path.name for p in again.participants] == [
        "participant-001.yaml",
        "participant-002.yaml",
    ]
    assert again.participant("") is None
    client, base = facilitator(app_for(again), again)
    assert client.get(f"{base}/team.json").status_code == 200
    # the next phone gets a new number; no file is overwritten
    phone = Phone(app_for(again), again)
    phone.post("about", {})
    assert (folder / "participant-003.yaml").is_file()


def test_a_full_assessment_on_the_phone_is_a_file_report_reads(
    folder: Path, content: Content, invoke, tmp_path: Path
) -> None:
    workshop = make_workshop(folder, content, mode="full")
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {"respondent_role": "community-sector"})
    phone.post("criteria", {c.id: "unsure" for c in content.all_criteria()})
    for practice in content.practices:
        fields = {s.id: str(i % 5) for i, s in enumerate(practice.statements)}
        assert (
            phone.post(f"practice/{practice.id}", {**fields, "note": "Seen it."}).status_code == 303
        )
    phone.post("reflections", {"reflection_why": "Because.", "reflection_bring_and_take": "Time."})
    (path,) = answers_files(folder)
    data = yaml.safe_load(path.read_text())
    assert data["complete"] is True and data["mode"] == "full"
    assert len(data["ratings"]) == sum(len(p.statements) for p in content.practices)
    assert data["reflections"] == {"why": "Because.", "bring_and_take": "Time."}
    out = tmp_path / "report.md"
    result = invoke("report", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Seen it." in out.read_text()


# --- the short code, for phones without a camera ----------------------------------------


def test_the_short_code_leads_to_the_join_url(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    code = workshop.settings.code
    assert len(code) == 6
    client, base = facilitator(app, workshop)
    assert f"{code[:3]}-{code[3:]}" in client.get(f"{base}/").text
    phone = Phone(app, workshop)
    page = phone.client.get("/code")
    assert page.status_code == 200 and 'name="code"' in page.text
    wrong = phone.client.post("/code", data={"code": "nope"}, follow_redirects=False)
    assert wrong.status_code == 422 and "not the code" in wrong.text
    typed = f" {code[:3].lower()}-{code[3:].lower()} "  # as a person might type it
    right = phone.client.post("/code", data={"code": typed}, follow_redirects=False)
    assert right.status_code == 303
    assert right.headers["location"] == f"/j/{workshop.settings.join_token}/"
    assert answers_files(folder) == []  # the code alone creates no one
    assert Workshop.open(folder, content).settings.code == code  # kept for a restart


def test_wrong_codes_are_rate_limited(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    for _ in range(5):
        assert phone.client.post("/code", data={"code": "WRONG1"}).status_code == 422
    blocked = phone.client.post("/code", data={"code": workshop.settings.code})
    assert blocked.status_code == 429 and "Too many wrong codes" in blocked.text


def test_the_try_limit_counts_each_client_and_all_of_them() -> None:
    from coprod.web.security import TryLimit

    now = [0.0]
    limit = TryLimit(per_client=2, overall=3, window=60, clock=lambda: now[0])
    limit.failed("a")
    limit.failed("a")
    assert limit.blocked("a") and not limit.blocked("b")
    limit.failed("b")
    assert limit.blocked("c")  # three wrong tries in all: everyone waits
    now[0] = 61
    assert not limit.blocked("a") and not limit.blocked("c")


def test_phones_that_join_at_once_are_all_kept_for_a_restart(
    folder: Path, content: Content
) -> None:
    # Newcomers who post together share the state file's saves (a group commit): every
    # phone that got its cookie must still be known after a restart, whoever saved it.
    import asyncio
    import time

    import httpx2

    workshop = make_workshop(folder, content)
    save_state = workshop.save_state

    def slow_save_state() -> None:  # others join while a save is on its way to disk
        save_state()
        time.sleep(0.02)

    workshop.save_state = slow_save_state  # type: ignore[method-assign]
    app = app_for(workshop)
    join = f"/j/{workshop.settings.join_token}"

    async def one_phone(number: int) -> str:
        await asyncio.sleep(number * 0.003)  # arriving over a few moments, not in one tick
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as phone:
            response = await phone.post(f"{join}/about", data={"nav": "next"})
            assert response.status_code == 303
            return response.cookies[next(iter(response.cookies))]

    async def room() -> list[str]:
        return await asyncio.gather(*(one_phone(n) for n in range(30)))

    keys = asyncio.run(room())
    again = Workshop.open(folder, content)
    assert len(again.participants) == 30
    assert all(again.participant(key) is not None for key in keys)


def test_state_saves_asked_at_once_share_saves_and_a_failed_one_is_tried_again(
    folder: Path, content: Content
) -> None:
    # Everyone who asks returns only once a save that began after they asked is done;
    # those asking together share saves, and a save that fails fails for its caller
    # alone: the next caller's save tries again.
    import asyncio
    import time

    workshop = make_workshop(folder, content)
    site = app_for(workshop).state.site
    saves: list[tuple[float, float]] = []
    fail_next = [True]

    def save_state() -> None:
        start = time.monotonic()
        time.sleep(0.01)
        if fail_next[0]:
            fail_next[0] = False
            raise OSError("disk full")
        saves.append((start, time.monotonic()))

    workshop.save_state = save_state  # type: ignore[method-assign]

    async def one(number: int) -> tuple[float, float, str]:
        await asyncio.sleep((number % 5) * 0.004)
        asked = time.monotonic()
        try:
            await site.save_state()
        except OSError:
            return asked, time.monotonic(), "failed"
        return asked, time.monotonic(), "saved"

    async def room() -> list[tuple[float, float, str]]:
        return await asyncio.gather(*(one(n) for n in range(100)))

    results = asyncio.run(room())
    assert [r[2] for r in results].count("failed") == 1
    assert 1 <= len(saves) <= 6  # shared, not one each
    for asked, returned, outcome in results:
        if outcome == "saved":
            assert any(asked <= start and end <= returned for start, end in saves)
