"""Serving the workshop: the listening socket, the address to show, uvicorn with our signals,
and the limits that keep one misbehaving device from locking the room's phones out.

One device on the Wi-Fi can open a thousand connections and never finish a request.
uvicorn alone keeps each one open until the process runs out of file descriptors; then
no phone can join and the terminal fills with "Too many open files" tracebacks. So:

* a request's headers and body must arrive within :data:`REQUEST_SECONDS` of the
  connection opening (or of the previous response), else the connection is closed;
* one client address holds at most :data:`PER_CLIENT` connections, and everyone at most
  :data:`MAX_CONNECTIONS` (fewer if the open-file limit is low); a connection past
  either is closed as soon as it is accepted;
* the open-file soft limit is raised to the hard limit at start-up;
* when a limit bites, the terminal gets one plain warning line (at most one a minute for
  each client and kind), never a traceback.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import sys
import time
from collections import Counter
from typing import Any

from coprod.errors import CoprodError
from coprod.i18n import _
from coprod.render.safe import terminal_safe

REQUEST_SECONDS = 15.0  # headers and body, from the connection (or the last response)
PER_CLIENT = 32  # a browser opens about six per site; a laptop with several tabs, more
MAX_CONNECTIONS = 4000
RESERVED_FILES = 100  # for the answers files, the state file, the templates, the logs
SAY_EVERY = 60.0  # seconds between two warnings of the same kind


def lan_address() -> str:
    """This machine's address on the local network, or 127.0.0.1.

    Connecting a UDP socket sends no packet: it only asks the system which local
    address it would use for that destination (a documentation address, never
    reached).
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))
        address = str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()
    return address if address and not address.startswith("0.") else "127.0.0.1"


def is_loopback(host: str) -> bool:
    """Whether ``host`` (127.0.0.1, localhost, ::1) is reachable from this machine only."""
    import ipaddress

    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        reason = exc.strerror or str(exc)
        from coprod.i18n import _

        raise CoprodError(
            _("cannot listen on %(address)s: %(reason)s")
            % {"address": f"{host}:{port}", "reason": reason},
            hint=_("Choose another port with --port, or another address with --host."),
        ) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


#: The garbage collector's thresholds while serving (see :func:`settle_memory`).
COLLECT_AFTER = (20_000, 20, 20)


def settle_memory() -> None:
    """Before serving: what the server has loaded (the content in each language, the
    app) is set aside from the garbage collector's scans, and it scans ten times less
    often. A room answering at once makes many short-lived objects and few cycles: with
    Python's default thresholds a full room spent about a twelfth of the server's time
    collecting, mostly rescanning what was loaded at the start."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(*COLLECT_AFTER)


def raise_open_file_limit() -> int:
    """Raise the open-file soft limit to the hard limit; the soft limit now in force."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return MAX_CONNECTIONS + RESERVED_FILES
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return MAX_CONNECTIONS + RESERVED_FILES
    target = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
    if target <= soft:
        return soft
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ValueError, OSError):  # macOS caps it below an "unlimited" hard limit
        return soft
    return target


