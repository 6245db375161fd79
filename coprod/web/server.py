"""Serving the workshop: the listening socket, the address to show, uvicorn with our signals."""

from __future__ import annotations

import socket
from typing import Any

from coprod.errors import CoprodError


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


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class Server:
    """uvicorn's server with its signal handling taken over: Ctrl-C and SIGTERM stop it
    gracefully and the command then exits 0 (uvicorn itself re-raises the signal).

    The handlers are installed before the addresses are printed, so a signal that
    arrives before uvicorn is listening still stops it cleanly.
    """

    def __init__(self, app: Any) -> None:
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

            def handle_exit(self, sig: int, frame: Any) -> None:
                from sse_starlette.sse import AppStatus

                AppStatus.should_exit = True  # open event streams end now
                super().handle_exit(sig, frame)

        config = uvicorn.Config(
            app,
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=3,
            lifespan="off",
            server_header=False,
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
