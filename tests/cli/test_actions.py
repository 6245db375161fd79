"""``coprod actions``: choosing actions never follows a link nor replaces a read-only file."""

from __future__ import annotations

import stat
from pathlib import Path

from helpers import FIXTURES

TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]


def copies(tmp_path: Path) -> list[Path]:
    paths = []
    for source in TEAM:
        target = tmp_path / source.name
        target.write_bytes(source.read_bytes())
        paths.append(target)
    return paths


# never write over what you are reading ---------------------------------------------------


def test_choose_actions_never_follows_a_symbolic_link(invoke, tmp_path: Path) -> None:
    paths = copies(tmp_path)
    link = tmp_path / "mine.yaml"
    link.symlink_to(paths[2])
    before = paths[2].read_bytes()
    result = invoke("team", *map(str, paths), "--choose-actions", str(link))
    assert result.exit_code == 2
    assert "symbolic link" in result.stderr
    assert link.is_symlink() and paths[2].read_bytes() == before
    assert result.stdout == ""  # refused before any work


def test_choose_actions_never_replaces_a_read_only_file(invoke, tmp_path: Path) -> None:
    paths = copies(tmp_path)
    paths[2].chmod(0o444)
    before = paths[2].read_bytes()
    result = invoke("team", *map(str, paths), "--choose-actions", str(paths[2]))
    assert result.exit_code == 2
    assert "read-only" in result.stderr
    assert paths[2].read_bytes() == before
    assert stat.S_IMODE(paths[2].stat().st_mode) == 0o444