class Limits:
    """How many connections each client address and everyone may hold; what to say when
    a limit bites (one plain line a minute per client and kind)."""

    def __init__(
        self,
        per_client: int = PER_CLIENT,
        total: int = MAX_CONNECTIONS,
        request_seconds: float = REQUEST_SECONDS,
    ) -> None:
        self.per_client = per_client
        self.total = total
        self.request_seconds = request_seconds
        self.open: Counter[str] = Counter()
        self._said: dict[tuple[str, str], float] = {}

    def admit(self, client: str) -> bool:
        from coprod.i18n import _

        if sum(self.open.values()) >= self.total:
            self.say(
                "all",
                "",
                _(
                    "the workshop has %(n)d connections open, its limit: new ones are refused "
                    "until some close"
                )
                % {"n": self.total},
            )
            return False
        if self.open[client] >= self.per_client:
            self.say(
                "client",
                client,
                _(
                    "%(client)s has %(n)d connections open, the most one device may have: "
                    "its new ones are refused (the other phones carry on)"
                )
                % {"client": client, "n": self.per_client},
            )
            return False
        self.open[client] += 1
        return True

    def leave(self, client: str) -> None:
        self.open[client] -= 1
        if self.open[client] <= 0:
            del self.open[client]

    def too_slow(self, client: str) -> None:
        from coprod.i18n import _

        self.say(
            "slow",
            client,
            _(
                "%(client)s did not finish sending a request within %(s)d seconds: its "
                "connection was closed"
            )
            % {"client": client, "s": round(self.request_seconds)},
        )

    def say(self, kind: str, client: str, message: str) -> None:
        now = time.monotonic()
        last = self._said.get((kind, client))
        if last is not None and now - last < SAY_EVERY:
            return
        self._said[(kind, client)] = now
        # Written plainly, with nothing left to import: this runs when the process may
        # have no file descriptor to spare for opening a module.
        label = _("warning")
        try:
            sys.stderr.write(f"{terminal_safe(label)}: {terminal_safe(message)}\n")
            sys.stderr.flush()
        except (OSError, ValueError):  # stderr closed or full: the limit still holds
            pass

    def loop_error(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """asyncio's own errors (an accept that found no file descriptor left): one line."""
        from coprod.i18n import _

        exc = context.get("exception")
        if isinstance(exc, OSError) and exc.errno in (errno.EMFILE, errno.ENFILE):
            self.say(
                "files",
                "",
                _(
                    "the laptop ran out of open files: new connections wait until some close "
                    "(the open-file limit is too low)"
                ),
            )
            return
        detail = f"{type(exc).__name__}: {exc}" if exc else str(context.get("message", "?"))
        self.say(
            "loop", detail[:200], _("the server had a problem: %(error)s") % {"error": detail[:200]}
        )


def limits_for(open_files: int) -> Limits:
    """The limits for a server that may hold ``open_files`` files."""
    total = max(16, min(MAX_CONNECTIONS, open_files - RESERVED_FILES))
    return Limits(per_client=min(PER_CLIENT, total), total=total)


def guarded_protocol(limits: Limits) -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol with :class:`Limits` applied to each connection."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    done = (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR)

    class Guarded(H11Protocol):
        _peer: str | None = None
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            peer = transport.get_extra_info("peername")
            client = str(peer[0]) if isinstance(peer, tuple) and peer else "?"
            if not limits.admit(client):
                transport.abort()  # refused at the door: no file descriptor kept
                return
            self._peer = client
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            if self._peer is None:
                return  # refused at the door: nothing was set up
            limits.leave(self._peer)
            self._peer = None
            self._disarm()
            super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state in done:
                self._disarm()  # the whole request is in

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if self.conn.their_state not in done and not self.transport.is_closing():
                self._arm()  # the next request on this connection: the same deadline

        def _arm(self) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(limits.request_seconds, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            self._deadline = None
            if self._peer is not None and not self.transport.is_closing():
                limits.too_slow(self._peer)
                self.transport.close()

    return Guarded


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class Server:
    """uvicorn's server with its signal handling taken over: Ctrl-C and SIGTERM stop it
    gracefully and the command then exits 0 (uvicorn itself re-raises the signal).

    The handlers are installed before the addresses are printed, so a signal that
    arrives before uvicorn is listening still stops it cleanly.
    """

    def __init__(self, app: Any, limits: Limits | None = None) -> None:
        import contextlib
        import signal
        import threading

        import uvicorn

        outer = self
        self.stop_requested = False
        self._signals = (signal.SIGINT, signal.SIGTERM)

        class Server(uvicorn.Server):
            @contextlib.contextmanager
            def capture_signals(self) -> Any:
                if threading.current_thread() is not threading.main_thread():
                    yield
                    return
                previous = {sig: signal.signal(sig, self.handle_exit) for sig in outer._signals}
                if outer.stop_requested:
                    self.should_exit = True
                try:
                    yield
                finally:
                    for sig, handler in previous.items():
                        signal.signal(sig, handler)

            async def startup(self, sockets: list[socket.socket] | None = None) -> None:
                asyncio.get_running_loop().set_exception_handler(outer.limits.loop_error)
                await super().startup(sockets=sockets)

            def handle_exit(self, sig: int, frame: Any) -> None:
                from sse_starlette.sse import AppStatus

                AppStatus.should_exit = True  # open event streams end now
                super().handle_exit(sig, frame)

        self.limits = limits or limits_for(raise_open_file_limit())
        config = uvicorn.Config(
            app,
            http=guarded_protocol(self.limits),
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=3,
            lifespan="off",
            server_header=False,
            # phones reach the laptop directly: no proxy's X-Forwarded-For is trusted
            # (the connection limits are per phone's own address)
            proxy_headers=False,
        )
        self.server = Server(config)

    def early_signals(self) -> None:
        """Until uvicorn runs, a signal only asks it to stop as soon as it starts."""
        import signal
        import threading

        if threading.current_thread() is not threading.main_thread():
            return

        def request_stop(sig: int, frame: Any) -> None:
            self.stop_requested = True

        for sig in self._signals:
            signal.signal(sig, request_stop)

    def run(self, sockets: list[socket.socket]) -> None:
        self.server.run(sockets=sockets)
