"""The Starlette app: routes for the participants' phones and the facilitator's page."""

from __future__ import annotations

import asyncio
import re
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from gettext import NullTranslations
from pathlib import Path
from typing import Any

import anyio
import jinja2
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import Scope

from coprod.core.answers import Answers
from coprod.core.models import Content
from coprod.core.scoring import NOT_RATED, SCALE
from coprod.errors import CoprodError
from coprod.i18n import N_, translations
from coprod.interactive.interview import ROLE_LABELS
from coprod.storage.answers_file import dumps
from coprod.web import flow, live
from coprod.web.security import BodyLimit, SecurityHeaders, TryLimit, export_csp
from coprod.web.state import Participant, Workshop, WorkshopFull, code_text

HERE = Path(__file__).parent
COOKIE = "coprod_participant"
COOKIE_AGE = 30 * 24 * 3600
LANG_COOKIE = "coprod_lang"  # the participant's choice of language / easy read
#: The switch on the welcome page: cookie value -> (language, easy read, label).
LANGUAGE_CHOICES: dict[str, tuple[str, bool, str]] = {
    "en": ("en", False, "English"),
    "cy": ("cy", False, "Cymraeg"),
    "easy-read": ("en", True, "Easy read"),
}
COALESCE_SECONDS = 0.5  # updates to the facilitator's page are gathered for this long

# Interface strings follow each request's language, never a global one: two phones in
# different languages are served at the same moment (several requests in flight on one
# event loop, exports and saves in threads), so a process-wide "active language" would
# leak from one phone to the other. Each render is given its own translations
# (coprod.i18n.translations(lang): a cached catalogue, read-only once loaded, so sharing
# it between requests is safe) as ``gettext``/``ngettext`` in the template context, which
# is where jinja2.ext.i18n's {% trans %} and _() look them up; the environment itself has
# no language. Python-side texts are translated with the same object before rendering.
# Labels kept in English below (marked with N_) are translated when a page is rendered.

ROLE_OPTIONS = [*ROLE_LABELS.items(), ("", N_("Prefer not to say"))]
# The roles (coprod.interactive.interview.ROLE_LABELS) as the catalogue knows them.
_ROLE_WORDS = (
    N_("Resident / citizen"),
    N_("Community or voluntary sector"),
    N_("Council or public-sector officer"),
    N_("Councillor / elected member"),
    N_("Researcher"),
    N_("Other"),
)
CRITERION_OPTIONS = [("yes", N_("Yes")), ("no", N_("No")), ("unsure", N_("Not sure"))]


def translated(options: list[tuple[str, str]], gettext: flow.Gettext) -> list[tuple[str, str]]:
    """``(value, label)`` pairs with the labels in the page's language."""
    return [(value, gettext(label)) for value, label in options]


def rating_options(gettext: flow.Gettext) -> list[tuple[str, str]]:
    """The rating radios: ``("3", "3 Mostly")`` ... ``("na", "Not applicable")``."""
    return [
        *((str(n), f"{n} {gettext(label)}") for n, label in SCALE.items()),
        *((value, gettext(label)) for value, label in NOT_RATED.items()),
    ]


def band_text(band: str | None, gettext: flow.Gettext) -> str:
    """A score band in the page's language (``None``: "not scored")."""
    from coprod.render.text import BAND_LABEL

    return gettext(BAND_LABEL.get(band, band)) if band else gettext("not scored")


def _role_value(answers: Answers | None) -> str | None:
    """The role radio to check: the role, "" for "prefer not to say", None if never asked."""
    if answers is None or answers.respondent is None:
        return None
    return answers.respondent.role or ""


def _brings_value(answers: Answers | None) -> list[str]:
    """The characteristic boxes to tick: what the answers file holds."""
    return list(answers.respondent.brings) if answers and answers.respondent else []


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


