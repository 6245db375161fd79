"""``coprod workshop`` end to end: the installed command, a real uvicorn on 127.0.0.1."""

from __future__ import annotations

import re
import signal
import socket
import threading
import time
from pathlib import Path

import httpx2 as httpx
import pexpect
import pytest
import yaml
from helpers.server import Server, free_port
from helpers.terminal import clean_env, coprod_executable

from coprod.core.models import Content

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]


def start(tmp_path: Path, *args: str, out: str = "ws") -> Server:
    return Server(["--out", out, *args], tmp_path).wait_ready()


def test_prints_the_urls_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    server = start(tmp_path, "--project", "Space in Common", "--port", str(port))
    assert server.join == server.lines[0].split()[-1]  # no QR code when not a terminal
    assert re.fullmatch(rf"http://127\.0\.0\.1:{port}/j/[A-Za-z0-9_-]{{32}}/", server.join)
    assert re.fullmatch(rf"http://127\.0\.0\.1:{port}/f/[A-Za-z0-9_-]{{32}}/", server.facilitator)
    with httpx.Client() as client:
        assert client.get(server.join).status_code == 200
        assert client.get(server.facilitator).status_code == 200
    assert server.stop(signal.SIGTERM) == 0
    rest, err = server.rest_of_output()
    summary = "\n".join(rest)
    code_line = next(line for line in rest if line.startswith("No camera?"))
    assert f"http://127.0.0.1:{port}/code" in code_line
    assert re.search(r"type the code [A-Z2-9]{3}-[A-Z2-9]{3}$", code_line)
    assert not [line for line in server.lines + rest if "join" in line][1:]  # one join line
    assert "hotspot" in summary  # what to do when phones cannot connect
    assert "Workshop stopped: 0 participants, 0 finished." in summary
    assert "coprod team" not in summary  # nobody joined: no answers to read together
    assert "Traceback" not in err and "ERROR" not in err, err


def test_ctrl_c_with_the_facilitator_page_open_exits_0_without_errors(tmp_path: Path) -> None:
    server = start(tmp_path, "--project", "P", "--port", str(free_port()))
    received: list[str] = []

    def listen() -> None:
        try:
            with httpx.Client(timeout=30) as client:
                url = server.facilitator + "events?since=-1"
                with client.stream("GET", url) as stream:
                    for line in stream.iter_lines():
                        received.append(line)
        except httpx.HTTPError:
            received.append("<cut off>")

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    deadline = time.monotonic() + 10
    while not any(line.startswith("event: update") for line in received):
        assert time.monotonic() < deadline, received
        time.sleep(0.05)
    assert server.stop(signal.SIGINT) == 0
    _, err = server.rest_of_output()
    assert "Traceback" not in err and "ERROR" not in err, err
    listener.join(timeout=10)
    assert "<cut off>" not in received  # the stream was ended, not torn


def test_live_updates_are_pushed_and_coalesced(tmp_path: Path, content: Content) -> None:
    server = start(tmp_path, "--project", "P", "--quick", "--port", str(free_port()))
    events: list[tuple[float, str]] = []
    data: list[str] = []

    def listen() -> None:
        with httpx.Client(timeout=30) as client:
            url = server.facilitator + "events?since=0"
            with client.stream("GET", url) as stream:
                for line in stream.iter_lines():
                    if line.startswith("data: "):
                        data.append(line)
                    if line == "" and data:
                        events.append((time.monotonic(), "\n".join(data)))
                        data.clear()

    threading.Thread(target=listen, daemon=True).start()
    time.sleep(0.5)
    assert events == []  # nothing changed since the page was drawn
    phone = httpx.Client(base_url=server.join.rstrip("/"))
    sent = time.monotonic()
    assert phone.post("/about", data={"nav": "next"}).status_code == 303
    for practice in content.practices:  # seven answers in a burst
        response = phone.post(f"/practice/{practice.id}", data={practice.id: "2", "nav": "next"})
        assert response.status_code == 303
    posting = time.monotonic() - sent
    time.sleep(2.5)
    answers = 1 + len(content.practices)
    # coalesced: at most one push per half second, not one per answer
    assert 1 <= len(events) <= min(answers - 1, 2 + int(posting / 0.5)), (
        posting,
        [t - sent for t, _ in events],
    )
    last = events[-1][1]
    assert 'id="joined">1<' in last
    assert last.count('class="value">1 of 1<') == len(content.practices)
    phone.close()
    assert server.stop() == 0


