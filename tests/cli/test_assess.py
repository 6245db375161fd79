"""``coprod assess`` without prompts: what it saves and exports, and what it never overwrites."""

from __future__ import annotations

import os
from pathlib import Path

from helpers import FIXTURES

FULL = FIXTURES / "full.yaml"


# Atomic writes (write_atomic's own tests: tests/storage/test_files.py) -------------------


def test_assess_export_does_not_overwrite_without_force(invoke, tmp_path) -> None:
    target = tmp_path / "existing.html"
    target.write_bytes(b"<p>mine</p>")
    result = invoke("assess", "--answers", str(FULL), "--export", str(target))
    assert result.exit_code == 2
    assert "--force" in result.stderr and str(target) in result.stderr
    assert target.read_bytes() == b"<p>mine</p>"


# never write over what you are reading ---------------------------------------------------


def test_assess_never_saves_over_the_previous_assessment(invoke, tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_bytes((FIXTURES / "full.yaml").read_bytes())
    before = old.read_bytes()
    os.link(old, tmp_path / "same.yaml")
    for target in (old, tmp_path / "same.yaml", tmp_path / "." / "old.yaml"):
        result = invoke("assess", "--previous", str(old), "--save", str(target), "--force")
        assert result.exit_code == 2, result.stdout
        assert "input files" in result.stderr
        assert "Traceback" not in result.stderr
        assert old.read_bytes() == before  # refused before the first question, not after
