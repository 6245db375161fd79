"""Server-sent events for the pages that follow the workshop live (the console, the wall).

One stream per open page: ``event: update`` whose data is the page's live part as HTML,
rendered by the caller for the version of the workshop it is at, at most one per
~0.5 s per listener (a burst of answers is gathered into one update).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import anyio
from starlette.requests import Request
from starlette.responses import Response

from coprod.web.site import Hub

COALESCE_SECONDS = 0.5  # updates to a live page are gathered for this long


def event_stream(request: Request, hub: Hub, render: Callable[[int], Awaitable[str]]) -> Response:
    """The stream of ``await render(version)`` each time the workshop changes.

    ``render`` should do its work off the event loop (a worker thread), so that
    rendering a large group view never holds up the phones.
    """
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
        loop = asyncio.get_running_loop()
        began: float | None = None  # when the last update began to be made
        while not shutdown.is_set():
            if seen >= hub.version:
                await changed_or_stopping()
                if shutdown.is_set():
                    return  # the response then ends properly, not cut off
                await asyncio.sleep(COALESCE_SECONDS)  # gather a burst of answers
            elif began is not None:
                # changed again while the last update was made (a room answering at
                # once): still one update per window, not one after another
                await asyncio.sleep(max(0.0, began + COALESCE_SECONDS - loop.time()))
            seen, began = hub.version, loop.time()
            yield {"event": "update", "id": str(seen), "data": await render(seen)}

    return EventSourceResponse(stream(), ping=15, shutdown_event=shutdown, shutdown_grace_period=2)


def qr_svg(url: str, title: str) -> Response:
    """A QR code of ``url`` as SVG (the join address, for the console and the wall)."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=8, border=2, title=title)
    return Response(buffer.getvalue(), media_type="image/svg+xml")
