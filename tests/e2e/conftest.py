"""What the browser tests share: one headless Debian Chromium per test module."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.chromium import ARGS, CHROMIUM
from helpers.server import Server, quick_workshop


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if shutil.which(CHROMIUM) is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def riverside(tmp_path: Path) -> Iterator[Server]:
    """A quick workshop for the Riverside project."""
    yield from quick_workshop(tmp_path, "Riverside")
