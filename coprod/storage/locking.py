"""An advisory lock beside a draft answers file, so two sessions never overwrite each other.

``coprod assess --resume draft.yaml`` in two terminals (or on two machines sharing
a folder) would otherwise each save their own answers over the other's. The
first session holds a lock on ``.draft.yaml.lock`` in the same folder; a second
is refused with a message naming the session that holds it (process, host, user,
since when). The lock is an ``flock`` on that file: it ends with the process that
holds it, even after ``kill -9``, so a lock file left behind never blocks anyone.
Where ``flock`` is missing (Windows), drafts are not locked.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import getpass
import hashlib
import os
import socket
from pathlib import Path

from coprod.errors import CoprodError, Problem
from coprod.i18n import _

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_held: dict[str, DraftLock] = {}


def lock_path(draft: Path) -> Path:
    """``dir/.NAME.lock`` for ``dir/NAME``; a long name is shortened with a hash."""
    name = draft.name
    if len(os.fsencode(name)) > 200:
        digest = hashlib.sha256(os.fsencode(name)).hexdigest()[:16]
        name = f"{name[:100]}-{digest}"
    return draft.with_name(f".{name}.lock")


def _who() -> str:
    try:
        user = getpass.getuser()
    except Exception:
        user = "?"
    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"process {os.getpid()} of {user} on {socket.gethostname()}, since {started}"


class DraftLock:
    """The lock on one draft, held until :meth:`release` or the end of the process."""

    def __init__(self, key: str, fd: int | None, path: Path) -> None:
        self.key = key
        self.fd = fd
        self.path = path

    def release(self) -> None:
        if self.fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()  # while still holding it: a waiting session re-checks
        with contextlib.suppress(OSError):
            os.close(self.fd)
        self.fd = None
        _held.pop(self.key, None)


def _refused(draft: Path, holder: str) -> CoprodError:
    return CoprodError(
        Problem(
            _(
                "is open in another coprod session (%(holder)s); finish or stop that session "
                "first, so that neither overwrites the other's answers"
            )
            % {"holder": holder or _("details unknown")},
            draft,
        ),
        hint=_(
            "If no such session is running, the lock has ended with it: try again. "
            "(The lock file is %(lock)s.)"
        )
        % {"lock": lock_path(draft)},
    )


def lock_draft(draft: Path) -> DraftLock:
    """Take the lock for ``draft`` or raise a :class:`CoprodError` naming who holds it.

    Taking it again in the same process returns the lock already held.
    """
    key = os.path.realpath(draft)  # the same draft however it is named
    if key in _held:
        return _held[key]
    path = lock_path(Path(key))
    if fcntl is None:  # pragma: no cover - Windows: no advisory locks
        return DraftLock(key, None, path)
    for _attempt in range(5):
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(path, flags, 0o600)
        except OSError:
            # A folder we cannot write a lock file into: the draft write will say so.
            return DraftLock(key, None, path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = ""
            with contextlib.suppress(OSError):
                holder = os.read(fd, 400).decode("utf-8", "replace").strip()
            os.close(fd)
            raise _refused(draft, holder) from None
        # The holder before us may have removed the file just before we locked it:
        # then our lock is on a file nobody else sees, so try again with the new one.
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except OSError:
            same = False
        if not same:
            os.close(fd)
            continue
        os.ftruncate(fd, 0)
        os.write(fd, _who().encode())
        lock = DraftLock(key, fd, path)
        _release_at_exit()
        _held[key] = lock
        return lock
    return DraftLock(key, None, path)  # pragma: no cover - lost the race five times


def _release_at_exit() -> None:
    """Release the locks when the process ends (registered with the first lock, not at import)."""
    global _registered
    if not _registered:
        atexit.register(release_all)
        _registered = True


_registered = False


def release_all() -> None:
    """Release every lock this process holds (each command's end, and at exit)."""
    for lock in list(_held.values()):
        lock.release()