def test_kill_9_mid_answer_loses_no_acknowledged_answer(tmp_path: Path, content: Content) -> None:
    port = free_port()
    server = start(tmp_path, "--project", "P", "--port", str(port))  # full assessments
    statements = [(p, s) for p in content.practices for s in p.statements]
    acknowledged: dict[int, dict[str, int]] = {}
    cookies: dict[int, httpx.Cookies] = {}
    stop = threading.Event()
    counts = [0, 0, 0, 0]

    def phone(number: int) -> None:
        mine: dict[str, int] = {}
        acknowledged[number] = mine
        with httpx.Client(base_url=server.join.rstrip("/"), timeout=10) as client:
            try:
                client.post("/about", data={"respondent_name": f"Phone {number}", "nav": "next"})
                cookies[number] = client.cookies
                criteria = {c.id: "yes" for c in content.all_criteria()}
                client.post("/criteria", data={**criteria, "nav": "next"})
                for i, (practice, statement) in enumerate(statements):
                    if stop.is_set():
                        return
                    value = (i + number) % 5
                    response = client.post(
                        f"/practice/{practice.id}", data={statement.id: str(value), "nav": "next"}
                    )
                    if response.status_code == 303:  # acknowledged
                        mine[statement.id] = value
                        counts[number] += 1
            except httpx.HTTPError:
                return  # the server went away mid-request: that answer was never acknowledged

    threads = [threading.Thread(target=phone, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while min(counts) < 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    server.process.kill()  # kill -9, phones still posting
    server.process.wait(timeout=10)
    stop.set()
    for thread in threads:
        thread.join(timeout=20)
    assert min(counts) >= 5

    again = Server(["--out", "ws"], tmp_path).wait_ready()  # no flags: the workshop's own
    assert (again.join, again.facilitator) == (server.join, server.facilitator)
    files = sorted((tmp_path / "ws").glob("participant-*.yaml"))
    assert len(files) == 4
    by_name = {}
    for path in files:
        data = yaml.safe_load(path.read_text())
        by_name[data["respondent"]["name"]] = data["ratings"]
    for number, answers in acknowledged.items():
        saved = by_name[f"Phone {number}"]
        missing = {k: v for k, v in answers.items() if saved.get(k) != v}
        assert not missing, f"phone {number} lost acknowledged answers: {missing}"
    # each phone carries on where it stopped, with its cookie
    with httpx.Client(cookies=cookies[0]) as client:
        response = client.get(again.join, follow_redirects=False)
        assert response.status_code == 303
        assert "/practice/" in response.headers["location"]
    assert again.stop() == 0
    rest, _ = again.rest_of_output()
    assert "Workshop stopped: 4 participants, 0 finished." in rest


def test_restart_keeps_settings_and_reports_disagreeing_flags(tmp_path: Path) -> None:
    port = str(free_port())
    first = start(tmp_path, "--project", "Space in Common", "--port", port)
    assert first.stop() == 0
    first.rest_of_output()
    args = ["--project", "Other", "--quick", "--anonymous", "--max-participants", "5"]
    again = start(tmp_path, *args)
    assert again.join == first.join
    assert any("Carrying on the workshop for Space in Common" in line for line in again.lines)
    assert again.stop() == 0
    _, err = again.rest_of_output()
    for flag in ("--project", "--quick", "--anonymous", "--max-participants"):
        assert flag in err, err
    state = (tmp_path / "ws" / ".coprod-workshop.json").read_text()
    assert '"mode": "full"' in state and '"max_participants": 200' in state


def test_a_new_workshop_needs_a_project(tmp_path: Path) -> None:
    import subprocess

    done = subprocess.run(
        [coprod_executable(), "workshop", "--host", "127.0.0.1", "--port", "0"],
        cwd=tmp_path,
        env=clean_env(NO_COLOR="1"),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert "--project" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    import subprocess

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        address = ["--host", "127.0.0.1", "--port", str(port)]
        done = subprocess.run(
            [coprod_executable(), "workshop", "--project", "P", "--out", "ws", *address],
            cwd=tmp_path,
            env=clean_env(NO_COLOR="1"),
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert done.returncode == 2
    assert f"127.0.0.1:{port}" in done.stderr and "--port" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_large_body_gets_413_not_a_reset(tmp_path: Path) -> None:
    server = start(tmp_path, "--project", "P", "--port", str(free_port()))
    with httpx.Client() as client:
        response = client.post(server.join + "about", data={"respondent_name": "x" * 200_000})
        assert response.status_code == 413
        # the same without a declared length (chunked): counted as it arrives
        chunks = iter([b"respondent_name=" + b"x" * 9_000] + [b"x" * 10_000] * 9)
        headers = {"content-type": "application/x-www-form-urlencoded"}
        chunked = client.post(server.join + "about", content=chunks, headers=headers)
        assert chunked.status_code == 413
        assert client.get(server.join).status_code == 200
    assert list((tmp_path / "ws").glob("*.yaml")) == []
    assert server.stop() == 0


def test_a_terminal_gets_a_qr_code(tmp_path: Path) -> None:
    env = clean_env(TERM="xterm", COLUMNS="120", LINES="60")
    child = pexpect.spawn(
        coprod_executable(),
        ["workshop", "--project", "P", "--host", "127.0.0.1", "--port", str(free_port())],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(60, 120),
    )
    child.expect("Participants join at")
    before = child.before
    child.expect("The facilitator page")
    child.kill(signal.SIGINT)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    qr_rows = [line for line in before.splitlines() if "█" in line or "▀" in line]
    assert len(qr_rows) >= 10, before


def test_a_facilitator_page_older_than_the_server_is_brought_up_to_date(tmp_path: Path) -> None:
    """After a restart the browser reconnects with an event id the new server never
    sent: it gets the current view at once instead of waiting for the next answer."""
    server = start(tmp_path, "--project", "P", "--port", str(free_port()))
    with httpx.Client(timeout=10) as client:
        for headers, url in (
            ({}, server.facilitator + "events?since=999"),
            ({"Last-Event-ID": "999"}, server.facilitator + "events?since=0"),
        ):
            # no answer comes: without the update at once, the read times out and fails
            with client.stream("GET", url, headers=headers) as stream:
                updates = (line for line in stream.iter_lines() if line == "event: update")
                assert next(updates, None) == "event: update"
    assert server.stop() == 0
