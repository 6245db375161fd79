"""render.terminal: the terminal reports (summary first, notes, plurals, answers in words)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES
from helpers.text import flat

TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]


FULL = FIXTURES / "full.yaml"


# notes and reflections are shown ---------------------------------------------------------


def test_assess_terminal_report_shows_notes_and_reflections(invoke: Any) -> None:
    result = invoke("assess", "--answers", str(FULL))
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    assert "Your notes" in text
    assert (
        "1. Designing for openness: We shared a 'fixed and open' note at the first meeting." in text
    )
    assert "7. Holding the process: Two facilitators share the role." in text
    assert "Your reflections" in text
    assert "Residents know why the current food bank model is not reaching families." in text
    assert "Lived experience; they take training and paid time." in text


def test_report_title_separates_the_project_from_its_stage_and_respondent(invoke: Any) -> None:
    first = invoke("assess", "--answers", str(FULL)).stdout.strip().splitlines()[0]
    assert first.strip() == "Riverside Food Partnership · stage: design · Sam, officer"


# the terminal summary --------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["80", "100"])
def test_terminal_report_starts_with_a_one_screen_summary(
    invoke: Any, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    from coprod.terminal.console import reset

    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("TERMINAL_WIDTH", columns)
    reset()
    lines = invoke("assess", "--answers", str(FULL)).stdout.splitlines()
    reset()
    assert max(len(line) for line in lines) <= int(columns)
    screen = "\n".join(lines[:24])  # one 24-line screen
    assert "When to co-produce: Conditions look favourable for co-production" in screen
    for name in ("Designing for openness", "Holding the process"):
        assert name in screen
    data = json.loads(invoke("assess", "--answers", str(FULL), "--json").stdout)
    top = next(p for p in data["practices"] if p["id"] == data["priorities"][0]["id"])
    assert f"Start with: {top['name']} ({top['score']}, {top['band']})" in screen
    header = next(line for line in lines if line.startswith("#"))
    assert "Don't know" in header and "N/A" in header and "Bar (0–100)" in header
    assert "?/na" not in header
    rest = "\n".join(lines[24:])
    assert "Where to focus next" in rest and "Evidence gaps" in rest


def test_plurals_and_one_respondent(invoke: Any, tmp_path: Path) -> None:
    text = flat(invoke("assess", "--answers", str(FULL)).stdout)
    data = json.loads(invoke("assess", "--answers", str(FULL), "--json").stdout)
    dont_know = sum(p["dont_know"] for p in data["practices"])
    assert dont_know > 1
    assert f"{dont_know} answers were “Don't know”" in text and "answer(s)" not in text
    assert "this group" not in text
    data = yaml.safe_load(FULL.read_text(encoding="utf-8"))
    data["ratings"] = {k: (3 if v == "dont_know" else v) for k, v in data["ratings"].items()}
    data["ratings"]["openness-1"] = "dont_know"
    one = tmp_path / "one.yaml"
    one.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert "1 answer was “Don't know”" in flat(invoke("assess", "--answers", str(one)).stdout)
    md = invoke("report", str(one), "-f", "md").stdout
    assert "1 answer was “Don't know”" in flat(md) and "this group" not in md
    assert "this group" in flat(invoke("team", *map(str, TEAM)).stdout)


# team criteria answers in words ----------------------------------------------------------


def test_team_terminal_criteria_answers_are_words(invoke: Any) -> None:
    text = flat(invoke("team", *map(str, TEAM)).stdout)
    section = text.split("answered differently", 1)[1].split("What the report asks of you")[0]
    assert re.search(r"Sam \(officer\): (Yes|No|Not sure)", section)
    assert "unsure" not in section and ": no" not in section and ": yes" not in section
