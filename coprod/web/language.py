"""Each request in its own language: the phone's choice, or the workshop's own.

A phone chooses English, Cymraeg or easy read on the welcome page (a cookie scoped to
the join path); the facilitator's pages follow the workshop's ``--lang``. The choice is
put into :mod:`coprod.i18n`'s ContextVar for the whole request by
:class:`LanguageMiddleware`, so everything that request shows — templates, labels from
core and the renderers, messages — is in that language, whatever the other requests
in flight on the same event loop (or in anyio's worker threads, which run in a copy of
the request's context) are showing.
"""

from __future__ import annotations

from collections.abc import Callable
from http.cookies import SimpleCookie
from pathlib import Path

from starlette.types import ASGIApp, Receive, Scope, Send

from coprod import i18n
from coprod.core.models import Content
from coprod.errors import CoprodError

LANG_COOKIE = "coprod_lang"  # the participant's choice of language / easy read
#: The switch on the welcome page: cookie value -> (language, easy read, label).
LANGUAGE_CHOICES: dict[str, tuple[str, bool, str]] = {
    "en": ("en", False, "English"),
    "cy": ("cy", False, "Cymraeg"),
    "easy-read": ("en", True, "Easy read"),
    "cy-easy-read": ("cy", True, "Hawdd ei ddeall"),  # Welsh easy read (a draft)
}


def cookie_choice(scope: Scope) -> str:
    """The phone's choice from its cookie ("" when it has made none)."""
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed Cookie header: as if there were none
                return ""
            morsel = jar.get(LANG_COOKIE)
            return morsel.value if morsel else ""
    return ""


def load_choices(data_dir: Path | None = None) -> dict[str, Content]:
    """The content of each choice on the welcome page's switch, loaded once (as ``--lang`` does).

    A choice whose pack is missing from ``data_dir`` is left out of the switch.
    """
    from coprod.storage.content import load_content, resolve_data_dir
    from coprod.storage.packs import choose_pack

    folder = resolve_data_dir(data_dir)
    contents: dict[str, Content] = {}
    for key, (language, easy_read, _label) in LANGUAGE_CHOICES.items():
        try:
            choice = choose_pack(folder, language, easy_read)
        except CoprodError:
            continue
        contents[key] = load_content(folder, choice.pack)
    return contents


class LanguageMiddleware:
    """Sets the interface language for each HTTP request (pure ASGI, so the ContextVar
    it sets is the one the endpoint, its templates and its streamed responses see)."""

    def __init__(self, app: ASGIApp, language_for: Callable[[Scope], tuple[str, bool]]) -> None:
        self.app = app
        self.language_for = language_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        language, easy_read = self.language_for(scope)
        with i18n.override(language, easy_read):
            await self.app(scope, receive, send)
