"""The installed command on hostile YAML (an alias bomb): refused, and quickly."""

from __future__ import annotations

import subprocess

import pytest
from helpers.terminal import clean_env, coprod_executable

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(60)]


def alias_bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    top = f"*a{levels - 1}"
    lines += ["version: 1", "project:", f"  name: {top}", f"notes: {top}", f"ratings: {top}"]
    return "\n".join(lines) + "\n"


# A YAML alias bomb -----------------------------------------------------------------------


def test_alias_bomb_is_refused_quickly(tmp_path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb(8))
    assert path.stat().st_size < 1000
    try:
        result = subprocess.run(
            [coprod_executable(), "assess", "--answers", str(path)],
            capture_output=True,
            text=True,
            env=clean_env(),
            timeout=5,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("coprod was still busy with a 700-byte file after 5 seconds")
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr
