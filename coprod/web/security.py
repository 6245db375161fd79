"""ASGI middleware: security headers on every response, and the 64 KB body limit."""

from __future__ import annotations

import base64
import hashlib
import re
import time
from collections import deque
from collections.abc import Callable

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
    b"referrer-policy": b"no-referrer",
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
    """Adds CSP, nosniff, no-referrer and no framing to every response (a route's own CSP
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

        await self.app(scope, receive, send_with_headers)


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
