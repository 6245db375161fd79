"""web.server under a real load: requests that never end, connection and open-file limits, a cross-site page in a real browser."""

from __future__ import annotations

import signal
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest
from helpers.server import Server as CommandServer
from helpers.server import free_port
from helpers.workshop import app_for, make_workshop

from coprod.core.models import Content
from coprod.web.server import Limits, Server, bind

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]


PHONE = "127.0.0.2"


def loopback_alias_works() -> bool:
    try:
        with socket.socket() as probe:
            probe.bind((PHONE, 0))
        return True
    except OSError:
        return False


needs_alias = pytest.mark.skipif(not loopback_alias_works(), reason="no 127.0.0.2 here")


def half_request(port: int, source: str = "127.0.0.1", body: bool = False) -> socket.socket:
    """A connection that starts a request and never finishes it (headers, or the body)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30, source_address=(source, 0))
    if body:
        sock.sendall(b"POST /code HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\ncode=A")
    else:
        sock.sendall(b"GET /code HTTP/1.1\r\nHost: x\r\n")  # no blank line: headers unfinished
    return sock


def closed_by_server(sock: socket.socket, wait: float = 30) -> bool:
    """Whether the server closed this connection (waits up to ``wait`` seconds)."""
    sock.settimeout(wait)
    try:
        return sock.recv(1024) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def phone_client(port: int) -> httpx.Client:
    transport = httpx.HTTPTransport(local_address=PHONE)
    return httpx.Client(transport=transport, base_url=f"http://127.0.0.1:{port}", timeout=30)


@pytest.fixture
def served(tmp_path: Path, content: Content) -> Iterator[tuple[int, object, Server]]:
    """The workshop app under our uvicorn Server, in a thread, with small limits."""
    workshop = make_workshop(tmp_path / "ws", content)
    sock = bind("127.0.0.1", 0)
    port = int(sock.getsockname()[1])
    server = Server(app_for(workshop), Limits(per_client=4, total=10, request_seconds=0.5))
    thread = threading.Thread(target=server.run, args=([sock],), daemon=True)
    thread.start()
    with httpx.Client() as probe:
        for _ in range(200):
            try:
                probe.get(f"http://127.0.0.1:{port}/code", timeout=1)
                break
            except httpx.HTTPError:
                threading.Event().wait(0.05)
    yield port, workshop, server
    server.server.should_exit = True
    thread.join(timeout=20)
    sock.close()


def test_a_request_whose_headers_never_end_is_closed(served) -> None:  # type: ignore[no-untyped-def]
    port, _, _ = served
    sock = half_request(port)
    assert closed_by_server(sock)
    sock.close()


def test_a_request_whose_body_never_ends_is_closed(served) -> None:  # type: ignore[no-untyped-def]
    port, _, _ = served
    sock = half_request(port, body=True)
    assert closed_by_server(sock)
    sock.close()
    with httpx.Client() as client:  # and the server is still there for everyone else
        assert client.get(f"http://127.0.0.1:{port}/code").status_code == 200


@needs_alias
def test_one_device_past_its_connection_limit_does_not_stop_a_phone(  # type: ignore[no-untyped-def]
    served, capsys: pytest.CaptureFixture[str]
) -> None:
    port, workshop, _ = served
    held = [half_request(port) for _ in range(12)]  # three times what one device may hold
    try:
        refused = [s for s in held[4:] if closed_by_server(s, wait=5)]
        assert len(refused) == 8  # past the limit: closed at once, no file kept open
        with phone_client(port) as phone:
            join = f"/j/{workshop.settings.join_token}"
            assert phone.get(f"{join}/").status_code == 200
            posted = phone.post(f"{join}/about", data={"nav": "next"}, follow_redirects=False)
            assert posted.status_code == 303
        assert len(workshop.participants) == 1
    finally:
        for sock in held:
            sock.close()
    said = [line for line in capsys.readouterr().err.splitlines() if "127.0.0.1" in line]
    assert len(said) == 1 and "connections open" in said[0]  # one plain line, not a flood
    assert "127.0.0.2" not in "\n".join(said)


def test_one_warning_a_minute_whatever_the_flood(capsys: pytest.CaptureFixture[str]) -> None:
    limits = Limits(per_client=1, total=100)
    assert limits.admit("10.0.0.9")
    for _ in range(500):
        limits.admit("10.0.0.9")
    limits.admit("10.0.0.9")
    shown = capsys.readouterr().err.splitlines()
    assert len(shown) == 1 and shown[0].startswith("warning: ")  # 501 refusals, one line
    limits.leave("10.0.0.9")
    assert limits.admit("10.0.0.9")  # a closed connection makes room again


@needs_alias
def test_the_command_with_a_low_open_file_limit_keeps_the_phones_working(
    tmp_path: Path, content: Content
) -> None:
    # 256 open files: without limits, 300 half-sent requests would take them all
    server = CommandServer(
        ["--out", "ws", "--project", "P", "--port", str(free_port())], tmp_path, open_files=256
    ).wait_ready()
    origin = server.join.split("/j/")[0]
    port = int(origin.rsplit(":", 1)[1])
    held = []
    try:
        for _ in range(300):
            try:
                held.append(half_request(port))
            except OSError:
                break
        assert len(held) == 300
        with phone_client(port) as phone:
            assert phone.get(server.join).status_code == 200
            posted = phone.post(server.join + "about", data={"nav": "next"}, follow_redirects=False)
            assert posted.status_code == 303
            page = phone.get(server.facilitator)
            assert page.status_code == 200 and 'id="joined">1<' in page.text
    finally:
        for sock in held:
            sock.close()
    assert server.stop(signal.SIGTERM) == 0
    rest, err = server.rest_of_output()
    assert "Traceback" not in err and "Too many open files" not in err, err[:2000]
    lines = [line for line in err.splitlines() if "127.0.0.1 has" in line]
    assert len(lines) == 1 and lines[0].startswith("warning:"), err[:2000]
    assert "Workshop stopped: 1 participant, 0 finished." in "\n".join(rest)


@pytest.mark.chromium
@pytest.mark.timeout(180)
def test_a_page_on_another_site_cannot_post_to_the_workshop_in_a_real_browser(
    tmp_path: Path,
) -> None:
    import http.server
    import shutil

    if shutil.which("chromium") is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from helpers.chromium import ARGS, CHROMIUM, PHONE
    from playwright.sync_api import sync_playwright

    server = CommandServer(["--out", "ws", "--project", "P", "--port", str(free_port())], tmp_path)
    server.wait_ready()
    evil = (
        f'<form method="post" action="{server.join}about">'
        '<input name="respondent_name" value="Mallory"><button>Win a prize</button></form>'
    ).encode()

    class Evil(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/html")
            self.end_headers()
            self.wfile.write(evil)

        def log_message(self, *args: object) -> None:
            pass

    elsewhere = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Evil)
    threading.Thread(target=elsewhere.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            phone = browser.new_context(**PHONE).new_page()
            phone.goto(server.join)  # the phone has joined the workshop's page before
            phone.goto(f"http://127.0.0.1:{elsewhere.server_address[1]}/")
            with phone.expect_navigation() as sent:
                phone.get_by_role("button", name="Win a prize").click()
            response = sent.value
            assert response is not None and response.status == 403
            assert "another site" in phone.content()
            # the workshop's own page still works in the same browser
            phone.goto(server.join)
            phone.get_by_role("button", name="Start").click()
            phone.wait_for_url("**/criteria")
            browser.close()
    finally:
        elsewhere.shutdown()
    names = [p.read_text() for p in (tmp_path / "ws").glob("participant-*.yaml")]
    assert len(names) == 1 and "Mallory" not in names[0]
    assert server.stop() == 0
