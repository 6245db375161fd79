"""`coprod team` and `coprod compare`: the numbers they print, and what they refuse."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from helpers import FIXTURES

TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]


def scores(invoke, path: Path) -> dict[str, int | None]:
    data = json.loads(invoke("assess", "--answers", str(path), "--json").stdout)
    return {p["id"]: p["score"] for p in data["practices"]}


def test_team_json_numbers_follow_each_persons_scores(invoke, content):
    data = json.loads(invoke("team", *map(str, TEAM), "--format", "json").stdout)
    assert data["version"] == 2
    assert [r["label"] for r in data["respondents"]] == [
        "Sam (officer)",
        "Respondent 2 (resident)",  # unnamed: numbered like anyone else, never a bare role
        "Jo (councillor)",
    ]
    assert data["roles"] == {"officer": 1, "resident": 1, "councillor": 1}
    individual = [scores(invoke, path) for path in TEAM]
    for practice in data["practices"]:
        values = [person[practice["id"]] for person in individual]
        assert practice["scores"] == values
        assert practice["low"] == min(values)
        assert practice["high"] == max(values)
        assert practice["spread"] == max(values) - min(values)
        assert abs(practice["mean"] - sum(values) / 3) <= 0.5
    openness = data["practices"][0]
    assert (openness["low"], openness["high"]) == (53, 69)


def test_team_lists_disagreements_of_two_points_or_more(invoke, content):
    data = json.loads(invoke("team", *map(str, TEAM), "--format", "json").stdout)
    first, second = content.practices[0].statements[:2]
    gaps = {d["statement"]: d["gap"] for d in data["disagreements"]}
    assert gaps == {first.id: 4, second.id: 2}
    assert data["disagreements"][0]["statement"] == first.id  # biggest gap first
    assert [c["id"] for c in data["criteria_differences"]] == ["instrumental-goal"]


def test_team_terminal_output_names_who_sits_where(invoke, content):
    result = invoke("team", *map(str, TEAM))
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "3 respondents (1 officer, 1 resident, 1 councillor)" in text
    assert "Conversations to have (2 where" in text
    assert (
        "Sam (officer): 4 Fully; Respondent 2 (resident): 0 Not at all; Jo (councillor): 3 Mostly"
        in text
    )
    assert "53–69" in text


def test_team_anonymous_hides_names_and_roles(invoke):
    result = invoke("team", *map(str, TEAM), "--anonymous")
    text = " ".join(result.stdout.split())
    # a shared view: ratings as counts, never a person (or a number) beside one
    assert "1 × 0 Not at all, 1 × 3 Mostly, 1 × 4 Fully" in text
    assert "Respondent 1:" not in text
    assert "Sam" not in text and "Jo (" not in text


def test_team_rejects_other_projects_and_modes(invoke, tmp_path):
    other = yaml.safe_load(TEAM[0].read_text())
    other["project"]["name"] = "Another project"
    odd = tmp_path / "other.yaml"
    odd.write_text(yaml.safe_dump(other))
    result = invoke("team", str(TEAM[0]), str(odd))
    assert result.exit_code == 2
    assert str(odd) in result.stderr and "Another project" in result.stderr

    quick = yaml.safe_load(TEAM[0].read_text())
    quick["mode"] = "quick"
    quick["ratings"] = {"openness": 3}
    quick_file = tmp_path / "quick.yaml"
    quick_file.write_text(yaml.safe_dump(quick))
    result = invoke("team", str(TEAM[0]), str(quick_file))
    assert result.exit_code == 2
    assert "quick" in result.stderr

    result = invoke("team", str(TEAM[0]))
    assert result.exit_code == 2
    assert "two or more" in result.stderr


def test_compare_shows_changes_with_arrows(invoke, content):
    result = invoke("compare", str(FIXTURES / "full.yaml"), str(FIXTURES / "later.yaml"))
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "2026-11-20 → 2027-03-01" in text
    assert "Favourable then, caution now" in text
    assert "69 │ 75 │ +6 ↑" in text
    assert "75 │ 75 │ 0 →" in text
    assert "We now pay participants for their time." in text


def test_compare_json_numbers(invoke, content):
    old, new = FIXTURES / "full.yaml", FIXTURES / "later.yaml"
    data = json.loads(invoke("compare", str(old), str(new), "-f", "json").stdout)
    before, after = scores(invoke, old), scores(invoke, new)
    for practice in data["practices"]:
        assert practice["old"] == before[practice["id"]]
        assert practice["new"] == after[practice["id"]]
        assert practice["change"] == after[practice["id"]] - before[practice["id"]]
        expected = "↑" if practice["change"] > 0 else "↓" if practice["change"] < 0 else "→"
        assert practice["arrow"] == expected
    statements = content.practices[0].statements
    moved = {m["id"]: m["change"] for m in data["moved_statements"]}
    assert moved == {statements[0].id: -2, statements[2].id: 2, statements[3].id: 2}
    assert data["old"]["verdict"] == "favourable" and data["new"]["verdict"] == "caution"
    assert data["new_notes"] == [
        {"practice": "expertise", "note": "We now pay participants for their time.", "was": None}
    ]
    assert data["removed_notes"] == []


def test_compare_warns_when_files_are_in_the_wrong_order(invoke):
    result = invoke("compare", str(FIXTURES / "later.yaml"), str(FIXTURES / "full.yaml"))
    assert result.exit_code == 0
    assert "give the older file first" in " ".join(result.stdout.split())


def test_compare_rejects_different_projects(invoke, tmp_path):
    other = yaml.safe_load((FIXTURES / "later.yaml").read_text())
    other["project"]["name"] = "Elsewhere"
    path = tmp_path / "elsewhere.yaml"
    path.write_text(yaml.safe_dump(other))
    result = invoke("compare", str(FIXTURES / "full.yaml"), str(path))
    assert result.exit_code == 2
    assert "Elsewhere" in result.stderr
