"""A phone joining: double taps make one participant, a failed first save leaves no ghost."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import httpx2
from helpers.workshop import (
    Phone,
    answer_quick,
    app_for,
    facilitator,
    lang_app,
    make_workshop,
)

from coprod.core.models import Content
from coprod.errors import CoprodError, Problem
from coprod.web.state import Workshop

ORIGIN = "http://127.0.0.1:8765"


def slow_writes(workshop: Workshop, seconds: float = 0.05) -> None:
    """Saving takes a moment (a slow disk), so a second tap arrives before the first is done."""
    write = workshop.write_answers

    def slow(person: Any, text: str, *, first: bool) -> None:
        time.sleep(seconds)
        write(person, text, first=first)

    workshop.write_answers = slow  # type: ignore[method-assign]


# double taps -----------------------------------------------------------------------------


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


# failed first saves ----------------------------------------------------------------------


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


def test_every_cookie_a_phone_is_given_is_for_the_workshop_alone(
    folder: Path, content: Content
) -> None:
    """The phone's key, its page and its language: out of scripts' reach, for the join
    address only, not sent from other sites, kept for a month."""
    from coprod.storage.content import bundled_data_dir
    from coprod.web.language import load_choices

    workshop = make_workshop(folder, content)
    phone = Phone(lang_app(workshop, load_choices(bundled_data_dir())), workshop)
    given = [
        phone.post("about", {"respondent_name": ""}).headers.get_list("set-cookie"),
        phone.get("criteria").headers.get_list("set-cookie"),
        phone.client.get(
            f"{phone.join}/language", params={"choice": "cy"}, follow_redirects=False
        ).headers.get_list("set-cookie"),
    ]
    cookies = [c for got in given for c in got]
    names = sorted(c.split("=")[0] for c in cookies)
    assert names == ["coprod_lang", "coprod_page", "coprod_participant"]
    for cookie in cookies:
        attributes = {a.strip().lower() for a in cookie.split(";")[1:]}
        assert attributes == {
            "httponly",
            f"max-age={30 * 24 * 3600}",
            f"path={phone.join}".lower(),
            "samesite=lax",
        }, cookie
