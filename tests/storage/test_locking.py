"""storage.locking: one session per draft, a lock that ends with its holder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coprod.errors import CoprodError
from coprod.storage.locking import lock_draft, lock_path, release_all


def test_lock_refuses_another_process_and_names_it(tmp_path) -> None:
    draft = tmp_path / "draft.yaml"
    draft.write_text("x\n")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from coprod.storage.locking import lock_draft;"
            "lock_draft(Path(sys.argv[1])); print('held', flush=True); time.sleep(30)",
            str(draft),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(CoprodError) as caught:
            lock_draft(draft)
        message = str(caught.value)
        assert str(draft) in message
        assert f"process {holder.pid}" in message
    finally:
        holder.kill()
        holder.wait()
    lock = lock_draft(draft)  # the lock ended with its process
    assert lock_draft(draft) is lock  # taken once per process
    assert lock_path(draft).exists()
    release_all()
    assert not lock_path(draft).exists()  # no lock file left behind


def test_lock_file_name_fits_for_the_longest_names(tmp_path) -> None:
    draft = tmp_path / ("d" * 250 + ".yaml")
    assert len(lock_path(draft).name) <= 255
    assert lock_path(draft) != lock_path(tmp_path / ("d" * 249 + "e.yaml"))
    lock_draft(draft)
    release_all()


def test_a_link_to_the_draft_is_the_same_draft(tmp_path) -> None:
    draft = tmp_path / "draft.yaml"
    draft.write_text("x\n")
    (tmp_path / "alias.yaml").symlink_to(draft)
    first = lock_draft(draft)
    assert lock_draft(Path(tmp_path / "alias.yaml")) is first
    release_all()
