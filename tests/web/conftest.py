"""Fixtures shared by the web tests: a workshop folder that does not exist yet."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "ws"
