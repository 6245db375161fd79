"""sse-starlette: when ``coprod workshop`` is stopped, coprod sets the process-global
``AppStatus.should_exit`` so that open event streams (the facilitator page's live
view) end at once, properly, instead of being cut off when uvicorn's graceful
shutdown runs out. Run in its own process: it sends itself a signal.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # fresh processes: a second or more

SERVER = r"""
import os, signal, socket, threading
import anyio, uvicorn
from sse_starlette.sse import AppStatus, EventSourceResponse
from coprod.web.server import Server

async def app(scope, receive, send):
    shutdown = anyio.Event()  # as coprod's event stream: set when the server stops

    async def stream():
        yield {"event": "update", "data": "first"}
        await shutdown.wait()

    response = EventSourceResponse(stream(), ping=15, shutdown_event=shutdown)
    await response(scope, receive, send)

server = Server(app)
server.early_signals()
sock = socket.socket()
sock.bind(("127.0.0.1", 0))
sock.listen()
port = sock.getsockname()[1]
received = []

def listen():
    while not server.server.started:
        threading.Event().wait(0.01)
    client = socket.create_connection(("127.0.0.1", port))
    client.sendall(b"GET /events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    data = b""
    while b"first" not in data:
        data += client.recv(4096)
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, with the stream open
    while chunk := client.recv(4096):
        data += chunk
    received.append(data)

listener = threading.Thread(target=listen, daemon=True)
listener.start()
server.run([sock])
listener.join(30)
print("should_exit", AppStatus.should_exit)
print("stream ended properly", received[0].endswith(b"0\r\n\r\n"))
"""


def test_sse_starlette_app_status_should_exit_ends_open_streams() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SERVER], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["should_exit True", "stream ended properly True"]
