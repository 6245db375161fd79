"""The installed ``coprod workshop`` as a real server on 127.0.0.1 (a subprocess)."""

from __future__ import annotations

import queue
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.terminal import clean_env, coprod_executable


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """``coprod workshop ... --host 127.0.0.1`` running; its printed lines collected."""

    def __init__(
        self, args: list[str], cwd: Path, *, open_files: int | None = None, **env: str
    ) -> None:
        def limit_files() -> None:  # as on a laptop whose open-file limit is low
            import resource

            if open_files is not None:
                resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))

        self.process = subprocess.Popen(
            [coprod_executable(), "workshop", "--host", "127.0.0.1", *args],
            preexec_fn=limit_files if open_files is not None else None,
            cwd=cwd,
            env=clean_env(NO_COLOR="1", **env),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.join = self.facilitator = self.projector = ""

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_ready(self, timeout: float = 30) -> Server:
        """Read the printed lines until the projector's URL (the last of the three)."""
        deadline = time.monotonic() + timeout
        while not self.projector:
            try:
                line = self._queue.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                self.stop(signal.SIGKILL)
                pytest.fail(f"no projector line within {timeout} s: {self.lines}")
            if line is None:
                _, err = self.process.communicate(timeout=10)
                pytest.fail(f"coprod workshop ended early ({self.process.returncode}): {err}")
            self.lines.append(line)
            url = line.split()[-1] if line.split() else ""  # the URLs end their lines
            if url.startswith("http://") and "/j/" in url:
                self.join = url
            if url.startswith("http://") and "/f/" in url:
                self.facilitator = url
            if url.startswith("http://") and "/w/" in url:
                self.projector = url
        return self

    def rest_of_output(self, timeout: float = 20) -> tuple[list[str], str]:
        """After the process ends: the remaining stdout lines and all of stderr."""
        assert self.process.stderr is not None
        err = self.process.stderr.read()
        self.process.wait(timeout=timeout)
        rest = []
        while True:
            line = self._queue.get(timeout=timeout)
            if line is None:
                break
            rest.append(line)
        return rest, err

    def stop(self, sig: int = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait(timeout=10)


def quick_workshop(tmp_path: Path, project: str) -> Iterator[Server]:
    """A real ``coprod workshop --quick`` serving ``tmp_path/ws``; stopped cleanly after."""
    running = Server(
        ["--project", project, "--quick", "--port", str(free_port()), "--out", "ws"], tmp_path
    ).wait_ready()
    yield running
    assert running.stop() == 0
