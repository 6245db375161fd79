"""The workshop's first minutes (issue 22, item 20): --open, a QR code phones cannot reach,
the glossary's citation once."""

from __future__ import annotations

import re
import threading
import webbrowser
from pathlib import Path
from typing import Any

import pytest

from coprod.web.server import is_loopback


class FakeBrowser:
    """Stands in for the default browser: records what it was asked to open."""

    def __init__(self, name: str = "firefox") -> None:
        self.name = name
        self.opened: list[tuple[str, int]] = []
        self.done = threading.Event()

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append((url, new))
        self.done.set()
        return True


@pytest.fixture
def serve_briefly(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The workshop prints its addresses, then 'serves' until ``finished`` is set (10 s at most)."""
    finished = threading.Event()
    monkeypatch.setattr("coprod.web.server.Server.early_signals", lambda self: None)
    monkeypatch.setattr(
        "coprod.web.server.Server.run", lambda self, sockets: finished.wait(10) and None
    )
    return finished


def workshop(invoke: Any, tmp_path: Path, *options: str) -> Any:
    folder = str(tmp_path / "ws")
    return invoke("workshop", "--project", "P", "--out", folder, "--port", "0", *options)


def test_open_shows_the_console_in_the_default_browser(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, serve_briefly: threading.Event
) -> None:
    browser = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    monkeypatch.setattr(
        "coprod.web.server.Server.run", lambda self, sockets: browser.done.wait(10) and None
    )
    result = workshop(invoke, tmp_path, "--host", "127.0.0.1", "--open")
    assert result.exit_code == 0, result.stderr
    ((url, new),) = browser.opened
    assert new == 2  # a new tab
    # the browser is given a link that opens the console once, not the console's secret
    # address: a command line can be read by every account on the laptop
    console = re.search(r"The facilitator page \(keep it to yourself\): (\S+)", result.stdout)
    assert console is not None
    secret = console.group(1).rstrip("/").rsplit("/", 1)[1]
    assert secret not in url
    origin = console.group(1).split("/f/")[0]
    assert url.startswith(f"{origin}/open/")


def test_without_open_no_browser_is_started(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, serve_briefly: threading.Event
) -> None:
    browser = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    serve_briefly.set()
    assert workshop(invoke, tmp_path, "--host", "127.0.0.1").exit_code == 0
    assert browser.opened == []


def test_a_text_browser_is_not_started_in_the_workshops_terminal(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, serve_briefly: threading.Event
) -> None:
    browser = FakeBrowser("lynx")
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    warned = threading.Event()
    import coprod.terminal.console as console

    said: list[str] = []
    real_warn = console.warn

    def warn(message: str) -> None:
        said.append(message)
        real_warn(message)
        if "no web browser" in message:
            warned.set()

    monkeypatch.setattr(console, "warn", warn)
    monkeypatch.setattr(
        "coprod.web.server.Server.run", lambda self, sockets: warned.wait(10) and None
    )
    assert workshop(invoke, tmp_path, "--host", "127.0.0.1", "--open").exit_code == 0
    assert browser.opened == []
    assert any("open the facilitator page's address yourself" in m for m in said)


def test_a_qr_code_for_this_laptop_only_warns_that_phones_cannot_reach_it(
    invoke: Any, tmp_path: Path, serve_briefly: threading.Event
) -> None:
    serve_briefly.set()
    result = workshop(invoke, tmp_path, "--host", "127.0.0.1")
    assert result.exit_code == 0
    said = " ".join(result.stderr.split())
    assert "point at 127.0.0.1, which only this laptop can reach: phones cannot join" in said


def test_an_address_on_the_network_gets_no_such_warning(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, serve_briefly: threading.Event
) -> None:
    serve_briefly.set()
    monkeypatch.setattr("coprod.web.server.lan_address", lambda: "192.0.2.10")
    result = workshop(invoke, tmp_path, "--host", "0.0.0.0")
    assert result.exit_code == 0, result.stderr
    assert "http://192.0.2.10:" in result.stdout
    assert "phones cannot join" not in result.stderr


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("192.168.1.20", False),
        ("10.0.0.5", False),
        ("laptop.local", False),
    ],
)
def test_which_addresses_only_this_laptop_reaches(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_the_glossary_cites_the_report_once(invoke: Any) -> None:
    result = invoke("--easy-read", "glossary")
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert text.count("How can we govern cities differently?") == 1
    assert text.rstrip().endswith("Creative Concern.")
    assert "From the report's section “The promise of co-production?”." in text
