"""The marks that choose what the fast loop runs (docs/development.md)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import SLOW_TESTS

TESTS = Path(__file__).resolve().parent


def test_every_test_named_slow_is_still_a_test() -> None:
    """A slow test renamed without its entry here would quietly join the fast loop."""
    defined = {
        name
        for path in TESTS.rglob("test_*.py")
        for name in re.findall(r"^def (test_\w+)\(", path.read_text(encoding="utf-8"), re.M)
    }
    assert sorted(SLOW_TESTS - defined) == []
