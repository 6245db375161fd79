"""Shared by the workshop tests: a workshop in a folder, phones that answer it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from coprod.core.models import Content
from coprod.web.app import Urls, create_app
from coprod.web.state import Workshop


def make_workshop(
    folder: Path,
    content: Content,
    *,
    mode: str = "quick",
    anonymous: bool = False,
    max_participants: int = 200,
    project: str = "Space in Common",
) -> Workshop:
    return Workshop.create(
        folder,
        content,
        project=project,
        stage="design",
        mode=mode,  # type: ignore[arg-type]
        anonymous=anonymous,
        max_participants=max_participants,
    )


def urls_for(workshop: Workshop) -> Urls:
    """The workshop's four addresses, as the tests' browsers reach it."""
    s = workshop.settings
    origin = "http://127.0.0.1:8765"
    return Urls(
        f"{origin}/j/{s.join_token}/",
        f"{origin}/f/{s.facilitator_token}/",
        f"{origin}/code",
        f"{origin}/w/{s.projector_token}/",
    )


def app_for(workshop: Workshop) -> Any:
    return create_app(workshop, urls_for(workshop))


class Phone:
    """One participant's browser: its own cookies, plain form posts, no JavaScript."""

    def __init__(self, app: Any, workshop: Workshop) -> None:
        self.client = TestClient(app, base_url="http://127.0.0.1:8765")
        self.join = f"/j/{workshop.settings.join_token}"

    def open(self) -> Any:
        return self.client.get(f"{self.join}/", follow_redirects=False)

    def post(self, slug: str, data: dict[str, str] | None = None, nav: str = "next") -> Any:
        return self.client.post(
            f"{self.join}/{slug}", data={**(data or {}), "nav": nav}, follow_redirects=False
        )

    def get(self, slug: str) -> Any:
        return self.client.get(f"{self.join}/{slug}", follow_redirects=False)


def facilitator(app: Any, workshop: Workshop) -> tuple[TestClient, str]:
    return TestClient(
        app, base_url="http://127.0.0.1:8765"
    ), f"/f/{workshop.settings.facilitator_token}"


def quick_answers(content: Content, rating: str, criterion: str) -> dict[str, dict[str, str]]:
    """The form fields of every page of a quick assessment, one value throughout."""
    pages: dict[str, dict[str, str]] = {
        "criteria": {c.id: criterion for c in content.all_criteria()},
    }
    for practice in content.practices:
        pages[f"practice/{practice.id}"] = {practice.id: rating}
    return pages


def answer_quick(
    phone: Phone,
    content: Content,
    *,
    name: str = "",
    role: str = "",
    rating: str = "3",
    criterion: str = "yes",
) -> None:
    """A whole quick assessment, page by page, as a browser without JavaScript posts it."""
    response = phone.post("about", {"respondent_name": name, "respondent_role": role})
    assert response.status_code == 303, response.text
    for slug, fields in quick_answers(content, rating, criterion).items():
        response = phone.post(slug, fields)
        assert response.status_code == 303, (slug, response.text)
    response = phone.post("reflections", {"reflection_why": "", "reflection_bring_and_take": ""})
    assert response.status_code == 303
    assert response.headers["location"].endswith("/done")


def radio_names(html: str) -> list[str]:
    """The ``name`` of every radio button on a page, in order, once each."""
    names = re.findall(r'<input type="radio" name="([^"]+)"', html)
    return list(dict.fromkeys(names))


def lang_app(workshop: Workshop, contents: dict[str, Content], **options: Any) -> Any:
    """The app with the content in every language (``load_choices``), as ``coprod workshop`` runs it
    (``options``: ``create_app``'s own, such as ``language="cy+en"``)."""
    return create_app(workshop, urls_for(workshop), contents, **options)


def html_lang(html: str) -> str:
    """The page's ``<html lang>``."""
    found = re.search(r'<html lang="([^"]+)"', html)
    assert found, html[:200]
    return found.group(1)


def projector(app: Any, workshop: Workshop) -> tuple[TestClient, str]:
    """The projector's browser and the wall's path (``/w/SECRET``)."""
    return TestClient(
        app, base_url="http://127.0.0.1:8765"
    ), f"/w/{workshop.settings.projector_token}"