class WorkshopApp:
    """Holds the workshop, the templates and the hub; its methods are the routes."""

    def __init__(
        self, workshop: Workshop, urls: Urls, contents: dict[str, Content] | None = None
    ) -> None:
        self.workshop = workshop
        self.content = workshop.content
        self.contents = contents or {}  # per participant's choice (LANG_COOKIE)
        self.urls = urls
        self.hub = Hub()
        self.tries = TryLimit()
        self.locks: dict[int, asyncio.Lock] = {}
        self.state_lock = asyncio.Lock()
        self._state_asked = 0  # state saves asked for, and the last one covered by a save
        self._state_done = 0
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            extensions=["jinja2.ext.i18n"],  # gettext/ngettext come with each render
        )
        env.policies["ext.i18n.trimmed"] = True  # as babel.cfg extracts them
        self.templates = Jinja2Templates(env=env)
        self.live = live.LiveView(workshop, self.templates.env)
        s = workshop.settings
        self.join_path = f"/j/{s.join_token}"
        self.facilitator_path = f"/f/{s.facilitator_token}"

    # --- helpers -----------------------------------------------------------------

    def _join_ok(self, request: Request) -> bool:
        token = str(request.path_params.get("token", ""))
        return secrets.compare_digest(token, self.workshop.settings.join_token)

    def _facilitator_ok(self, request: Request) -> bool:
        token = str(request.path_params.get("token", ""))
        return secrets.compare_digest(token, self.workshop.settings.facilitator_token)

    def _person(self, request: Request) -> Participant | None:
        return self.workshop.participant(request.cookies.get(COOKIE))

    def _content(self, request: Request) -> Content:
        """The content in the participant's chosen language (ids as the workshop's own)."""
        return self.contents.get(request.cookies.get(LANG_COOKIE, ""), self.content)

    def _translations(self, request: Request | None = None) -> NullTranslations:
        """The interface strings for this request's phone (``None``: the workshop's own,
        i.e. the facilitator's ``--lang``)."""
        content = self.content if request is None else self._content(request)
        return translations(content.language)

    def gettext_for_scope(self, scope: Scope) -> flow.Gettext:
        """The ``gettext`` of a request not yet routed (for the body limit's message)."""
        return self._translations(Request(scope)).gettext

    def _page_url(self, page: flow.Page) -> str:
        return f"{self.join_path}/{page.slug}"

    def _render(
        self,
        request: Request,
        name: str,
        context: dict[str, Any],
        status: int = 200,
        *,
        own: bool = False,
    ) -> Response:
        """A page in the phone's language (``own``: the workshop's, for the facilitator)."""
        settings = self.workshop.settings
        content = self.content if own else self._content(request)
        strings = translations(content.language)
        base = {
            "gettext": strings.gettext,  # for {% trans %} and _() (see the note at the top)
            "ngettext": strings.ngettext,
            "project": settings.project,
            "anonymous": settings.anonymous,
            "mode": settings.mode,
            "join_path": self.join_path,
            "lang": content.language,
            "draft_line": content.pack.draft_line if content.pack else None,
            "language_choices": [
                (key, LANGUAGE_CHOICES[key][2], LANGUAGE_CHOICES[key][0]) for key in self.contents
            ],
            "language_chosen": request.cookies.get(LANG_COOKIE, ""),
        }
        return self.templates.TemplateResponse(request, name, {**base, **context}, status)

    async def _save(self, person: Participant, *, first: bool = False) -> None:
        """Write the participant's answers file; returns once it is on disk."""
        lock = self.locks.setdefault(person.number, asyncio.Lock())
        async with lock:
            text = dumps(person.answers)
            await anyio.to_thread.run_sync(
                lambda: self.workshop.write_answers(person, text, first=first)
            )
            person.revision += 1
        self.hub.touch()

    async def _save_state(self) -> None:
        """Save the workshop's state; returns once a save that began after this call is done.

        Newcomers who join together share one save (a group commit): each save writes the
        state as it is when it starts, which holds everyone who asked before it started.
        """
        self._state_asked += 1
        mine = self._state_asked
        async with self.state_lock:
            if self._state_done >= mine:
                return  # a save that started after we asked has finished
            covers = self._state_asked
            await anyio.to_thread.run_sync(self.workshop.save_state)
            self._state_done = covers

    # --- the participant's phone ---------------------------------------------------

    async def join(self, request: Request) -> Response:
        """The join URL: a welcome for a new phone (creating nothing), else where they stopped."""
        if not self._join_ok(request):
            return not_found()
        person = self._person(request)
        if person is not None:
            page = flow.resume_page(person.answers, self.content)
            return RedirectResponse(self._page_url(page), status_code=303)
        if self.workshop.full:
            return self._full(request)
        return self._page(request, None, "about")

    async def code_page(self, request: Request) -> Response:
        """Where a phone without a camera types the short code instead of the long URL."""
        gettext = self._translations(request).gettext
        context: dict[str, Any] = {"title": gettext("Join the workshop"), "error": "", "typed": ""}
        if request.method == "POST":
            client = request.client.host if request.client else "?"
            if self.tries.blocked(client):
                context["error"] = gettext(
                    "Too many wrong codes: please wait ten minutes, or scan the QR code."
                )
                return self._render(request, "code.html", context, 429)
            async with request.form(max_files=0, max_fields=5) as form:
                typed = str(form.get("code") or "")
            wanted = self.workshop.settings.code
            given = re.sub(r"[^A-Za-z0-9]", "", typed).upper()
            if wanted and secrets.compare_digest(given.encode(), wanted.encode()):
                return RedirectResponse(f"{self.join_path}/", status_code=303)
            self.tries.failed(client)
            context["error"] = gettext(
                "That is not the code on the facilitator's screen: please try again."
            )
            context["typed"] = typed[:20]
            return self._render(request, "code.html", context, 422)
        return self._render(request, "code.html", context)

    def _full(self, request: Request) -> Response:
        title = self._translations(request).gettext("This workshop is full")
        return self._render(request, "full.html", {"title": title}, 403)

    def _page(
        self,
        request: Request,
        person: Participant | None,
        slug: str,
        outcome: flow.Outcome | None = None,
    ) -> Response:
        content = self._content(request)
        found = flow.page_by_slug(content, slug)
        if found is None:
            return not_found()
        index, page = found
        all_pages = flow.pages(content)
        answers = person.answers if person else None
        gettext = translations(content.language).gettext
        context: dict[str, Any] = {
            "title": page.title_in(gettext),
            "page": page,
            "index": index,
            "count": len(all_pages),
            "answers": answers,
            "content": content,
            "action": self._page_url(page),
            "errors": outcome.errors if outcome else {},
            "kept": outcome.kept if outcome else {},
            "new": person is None,
            "roles": translated(ROLE_OPTIONS, gettext),
            "role_value": _role_value(answers),
            "brings_value": _brings_value(answers),
            "criterion_options": translated(CRITERION_OPTIONS, gettext),
            "rating_options": rating_options(gettext),
        }
        if page.slug == "done" and answers is not None:
            from coprod.core.assessment import assess

            context["result"] = assess(answers, content)
            context["skipped"] = flow.skipped(answers, content, gettext)
            context["page_url"] = self._page_url
            context["page_title"] = lambda item: item.title_in(gettext)
            context["band"] = lambda band: band_text(band, gettext)
        template = "practice.html" if page.practice else f"{page.slug}.html"
        status = 422 if outcome and outcome.errors else 200
        return self._render(request, template, context, status)

    async def choose_language(self, request: Request) -> Response:
        """The welcome page's switch (a GET form, no JavaScript): this phone's language only."""
        if not self._join_ok(request):
            return not_found()
        choice = request.query_params.get("choice", "")
        response = RedirectResponse(f"{self.join_path}/", status_code=303)
        if choice in self.contents:
            response.set_cookie(
                LANG_COOKIE,
                choice,
                max_age=COOKIE_AGE,
                path=self.join_path,
                httponly=True,
                samesite="lax",
            )
        return response

    async def page_get(self, request: Request) -> Response:
        if not self._join_ok(request):
            return not_found()
        slug = str(request.path_params["slug"])
        if flow.page_by_slug(self.content, slug) is None:
            return not_found()
        person = self._person(request)
        if person is None:  # no cookie (yet): the welcome page comes first
            return RedirectResponse(f"{self.join_path}/", status_code=303)
        return self._page(request, person, slug)

    async def page_post(self, request: Request) -> Response:
        if not self._join_ok(request):
            return not_found()
        slug = str(request.path_params["slug"])
        found = flow.page_by_slug(self.content, slug)
        if found is None:
            return not_found()
        index, page = found
        if page.slug == "done":  # nothing to answer there
            return RedirectResponse(self._page_url(page), status_code=303)
        async with request.form(max_files=0, max_fields=200) as form:
            fields = {k: v for k, v in form.items() if isinstance(v, str)}
            brings = [v for v in form.getlist("brings") if isinstance(v, str)]
        person = self._person(request)
        new_key: str | None = None
        if person is None:
            try:
                person, new_key = self.workshop.add_participant()
            except WorkshopFull:
                return self._full(request)
        gettext = self._translations(request).gettext
        outcome = flow.apply(page, fields, person.answers, self.content, brings, gettext)
        going_back = fields.get("nav") == "back"
        if page.slug == "reflections" and not going_back and not outcome.errors:
            person.answers.complete = True
        await self._save(person, first=new_key is not None)
        if new_key is not None:
            await self._save_state()
        if outcome.errors:
            response = self._page(request, person, slug, outcome)
        else:
            all_pages = flow.pages(self.content)
            step = -1 if going_back else 1
            target = all_pages[min(max(0, index + step), len(all_pages) - 1)]
            response = RedirectResponse(self._page_url(target), status_code=303)
        if new_key is not None:
            response.set_cookie(
                COOKIE,
                new_key,
                max_age=COOKIE_AGE,
                path=self.join_path,
                httponly=True,
                samesite="lax",
            )
        return response

    # --- the facilitator's page ------------------------------------------------------

    async def facilitator(self, request: Request) -> Response:
        if not self._facilitator_ok(request):
            return not_found()
        context = {
            "title": self._translations().gettext("Facilitator"),
            "live_html": self.live.fragment(self.hub.version),
            "version": self.hub.version,
            "join_url": self.urls.join,
            "code_url": self.urls.code,
            "code": code_text(self.workshop.settings.code),
            "base": self.facilitator_path,
        }
        return self._render(request, "facilitator.html", context, own=True)

    async def reveal(self, request: Request) -> Response:
        if not self._facilitator_ok(request):
            return not_found()
        async with request.form(max_files=0, max_fields=10) as form:
            hide = form.get("show") == "hide"
        self.workshop.revealed = not hide
        await self._save_state()
        self.hub.touch()
        return RedirectResponse(f"{self.facilitator_path}/", status_code=303)

    async def events(self, request: Request) -> Response:
        if not self._facilitator_ok(request):
            return not_found()
        from sse_starlette.sse import EventSourceResponse

        # what the page already shows: a reconnecting browser says its last event's id
        given = request.headers.get("last-event-id") or request.query_params.get("since", "")
        try:
            seen = int(given)
        except ValueError:
            seen = -1
        if seen > self.hub.version:  # the server was restarted since: send it afresh
            seen = -1

        shutdown = anyio.Event()  # set by sse-starlette when the server is stopping

        async def changed_or_stopping() -> None:
            waits = [
                asyncio.ensure_future(self.hub.wait_past(seen)),
                asyncio.ensure_future(shutdown.wait()),
            ]
            try:
                await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for task in waits:
                    task.cancel()

        async def stream() -> AsyncIterator[dict[str, str]]:
            nonlocal seen
            while not shutdown.is_set():
                if seen >= self.hub.version:
                    await changed_or_stopping()
                    if shutdown.is_set():
                        return  # the response then ends properly, not cut off
                    await asyncio.sleep(COALESCE_SECONDS)  # gather a burst of answers
                seen = self.hub.version
                yield {"event": "update", "id": str(seen), "data": self.live.fragment(seen)}

        return EventSourceResponse(
            stream(), ping=15, shutdown_event=shutdown, shutdown_grace_period=2
        )

    async def export(self, request: Request) -> Response:
        if not self._facilitator_ok(request):
            return not_found()
        from coprod.render.formats import render_team

        fmt = str(request.path_params["fmt"])
        if fmt not in ("md", "html", "json"):
            return not_found()
        view = self.live.team()
        if view is None:
            needs_two = self._translations().gettext(live.NEEDS_TWO)
            return PlainTextResponse(needs_two + "\n", status_code=409)
        text = render_team(view, fmt)  # type: ignore[arg-type]
        if fmt == "html":
            return Response(
                text,
                media_type="text/html; charset=utf-8",
                headers={"content-security-policy": export_csp(text)},
            )
        media = "application/json" if fmt == "json" else "text/markdown; charset=utf-8"
        return Response(text, media_type=media)

    async def qr(self, request: Request) -> Response:
        if not self._facilitator_ok(request):
            return not_found()
        import io

        import segno

        buffer = io.BytesIO()
        segno.make(self.urls.join, error="m").save(
            buffer,
            kind="svg",
            scale=8,
            border=2,
            title=self._translations().gettext("QR code of the join URL"),
        )
        return Response(buffer.getvalue(), media_type="image/svg+xml")

    async def without_slash(self, request: Request) -> Response:
        """``/j/TOKEN`` or ``/f/SECRET`` typed without the final slash: to the real page."""
        path = request.url.path
        valid = self._facilitator_ok(request) if path.startswith("/f/") else self._join_ok(request)
        if not valid:
            return not_found()
        return RedirectResponse(path + "/", status_code=303)


