"""What a phone posts is read exactly as typed, however it is sent (coprod.web.forms)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import yaml
from helpers.workshop import Phone, app_for, make_workshop

from coprod.core.models import Content

TYPED = 'Ŵyn & Siân: 50% + more; a=b, "quoted"  twice'


def answers_file(folder: Path) -> dict[str, object]:
    (path,) = folder.glob("participant-*.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def past_welcome(folder: Path, content: Content) -> Phone:
    """A phone in a full workshop, past its first page."""
    workshop = make_workshop(folder, content, mode="full")
    phone = Phone(workshop=workshop, app=app_for(workshop))
    phone.post("about", {"respondent_name": ""})
    return phone


def post_first_practice(phone: Phone, data: Content, **sent: Any) -> Any:
    """The first practice's page posted as given (``content=`` and ``headers=``, or ``files=``)."""
    practice = data.practices[0]
    return phone.client.post(f"{phone.join}/practice/{practice.id}", follow_redirects=False, **sent)


def test_a_note_with_any_characters_is_saved_as_typed(folder: Path, content: Content) -> None:
    phone = past_welcome(folder, content)
    practice = content.practices[0]
    first, second = practice.statements[0].id, practice.statements[1].id
    response = post_first_practice(
        phone,
        content,
        content="&".join(
            [
                f"{first}=3",
                f"{second}=",  # a blank choice: nothing rated
                urlencode({"note": TYPED}),  # as a browser sends it
                "matters_most_asked=1",
                f"matters_most={first}",
                f"matters_most={second}",  # a name given twice: each value counts
                "nav=next",
            ]
        ).encode("utf-8"),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 303
    saved = answers_file(folder)
    assert saved["ratings"] == {first: 3}
    assert saved["notes"] == {practice.id: TYPED}
    assert saved["matters_most"] == [first, second]


def test_text_a_script_sends_unencoded_is_read_as_utf8(folder: Path, content: Content) -> None:
    phone = past_welcome(folder, content)
    response = post_first_practice(
        phone,
        content,
        content="note=Ŵyn a Siân&nav=next".encode(),
        headers={"content-type": "application/x-www-form-urlencoded; charset=utf-8"},
    )
    assert response.status_code == 303
    assert answers_file(folder)["notes"] == {content.practices[0].id: "Ŵyn a Siân"}


def test_a_form_sent_as_multipart_is_read_the_same(folder: Path, content: Content) -> None:
    phone = past_welcome(folder, content)
    practice = content.practices[0]
    response = post_first_practice(
        phone,
        content,
        files={
            practice.statements[0].id: (None, "2"),
            "note": (None, "Ŵyn + Siân"),
            "nav": (None, "next"),
        },
    )
    assert response.status_code == 303
    saved = answers_file(folder)
    assert saved["ratings"] == {practice.statements[0].id: 2}
    assert saved["notes"] == {practice.id: "Ŵyn + Siân"}


def test_a_form_with_more_fields_than_any_page_has_is_refused(
    folder: Path, content: Content
) -> None:
    phone = past_welcome(folder, content)
    practice = content.practices[0]
    fields = {f"x{n}": "1" for n in range(300)} | {practice.statements[0].id: "4"}
    response = phone.post(f"practice/{practice.id}", fields)
    assert response.status_code == 400
    assert not answers_file(folder).get("ratings")  # nothing of it was saved
