"""One person's September and December files: said once, and --latest keeps the newest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from coprod.core.models import Content


def person_file(folder: Path, name: str, date: str, content: Content, rating: int) -> str:
    data = {
        "version": 1,
        "project": {"name": "Space in Common"},
        "mode": "quick",
        "date": date,
        "respondent": {"name": name, "role": "resident"},
        "ratings": {p.id: rating for p in content.practices},
    }
    path = folder / f"{name}-{date}.yaml"
    path.write_text(yaml.safe_dump(data))
    return str(path)


@pytest.fixture
def folder_with_a_repeat(tmp_path: Path, content: Content) -> list[str]:
    return [
        person_file(tmp_path, "Sam", "2026-09-01", content, 1),
        person_file(tmp_path, "Jo", "2026-12-06", content, 3),
        person_file(tmp_path, "Sam", "2026-12-06", content, 4),
    ]


@pytest.mark.parametrize("command", ["team", "room", "agenda"])
def test_a_person_in_two_files_is_named_in_a_warning(
    invoke, folder_with_a_repeat: list[str], command: str
) -> None:
    result = invoke(command, *folder_with_a_repeat)
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert "Sam appears 2 times (2026-09-01, 2026-12-06) and is counted each time" in said
    assert "--latest" in said


def test_latest_keeps_each_persons_newest_file(invoke, folder_with_a_repeat: list[str]) -> None:
    everyone = json.loads(invoke("team", *folder_with_a_repeat, "-f", "json").stdout)
    latest = invoke("team", *folder_with_a_repeat, "--latest", "-f", "json")
    assert "appears" not in latest.stderr
    data = json.loads(latest.stdout)
    assert len(everyone["respondents"]) == 3 and len(data["respondents"]) == 2
    first = data["practices"][0]
    assert first["scores"] == [75, 100]  # Jo's 3 and Sam's December 4, not September's 1
