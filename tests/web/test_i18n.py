"""coprod workshop's interface strings in Welsh: each phone in the language it chose (at
the same moment as phones in English), the facilitator's page in the workshop's own
language (``--lang``), and untrusted text still escaped inside translated sentences."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from helpers.server import Server, free_port
from helpers.workshop import Phone, answer_quick, facilitator, html_lang, lang_app, make_workshop

from coprod import i18n
from coprod.core.models import Content
from coprod.i18n.labels import ROLE_CHOICES
from coprod.storage.content import bundled_data_dir
from coprod.web.flow import MAX_TEXT
from coprod.web.language import load_choices
from coprod.web.state import Workshop

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture(scope="module")
def contents() -> dict[str, Content]:
    return load_choices(bundled_data_dir())


def buttons(html: str) -> list[str]:
    return re.findall(
        r'<button type="submit" name="nav" value="[a-z]+" class="[a-z]+">([^<]+)<', html
    )


def welsh_phone(app: Any, workshop: Workshop) -> Phone:
    phone = Phone(app, workshop)
    response = phone.client.get(
        f"{phone.join}/language", params={"choice": "cy"}, follow_redirects=False
    )
    assert response.status_code == 303 and "coprod_lang=cy" in response.headers["set-cookie"]
    return phone


def test_the_welcome_page_in_welsh_and_in_english(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"])
    app = lang_app(workshop, contents)
    welsh, english = welsh_phone(app, workshop).open().text, Phone(app, workshop).open().text
    assert html_lang(welsh) == "cy" and html_lang(english) == "en"
    assert "Croeso. Hunanasesiad yw hwn" in welsh and "Welcome." not in welsh
    assert "Mae’n cymryd tua 5 munud." in welsh and "It takes about" not in welsh
    assert buttons(welsh) == ["Dechrau"] and buttons(english) == ["Start"]
    assert 'aria-label="Iaith"' in welsh and 'aria-label="Language"' in english
    assert "Beth sy’n disgrifio eich rôl orau? (dewisol)" in welsh
    assert "Preswylydd / dinesydd" in welsh and "Resident / citizen" not in welsh
    assert "Welcome. This is a self-assessment" in english and "Croeso" not in english
    assert "Resident / citizen" in english
    # the switch itself: each choice in its own language, whatever the page's
    for page in (welsh, english):
        assert ">English<" in page and ">Cymraeg<" in page and ">Easy read<" in page


def test_every_role_choice_has_a_welsh_label() -> None:
    # the phones and the interview offer the same roles, from the one table
    welsh = i18n.translations("cy")
    assert all(welsh.gettext(label) != label for label in ROLE_CHOICES.values())


def test_a_practice_page_in_welsh_beside_one_in_english(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"], mode="full")
    app = lang_app(workshop, contents)
    phone_cy, phone_en = welsh_phone(app, workshop), Phone(app, workshop)
    for phone in (phone_cy, phone_en):
        assert phone.post("about", {}).status_code == 303
    practice = contents["en"].practices[0]
    welsh = phone_cy.get(f"practice/{practice.id}").text
    english = phone_en.get(f"practice/{practice.id}").text
    total = len(contents["en"].practices) + 4
    assert f"Tudalen 3 o {total}" in welsh and "Page 3 of" not in welsh
    assert f"Page 3 of {total}" in english
    assert buttons(welsh) == ["Nesaf", "Yn ôl"] and buttons(english) == ["Next", "Back"]
    assert "0 Ddim o gwbl" in welsh and "0 Not at all" not in welsh  # the rating radios
    assert "Nodyn neu dystiolaeth ar gyfer yr arfer hwn (dewisol)" in welsh
    assert "A note or evidence for this practice (optional)" in english
    criteria_cy = phone_cy.get("criteria").text
    assert "<h1>Pryd i gydgynhyrchu?</h1>" in criteria_cy  # the page title, translated
    assert ">Ie</span>" in criteria_cy and ">Yes</span>" not in criteria_cy


def test_too_long_a_note_is_explained_in_each_phones_language_at_the_same_time(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"], mode="full")
    app = lang_app(workshop, contents)
    practice = contents["en"].practices[0]
    slug = f"/j/{workshop.settings.join_token}/practice/{practice.id}"
    note = "n" * (MAX_TEXT + 1)

    async def post_many() -> list[tuple[str, httpx.Response]]:
        transport = httpx.ASGITransport(app=app)
        base = "http://127.0.0.1:8765"
        async with (
            httpx.AsyncClient(transport=transport, base_url=base) as cy,
            httpx.AsyncClient(transport=transport, base_url=base) as en,
        ):
            join = f"/j/{workshop.settings.join_token}"
            await cy.get(f"{join}/language", params={"choice": "cy"})
            for client in (cy, en):
                await client.post(f"{join}/about", data={"nav": "next"})
            # interleaved: each request awaits its form and its save before rendering
            posts = [
                (lang, client.post(slug, data={"note": note, "nav": "next"}))
                for _ in range(6)
                for lang, client in (("cy", cy), ("en", en))
            ]
            results = await asyncio.gather(*(request for _lang, request in posts))
            return [(lang, r) for (lang, _), r in zip(posts, results, strict=True)]

    for lang, response in asyncio.run(post_many()):
        assert response.status_code == 422
        assert html_lang(response.text) == lang
        if lang == "cy":
            assert "Mae’r nodyn yn 2,001 nod o hyd; yr uchafswm yw 2,000." in response.text
            assert "Ni chafodd popeth ar y dudalen hon ei gadw" in response.text
            assert "characters long" not in response.text
        else:
            assert "The note is 2,001 characters long; the limit is 2,000." in response.text
            assert "Not everything on this page was saved" in response.text
            assert "nod o hyd" not in response.text


def test_the_done_page_in_welsh(tmp_path: Path, contents: dict[str, Content]) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"])
    app = lang_app(workshop, contents)
    phone = welsh_phone(app, workshop)
    answer_quick(phone, contents["cy"], rating="3")
    done = phone.get("done").text
    assert "<h1>Diolch</h1>" in done and "Eich proffil" in done and "Thank you" not in done
    assert "allan o 100" in done and "out of 100" not in done
    assert "Yn ôl" in done


def test_names_and_projects_stay_escaped_in_welsh_sentences(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["cy"], project=SCRIPT, max_participants=2)
    app = lang_app(workshop, contents)
    first, second = welsh_phone(app, workshop), welsh_phone(app, workshop)
    answer_quick(first, contents["cy"], name=SCRIPT, rating="0")
    answer_quick(second, contents["cy"], name="Sam", rating="4")
    full = welsh_phone(app, workshop).open()
    assert full.status_code == 403
    # {% trans project=... %}: the project's name escaped inside the Welsh sentence
    assert f"eisoes wedi ymuno â {ESCAPED}." in full.text and SCRIPT not in full.text
    about = first.get("about").text
    assert f'value="{ESCAPED}"' in about and SCRIPT not in about
    client, base = facilitator(app, workshop)
    assert client.post(f"{base}/reveal", data={"show": "show"}).status_code == 200
    page = client.get(f"{base}/?names=1").text
    assert f"<h1>{ESCAPED}: gweithdy</h1>" in page
    assert f"{ESCAPED}: 0 Ddim o gwbl" in page  # who rated what, by name
    assert SCRIPT not in page


def test_the_facilitators_page_follows_the_workshops_language(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    i18n.activate("cy")  # as `coprod --lang cy workshop` does
    workshop = make_workshop(tmp_path / "ws", contents["cy"])
    app = lang_app(workshop, contents)
    client, base = facilitator(app, workshop)
    before = client.get(f"{base}/").text
    assert html_lang(before) == "cy"
    assert "Pwy sydd yma" in before and "Wedi ymuno" in before and "Who is here" not in before
    assert "Ymunwch ar eich ffôn" in before and "Adroddiad y tîm" in before
    assert "Mae angen o leiaf ddau gyfranogwr" in before
    # the screen-reader announcement live.js fills in comes from the page, in Welsh
    assert 'data-said="%(joined)s wedi ymuno, %(finished)s wedi gorffen"' in before
    # a phone may still choose English: the facilitator's page stays Welsh
    english = Phone(app, workshop)
    english.client.get(f"{english.join}/language", params={"choice": "en"})
    answer_quick(english, contents["en"], rating="0")
    answer_quick(Phone(app, workshop), contents["cy"], rating="4")
    assert html_lang(english.get("done").text) == "en"
    client.post(f"{base}/reveal", data={"show": "show"})
    after = client.get(f"{base}/").text
    assert "Atebion y grŵp" in after and "Cuddio eto" in after
    assert "2 gyfranogwr (2 wedi gorffen, 0 yn dal i ateb)" in after  # dau: soft mutation
    assert '<th scope="col" class="num">Cymedr</th>' in after
    assert "Yr arferion mwyaf dadleuol: y sgyrsiau i’w cael" in after  # a quick workshop
    assert "4 pwynt ar wahân:" in after  # pedwar: no mutation
    assert "The group's answers" not in after and "Hide again" not in after
    assert client.get(f"{base}/team.md").status_code == 200


def test_an_english_workshop_keeps_an_english_facilitators_page(
    tmp_path: Path, contents: dict[str, Content]
) -> None:
    workshop = make_workshop(tmp_path / "ws", contents["en"])
    app = lang_app(workshop, contents)
    welsh_phone(app, workshop)  # a phone in Welsh changes nothing for the facilitator
    client, base = facilitator(app, workshop)
    page = client.get(f"{base}/").text
    assert html_lang(page) == "en" and "Who is here" in page and "Pwy sydd yma" not in page


@pytest.mark.e2e
@pytest.mark.timeout(60)
def test_coprod_lang_cy_workshop_prints_and_serves_welsh(tmp_path: Path) -> None:
    args = ["--out", "ws", "--project", "Gofod", "--quick", "--port", str(free_port())]
    server = Server(args, tmp_path, COPROD_LANG="cy").wait_ready()
    try:
        printed = "\n".join(server.lines)
        assert "Mae cyfranogwyr yn ymuno yn: http://" in printed
        assert "Tudalen yr hwylusydd (cadwch hi i chi’ch hun): http://" in printed
        with httpx.Client() as client:
            page = client.get(server.facilitator).text
            assert html_lang(page) == "cy" and "Pwy sydd yma" in page
            welcome = client.get(server.join).text
            assert html_lang(welcome) == "cy" and "Dechrau" in welcome
    finally:
        assert server.stop() == 0
    rest, _err = server.rest_of_output()
    assert any(line.startswith("Mae’r gweithdy wedi dod i ben: 0 cyfranogwr") for line in rest)
