"""What every route shares: the workshop, its secrets, saving, rendering a page.

Routes (:mod:`coprod.web.participant`, :mod:`coprod.web.facilitator`) are plain
functions; they find the :class:`Site` on ``request.app.state`` and declare which
secret their URL must carry with :func:`needs_secret` — the check is written once.
"""

from __future__ import annotations

import asyncio
import functools
import secrets
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

import anyio
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Scope

from coprod.core.models import Content
from coprod.storage.answers_file import dumps
from coprod.web import flow, live, pages
from coprod.web.language import LANG_COOKIE, LANGUAGE_CHOICES, cookie_choice
from coprod.web.page_cache import PageCache
from coprod.web.security import TryLimit
from coprod.web.state import Participant, Workshop

COOKIE = "coprod_participant"
COOKIE_AGE = 30 * 24 * 3600
ONCE_SECONDS = 300.0  # the console's one-time link (--open): time for a browser to start

Endpoint = Callable[[Request], Awaitable[Response]]
Secret = Literal["join", "facilitator", "projector"]
#: Paths served in the workshop's own language, with its own content: the facilitator's
#: console and the projector's wall (everyone in the room reads the wall).
WORKSHOP_LANGUAGE_PATHS = ("/f/", "/w/")


def not_found() -> Response:
    return PlainTextResponse("Not found\n", status_code=404)


class Hub:
    """Tells the facilitator's open pages that something changed (one counter, one event)."""

    def __init__(self) -> None:
        self.version = 0
        self._changed = asyncio.Event()

    def touch(self) -> None:
        self.version += 1
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    async def wait_past(self, seen: int) -> None:
        while self.version <= seen:
            await self._changed.wait()


@dataclass
class Urls:
    join: str  # absolute, for the QR code and the screen
    facilitator: str
    code: str = ""  # where to type the short code instead (absolute)
    projector: str = ""  # the wall, for the projector (absolute)


