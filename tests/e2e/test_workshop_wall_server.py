"""``coprod workshop`` for the wall, end to end: the Projector line, the same port on a
restart, never merging a new group into an earlier workshop, the progress line."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
from pathlib import Path

import httpx2 as httpx
import pytest
from helpers.server import Server, free_port
from helpers.terminal import clean_env, coprod_executable


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [coprod_executable(), "workshop", "--host", "127.0.0.1", *args],
        cwd=tmp_path,
        env=clean_env(NO_COLOR="1"),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.e2e
@pytest.mark.timeout(120)
def test_the_projector_line_and_a_wall_that_changes_nothing(tmp_path: Path) -> None:
    port = free_port()
    server = Server(["--project", "P", "--port", str(port), "--out", "ws"], tmp_path).wait_ready()
    join, fac, wall = server.lines[-3:]
    assert join.startswith("Participants join at:") and fac.startswith("The facilitator page")
    assert "Projector" in wall and server.projector == wall.split()[-1]
    assert server.projector.startswith(f"http://127.0.0.1:{port}/w/")
    secret = server.projector.rstrip("/").rsplit("/", 1)[-1]
    with httpx.Client() as client:
        assert client.get(server.projector).status_code == 200
        assert client.post(server.projector, data={"slide": "room"}).status_code == 404
        origin = f"http://127.0.0.1:{port}"
        assert client.post(f"{origin}/f/{secret}/reveal", data={"show": "show"}).status_code == 404
        assert client.get(f"{origin}/f/{secret}/team-share.md").status_code == 404
        assert server.projector in client.get(server.facilitator).text  # the console links it
    assert server.stop() == 0


@pytest.mark.e2e
@pytest.mark.timeout(120)
def test_a_restart_keeps_its_port_and_says_plainly_when_it_is_taken(tmp_path: Path) -> None:
    port = free_port()
    first = Server(["--project", "P", "--port", str(port), "--out", "ws"], tmp_path).wait_ready()
    assert first.stop() == 0
    first.rest_of_output()
    again = Server(["--out", "ws"], tmp_path).wait_ready()  # no --port: the workshop's own
    assert (again.join, again.facilitator, again.projector) == (
        first.join,
        first.facilitator,
        first.projector,
    )
    assert again.stop() == 0
    again.rest_of_output()
    with socket.socket() as busy:  # something else took the port meanwhile
        busy.bind(("127.0.0.1", port))
        busy.listen(1)
        moved = Server(["--out", "ws"], tmp_path).wait_ready()
        assert moved.stop() == 0
    _, err = moved.rest_of_output()
    assert f"port {port} is taken" in err and "the addresses below are new" in err
    assert f":{port}/" not in moved.join
    assert moved.join.split("/j/")[1] == first.join.split("/j/")[1]  # the same secrets


@pytest.mark.e2e
@pytest.mark.timeout(120)
def test_the_default_folder_is_never_merged_into_silently(tmp_path: Path) -> None:
    slug = f"workshop-riverside-{dt.date.today().isoformat()}"
    first = Server(["--project", "Riverside", "--port", str(free_port())], tmp_path).wait_ready()
    with httpx.Client() as phone:
        phone.post(first.join + "about", data={"nav": "next"})
    assert first.stop() == 0
    first.rest_of_output()
    refused = run(tmp_path, "--project", "Riverside", "--port", str(free_port()))
    assert refused.returncode == 2
    assert slug in refused.stderr and "1 person so far" in refused.stderr
    assert "--out" in refused.stderr and "--new" in refused.stderr
    assert "Traceback" not in refused.stderr
    new = Server(
        ["--project", "Riverside", "--new", "--port", str(free_port())], tmp_path
    ).wait_ready()
    assert new.stop() == 0
    rest, _ = new.rest_of_output()
    assert any(f"{slug}-2/" in line for line in rest)
    assert len(list((tmp_path / slug).glob("participant-*.yaml"))) == 1
    assert list((tmp_path / f"{slug}-2").glob("participant-*.yaml")) == []
    # --new with an --out that holds a workshop: refused, naming it
    both = run(tmp_path, "--out", slug, "--new", "--port", "0")
    assert both.returncode == 2 and slug in both.stderr and "--out" in both.stderr


@pytest.mark.e2e
@pytest.mark.timeout(120)
def test_in_a_terminal_it_asks_whether_to_carry_on_or_start_anew(tmp_path: Path) -> None:
    import signal

    import pexpect

    slug = f"workshop-p-{dt.date.today().isoformat()}"
    first = Server(["--project", "P", "--port", str(free_port())], tmp_path).wait_ready()
    assert first.stop() == 0
    first.rest_of_output()
    child = pexpect.spawn(
        coprod_executable(),
        ["workshop", "--project", "P", "--host", "127.0.0.1", "--port", str(free_port())],
        cwd=str(tmp_path),
        env=clean_env(TERM="xterm", COLUMNS="120", LINES="60"),
        encoding="utf-8",
        timeout=30,
        dimensions=(60, 120),
    )
    child.expect("already holds a workshop")
    child.expect("Carry on \\(0 people so far\\)")
    child.send("n")
    child.send("\r")
    child.expect("Projector")
    child.kill(signal.SIGINT)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / f"{slug}-2" / ".coprod-workshop.json").is_file()
