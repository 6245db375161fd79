"""The facilitator's console: the live view, Reveal, the event stream, exports, the QR code.

The console shows the shared view by default (group figures only, as the wall does);
``?names=1`` shows who said what, on this screen only, never in an anonymous workshop.
The exports come in two kinds: ``team-share.{md,html,json}`` (``coprod team
--anonymous``: to share) and ``team.{md,html,json}`` (``coprod team``: with names, keep
private; in an anonymous workshop the same as the shared one, and not linked).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from coprod.core.own import MAX_OWN
from coprod.i18n import _
from coprod.web import live, own
from coprod.web.events import event_stream, qr_svg
from coprod.web.forms import read_form
from coprod.web.security import export_csp
from coprod.web.site import needs_secret, not_found, site_of
from coprod.web.state import code_text


def _names(request: Request) -> bool:
    """Whether this console asked to see who said what (off unless asked)."""
    return request.query_params.get("names") == "1" and site_of(request).live.names_allowed()


async def open_once(request: Request) -> Response:
    """``coprod workshop --open``'s link: the console's address, once (then a bare 404)."""
    site = site_of(request)
    if not site.use_once(str(request.path_params.get("key", ""))):
        return not_found()
    return RedirectResponse(f"{site.facilitator_path}/", status_code=303)


@needs_secret("facilitator")
async def console(request: Request) -> Response:
    site = site_of(request)
    names = _names(request)
    context = {
        "title": _("Facilitator"),
        "live_html": site.live.fragment(site.hub.version, names=names),
        "version": site.hub.version,
        "names": names,
        "join_url": site.urls.join,
        "code_url": site.urls.code,
        "projector_url": site.urls.projector,
        "code": code_text(site.workshop.settings.code),
        "base": site.facilitator_path,
        **own_context(request),
    }
    return site.render(request, "facilitator.html", context)


def own_context(request: Request) -> dict[str, object]:
    """The console's own statements: those so far, and what adding one said."""
    site = site_of(request)
    message, typed, practice = getattr(request.state, "own_message", ("", "", ""))
    added = request.query_params.get("added", "")
    shown = next((s.text for s in site.workshop.own if s.id == added), None)
    return {
        "own": site.workshop.own,
        "own_error": message,
        "own_typed": typed,
        "own_practice": practice,
        "own_added": _(own.ADDED) % {"text": shown} if shown else "",
        "own_full": len(site.workshop.own) >= MAX_OWN,
        "practices": site.content.practices,
    }


@needs_secret("facilitator")
async def reveal(request: Request) -> Response:
    site = site_of(request)
    form = await read_form(request, max_fields=10)
    hide = form.get("show") == "hide"
    names = "?names=1" if form.get("names") == "1" else ""
    workshop = site.workshop
    if not hide and not workshop.revealed and workshop.wall.slide == "join":
        workshop.wall.slide = "profile"  # the wall moves on to the group's profile
    workshop.revealed = not hide
    await site.save_state()
    site.hub.touch()
    return RedirectResponse(f"{site.facilitator_path}/{names}", status_code=303)


@needs_secret("facilitator")
async def events(request: Request) -> Response:
    site = site_of(request)
    names = _names(request)
    return event_stream(
        request, site.hub, lambda seen: site.live.fragment_off_loop(seen, names=names)
    )


async def _export(request: Request, *, shared: bool) -> Response:
    site = site_of(request)
    from coprod.render.formats import render_team

    fmt = str(request.path_params["fmt"])
    if fmt not in ("md", "html", "json"):
        return not_found()
    view = site.live.team(shared=shared)
    if view is None:
        return PlainTextResponse(_(live.NEEDS_TWO) + "\n", status_code=409)
    text = render_team(view, fmt)  # type: ignore[arg-type]
    assert isinstance(text, str)  # md, html and json: text
    if fmt == "html":
        return Response(
            text,
            media_type="text/html; charset=utf-8",
            headers={"content-security-policy": export_csp(text)},
        )
    media = "application/json" if fmt == "json" else "text/markdown; charset=utf-8"
    return Response(text, media_type=media)


@needs_secret("facilitator")
async def export(request: Request) -> Response:
    """``team.FMT``: who said what (``coprod team``), for the facilitator only."""
    return await _export(request, shared=False)


@needs_secret("facilitator")
async def export_shared(request: Request) -> Response:
    """``team-share.FMT``: group figures only (``coprod team --anonymous``), to share."""
    return await _export(request, shared=True)


@needs_secret("facilitator")
async def qr(request: Request) -> Response:
    return qr_svg(site_of(request).urls.join, _("QR code of the join URL"))
