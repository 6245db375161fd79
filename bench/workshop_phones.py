"""The simulated phones of bench/bench_workshop.py: what each posts, and how it posts it.

Every participant is a thread with its own keep-alive connection (from a loopback
address of its own), its own cookie, and a plan of the pages of a full assessment; after
each POST it checks that what it posted is in its answers file. A listener follows the
facilitator's event stream.
"""

from __future__ import annotations

import http.client
import json
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import yaml

RATINGS = ("0", "1", "2", "3", "4", "0", "1", "2", "3", "4", "dont_know", "na")
CRITERIA = ("yes", "no", "unsure")
ROLES = ("resident", "community-sector", "officer", "councillor", "researcher", "other")

# --- what each participant posts --------------------------------------------------------


@dataclass
class Step:
    path: str  # URL path to POST
    fields: list[tuple[str, str]]
    check: Callable[[Path], bool]  # is what was posted in the participant's file?


def load_content():  # type: ignore[no-untyped-def]
    from coprod.storage.content import load_content as load

    return load(None)


def workshop_steps(join_path: str, number: int, content, rng: random.Random) -> list[Step]:  # type: ignore[no-untyped-def]
    """The full assessment's pages, as a phone posts them, with a check for each."""
    name = f"Bench participant {number}"
    role = rng.choice(ROLES)

    def parsed(path: Path) -> dict:  # type: ignore[type-arg]
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}

    steps = [
        Step(
            f"{join_path}about",
            [("respondent_name", name), ("respondent_role", role), ("nav", "next")],
            lambda p: (parsed(p).get("respondent") or {}).get("name") == name,
        )
    ]
    criteria = {c.id: rng.choice(CRITERIA) for c in content.all_criteria()}
    steps.append(
        Step(
            f"{join_path}criteria",
            [*criteria.items(), ("nav", "next")],
            lambda p: parsed(p).get("criteria") == criteria,
        )
    )
    for practice in content.practices:
        ratings = {s.id: rng.choice(RATINGS) for s in practice.statements}
        note = f"Note {number} on {practice.name}: we tried this at the community centre."

        def ok(
            p: Path, ratings: dict[str, str] = ratings, pid: str = practice.id, note: str = note
        ) -> bool:
            data = parsed(p)
            got = {k: str(v) for k, v in (data.get("ratings") or {}).items() if k in ratings}
            return got == ratings and (data.get("notes") or {}).get(pid) == note

        steps.append(
            Step(
                f"{join_path}practice/{practice.id}",
                [*ratings.items(), ("note", note), ("nav", "next")],
                ok,
            )
        )
    why = f"Reflection {number}: the people who use the service know what works."
    steps.append(
        Step(
            f"{join_path}reflections",
            [
                ("reflection_why", why),
                ("reflection_bring_and_take", "Time, and the habit of listening."),
                ("nav", "next"),
            ],
            lambda p: (
                parsed(p).get("complete") is True
                and (parsed(p).get("reflections") or {}).get("why") == why
            ),
        )
    )
    return steps


def bare_steps(workshop_like: list[Step]) -> list[Step]:
    """The same posts to the bare app; the check: the file holds exactly the fields."""
    result = []
    for i, step in enumerate(workshop_like):
        wanted = dict(step.fields)
        result.append(
            Step(
                f"/p/page-{i}",
                step.fields,
                lambda p, wanted=wanted: json.loads(p.read_text(encoding="utf-8")) == wanted,
            )
        )
    return result


# --- the simulated phones ----------------------------------------------------------------


@dataclass
class Result:
    post_times: list[float] = field(default_factory=list)
    post_ends: list[float] = field(default_factory=list)  # monotonic time of each response
    first_times: list[float] = field(default_factory=list)  # the first POST: joining
    rest_times: list[float] = field(default_factory=list)  # every later POST
    failures: list[str] = field(default_factory=list)
    not_saved: int = 0
    answers: int = 0  # fields answered (ratings, criteria, notes, name, role, reflections)


def phone_address(number: int) -> str:
    """A loopback address of the phone's own (127.0.x.y), as each phone in a room has its
    own: the workshop limits the connections one device may hold."""
    return f"127.0.{number // 250}.{number % 250 + 2}"


