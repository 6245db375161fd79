"""ASGI middleware: security headers on every response (errors included), no cross-site
form posts, and the 64 KB body limit; the short code's try limit."""

from __future__ import annotations

import base64
import hashlib
import re
import time
from collections import deque
from collections.abc import Callable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY = 64 * 1024
DRAIN_LIMIT = 1024 * 1024  # read and discard up to this much of a too-large body, then answer
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
HEADERS = {
    b"content-security-policy": PAGE_CSP.encode(),
    b"x-content-type-options": b"nosniff",
    # same-origin, not no-referrer: no address (and so no secret) ever goes to another
    # site, and the browser's own form posts carry their real Origin (with no-referrer
    # every browser sends "Origin: null", which a page elsewhere can send too)
    b"referrer-policy": b"same-origin",
    b"x-frame-options": b"DENY",
    b"cross-origin-opener-policy": b"same-origin",
}
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def export_csp(html: str) -> str:
    """A CSP for an HTML export: no script at all, its inline styles allowed by hash."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(m.encode("utf-8")).digest()).decode() + "'"
        for m in _STYLE.findall(html)
    ]
    style = " ".join(hashes) if hashes else "'none'"
    return (
        f"default-src 'none'; style-src {style}; img-src 'self' data:; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )


class SecurityHeaders:
    """Adds CSP, nosniff, a same-origin referrer policy and no framing to every response (a route's own CSP
    is kept); dynamic responses are not cached."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in HEADERS.items():
                    if name not in present:
                        headers.append((name, value))
                if not static and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        started = False

        async def send_marked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send_with_headers(message)

        try:
            await self.app(scope, receive, send_marked)
        except Exception as exc:
            from starlette.requests import ClientDisconnect

            if isinstance(exc, ClientDisconnect):
                return  # the phone went away (or was too slow): nobody to answer
            # One plain line on the facilitator's terminal, never a traceback; the phone
            # gets a plain 500 with the headers like every other response.
            from coprod.terminal.console import warn

            warn(_failed_line(scope, exc))
            if not started:
                await _plain(send_with_headers, 500, _server_error_text())


def _failed_line(scope: Scope, exc: Exception) -> str:
    from coprod.i18n import _

    detail = f"{type(exc).__name__}: {exc}"[:300]
    return _("a request failed (%(method)s %(path)s): %(error)s") % {
        "method": scope.get("method", "?"),
        "path": _secret_free(str(scope.get("path", ""))),
        "error": detail,
    }


def _secret_free(path: str) -> str:
    """``/f/SECRET/team.md`` -> ``/f/…/team.md``: a terminal on a projector shows no secret."""
    parts = path.split("/")
    if len(parts) > 2 and parts[1] in ("j", "f"):
        parts[2] = "…"
    return "/".join(parts)[:200]


def _server_error_text() -> str:
    from coprod.i18n import _

    return _("Sorry: something went wrong on the facilitator's laptop. Please try again.")


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin_parts(url: str) -> tuple[str, str, int] | None:
    try:
        split = urlsplit(url)
        port = split.port
    except ValueError:
        return None
    scheme = split.scheme.lower()
    if not split.hostname or scheme not in _DEFAULT_PORTS:
        return None
    return scheme, split.hostname.lower(), port or _DEFAULT_PORTS[scheme]


def same_origin(scope: Scope, origin: str) -> bool:
    """Whether ``origin`` (an Origin header) is the address this request was sent to."""
    host = next((v for k, v in scope.get("headers", []) if k == b"host"), None)
    if host is None:
        return False
    scheme = str(scope.get("scheme", "http"))
    ours = _origin_parts(f"{scheme}://{host.decode('latin-1')}")
    theirs = _origin_parts(origin)
    return ours is not None and ours == theirs


class SameOrigin:
    """Every state-changing request (any method but GET, HEAD and OPTIONS) must come from
    the workshop's own pages: one whose ``Origin`` is another site's, or ``null``, or whose
    ``Sec-Fetch-Site`` says it was sent from another site, gets 403 and changes nothing.

    ``Sec-Fetch-Site``, where a browser sends it, is the answer (a page cannot forge it);
    else the ``Origin``. A request with neither (an old browser, a script) is let
    through: a browser that can be made to post from another site sends at least one.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS or self._ok(scope):
            await self.app(scope, receive, send)
            return
        from coprod.i18n import _

        text = _(
            "This form was sent from another site, so it was not accepted. Open the "
            "workshop's address on this phone and carry on there."
        )
        await _plain(send, 403, text)

    @staticmethod
    def _ok(scope: Scope) -> bool:
        headers = scope.get("headers", [])
        fetch_site = next((v for k, v in headers if k == b"sec-fetch-site"), None)
        if fetch_site is not None:
            return fetch_site.lower() in (b"same-origin", b"none")
        origin = next((v for k, v in headers if k == b"origin"), None)
        if origin is None:
            return True
        return same_origin(scope, origin.decode("latin-1"))


class BodyLimit:
    """Requests whose body is over ``MAX_BODY`` get 413 (the body read and discarded first,
    up to a moderate size, so the client sees the answer rather than a reset)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = next(
            (value for name, value in scope.get("headers", []) if name == b"content-length"), None
        )
        try:
            length = int(declared) if declared is not None else None
        except ValueError:
            length = None
        if length is not None and length > self.limit:
            await self._drain(receive, 0)
            await self._too_large(scope, send)
            return
        messages: list[Message] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # gone before the body arrived (or cut off as too slow)
            messages.append(message)
            if message["type"] != "http.request":
                break
            total += len(message.get("body", b""))
            if total > self.limit:
                if message.get("more_body", False):
                    await self._drain(receive, total)
                await self._too_large(scope, send)
                return
            if not message.get("more_body", False):
                break
        replay = iter(messages)

        async def replayed() -> Message:
            try:
                return next(replay)
            except StopIteration:
                return await receive()

        await self.app(scope, replayed, send)

    async def _drain(self, receive: Receive, total: int) -> None:
        while total < DRAIN_LIMIT:
            message = await receive()
            if message["type"] != "http.request":
                return
            total += len(message.get("body", b""))
            if not message.get("more_body", False):
                return

    async def _too_large(self, scope: Scope, send: Send) -> None:
        from coprod.i18n import _

        # in the request's language: web.language's middleware runs outside this one
        text = _("Too much was sent: the limit is %(kb)d KB.") % {"kb": self.limit // 1024}
        body = (text + "\n").encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class TryLimit:
    """Wrong guesses of the short code: at most ``per_client`` per client and ``overall``
    in all within ``window`` seconds; past either, every try is refused until they age."""

    def __init__(
        self,
        per_client: int = 5,
        overall: int = 30,
        window: float = 600,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_client = per_client
        self.overall = overall
        self.window = window
        self.clock = clock
        self._all: deque[float] = deque()
        self._by_client: dict[str, deque[float]] = {}

    def _expire(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self.window:
            times.popleft()

    def blocked(self, client: str) -> bool:
        now = self.clock()
        self._expire(self._all, now)
        mine = self._by_client.get(client)
        if mine is not None:
            self._expire(mine, now)
            if not mine:
                del self._by_client[client]
                mine = None
        return len(self._all) >= self.overall or (mine is not None and len(mine) >= self.per_client)

    def failed(self, client: str) -> None:
        now = self.clock()
        self._all.append(now)
        self._by_client.setdefault(client, deque()).append(now)
