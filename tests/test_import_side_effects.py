"""Importing any coprod module leaves the process as it was: environment, import hooks, signals."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_importing_every_module_changes_nothing_in_the_process() -> None:
    script = textwrap.dedent(
        """
        import os, pkgutil, importlib, signal, sys
        import coprod

        environ = dict(os.environ)
        meta_path = list(sys.meta_path)
        handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
        names = [m.name for m in pkgutil.walk_packages(coprod.__path__, "coprod.")]
        for name in names:
            if name not in ("coprod.__main__",):
                importlib.import_module(name)
        assert len(names) > 40, names
        changed = {k for k in {*environ, *os.environ} if environ.get(k) != os.environ.get(k)}
        assert not changed, changed
        assert sys.meta_path == meta_path, sys.meta_path
        assert {s: signal.getsignal(s) for s in handlers} == handlers
        print("ok")
        """
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
