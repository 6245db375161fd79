"""How does ``coprod workshop`` hold up when a whole room answers at once?

Run with the project's virtualenv Python (the ``coprod`` console script is looked
up next to ``sys.executable``)::

    python bench/bench_workshop.py               # the room (200 phones, 5 runs) and a town hall
    python bench/bench_workshop.py --quick       # one run of each
    python bench/bench_workshop.py --counts 10   # a quick look at 10 phones (no targets)

Two comparisons, each in one command, and the targets of issue 21 (see
bench/workshop_report.py): **the room**, 200 phones answering at once with the
group view revealed, against the bare server in the same run (p95 POST→saved at
most 2×, pages saved per second at least 60 %, the facilitator's update median at
most the coalescing window + 100 ms; nothing lost); **a town hall**, ``coprod
workshop --max-participants 500`` with 500 phones arriving over 30 seconds (nothing
lost, no failed request, p95 under 1 s, server memory under 150 MB). Each phone
connects from a loopback address of its own (127.0.x.y), as phones in a room have
their own: the workshop limits the connections one device may hold.

For each count, two servers are measured in turn, each a fresh process on
127.0.0.1 with a free port and a fresh temporary folder:

* ``coprod workshop --host 127.0.0.1 --port 0 --project … --out TMPDIR`` (the
  installed command; its join and facilitator URLs are read from its stdout), with
  the group view revealed, so every update of the facilitator's page recomputes the
  team profile;
* a bare Starlette app (this file, ``--bare-server``): it parses each posted form
  with python-multipart (Starlette's ``request.form()``), writes the fields to a small
  file atomically (temporary file, fsync, rename) and redirects, served by uvicorn
  with the same settings as the workshop; its ``/events`` stream (sse-starlette)
  pushes a coalesced update after each write, like the facilitator's page.

Every simulated participant is a thread with its own keep-alive connection and its
own cookie. They start together and each answers a full assessment as a phone
without JavaScript would: GET the join URL (the welcome), then POST each page (about
you, the criteria, each practice with its ratings and a note, the reflections),
following every 303 with a GET. After each POST's response the participant reads its
answers file and checks that what it posted is there ("saved" = acknowledged and on
disk). One more thread listens to the facilitator's event stream; the update delay is
the time from a POST's response to the next ``update`` event.

Figures: answer pages saved per second (POSTs over the wall time of the run) and
answers saved per second (the fields answered on them: ratings, criteria, notes, name,
role, reflections), median and 95th percentile of the POST's response time, median and 95th percentile of
the update delay, and the server's peak resident memory (VmHWM from
``/proc/PID/status``, Linux only). Loopback only; each run is bounded in time
(``--time-limit``); the servers are stopped (SIGTERM, then SIGKILL) at the end. The
client runs on the same machine as the server, so on a small machine the two compete
for the CPU: compare the rows with each other, not with a room of real phones.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import queue
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

COPROD = Path(sys.executable).parent / "coprod"
COPROD_ARGV = [str(COPROD)]  # --coprod replaces it
COALESCE_SECONDS = 0.5  # as the workshop's facilitator page (coprod/web/events.py)

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/, also when imported
from workshop_phones import (  # noqa: E402
    FileFinder,
    Listener,
    Result,
    bare_steps,
    load_content,
    participant,
    update_delays,
    workshop_steps,
)

# --- the bare baseline server ---------------------------------------------------------


def bare_server(folder: Path) -> None:
    """A bare Starlette app: parse the form, write a small file atomically, redirect."""
    import asyncio
    import secrets
    import socket

    import anyio
    import uvicorn
    from sse_starlette.sse import EventSourceResponse
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, RedirectResponse, Response
    from starlette.routing import Route

    state = {"version": 0}
    changed = asyncio.Event()
    page = "<!doctype html><html lang=en><title>Page</title><main><h1>Page</h1></main></html>"

    def write(path: Path, text: str) -> None:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    async def get(request: Request) -> Response:
        return HTMLResponse(page)

    async def post(request: Request) -> Response:
        nonlocal changed
        async with request.form(max_files=0, max_fields=200) as form:
            fields = {k: v for k, v in form.items() if isinstance(v, str)}
        key = request.cookies.get("bare")
        new = key is None or not re.fullmatch(r"[0-9a-f]{32}", key)
        if new:
            key = secrets.token_hex(16)
        path = folder / f"{key}.json"
        text = json.dumps(fields)
        await anyio.to_thread.run_sync(lambda: write(path, text))
        state["version"] += 1
        event, changed = changed, asyncio.Event()
        event.set()
        response = RedirectResponse(f"/p/{request.path_params['slug']}/next", status_code=303)
        if new:
            response.set_cookie("bare", str(key), httponly=True, samesite="lax")
        return response

    async def events(request: Request) -> Response:
        async def stream():  # type: ignore[no-untyped-def]
            seen, began = -1, None  # as coprod/web/events.py: one update per window at most
            loop = asyncio.get_running_loop()
            while True:
                if seen >= state["version"]:
                    await changed.wait()
                    await asyncio.sleep(COALESCE_SECONDS)
                elif began is not None:
                    await asyncio.sleep(max(0.0, began + COALESCE_SECONDS - loop.time()))
                seen, began = state["version"], loop.time()
                yield {"event": "update", "id": str(seen), "data": f"<p>{seen} answers</p>"}

        return EventSourceResponse(stream(), ping=15)

    app = Starlette(
        routes=[
            Route("/events", events),
            Route("/p/{slug:path}", get, methods=["GET"]),
            Route("/p/{slug:path}", post, methods=["POST"]),
        ]
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    port = sock.getsockname()[1]
    print(f"bare http://127.0.0.1:{port}", flush=True)
    config = uvicorn.Config(  # the same settings as coprod/cli/commands/workshop.py
        app,
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=3,
        lifespan="off",
        server_header=False,
    )
    uvicorn.Server(config).run(sockets=[sock])


# --- servers -----------------------------------------------------------------------------


@dataclass
class Server:
    proc: subprocess.Popen[str]
    port: int
    join_path: str
    facilitator_path: str  # with a final slash
    events_path: str


def read_lines_until(
    proc: subprocess.Popen[str], wanted: Callable[[list[str]], bool], timeout: float
) -> list[str]:
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    got: list[str] = []
    end = time.monotonic() + timeout
    while not wanted(got):
        try:
            line = lines.get(timeout=max(0.1, end - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            break
        got.append(line)
        if time.monotonic() > end:
            break
    return got


def start_workshop(folder: Path, max_participants: int | None = None) -> Server:
    argv = [*COPROD_ARGV, "workshop", "--host", "127.0.0.1", "--port", "0"]
    argv += ["--project", "Bench", "--out", str(folder)]
    if max_participants is not None:
        argv += ["--max-participants", str(max_participants)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = read_lines_until(proc, lambda got: any("facilitator" in line for line in got), 30)
    join = next((line.split()[-1] for line in lines if "join" in line), None)
    fac = next((line.split()[-1] for line in lines if "facilitator" in line), None)
    if join is None or fac is None:
        stop(proc)
        raise SystemExit(f"coprod workshop did not print its URLs: {lines!r}")
    j, f = urlsplit(join), urlsplit(fac)
    return Server(proc, j.port or 80, j.path, f.path, f.path + "events")


def start_bare(folder: Path) -> Server:
    argv = [sys.executable, __file__, "--bare-server", str(folder)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = read_lines_until(proc, lambda got: any(line.startswith("bare ") for line in got), 30)
    url = next((line.split()[-1] for line in lines if line.startswith("bare ")), None)
    if url is None:
        stop(proc)
        raise SystemExit("the bare server did not start")
    time.sleep(0.2)  # the socket is listening already; let uvicorn's loop start
    return Server(proc, urlsplit(url).port or 80, "/p/welcome", "/", "/events")


def peak_rss_mb(pid: int) -> float:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    match = re.search(r"VmHWM:\s+(\d+) kB", text)
    return int(match.group(1)) / 1024 if match else float("nan")


def cpu_seconds(pid: int) -> float:
    """The server's CPU time so far (user + system), from /proc; NaN elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# --- one run -------------------------------------------------------------------------------


