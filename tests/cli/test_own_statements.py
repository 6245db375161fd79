"""The group's own statements through the command line: the statements file checked like any
input, answers files that describe their own statements, and team, report, compare and form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

FIXTURES = Path(__file__).parent.parent / "fixtures"
LISTENED = {"id": "own-listened", "text": "Residents are listened to.", "practice": "openness"}
FUN = {"id": "own-fun", "text": "Meetings are fun."}


def write_statements(tmp_path: Path, text: str, name: str = "ours.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def person(
    tmp_path: Path,
    name: str,
    role: str | None,
    ratings: dict[str, Any],
    *,
    own: list[dict[str, str]] | None = None,
    reasons: dict[str, str] | None = None,
    matters: list[str] | None = None,
    **extra: Any,
) -> Path:
    data = yaml.safe_load((FIXTURES / "full.yaml").read_text(encoding="utf-8"))
    data["respondent"] = {"name": name, **({"role": role} if role else {})}
    data["own_statements"] = own if own is not None else [LISTENED, FUN]
    data["ratings"] = {**data["ratings"], **ratings}
    if reasons:
        data["reasons"] = reasons
    if matters:
        data["matters_most"] = matters
    data.update(extra)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def team_json(invoke: Any, *paths: Path) -> dict[str, Any]:
    result = invoke("team", *map(str, paths), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


# --- the statements file ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ("version: 1\nstatements:\n  - id: listened\n    text: Words.\n", ":3: statements[0].id"),
        (
            "version: 1\nstatements:\n  - id: own-a\n    text: Words.\n  - id: own-b\n    text: ''\n",
            ":6: statements[1].text",
        ),
        (
            "version: 1\nstatements:\n  - id: own-a\n    text: " + "x" * 201 + "\n",
            ":4: statements[0].text: is 201 characters long; a statement is at most 200",
        ),
        (
            "version: 1\nstatements:\n  - id: own-a\n    text: Words.\n    practice: power\n",
            ":5: statements[0].practice: unknown practice id 'power'",
        ),
        (
            "version: 1\nstatements:\n  - id: own-a\n    text: A.\n  - id: own-a\n    text: B.\n",
            "statement id own-a is used more than once",
        ),
        ("version: 2\nstatements:\n  - {id: own-a, text: A.}\n", ":1: version: must be 1"),
        (
            "version: 1\nstatements:\n  - {id: own-a, text: A., colour: red}\n",
            ":3: statements[0].colour: unknown field",
        ),
        ("version: 1\nthings: []\n", "not a statements file"),
    ],
)
def test_a_bad_statements_file_is_refused_with_its_line_and_field(
    invoke: Any, tmp_path: Path, body: str, where: str
) -> None:
    path = write_statements(tmp_path, body)
    out = str(tmp_path / "ws")
    for command in (["form"], ["assess"], ["workshop", "--project", "X", "--out", out]):
        result = invoke(*command, "--statements", str(path))
        assert result.exit_code == 2, (command, result.output)
        assert f"{path}{where}" in result.stderr or where in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "ws").exists()  # refused before any folder is made


def test_twenty_statements_are_fine_and_twenty_one_are_not(invoke: Any, tmp_path: Path) -> None:
    def body(n: int) -> str:
        return "version: 1\nstatements:\n" + "".join(
            f"  - {{id: own-{i}, text: Statement {i}.}}\n" for i in range(n)
        )

    ok = invoke("form", "--statements", str(write_statements(tmp_path, body(20))))
    assert ok.exit_code == 0, ok.output
    refused = invoke("form", "--statements", str(write_statements(tmp_path, body(21))))
    assert refused.exit_code == 2
    assert "has 21 statements; at most 20 may be given" in refused.stderr


def test_two_hundred_characters_is_the_longest_statement(invoke: Any, tmp_path: Path) -> None:
    path = write_statements(
        tmp_path, "version: 1\nstatements:\n  - {id: own-a, text: " + "y" * 200 + "}\n"
    )
    assert invoke("form", "--statements", str(path)).exit_code == 0


def test_the_paper_form_prints_them_after_the_practices(
    invoke: Any, tmp_path: Path, content
) -> None:  # type: ignore[no-untyped-def]
    path = write_statements(
        tmp_path,
        yaml.safe_dump({"version": 1, "statements": [LISTENED, FUN]}),
    )
    html = invoke("form", "--statements", str(path)).stdout
    assert "<h2>Our own statements</h2>" in html
    own = html.index("Our own statements")
    assert html.index(content.practices[-1].name) < own < html.index("Two reflections")
    assert "Residents are listened to. (Designing for openness)" in html
    assert "Meetings are fun." in html
    assert html.count("Why?") == len(list(content.statements())) + 2


# --- answers files ----------------------------------------------------------------------


def test_a_rating_of_an_own_statement_not_defined_is_refused_with_its_line(
    invoke: Any, tmp_path: Path
) -> None:
    path = person(tmp_path, "Sam", "officer", {"own-missing": 2}, own=[LISTENED])
    result = invoke("report", str(path))
    assert result.exit_code == 2
    assert (
        "ratings.own-missing: own statement 'own-missing' is not defined under own_statements"
        in result.stderr
    )


def test_own_statements_are_never_in_the_practices_scores(invoke: Any, tmp_path: Path) -> None:
    plain = person(tmp_path, "Plain", None, {}, own=[])
    rated = person(tmp_path, "Own", None, {"own-listened": 0, "own-fun": 4})
    without = json.loads(invoke("report", str(plain), "--format", "json").stdout)
    with_own = json.loads(invoke("report", str(rated), "--format", "json").stdout)
    assert with_own["practices"] == without["practices"]
    assert with_own["overall"] == without["overall"]
    assert with_own["own_statements"] == [
        {**LISTENED, "rating": 0},
        {**FUN, "practice": None, "rating": 4},
    ]
    assert without["own_statements"] == []
    text = invoke("report", str(rated)).stdout
    assert "Our own statements" in text and "Meetings are fun. — 4 Fully" in text
    markdown = invoke("report", str(rated), "--format", "md").stdout
    assert "## Our own statements" in markdown
    html = invoke("report", str(rated), "--format", "html").stdout
    assert "Our own statements</h2>" in html


def test_team_reads_own_statements_from_the_files_alone(invoke: Any, tmp_path: Path) -> None:
    files = [
        person(
            tmp_path,
            "A",
            "resident",
            {"own-listened": 0, "own-fun": 3},
            reasons={"own-listened": "Nobody asked us."},
            matters=["own-listened"],
        ),
        person(
            tmp_path, "B", "resident", {"own-listened": 2, "own-fun": 3}, matters=["own-listened"]
        ),
        person(
            tmp_path,
            "C",
            "officer",
            {"own-listened": 4, "own-fun": 4},
            reasons={"own-listened": "We act on it."},
        ),
    ]
    view = team_json(invoke, *files)
    own = {o["id"]: o for o in view["own_statements"]}
    assert own["own-listened"] == {
        **LISTENED,
        "n": 3,
        "mean": 2.0,
        "low": 0,
        "high": 4,
        "dont_know": 0,
        "na": 0,
    }
    split = {s["statement"]: s for s in view["agreement"]["split"]}
    assert split["own-listened"]["reasons"] == [
        {"rating": 0, "text": "Nobody asked us."},
        {"rating": 4, "text": "We act on it."},
    ]
    assert "own-fun" in {s["statement"] for s in view["agreement"]["agree"]}
    assert view["matters_most"][0] == {
        "statement": "own-listened",
        "count": 2,
        "mean": 2.0,
        "spread": 4,
    }
    assert "own-listened" in {g["id"] for g in view["sides"]["statements"]}
    for fmt in ("md", "html"):
        report = invoke("team", *map(str, files), "--format", fmt).stdout
        assert "Our own statements" in report
    terminal = invoke("team", *map(str, files)).stdout
    assert "Our own statements" in terminal
    assert "Residents are listened to. (Designing for openness) — rated by 3" in " ".join(
        terminal.split()
    )


def test_an_own_statement_counts_from_three_raters(invoke: Any, tmp_path: Path) -> None:
    two = [
        person(tmp_path, "A", None, {"own-listened": 0}),
        person(tmp_path, "B", None, {"own-listened": 4}),
        person(tmp_path, "C", None, {"own-listened": "dont_know"}),
    ]
    view = team_json(invoke, *two)
    counted = {s["statement"] for k in ("agree", "split") for s in view["agreement"][k]}
    assert "own-listened" not in counted  # two ratings 0-4: neither agreed nor split
    three = [*two, person(tmp_path, "D", None, {"own-listened": 1})]
    view = team_json(invoke, *three)
    split = {s["statement"] for s in view["agreement"]["split"]}
    assert "own-listened" in split


def test_the_sides_of_the_table_include_own_statements_from_three_a_side(
    invoke: Any, tmp_path: Path
) -> None:
    files = [person(tmp_path, f"R{i}", "resident", {"own-listened": 1}) for i in range(3)] + [
        person(tmp_path, f"O{i}", "officer", {"own-listened": 2}) for i in range(3)
    ]
    gaps = {g["id"]: g for g in team_json(invoke, *files)["sides"]["statements"]}
    assert gaps["own-listened"] == {
        "id": "own-listened",
        "community": 1.0,
        "institutions": 2.0,
        "gap": -1.0,
        "flagged": True,
    }
    fewer = files[:2] + files[3:]
    gaps = {g["id"]: g for g in team_json(invoke, *fewer)["sides"]["statements"]}
    assert gaps["own-listened"]["community"] is None and not gaps["own-listened"]["flagged"]


def test_the_same_id_with_different_words_is_a_warning_naming_both_files(
    invoke: Any, tmp_path: Path
) -> None:
    first = person(tmp_path, "A", None, {"own-listened": 1})
    other = {**LISTENED, "text": "People listen to residents."}
    second = person(tmp_path, "B", None, {"own-listened": 3}, own=[other, FUN])
    result = invoke("team", str(first), str(second), "--format", "json")
    assert result.exit_code == 0
    assert "own-listened" in result.stderr
    assert str(first) in result.stderr and str(second) in result.stderr
    own = {o["id"]: o for o in json.loads(result.stdout)["own_statements"]}
    assert own["own-listened"]["text"] == "Residents are listened to."  # the first file's


def test_compare_tracks_each_own_statement_by_id(invoke: Any, tmp_path: Path) -> None:
    old = person(tmp_path, "Sam", "officer", {"own-listened": 1}, own=[LISTENED], date="2026-09-01")
    newer = tmp_path / "later"
    newer.mkdir()
    new = person(newer, "Sam", "officer", {"own-listened": 3, "own-fun": 2}, date="2026-12-01")
    result = invoke("compare", str(old), str(new), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["own_statements"] == [
        {**LISTENED, "old": 1, "new": 3, "change": 2},
        {**FUN, "practice": None, "old": None, "new": 2, "change": None},
    ]
    text = " ".join(invoke("compare", str(old), str(new)).stdout.split())
    assert (
        "Residents are listened to. (Designing for openness) — 1 A little → 3 Mostly (+2 ↑)" in text
    )


def test_the_agenda_talks_first_about_an_own_statement_that_matters_and_splits(
    invoke: Any, tmp_path: Path
) -> None:
    files = [
        person(
            tmp_path,
            "A",
            "resident",
            {"own-listened": 0},
            matters=["own-listened"],
            reasons={"own-listened": "Nobody asked us."},
        ),
        person(tmp_path, "B", "resident", {"own-listened": 2}, matters=["own-listened"]),
        person(tmp_path, "C", "officer", {"own-listened": 4}),
    ]
    result = invoke("agenda", *map(str, files), "--format", "json")
    assert result.exit_code == 0, result.output
    sections = json.loads(result.stdout)["sections"]
    first = next(s for s in sections if s["kind"] == "matters")
    assert first["items"][0].startswith("Residents are listened to.: marked by 2")
    assert "A reason, rated 0 Not at all: “Nobody asked us.”" in first["items"]
