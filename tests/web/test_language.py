"""One language mechanism: each request in its own language, labels from core included."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import anyio
import httpx2 as httpx
import pytest
from helpers.workshop import Phone, answer_quick, html_lang, lang_app, make_workshop

from coprod import i18n
from coprod.core.models import Content
from coprod.i18n import labels
from coprod.storage.content import bundled_data_dir
from coprod.web.language import load_choices


@pytest.fixture(scope="module")
def contents() -> dict[str, Content]:
    return load_choices(bundled_data_dir())


def test_override_is_undone_and_does_not_reach_another_thread() -> None:
    seen: list[str] = []
    with i18n.override("cy"):
        assert labels.band_label("strong") != "strong"  # Welsh, from the one table
        worker = threading.Thread(target=lambda: seen.append(labels.band_label("strong")))
        worker.start()
        worker.join()
    assert seen == ["strong"]  # a plain thread starts in English, not in the caller's
    assert labels.band_label("strong") == "strong"


def test_anyio_worker_threads_keep_the_requests_language() -> None:
    async def in_welsh() -> str:
        with i18n.override("cy"):
            return await anyio.to_thread.run_sync(lambda: labels.rating_label(3))

    assert anyio.run(in_welsh) == "3 " + i18n.translations("cy").gettext("Mostly")


def test_phones_and_the_facilitator_each_get_their_own_language_at_the_same_moment(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    # the workshop itself runs in Welsh (the facilitator's --lang); one phone chooses
    # English, one Cymraeg, one easy read: their done pages show the bands (labels that
    # come from core through coprod.i18n.labels) in their own language, fetched together
    workshop = make_workshop(tmp_path / "ws", contents["cy"])
    app = lang_app(workshop, contents)
    join = f"/j/{workshop.settings.join_token}"
    phones = {}
    for choice in ("en", "cy", "easy-read"):
        phone = Phone(app, workshop)
        phone.client.get(f"{join}/language", params={"choice": choice})
        answer_quick(phone, contents[choice], rating="3")
        phones[choice] = phone
    cookies = {choice: dict(phone.client.cookies) for choice, phone in phones.items()}
    facilitator_path = f"/f/{workshop.settings.facilitator_token}/"
    welsh_strong = i18n.translations("cy").gettext("strong")

    async def fetch_all() -> list[tuple[str, httpx.Response]]:
        transport = httpx.ASGITransport(app=app)
        base = "http://127.0.0.1:8765"
        clients = {
            who: httpx.AsyncClient(transport=transport, base_url=base, cookies=jar)
            for who, jar in {**cookies, "facilitator": {}}.items()
        }
        requests = []
        for _round in range(5):
            for who, client in clients.items():
                path = facilitator_path if who == "facilitator" else f"{join}/done"
                requests.append((who, client.get(path)))
        results = await asyncio.gather(*(r for _w, r in requests))
        for client in clients.values():
            await client.aclose()
        return [(w, r) for (w, _r), r in zip(requests, results, strict=True)]

    for who, response in asyncio.run(fetch_all()):
        assert response.status_code == 200, who
        page = response.text
        if who == "facilitator":
            assert html_lang(page) == "cy"
            continue
        assert html_lang(page) == ("cy" if who == "cy" else "en"), who
        if who == "cy":
            assert f"({welsh_strong})" in page and "(strong)" not in page
        else:
            assert "(strong)" in page and f"({welsh_strong})" not in page
    assert i18n.language() == "en"  # nothing leaked into the test's own context
