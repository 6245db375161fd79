"""coprod team: what we agree on, where we split, and the two sides of the table."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from coprod.core.models import Content


def write_group(
    folder: Path, content: Content, people: list[tuple[str | None, list[int]]]
) -> list[str]:
    paths = []
    for n, (role, ratings) in enumerate(people, start=1):
        data = {
            "version": 1,
            "project": {"name": "Space in Common"},
            "mode": "quick",
            "date": "2026-12-06",
            "ratings": {p.id: r for p, r in zip(content.practices, ratings, strict=False)},
        }
        if role:
            data["respondent"] = {"role": role}
        path = folder / f"p{n}.yaml"
        path.write_text(yaml.safe_dump(data))
        paths.append(str(path))
    return paths


def test_team_json_lists_agreement_and_splits(invoke, tmp_path: Path, content: Content) -> None:
    # practice 1: 4, 4, 3 (agree); practice 2: 0, 2, 4 (split); practice 3: two ratings only
    people = [("resident", [4, 0, 1]), ("officer", [4, 2]), ("other", [3, 4, 2])]
    data = json.loads(
        invoke("team", *write_group(tmp_path, content, people), "--format", "json").stdout
    )
    first, second = content.practices[0].id, content.practices[1].id
    assert data["agreement"]["agree"][0] == {"statement": first, "n": 3, "median": 4, "spread": 1}
    assert data["agreement"]["split"] == [
        {"statement": second, "n": 3, "median": 2, "spread": 4, "reasons": []}
    ]
    assert content.practices[2].id not in json.dumps(data["agreement"])


def test_two_on_one_side_shows_no_figures_for_either(
    invoke, tmp_path: Path, content: Content
) -> None:
    people = [("resident", [4] * 7), ("community-sector", [4] * 7)] + [("officer", [1] * 7)] * 3
    paths = write_group(tmp_path, content, people)
    sides = json.loads(invoke("team", *paths, "--format", "json").stdout)["sides"]
    assert sides["comparable"] is False
    # not even how many are on each side
    assert sides["community"] == {"roles": ["resident", "community-sector"], "n": None}
    assert sides["institutions"]["n"] is None
    assert all(g["community"] is None and g["institutions"] is None for g in sides["practices"])
    for fmt in ("md", "html"):
        text = " ".join(invoke("team", *paths, "--format", fmt).stdout.split())
        assert "Too few on one side to compare" in text
    terminal = " ".join(invoke("team", *paths).stdout.split())
    assert "Too few on one side to compare" in terminal
    assert "community 100" not in terminal


def test_a_gap_between_the_sides_is_marked(invoke, tmp_path: Path, content: Content) -> None:
    community = [("resident", [4, 2, 2, 2, 2, 2, 2])] * 2 + [
        ("community-sector", [4, 2, 2, 2, 2, 2, 2])
    ]
    institutions = [("officer", [1, 2, 2, 2, 2, 2, 2])] * 2 + [
        ("councillor", [2, 2, 2, 2, 2, 2, 2])
    ]
    paths = write_group(tmp_path, content, community + institutions + [(None, [0] * 7)])
    sides = json.loads(invoke("team", *paths, "--format", "json").stdout)["sides"]
    assert sides["comparable"] is True
    assert (sides["community"]["n"], sides["institutions"]["n"]) == (3, 3)  # no role: neither side
    first, second = sides["practices"][:2]
    assert first == {
        "id": content.practices[0].id,
        "community": 100.0,
        "institutions": 33.0,
        "gap": 67.0,
        "flagged": True,
    }
    assert second["gap"] == 0 and second["flagged"] is False
    markdown = invoke("team", *paths, "--format", "md").stdout
    assert "## Seen differently from the two sides of the table" in markdown
    assert "**marked**" in markdown
    terminal = " ".join(invoke("team", *paths).stdout.split())
    assert "community 100, institutions 33: a gap of 67 ⚑" in terminal


def test_the_agenda_gives_a_marked_gap_its_own_section(
    invoke, tmp_path: Path, content: Content
) -> None:
    community = [("resident", [4, 2, 2, 2, 2, 2, 2])] * 3
    institutions = [("officer", [1, 2, 2, 2, 2, 2, 2])] * 3
    paths = write_group(tmp_path, content, community + institutions)
    data = json.loads(invoke("agenda", *paths, "--format", "json").stdout)
    (section,) = [s for s in data["sections"] if s["kind"] == "sides"]
    assert section["title"] == "Seen differently from the two sides of the table"
    assert section["items"] == [f"{content.practices[0].name}: community 100, institutions 25"]
    balanced = write_group(
        tmp_path, content, [("resident", [2] * 7)] * 3 + [("officer", [2] * 7)] * 3
    )
    again = json.loads(invoke("agenda", *balanced, "--format", "json").stdout)
    assert "sides" not in [s["kind"] for s in again["sections"]]
