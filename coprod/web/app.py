"""The workshop's ASGI app: the route table, the middleware, the error pages.

The routes live with their area (:mod:`coprod.web.participant` for the phones,
:mod:`coprod.web.facilitator` for the facilitator's console, :mod:`coprod.web.wall` for the
projector's page); what they share is
:class:`coprod.web.site.Site`.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from coprod.core.models import Content
from coprod.errors import CoprodError
from coprod.i18n import _
from coprod.web import facilitator, own, paper, participant, wall
from coprod.web.language import LanguageMiddleware
from coprod.web.pages import HERE
from coprod.web.security import BodyLimit, SameOrigin, SecurityHeaders
from coprod.web.site import Secret, Site, Urls, not_found, site_of
from coprod.web.state import Workshop

__all__ = ["Urls", "create_app"]


async def without_slash(request: Request) -> Response:
    """``/j/TOKEN``, ``/f/SECRET`` or ``/w/SECRET`` typed without the final slash: to the page."""
    path = request.url.path
    kinds: dict[str, Secret] = {"/f/": "facilitator", "/w/": "projector"}
    kind: Secret = kinds.get(path[:3], "join")
    if not site_of(request).secret_ok(kind, request):
        return not_found()
    return RedirectResponse(path + "/", status_code=303)


def create_app(
    workshop: Workshop,
    urls: Urls,
    contents: dict[str, Content] | None = None,
    *,
    language: str | None = None,
    phones: Content | None = None,
) -> Starlette:
    """The workshop's ASGI app (call it once per server).

    ``contents`` (from :func:`coprod.web.language.load_choices`) puts a language switch
    on the welcome page; without it every phone gets the workshop's own content.
    ``language``: the console's and the wall's, when not the content's (``"cy+en"``: a
    bilingual room, whose workshop content is :func:`coprod.core.packs.bilingual.bilingual_content`);
    ``phones``: the content of a phone that has not chosen (the first language's).
    """
    site = Site(workshop, urls, contents, language=language, phones=phones)
    routes = [
        Route("/code", participant.code_page, methods=["GET", "POST"]),
        Route("/j/{token}", without_slash, methods=["GET"]),
        Route("/f/{token}", without_slash, methods=["GET"]),
        Route("/w/{token}", without_slash, methods=["GET"]),
        Route("/j/{token}/", participant.join, methods=["GET"]),
        Route("/j/{token}/language", participant.choose_language, methods=["GET"]),
        Route("/j/{token}/pictures/{name}.svg", participant.picture, methods=["GET"]),
        Route("/j/{token}/{slug:path}", participant.page_get, methods=["GET"]),
        Route("/j/{token}/{slug:path}", participant.page_post, methods=["POST"]),
        Route("/f/{token}/", facilitator.console, methods=["GET"]),
        Route("/open/{key}", facilitator.open_once, methods=["GET"]),
        Route("/f/{token}/reveal", facilitator.reveal, methods=["POST"]),
        Route("/f/{token}/own", own.add, methods=["POST"]),
        Route("/f/{token}/events", facilitator.events, methods=["GET"]),
        Route("/f/{token}/team.{fmt}", facilitator.export, methods=["GET"]),
        Route("/f/{token}/team-share.{fmt}", facilitator.export_shared, methods=["GET"]),
        Route("/f/{token}/join-qr.svg", facilitator.qr, methods=["GET"]),
        Route("/f/{token}/wall", wall.control, methods=["POST"]),
        Route("/f/{token}/paper", paper.paper_page, methods=["GET"]),
        Route("/f/{token}/paper", paper.paper_post, methods=["POST"]),
        Route("/f/{token}/form", paper.printable_form, methods=["GET"]),
        Route("/w/{token}/", wall.wall, methods=["GET"]),
        Route("/w/{token}/events", wall.events, methods=["GET"]),
        Route("/w/{token}/join-qr.svg", wall.qr, methods=["GET"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(LanguageMiddleware, language_for=site.language_for),
            Middleware(SameOrigin),  # before the body is read: a cross-site post changes nothing
            Middleware(BodyLimit),
        ],
        exception_handlers={404: _plain_404, 405: _plain_404, CoprodError: _not_saved},
    )
    app.router.redirect_slashes = False  # no redirect for a path that is not ours
    app.state.site = site
    app.state.paper_desk = paper.Desk()
    return app


async def _plain_404(request: Request, exc: Exception) -> Response:
    return not_found()


async def _not_saved(request: Request, exc: Exception) -> Response:
    """A file that could not be written (disk full, folder removed): say so, plainly."""
    from coprod.terminal.console import warn

    warn(str(exc))
    return PlainTextResponse(
        _(
            "Sorry: your answer could not be saved on the facilitator's laptop. Please tell "
            "the facilitator, then try again."
        )
        + "\n",
        status_code=503,
    )
