"""The facilitator's page: the live view, Reveal, the event stream, exports, the QR code."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import anyio
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from coprod.i18n import _
from coprod.web import live
from coprod.web.security import export_csp
from coprod.web.site import needs_secret, not_found, site_of
from coprod.web.state import code_text

COALESCE_SECONDS = 0.5  # updates to the facilitator's page are gathered for this long


@needs_secret("facilitator")
async def console(request: Request) -> Response:
    site = site_of(request)
    context = {
        "title": _("Facilitator"),
        "live_html": site.live.fragment(site.hub.version),
        "version": site.hub.version,
        "join_url": site.urls.join,
        "code_url": site.urls.code,
        "code": code_text(site.workshop.settings.code),
        "base": site.facilitator_path,
    }
    return site.render(request, "facilitator.html", context)


@needs_secret("facilitator")
async def reveal(request: Request) -> Response:
    site = site_of(request)
    async with request.form(max_files=0, max_fields=10) as form:
        hide = form.get("show") == "hide"
    site.workshop.revealed = not hide
    await site.save_state()
    site.hub.touch()
    return RedirectResponse(f"{site.facilitator_path}/", status_code=303)


@needs_secret("facilitator")
async def events(request: Request) -> Response:
    site = site_of(request)
    hub = site.hub
    from sse_starlette.sse import EventSourceResponse

    # what the page already shows: a reconnecting browser says its last event's id
    given = request.headers.get("last-event-id") or request.query_params.get("since", "")
    try:
        seen = int(given)
    except ValueError:
        seen = -1
    if seen > hub.version:  # the server was restarted since: send it afresh
        seen = -1

    shutdown = anyio.Event()  # set by sse-starlette when the server is stopping

    async def changed_or_stopping() -> None:
        waits = [
            asyncio.ensure_future(hub.wait_past(seen)),
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
            if seen >= hub.version:
                await changed_or_stopping()
                if shutdown.is_set():
                    return  # the response then ends properly, not cut off
                await asyncio.sleep(COALESCE_SECONDS)  # gather a burst of answers
            seen = hub.version
            yield {"event": "update", "id": str(seen), "data": site.live.fragment(seen)}

    return EventSourceResponse(stream(), ping=15, shutdown_event=shutdown, shutdown_grace_period=2)


@needs_secret("facilitator")
async def export(request: Request) -> Response:
    site = site_of(request)
    from coprod.render.formats import render_team

    fmt = str(request.path_params["fmt"])
    if fmt not in ("md", "html", "json"):
        return not_found()
    view = site.live.team()
    if view is None:
        return PlainTextResponse(_(live.NEEDS_TWO) + "\n", status_code=409)
    text = render_team(view, fmt)  # type: ignore[arg-type]
    if fmt == "html":
        return Response(
            text,
            media_type="text/html; charset=utf-8",
            headers={"content-security-policy": export_csp(text)},
        )
    media = "application/json" if fmt == "json" else "text/markdown; charset=utf-8"
    return Response(text, media_type=media)


@needs_secret("facilitator")
async def qr(request: Request) -> Response:
    site = site_of(request)
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(site.urls.join, error="m").save(
        buffer, kind="svg", scale=8, border=2, title=_("QR code of the join URL")
    )
    return Response(buffer.getvalue(), media_type="image/svg+xml")
