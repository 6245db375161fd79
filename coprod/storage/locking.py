"""An advisory lock beside a draft answers file, so two sessions never overwrite each other.

``coprod assess --resume draft.yaml`` in two terminals (or on two machines sharing
a folder) would otherwise each save their own answers over the other's. The
first session holds a lock on ``.draft.yaml.lock`` in the same folder; a second
is refused with a message naming the session that holds it (process, host, user,
since when). The lock is the operating system's own lock on that file (``flock`` on
Linux and macOS, ``LockFileEx`` on Windows, through filelock): it ends with the process
that holds it, even after ``kill -9``, so a lock file left behind never blocks anyone.
The holder's description is written after the file's first byte, the byte Windows
locks, so that a refused session can read it on every system.
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

_held: dict[str, DraftLock] = {}


#: Where the holder's description starts in a lock file: after the byte Windows locks.
_WHO_AT = 1


def try_lock(fd: int) -> bool:
    """Lock the open file ``fd`` for this process, or return False: another holds it.

    The same primitive on every system (filelock's ``lock_descriptor``); imported here,
    not at start-up, as only the commands that hold a lock need it.
    """
    from filelock import lock_descriptor

    return lock_descriptor(fd, blocking=False)


def describe_holder(fd: int, text: str) -> None:
    """Write who holds the lock on ``fd``, for a refused session to read."""
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, b"\n" + text.encode("utf-8"))


def read_holder(fd: int) -> str:
    """Who holds the lock on ``fd``, as they described themselves ('' when unknown)."""
    try:
        os.lseek(fd, _WHO_AT, os.SEEK_SET)
        return os.read(fd, 400).decode("utf-8", "replace").strip()
    except OSError:
        return ""


def open_lock_file(path: Path) -> int:
    """Open (or create, for the user only) the lock file at ``path``, never through a link."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, 0o600)


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
    for _attempt in range(5):
        try:
            fd = open_lock_file(path)
        except OSError:
            # A folder we cannot write a lock file into: the draft write will say so.
            return DraftLock(key, None, path)
        try:
            locked = try_lock(fd)
        except OSError:  # a file system without locks: the draft is not locked
            os.close(fd)
            return DraftLock(key, None, path)
        if not locked:
            holder = read_holder(fd)
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
        describe_holder(fd, _who())
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
