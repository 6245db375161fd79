"""Answers files for tests: a fixture copied with changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def write(tmp_path: Path, name: str, source: Path, **changes: Any) -> Path:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    for key, value in changes.items():
        data[key] = value
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path
