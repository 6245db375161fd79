"""Hardening III, anyone on the Wi-Fi: odd secrets, cross-site posts, double taps, and
first saves that fail (issue 19). Through Starlette's TestClient and httpx's ASGI
transport; the slow clients are in test_hardening3_e2e.py (a real server)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import httpx2
import pytest
from helpers.workshop import Phone, answer_quick, app_for, facilitator, make_workshop

from coprod.core.models import Content
from coprod.errors import CoprodError, Problem
from coprod.web.state import Workshop

ORIGIN = "http://127.0.0.1:8765"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "ws"


def assert_headers(response: Any) -> None:
    assert "default-src 'self'" in response.headers["content-security-policy"], response.url
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"


# --- odd secrets -------------------------------------------------------------------------

ODD_SECRETS = [
    "%C3%A9",  # é: once a 500 with a traceback on the facilitator's terminal
    "%F0%9F%98%80",  # an emoji (four bytes)
    "%FF%FE",  # not UTF-8 at all
    "%00",
    "None",  # what a null secret in the state file once became
    "%20",
    "x" * 4000,
    "%C3%A9" * 40,
]


@pytest.mark.parametrize("odd", ODD_SECRETS)
def test_every_odd_secret_on_every_secret_route_gets_the_same_bare_404(
    folder: Path, content: Content, odd: str
) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    Phone(app, workshop).post("about", {})  # someone is here: there is something to find
    client, _ = facilitator(app, workshop)
    requests = [
        ("GET", f"/j/{odd}"),
        ("GET", f"/j/{odd}/"),
        ("GET", f"/j/{odd}/language?choice=cy"),
        ("GET", f"/j/{odd}/about"),
        ("POST", f"/j/{odd}/about"),
        ("GET", f"/f/{odd}"),
        ("GET", f"/f/{odd}/"),
        ("POST", f"/f/{odd}/reveal"),
        ("GET", f"/f/{odd}/events"),
        ("GET", f"/f/{odd}/team.md"),
        ("GET", f"/f/{odd}/join-qr.svg"),
    ]
    for method, path in requests:
        response = client.request(method, path, data={"show": "show"} if method == "POST" else None)
        assert response.status_code == 404, (method, path)
        assert response.text == "Not found\n", (method, path)
        assert_headers(response)
    assert not workshop.revealed
    assert len(workshop.participants) == 1


def test_an_unexpected_failure_is_a_plain_500_with_the_headers_and_one_line(
    folder: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("the template is broken")

    app.state.site.live.fragment = broken
    client, base = facilitator(app, workshop)
    response = client.get(f"{base}/")
    assert response.status_code == 500
    assert_headers(response)
    assert "Traceback" not in response.text and "RuntimeError" not in response.text
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "the template is broken" in err
    assert workshop.settings.facilitator_token not in err  # the terminal may be on a projector


# --- cross-site requests -------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "http://127.0.0.1:9999"},  # another service on the same laptop
        {"origin": "https://127.0.0.1:8765"},
        {"origin": "null"},  # a sandboxed frame or a data: page
        {"origin": "not a url"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"sec-fetch-site": "cross-site", "origin": ORIGIN},
    ],
)
def test_a_page_on_another_site_cannot_create_a_participant_or_reveal(
    folder: Path, content: Content, headers: dict[str, str]
) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    phone = Phone(app, workshop)
    posted = phone.client.post(
        f"{phone.join}/about",
        data={"respondent_name": "Mallory", "nav": "next"},
        headers=headers,
        follow_redirects=False,
    )
    assert posted.status_code == 403
    assert "another site" in posted.text
    assert_headers(posted)
    assert workshop.participants == [] and sorted(folder.glob("*.yaml")) == []
    client, base = facilitator(app, workshop)
    revealed = client.post(f"{base}/reveal", data={"show": "show"}, headers=headers)
    assert revealed.status_code == 403 and not workshop.revealed
    coded = client.post("/code", data={"code": workshop.settings.code}, headers=headers)
    assert coded.status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": ORIGIN, "sec-fetch-site": "same-origin"},
        {"origin": ORIGIN},
        {"sec-fetch-site": "same-origin"},
        {"sec-fetch-site": "none"},  # typed or bookmarked
        {"sec-fetch-site": "same-origin", "origin": "null"},  # the browser's word counts
        {},  # an old browser or a script: nothing to judge by
    ],
)
def test_the_workshops_own_pages_still_post(
    folder: Path, content: Content, headers: dict[str, str]
) -> None:
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    posted = phone.client.post(
        f"{phone.join}/about", data={"nav": "next"}, headers=headers, follow_redirects=False
    )
    assert posted.status_code == 303
    assert len(workshop.participants) == 1


def test_a_cross_site_get_still_shows_pages(folder: Path, content: Content) -> None:
    # a QR scanner or a chat app opening the join link is not a state change
    workshop = make_workshop(folder, content)
    phone = Phone(app_for(workshop), workshop)
    page = phone.client.get(f"{phone.join}/", headers={"sec-fetch-site": "cross-site"})
    assert page.status_code == 200


# --- double taps -----------------------------------------------------------------------------


def slow_writes(workshop: Workshop, seconds: float = 0.05) -> None:
    """Saving takes a moment (a slow disk), so a second tap arrives before the first is done."""
    write = workshop.write_answers

    def slow(person: Any, text: str, *, first: bool) -> None:
        time.sleep(seconds)
        write(person, text, first=first)

    workshop.write_answers = slow  # type: ignore[method-assign]


def test_two_quick_taps_on_start_make_one_participant(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    slow_writes(workshop)
    app = app_for(workshop)
    join = f"/j/{workshop.settings.join_token}"

    async def tap_tap() -> list[httpx2.Response]:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url=ORIGIN) as phone:
            welcome = await phone.get(f"{join}/")
            assert welcome.status_code == 200
            taps = [
                phone.post(f"{join}/about", data={"respondent_name": "Sam", "nav": "next"})
                for _ in range(3)
            ]
            return list(await asyncio.gather(*taps))

    responses = asyncio.run(tap_tap())
    assert [r.status_code for r in responses] == [303, 303, 303]
    assert len(workshop.participants) == 1
    assert [p.name for p in folder.glob("*.yaml")] == ["participant-001.yaml"]
    keys = {r.cookies.get("coprod_participant") for r in responses}
    assert len(keys) == 1 and workshop.participant(keys.pop()) is not None
    client, base = facilitator(app, workshop)
    assert 'id="joined">1<' in client.get(f"{base}/").text
    assert len(Workshop.open(folder, content).participants) == 1  # after a restart too


def test_two_phones_tapping_at_once_are_still_two_people(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content)
    slow_writes(workshop)
    app = app_for(workshop)
    join = f"/j/{workshop.settings.join_token}"

    async def one_phone() -> None:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url=ORIGIN) as phone:
            await phone.get(f"{join}/")
            response = await phone.post(f"{join}/about", data={"nav": "next"})
            assert response.status_code == 303

    async def room() -> None:
        await asyncio.gather(one_phone(), one_phone())

    asyncio.run(room())
    assert len(workshop.participants) == 2
    assert len(list(folder.glob("participant-*.yaml"))) == 2


# --- failed first saves ------------------------------------------------------------------------


def test_a_phone_whose_first_save_failed_is_not_a_ghost(folder: Path, content: Content) -> None:
    workshop = make_workshop(folder, content, max_participants=1)
    app = app_for(workshop)
    write = workshop.write_answers
    disk_full = True

    def maybe_full(person: Any, text: str, *, first: bool) -> None:
        if disk_full:
            raise CoprodError(Problem("could not be written: No space left on device", person.path))
        write(person, text, first=first)

    workshop.write_answers = maybe_full  # type: ignore[method-assign]
    phone = Phone(app, workshop)
    phone.open()
    failed = phone.post("about", {"respondent_name": "Sam"})
    assert failed.status_code == 503 and "could not be saved" in failed.text
    assert workshop.participants == []
    client, base = facilitator(app, workshop)
    assert 'id="joined">0<' in client.get(f"{base}/").text
    # space is freed: the only place is still free, for this phone or another
    disk_full = False
    again = phone.post("about", {"respondent_name": "Sam"})
    assert again.status_code == 303
    assert [p.number for p in workshop.participants] == [1]
    assert (folder / "participant-001.yaml").is_file()
    assert Phone(app, workshop).open().status_code == 403  # now, and only now, full


def test_a_failed_first_save_leaves_the_number_for_the_next_phone(
    folder: Path, content: Content
) -> None:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    write = workshop.write_answers
    fails = [True]

    def once_full(person: Any, text: str, *, first: bool) -> None:
        if fails.pop() if fails else False:
            raise CoprodError(Problem("could not be written: No space left on device", person.path))
        write(person, text, first=first)

    workshop.write_answers = once_full  # type: ignore[method-assign]
    assert Phone(app, workshop).post("about", {}).status_code == 503
    answer_quick(Phone(app, workshop), content)
    assert [p.path.name for p in workshop.participants] == ["participant-001.yaml"]
    assert [p.name for p in folder.glob("*.yaml")] == ["participant-001.yaml"]
