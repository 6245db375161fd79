"""web.security: odd secrets get a bare 404, cross-site posts are refused, failures stay plain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.workshop import Phone, app_for, facilitator, make_workshop
from starlette.testclient import TestClient

from coprod.core.models import Content

ORIGIN = "http://127.0.0.1:8765"


def assert_headers(response: Any) -> None:
    assert "default-src 'self'" in response.headers["content-security-policy"], response.url
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"


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


# odd secrets -----------------------------------------------------------------------------


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


# cross-site requests ---------------------------------------------------------------------


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


def test_the_consoles_one_time_link_opens_it_once_and_only_in_time(
    tmp_path: Path, content: Content
) -> None:
    # what `coprod workshop --open` gives the web browser instead of the secret address
    workshop = make_workshop(tmp_path / "ws", content)
    app = app_for(workshop)
    site = app.state.site
    client = TestClient(app, base_url="http://127.0.0.1:8765")
    link = site.console_once()
    assert workshop.settings.facilitator_token not in link
    first = client.get(link, follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"] == f"/f/{workshop.settings.facilitator_token}/"
    assert client.get(first.headers["location"]).status_code == 200
    assert client.get(link, follow_redirects=False).status_code == 404  # spent
    assert client.get("/open/guess", follow_redirects=False).status_code == 404
    late = site.console_once(seconds=-1.0)  # its time is up before the browser asks
    assert client.get(late, follow_redirects=False).status_code == 404
