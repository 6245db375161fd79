"""``coprod assess`` without prompts: what it saves and exports, and what it never overwrites."""

from __future__ import annotations

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
