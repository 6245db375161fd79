"""uvicorn: ``coprod workshop`` overrides ``Server.capture_signals`` (and ``handle_exit``)
so that Ctrl-C or SIGTERM stops the server gracefully and the command goes on to print
its summary and exit 0; uvicorn's own handling re-raises the signal once it has shut
down, which would kill the process before the summary. A signal that comes before
uvicorn listens is kept and stops it as soon as it starts.

Each case runs in its own process (a signal that is not handled would end pytest).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # fresh processes: a second or more

SERVER = r"""
import os, signal, socket, sys, threading, time
import uvicorn
from coprod.web.server import Server

async def app(scope, receive, send):
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})

when, sig = sys.argv[1], getattr(signal, sys.argv[2])
server = Server(app)
server.early_signals()
sock = socket.socket()
sock.bind(("127.0.0.1", 0))
sock.listen()

def send_signal():
    while not server.server.started:
        time.sleep(0.01)
    os.kill(os.getpid(), sig)

if when == "before":
    os.kill(os.getpid(), sig)
else:
    threading.Thread(target=send_signal, daemon=True).start()
server.run([sock])
print("stopped cleanly", flush=True)
"""


@pytest.mark.parametrize(("when", "sig"), [("running", "SIGINT"), ("before", "SIGTERM")])
def test_uvicorn_server_capture_signals_stops_gracefully(when: str, sig: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SERVER, when, sig], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, (result.returncode, result.stderr)
    assert result.stdout == "stopped cleanly\n", result.stderr
