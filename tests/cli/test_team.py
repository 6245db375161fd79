"""``coprod team``: the files it reads once, the names it refuses before any question."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES
from helpers.refusals import refused

FULL = FIXTURES / "full.yaml"


# team ------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["same", "dot-slash", "link"])
def test_team_counts_a_file_given_twice_once(invoke, tmp_path, monkeypatch, how) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("team-sam.yaml", "team-jo.yaml"):
        (tmp_path / name).write_text((FIXTURES / name).read_text())
    (tmp_path / "again.yaml").symlink_to(tmp_path / "team-sam.yaml")
    repeat = {"same": "team-sam.yaml", "dot-slash": "./team-sam.yaml", "link": "again.yaml"}[how]
    result = invoke("team", "team-sam.yaml", "team-jo.yaml", repeat, "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(__import__("json").loads(result.stdout)["respondents"]) == 2
    assert str(Path(repeat)) in result.stderr and "counted once" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--save", "LONG.yaml"],
        ["assess", "--quick", "--save", "LONG.yaml"],
        ["check", "--save", "LONG.yaml"],
        ["assess", "--answers", str(FULL), "--export", "LONG.md"],
    ],
    ids=" ".join,
)
def test_a_save_or_export_name_too_long_is_refused_before_any_question(invoke, tmp_path, args):
    long = str(tmp_path / ("b" * 300))
    result = invoke(*[a.replace("LONG", long) for a in args])
    refused(result, long, "too long")
    assert list(tmp_path.iterdir()) == []