@dataclass
class Row:
    server: str
    count: int
    posts: int
    answers: int
    seconds: float
    p50_ms: float
    p95_ms: float
    first_p95_ms: float  # the first POST (creating the participant)
    rest_p95_ms: float  # the others
    delay_p50_ms: float
    delay_p95_ms: float
    peak_mb: float
    not_saved: int
    failures: list[str]
    pages: int = 0  # pages each phone posts (a full assessment)
    cpu_s: float = float("nan")  # the server's CPU time during the run (user + system)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(  # type: ignore[no-untyped-def]
    kind: str, count: int, content, time_limit: float, reveal: bool, join_seconds: float = 0.0
) -> Row:
    with tempfile.TemporaryDirectory(prefix=f"coprod-bench-{kind}-") as tmp:
        folder = Path(tmp) / "workshop"
        if kind == "bare":
            folder.mkdir()
        limit = count if count > 200 else None  # a town hall: --max-participants N
        server = start_workshop(folder, limit) if kind == "workshop" else start_bare(folder)
        try:
            if kind == "workshop" and reveal:  # the group view shown: each update recomputes it
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
                conn.request(
                    "POST",
                    server.facilitator_path + "reveal",
                    body="show=show",
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                )
                conn.getresponse().read()
                conn.close()
            listener = Listener(server.port, server.events_path)
            listener.start()
            listener.ready.wait(10)
            rng = random.Random(count)
            plans = [workshop_steps(server.join_path, n, content, rng) for n in range(1, count + 1)]
            if kind == "bare":
                plans = [bare_steps(p) for p in plans]
            result = Result()
            lock = threading.Lock()
            barrier = threading.Barrier(count + 1)
            finder = FileFinder(folder) if kind == "workshop" else None
            deadline = time.monotonic() + time_limit
            threads = [
                threading.Thread(
                    target=participant,
                    args=(
                        server.port,
                        kind,
                        server.join_path,
                        plans[n],
                        n + 1,
                        folder,
                        finder,
                        barrier,
                        deadline,
                        result,
                        lock,
                        rng.uniform(0, join_seconds) if join_seconds else 0.0,
                    ),
                    daemon=True,
                )
                for n in range(count)
            ]
            for t in threads:
                t.start()
            barrier.wait()
            cpu_before = cpu_seconds(server.proc.pid)
            t0 = time.monotonic()
            give_up = deadline + 60  # a request in flight at the deadline may take 60 s
            for t in threads:
                t.join(timeout=max(0.0, give_up - time.monotonic()))
            seconds = time.monotonic() - t0
            cpu = cpu_seconds(server.proc.pid) - cpu_before
            time.sleep(COALESCE_SECONDS + 1.0)  # the last update arrives
            listener.stop = True
            delays = update_delays(result.post_ends, listener.updates)
            if len(delays) < len(result.post_ends):
                result.failures.append(
                    f"{len(result.post_ends) - len(delays)} saved pages never reached the "
                    "facilitator's event stream"
                )
            peak = peak_rss_mb(server.proc.pid)
        finally:
            stop(server.proc)
        return Row(
            kind,
            count,
            len(result.post_times),
            result.answers,
            seconds,
            percentile(result.post_times, 0.5) * 1000,
            percentile(result.post_times, 0.95) * 1000,
            percentile(result.first_times, 0.95) * 1000,
            percentile(result.rest_times, 0.95) * 1000,
            percentile(delays, 0.5) * 1000,
            percentile(delays, 0.95) * 1000,
            peak,
            result.not_saved,
            result.failures,
            len(plans[0]) if plans else 0,
            cpu,
        )


