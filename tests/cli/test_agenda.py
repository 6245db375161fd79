"""`coprod agenda`: a facilitator's session plan whose minutes add up (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES
from hypothesis import given
from hypothesis import strategies as st

from coprod.core.agenda import largest_remainder

TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]


def agenda_json(invoke, *args: str) -> dict:  # type: ignore[type-arg]
    result = invoke("agenda", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict = json.loads(result.stdout)  # type: ignore[type-arg]
    return data


@pytest.mark.parametrize("minutes", [20, 45, 47, 60, 90, 91, 120, 333])
def test_section_minutes_add_up_to_minutes(invoke, minutes):
    for files in (TEAM, TEAM[:1]):
        data = agenda_json(invoke, *map(str, files), "--minutes", str(minutes))
        assert data["version"] == 1 and data["minutes"] == minutes
        assert sum(s["minutes"] for s in data["sections"]) == minutes
        assert all(s["minutes"] >= 1 for s in data["sections"])
        assert all({"title", "minutes"} <= set(s) for s in data["sections"])


def test_default_is_ninety_minutes(invoke):
    data = agenda_json(invoke, *map(str, TEAM))
    assert data["minutes"] == 90
    assert sum(s["minutes"] for s in data["sections"]) == 90


@given(
    st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=12),
    st.integers(min_value=12, max_value=600),
)
def test_largest_remainder_always_sums_exactly(weights, total):
    shares = largest_remainder(weights, total)
    assert sum(shares) == total
    assert all(s >= 1 for s in shares)
    exact = [total * w / sum(weights) for w in weights]
    if min(exact) >= 1:  # no section needed lifting to one minute: within a minute of exact
        assert all(abs(s - x) < 1 for s, x in zip(shares, exact, strict=True))


def test_largest_remainder_gives_leftovers_to_the_largest_remainders():
    # 10 minutes over weights 1,1,1: 3.33 each; the one minute left goes to the first
    assert largest_remainder([1, 1, 1], 10) == [4, 3, 3]
    # 90 over 10,10,15,15,15,10,15 (sum 90): exact
    assert largest_remainder([10, 10, 15, 15, 15, 10, 15], 90) == [10, 10, 15, 15, 15, 10, 15]
    # 47 over 2,3: 18.8 and 28.2 -> 19 and 28
    assert largest_remainder([2, 3], 47) == [19, 28]


def test_the_sections_in_order_with_the_groups_splits_and_conversations(invoke, content):
    data = agenda_json(invoke, *map(str, TEAM))
    kinds = [s["kind"] for s in data["sections"]]
    assert kinds[0] == "welcome" and kinds[-2:] == ["room", "actions"]
    assert kinds[1] == "criteria" and "practice" in kinds
    criteria = data["sections"][1]
    instrumental = next(c for c in content.all_criteria() if c.id == "instrumental-goal")
    assert criteria["items"] == [f"{instrumental.question} (1 yes, 2 no)"]
    conversations = [s for s in data["sections"] if s["kind"] == "conversation"]
    first, second = content.practices[0].statements[:2]
    assert [s["title"] for s in conversations] == [
        f"Conversation: {first.text}",
        f"Conversation: {second.text}",
    ]
    assert "Ratings ran from 0 (Not at all) to 4 (Fully)" in conversations[0]["purpose"]
    assert any(first.text.rstrip(".") in p for p in conversations[0]["prompts"])


def test_weakest_practice_comes_with_a_case_and_its_questions(invoke, content):
    data = agenda_json(invoke, *map(str, TEAM))
    section = next(s for s in data["sections"] if s["kind"] == "practice")
    team = json.loads(invoke("team", *map(str, TEAM), "--format", "json").stdout)
    weakest = min((p for p in team["practices"] if p["mean"] is not None), key=lambda p: p["mean"])
    assert weakest["name"] in section["title"]
    practice = content.practice(weakest["id"])
    case = content.case(sorted(practice.cases, key=lambda link: link.role != "example")[0].case)
    for question in case.questions:
        assert f"It asked: “{question}”" in section["items"]
    assert any(item.startswith("What it found: ") for item in section["items"])


def test_who_is_missing_and_open_actions_are_on_the_agenda(invoke, tmp_path):
    paths = []
    for i, source in enumerate(TEAM):
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data["respondent"] = {**(data.get("respondent") or {}), "brings": ["roots"]}
        data["actions"] = [{"id": f"act-{i}", "text": f"Action {i}", "status": "open"}]
        if i == 2:
            data["actions"][0]["status"] = "done"
        path = tmp_path / source.name
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        paths.append(path)
    data = agenda_json(invoke, *map(str, paths))
    room = next(s for s in data["sections"] if s["kind"] == "room")
    assert any(item.startswith("Vision: missing") for item in room["items"])
    assert not any(item.startswith("Roots") for item in room["items"])
    assert any("tyranny of authenticity" in item for item in room["items"])
    actions = data["sections"][-1]
    assert "Still open: Action 0 (not started)" in actions["items"]
    assert not any("Action 2" in item for item in actions["items"])


def test_agenda_markdown_html_and_terminal(invoke, tmp_path: Path):
    md = invoke("agenda", *map(str, TEAM), "--minutes", "60", "--format", "md").stdout
    assert "# Riverside Food Partnership: session plan (60 minutes)" in md
    assert "| 0:00–0:" in md and "| **Total** | **60** |" in md
    out = tmp_path / "session.html"
    result = invoke("agenda", *map(str, TEAM), "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert page.startswith("<!doctype html>") and "@page { size: A4" in page
    assert "<caption>Timings</caption>" in page
    terminal = " ".join(invoke("agenda", *map(str, TEAM)).stdout.split())
    assert "90 min in total" in terminal and "Ask: What is already decided" in terminal


def test_minutes_out_of_range_are_refused(invoke):
    result = invoke("agenda", str(TEAM[0]), "--minutes", "5")
    assert result.exit_code == 2
    assert "--minutes" in result.stderr


def test_the_command_and_the_core_agree_on_the_limits():
    from coprod.cli.commands import agenda as command
    from coprod.core import agenda as core

    assert (command.DEFAULT_MINUTES, command.MIN_MINUTES, command.MAX_MINUTES) == (
        core.DEFAULT_MINUTES,
        core.MIN_MINUTES,
        core.MAX_MINUTES,
    )


def test_a_twenty_minute_session_drops_parts_rather_than_rushing_them(invoke):
    data = agenda_json(invoke, *map(str, TEAM), "--minutes", "20")
    kinds = [s["kind"] for s in data["sections"]]
    assert all(s["minutes"] >= 5 for s in data["sections"])
    assert sum(s["minutes"] for s in data["sections"]) == 20
    # the welcome, the most contested conversation and the actions stay
    assert kinds[0] == "welcome" and kinds[-1] == "actions" and "conversation" in kinds
    assert data["left_out"], "something had to give"
    full = agenda_json(invoke, *map(str, TEAM), "--minutes", "90")
    assert full["left_out"] == []
    assert len(full["sections"]) == len(data["sections"]) + len(data["left_out"])
    # the people reading the plan are told what was left out, and how to get it back
    for text in (
        invoke("agenda", *map(str, TEAM), "--minutes", "20").stdout,
        invoke("agenda", *map(str, TEAM), "--minutes", "20", "--format", "md").stdout,
    ):
        flat = " ".join(text.split())
        assert "Left out, to give each part at least 5 minutes:" in flat
        assert data["left_out"][0]["title"] in flat