def create_app(
    workshop: Workshop, urls: Urls, contents: dict[str, Content] | None = None
) -> Starlette:
    """The workshop's ASGI app (call it once per server).

    ``contents`` (from :func:`load_choices`) puts a language switch on the welcome page;
    without it every phone gets the workshop's own content.
    """
    web = WorkshopApp(workshop, urls, contents)
    routes = [
        Route("/code", web.code_page, methods=["GET", "POST"]),
        Route("/j/{token}", web.without_slash, methods=["GET"]),
        Route("/f/{token}", web.without_slash, methods=["GET"]),
        Route("/j/{token}/", web.join, methods=["GET"]),
        Route("/j/{token}/language", web.choose_language, methods=["GET"]),
        Route("/j/{token}/{slug:path}", web.page_get, methods=["GET"]),
        Route("/j/{token}/{slug:path}", web.page_post, methods=["POST"]),
        Route("/f/{token}/", web.facilitator, methods=["GET"]),
        Route("/f/{token}/reveal", web.reveal, methods=["POST"]),
        Route("/f/{token}/events", web.events, methods=["GET"]),
        Route("/f/{token}/team.{fmt}", web.export, methods=["GET"]),
        Route("/f/{token}/join-qr.svg", web.qr, methods=["GET"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(BodyLimit, gettext_for=web.gettext_for_scope),
        ],
        exception_handlers={404: _plain_404, 405: _plain_404, CoprodError: _not_saved},
    )
    app.router.redirect_slashes = False  # no redirect for a path that is not ours
    app.state.web = web
    return app


async def _plain_404(request: Request, exc: Exception) -> Response:
    return not_found()


async def _not_saved(request: Request, exc: Exception) -> Response:
    """A file that could not be written (disk full, folder removed): say so, plainly."""
    from coprod.terminal.console import warn

    warn(str(exc))
    web: WorkshopApp = request.app.state.web
    gettext = web._translations(request).gettext
    return PlainTextResponse(
        gettext(
            "Sorry: your answer could not be saved on the facilitator's laptop. Please tell "
            "the facilitator, then try again."
        )
        + "\n",
        status_code=503,
    )