class Site:
    """The workshop being served, and what the routes share."""

    def __init__(
        self,
        workshop: Workshop,
        urls: Urls,
        contents: dict[str, Content] | None = None,
        *,
        language: str | None = None,
        phones: Content | None = None,
    ) -> None:
        self.workshop = workshop
        self.content = workshop.content
        self.contents = contents or {}  # per participant's choice (LANG_COOKIE)
        #: the console's and the wall's language ("cy+en": both, on a bilingual room's
        #: screens), and the content of a phone that has chosen none (the first language's)
        self.language = language or self.content.language
        self.phones = phones or self.content
        self.urls = urls
        self.hub = Hub()
        self.tries = TryLimit()
        self.locks: dict[int, asyncio.Lock] = {}
        self._joining: weakref.WeakValueDictionary[str, asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )
        self._state_saving: asyncio.Future[None] | None = None  # the save under way
        self._state_asked = 0  # state saves asked for, and the last one covered by a save
        self._state_done = 0
        self.env = pages.templates()
        self.pages = PageCache(self.env)
        self.live = live.LiveView(workshop, self.env)
        self.fragments: dict[str, tuple[int, str]] = {}  # live parts by page: (version, html)
        s = workshop.settings
        self._once: tuple[str, float] | None = None  # the console's one-time link: its key, until
        self.join_path = f"/j/{s.join_token}"
        self.facilitator_path = f"/f/{s.facilitator_token}"
        self.projector_path = f"/w/{s.projector_token}"

    # --- who is asking, in which language -------------------------------------------

    def secret_ok(self, kind: Secret, request: Request) -> bool:
        settings = self.workshop.settings
        wanted = {
            "join": settings.join_token,
            "facilitator": settings.facilitator_token,
            "projector": settings.projector_token,
        }[kind]
        given = str(request.path_params.get("token", ""))
        return secrets.compare_digest(given.encode(), wanted.encode())

    def console_once(self, seconds: float = ONCE_SECONDS) -> str:
        """A path that opens the facilitator's console once, within ``seconds``.

        ``coprod workshop --open`` gives it to the web browser instead of the console's
        own address: a browser's command line can be read by every account on the
        laptop, and this one is spent as soon as the browser has used it."""
        import time

        key = secrets.token_urlsafe(24)
        self._once = (key, time.monotonic() + seconds)
        return f"/open/{key}"

    def use_once(self, given: str) -> bool:
        """Whether ``given`` is the one-time link's key, still unused and in time (it is
        spent either way once it matches)."""
        import time

        if self._once is None:
            return False
        key, until = self._once
        if not secrets.compare_digest(given.encode(), key.encode()):
            return False
        self._once = None
        return time.monotonic() <= until

    def person(self, request: Request) -> Participant | None:
        return self.workshop.participant(request.cookies.get(COOKIE))

    def content_for(self, request: Request) -> Content:
        """The content in the participant's chosen language (ids as the workshop's own)."""
        return self.contents.get(request.cookies.get(LANG_COOKIE, ""), self.phones)

    def language_for(self, scope: Scope) -> tuple[str, bool]:
        """The language a request is served in, and whether in easy read: the workshop's
        own on the facilitator's pages and the wall, else the phone's choice (its cookie),
        else the workshop's."""
        if str(scope.get("path", "")).startswith(WORKSHOP_LANGUAGE_PATHS):
            return self.language, self.content.easy_read
        content = self.contents.get(cookie_choice(scope), self.phones)
        return content.language, content.easy_read

    def language_choices(self) -> list[tuple[str, str, str]]:
        """The welcome page's language switch: (choice, its label, its language code)."""
        return [(key, LANGUAGE_CHOICES[key][2], LANGUAGE_CHOICES[key][0]) for key in self.contents]

    def chosen_language(self, request: Request) -> str:
        """The phone's choice on the switch: its cookie's, else the workshop's own."""
        chosen = request.cookies.get(LANG_COOKIE, "")
        if chosen in self.contents:
            return chosen
        pack = self.content.pack
        easy = bool(pack and pack.meta.easy_read)
        for key, (language, easy_read, _label) in LANGUAGE_CHOICES.items():
            if language == self.content.language and easy_read == easy:
                return key
        return ""

    def page_url(self, page: flow.Page) -> str:
        return f"{self.join_path}/{page.slug}"

    # --- pages ------------------------------------------------------------------------

    def render(
        self, request: Request, name: str, context: dict[str, Any], status: int = 200
    ) -> Response:
        """A page in the request's language (coprod.web.language set it)."""
        from coprod import i18n

        settings = self.workshop.settings
        language = i18n.language()
        own = str(request.scope["path"]).startswith(
            WORKSHOP_LANGUAGE_PATHS
        )  # the workshop's content
        content = self.content if own else self.content_for(request)
        base = {
            "project": settings.project,
            "anonymous": settings.anonymous,
            "mode": settings.mode,
            "join_path": self.join_path,
            "lang": language,
            "draft_line": content.pack.draft_line if content.pack else None,
            "welcome_back": False,
            "autosave": False,
            "bilingual": i18n.second_language() is not None,  # --lang cy+en's screens
            "pictures": content.easy_read,  # a picture beside each point (coprod.pictures)
            "page_picture": None,
        }
        return self.pages.render(name, {**base, **context}, status)

    def joining(self, key: str) -> asyncio.Lock:
        """One newcomer's taps, one at a time (kept while anyone holds or waits for it)."""
        lock = self._joining.get(key)
        if lock is None:
            lock = asyncio.Lock()
            self._joining[key] = lock
        return lock

    # --- saving -----------------------------------------------------------------------

    async def save(self, person: Participant, *, first: bool = False) -> None:
        """Write the participant's answers file; returns once it is on disk."""
        lock = self.locks.setdefault(person.number, asyncio.Lock())
        async with lock:
            text = dumps(person.answers)
            written = person.answers.copy()  # for the live pages (see live.py)
            await anyio.to_thread.run_sync(
                lambda: self.workshop.write_answers(person, text, first=first)
            )
            person.written = written
            person.revision += 1
        self.hub.touch()

    async def admit(self, person: Participant) -> None:
        """A newcomer's first answers on disk, then the newcomer counted in the workshop's
        state: the place given to them is given back if the first save fails."""
        try:
            await self.save(person, first=True)
        except BaseException:
            self.workshop.release(person)
            raise
        self.workshop.admit(person)
        await self.save_state()

    async def save_state(self) -> None:
        """Save the workshop's state; returns once a save that began after this call is done.

        Newcomers who join together share one save (a group commit): each save writes the
        state as it is when it starts, which holds everyone who asked before it started.
        """
        self._state_asked += 1
        mine = self._state_asked
        while self._state_done < mine:
            saving = self._state_saving
            if saving is not None:
                # Everyone waiting wakes at once when it ends (a lock would hand itself on
                # to one waiter per turn of the event loop: seconds, with a room joining).
                await asyncio.shield(saving)
                continue  # covered, or the next save is ours to start
            covers = self._state_asked
            self._state_saving = saving = asyncio.get_running_loop().create_future()
            try:
                await anyio.to_thread.run_sync(self.workshop.save_state)
                self._state_done = covers
            finally:
                self._state_saving = None
                saving.set_result(None)  # a failed save: the next one asked for tries again


def set_cookie(response: Response, name: str, value: str, path: str) -> None:
    """Set one of the workshop's cookies: for the join address's pages, for a month, out
    of scripts' reach, not sent from other sites."""
    response.raw_headers.append((b"set-cookie", _cookie_header(name, value, path)))


@functools.lru_cache(maxsize=256)  # a phone's page, set on every page it is shown
def _cookie_header(name: str, value: str, path: str) -> bytes:
    probe = Response()
    probe.set_cookie(name, value, max_age=COOKIE_AGE, path=path, httponly=True, samesite="lax")
    return next(v for k, v in probe.raw_headers if k == b"set-cookie")


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def needs_secret(kind: Secret) -> Callable[[Endpoint], Endpoint]:
    """The route answers only when its URL carries the right secret; else a bare 404."""

    def wrap(endpoint: Endpoint) -> Endpoint:
        @functools.wraps(endpoint)
        async def checked(request: Request) -> Response:
            if not site_of(request).secret_ok(kind, request):
                return not_found()
            return await endpoint(request)

        return checked

    return wrap
