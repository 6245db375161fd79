"""filelock: ``lock_descriptor`` locks a descriptor coprod opened itself, on every system.

coprod's draft lock and the workshop folder's lock (``storage/locking.py``) open the lock
file themselves, so that the holder can describe itself in it, and lock it with this
function: the same primitive filelock's own locks use (``flock`` on Linux and macOS,
``LockFileEx`` on one byte at offset zero on Windows).
"""

from __future__ import annotations

import os
from pathlib import Path

from coprod.storage.locking import describe_holder, open_lock_file, read_holder, try_lock


def test_a_second_open_of_a_locked_file_is_refused_and_can_read_the_holder(
    tmp_path: Path,
) -> None:
    path = tmp_path / ".draft.yaml.lock"
    first = open_lock_file(path)
    second = open_lock_file(path)
    try:
        assert try_lock(first) is True
        describe_holder(first, "process 1 of sam on laptop")
        assert try_lock(second) is False
        assert read_holder(second) == "process 1 of sam on laptop"
    finally:
        os.close(first)
    # the lock ends with the descriptor that held it
    try:
        assert try_lock(second) is True
    finally:
        os.close(second)


def test_the_description_leaves_the_byte_windows_locks_alone(tmp_path: Path) -> None:
    path = tmp_path / ".lock"
    fd = open_lock_file(path)
    try:
        describe_holder(fd, "first, a longer description")
        describe_holder(fd, "then")
    finally:
        os.close(fd)
    assert path.read_bytes() == b"\nthen"