class Phone:
    def __init__(self, port: int, cookie_name: str, number: int = 0) -> None:
        self.conn = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=60, source_address=(phone_address(number), 0)
        )
        self.cookie_name = cookie_name
        self.cookie: str | None = None

    def request(self, method: str, path: str, body: str | None = None) -> http.client.HTTPResponse:
        headers = {"User-Agent": "coprod-bench"}
        if self.cookie:
            headers["Cookie"] = f"{self.cookie_name}={self.cookie}"
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        response.read()
        for value in response.headers.get_all("set-cookie") or []:
            match = re.match(rf"{self.cookie_name}=([^;]*)", value)
            if match:
                self.cookie = match.group(1)
        return response


class FileFinder:
    """Which answers file is whose: the workshop numbers files in order of first POST."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lock = threading.Lock()
        self.names: dict[Path, str | None] = {}

    def find(self, name: str) -> Path | None:
        with self.lock:
            for path in sorted(self.folder.glob("participant-*.yaml")):
                if path not in self.names:
                    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
                    self.names[path] = ((data or {}).get("respondent") or {}).get("name")
            for path, owner in self.names.items():
                if owner == name:
                    return path
        return None


def participant(
    port: int,
    kind: str,
    join_path: str,
    steps: list[Step],
    number: int,
    folder: Path,
    finder: FileFinder | None,
    start: threading.Barrier,
    deadline: float,
    result: Result,
    lock: threading.Lock,
    delay: float = 0.0,
) -> None:
    phone = Phone(port, "coprod_participant" if kind == "workshop" else "bare", number)
    my_file: Path | None = None
    times: list[float] = []
    ends: list[float] = []
    first: list[float] = []
    rest: list[float] = []
    failures: list[str] = []
    not_saved = 0
    answers = 0
    try:
        start.wait()
        time.sleep(delay)  # a town hall: people arrive over the joining window
        phone.request("GET", join_path if kind == "workshop" else "/p/welcome")
        for step in steps:
            if time.monotonic() > deadline:
                failures.append("time limit reached")
                break
            t0 = time.perf_counter()
            response = phone.request("POST", step.path, urlencode(step.fields))
            elapsed = time.perf_counter() - t0
            end = time.monotonic()
            if response.status != 303:
                failures.append(f"POST {step.path}: {response.status}")
                continue
            times.append(elapsed)
            ends.append(end)
            answers += sum(1 for name, _ in step.fields if name != "nav")
            (first if step is steps[0] else rest).append(elapsed)
            # saved? read the file right after the response
            if my_file is None:
                if kind == "workshop" and finder is not None:
                    my_file = finder.find(f"Bench participant {number}")
                elif phone.cookie:
                    my_file = folder / f"{phone.cookie}.json"
            if my_file is None or not step.check(my_file):
                not_saved += 1
            location = response.headers.get("location", "")
            phone.request("GET", urlsplit(location).path or location)
    except Exception as exc:  # a refused or reset connection: count it, go on
        failures.append(f"{type(exc).__name__}: {exc}")
    finally:
        phone.conn.close()
    with lock:
        result.post_times += times
        result.post_ends += ends
        result.first_times += first
        result.rest_times += rest
        result.failures += failures
        result.not_saved += not_saved
        result.answers += answers


class Listener(threading.Thread):
    """The facilitator's page: an SSE connection; records when each ``update`` arrives."""

    def __init__(self, port: int, path: str) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.path = path
        self.updates: list[float] = []
        self.ready = threading.Event()
        self.stop = False

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request("GET", self.path, headers={"Accept": "text/event-stream"})
            response = conn.getresponse()
            self.ready.set()
            while not self.stop:
                line = response.fp.readline()
                if not line:
                    break
                if line.strip() == b"event: update":
                    self.updates.append(time.monotonic())
        except OSError:
            pass
        finally:
            self.ready.set()
            conn.close()


def update_delays(post_ends: list[float], updates: list[float]) -> list[float]:
    import bisect

    updates = sorted(updates)
    delays = []
    for end in post_ends:
        i = bisect.bisect_left(updates, end)
        if i < len(updates):
            delays.append(updates[i] - end)
    return delays