def main() -> int:
    from workshop_report import ROOM, TOWN_HALL, report, table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run of each comparison")
    parser.add_argument("--runs", type=int, default=5, help="runs of the room (default 5)")
    parser.add_argument(
        "--only", choices=("room", "town-hall"), help="run one comparison (default: both)"
    )
    parser.add_argument(
        "--counts", type=int, nargs="+", help="phones in the room instead (no targets checked)"
    )
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds per run")
    parser.add_argument(
        "--hidden", action="store_true", help="leave the group view hidden (not revealed)"
    )
    parser.add_argument(
        "--coprod", metavar="CMD", help="the coprod command to run (default: next to python)"
    )
    parser.add_argument("--bare-server", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_server:
        bare_server(Path(args.bare_server))
        return 0
    if args.coprod:
        COPROD_ARGV[:] = args.coprod.split()
    elif not COPROD.exists():
        print(f"coprod is not installed next to {sys.executable}", file=sys.stderr)
        return 2
    from bytecode import compile_coprod

    print(compile_coprod(), flush=True)
    content = load_content()
    pages = 2 + len(content.practices) + 1
    print(
        f"# coprod workshop benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
        f"Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; a full assessment is "
        f"{pages} pages ({len(content.all_criteria())} criteria, "
        f"{sum(len(p.statements) for p in content.practices)} statements)",
        flush=True,
    )
    runs = 1 if args.quick else args.runs
    room: list[tuple[Row, Row]] = []
    town_hall: Row | None = None

    def one(kind: str, count: int, join_seconds: float = 0.0) -> Row:
        row = run(kind, count, content, args.time_limit, not args.hidden, join_seconds)
        print(f"  {count} participants, {kind}: {row.seconds:.1f} s", flush=True)
        for failure in sorted(set(row.failures))[:5]:
            print(f"    failed: {failure}", flush=True)
        return row

    counts = args.counts or ([ROOM] if args.only != "town-hall" else [])
    for count in counts:
        for _ in range(runs):  # interleaved: the workshop, then the bare server, each run
            room.append((one("workshop", count), one("bare", count)))
    if args.only != "room" and not args.counts:
        town_hall = one("workshop", TOWN_HALL, join_seconds=30.0)
    print()
    print(table([r for pair in room for r in pair] + ([town_hall] if town_hall else [])))
    print()
    if not args.counts:
        print(report(room, town_hall, COALESCE_SECONDS))
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
