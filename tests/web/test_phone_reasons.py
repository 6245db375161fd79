"""Phones: a reason under each statement, "matters most to me" (up to 3), the done page."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from helpers.workshop import Phone, app_for, facilitator, make_workshop

from coprod.core.models import Content


def answers_of(folder: Path) -> dict:  # type: ignore[type-arg]
    (path,) = sorted(folder.glob("*.yaml"))
    return yaml.safe_load(path.read_text())  # type: ignore[no-any-return]


def test_each_statement_has_a_closed_why_field_named_after_it(
    tmp_path: Path, content: Content
) -> None:
    workshop = make_workshop(tmp_path, content, mode="full")
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {})
    first = content.practices[0]
    page = phone.get(f"practice/{first.id}").text
    names = re.findall(r'<textarea id="[^"]+" name="([^"]+)"', page)
    assert names == [f"{s.id}.why" for s in first.statements] + ["note"]
    assert page.count('<details class="why">') == len(first.statements)  # closed: no "open"
    boxes = re.findall(r'type="checkbox" name="matters_most" value="([^"]+)"', page)
    assert boxes == [s.id for s in first.statements]


def test_a_reason_is_saved_with_the_rating_and_one_too_long_is_refused(
    tmp_path: Path, content: Content
) -> None:
    workshop = make_workshop(tmp_path, content, mode="full")
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {})
    first = content.practices[0]
    one, two = first.statements[0].id, first.statements[1].id
    slug = f"practice/{first.id}"
    response = phone.post(slug, {one: "1", f"{one}.why": "We were told, not asked."})
    assert response.status_code == 303
    data = answers_of(tmp_path)
    assert data["ratings"][one] == 1
    assert data["reasons"] == {one: "We were told, not asked."}
    # too long: not saved, shown again in an open field with the limit; the rating is kept
    response = phone.post(slug, {two: "3", f"{two}.why": "x" * 281})
    assert response.status_code == 422
    assert "The reason is 281 characters long; the limit is 280" in response.text
    assert '<details class="why" open>' in response.text
    data = answers_of(tmp_path)
    assert data["ratings"][two] == 3 and two not in data["reasons"]
    # emptied: the reason goes
    phone.post(slug, {f"{one}.why": "  "})
    assert "reasons" not in answers_of(tmp_path)


def test_a_fourth_mark_is_refused_with_a_message_and_the_others_kept(
    tmp_path: Path, content: Content
) -> None:
    workshop = make_workshop(tmp_path, content, mode="full")
    phone = Phone(app_for(workshop), workshop)
    phone.post("about", {})
    first, second = content.practices[:2]
    ids = [s.id for s in first.statements]
    asked = {"matters_most_asked": "1"}
    response = phone.client.post(
        f"{phone.join}/practice/{first.id}",
        data={**asked, "matters_most": ids[:3], "nav": "next"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert answers_of(tmp_path)["matters_most"] == ids[:3]
    extra = second.statements[0].id
    response = phone.client.post(
        f"{phone.join}/practice/{second.id}",
        data={**asked, "matters_most": [extra], "nav": "next"},
        follow_redirects=False,
    )
    assert response.status_code == 422
    assert "already marked 3 statements as mattering most" in response.text
    assert answers_of(tmp_path)["matters_most"] == ids[:3]
    refused = phone.client.post(  # a choice saved as it is made: told what was refused
        f"{phone.join}/practice/{second.id}",
        data={**asked, "matters_most": [extra], "nav": "save"},
    )
    assert refused.status_code == 422 and refused.json() == {"refused": ["matters_most"]}
    too_long = phone.client.post(  # another answer's problem is not the marks'
        f"{phone.join}/practice/{first.id}",
        data={**asked, "matters_most": ids[:3], f"{ids[0]}.why": "x" * 300, "nav": "save"},
    )
    assert too_long.status_code == 422
    assert too_long.json() == {"refused": [f"{ids[0]}.why"]}
    # unticking one on its page frees a place
    phone.client.post(
        f"{phone.join}/practice/{first.id}",
        data={**asked, "matters_most": ids[:2], "nav": "save"},
    )
    response = phone.client.post(
        f"{phone.join}/practice/{second.id}",
        data={**asked, "matters_most": [extra], "nav": "save"},
    )
    assert response.status_code == 204
    assert answers_of(tmp_path)["matters_most"] == [*ids[:2], extra]
    done = phone.get("done").text
    assert "What matters most to me" in done
    for key in (*ids[:2], extra):
        assert f"#{key}" in done


def test_the_workshop_team_view_lists_reasons_without_names(
    tmp_path: Path, content: Content
) -> None:
    workshop = make_workshop(tmp_path, content, mode="quick")
    app = app_for(workshop)
    first = content.practices[0].id
    for name, rating, why in (
        ("Zed", "4", "It works."),
        ("Amy", "0", "Not for us."),
        ("Bo", "2", ""),
    ):
        phone = Phone(app, workshop)
        phone.post("about", {"respondent_name": name, "respondent_role": "resident"})
        fields = {first: rating, f"{first}.why": why, "matters_most_asked": "1"}
        phone.client.post(
            f"{phone.join}/practice/{first}",
            data={**fields, "matters_most": [first], "nav": "next"},
            follow_redirects=False,
        )
    client, base = facilitator(app, workshop)
    for export in ("team.json", "team-share.json"):  # names allowed or not: no name by a reason
        view = client.get(f"{base}/{export}").json()
        [split] = view["agreement"]["split"]
        assert split["reasons"] == [
            {"rating": 0, "text": "Not for us."},
            {"rating": 4, "text": "It works."},
        ]
        assert view["matters_most"] == [{"statement": first, "count": 3, "mean": 2.0, "spread": 4}]
    shared = client.get(f"{base}/team-share.md").text
    section = shared[shared.index("Where we see it differently") :]
    assert "Not for us." in section
    assert "Amy" not in shared and "Zed" not in shared
