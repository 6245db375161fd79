"""Reasons for ratings and what matters most: the answers file, `team` and `agenda`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from coprod.core.models import Content
from coprod.storage.answers_file import dumps, parse_answers_text


def answers(content: Content, **extra: Any) -> dict[str, Any]:
    first = content.practices[0].id
    return {
        "version": 1,
        "project": {"name": "Space in Common"},
        "mode": "quick",
        "ratings": {first: 2},
        **extra,
    }


def write(path: Path, data: dict[str, Any]) -> str:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return str(path)


def line_of(path: str, start: str, after: str = "") -> int:
    """The number of the first line starting ``start`` (after the line starting ``after``)."""
    lines = Path(path).read_text().splitlines()
    begin = next(i for i, line in enumerate(lines) if line.startswith(after)) if after else 0
    return next(i for i, line in enumerate(lines) if i >= begin and line.startswith(start)) + 1


def test_a_reason_of_280_characters_is_kept_and_281_refused_with_its_line(
    invoke, tmp_path: Path, content: Content
) -> None:
    first = content.practices[0].id
    ok = write(tmp_path / "ok.yaml", answers(content, reasons={first: "a" * 280}))
    assert invoke("report", ok).exit_code == 0
    long = write(tmp_path / "long.yaml", answers(content, reasons={first: "a" * 281}))
    result = invoke("report", long)
    assert result.exit_code == 2
    line = line_of(long, f"  {first}:", after="reasons:")
    assert f"long.yaml:{line}: reasons.{first}:" in result.stderr
    assert "280" in result.stderr
    assert "Traceback" not in result.stderr


def test_more_than_three_statements_that_matter_most_are_refused_with_file_line_and_field(
    invoke, tmp_path: Path, content: Content
) -> None:
    ids = [p.id for p in content.practices]
    three = write(tmp_path / "three.yaml", answers(content, matters_most=ids[:3]))
    assert invoke("report", three).exit_code == 0
    four = write(tmp_path / "four.yaml", answers(content, matters_most=ids[:4]))
    result = invoke("report", four)
    assert result.exit_code == 2
    assert f"four.yaml:{line_of(four, 'matters_most:')}: matters_most:" in result.stderr
    assert "at most 3" in result.stderr


def test_unknown_ids_in_reasons_and_matters_most_are_refused(
    invoke, tmp_path: Path, content: Content
) -> None:
    statement = next(s.id for _p, s in content.statements())  # a quick file rates practices
    data = answers(content, reasons={statement: "why"}, matters_most=["nothing-like-this"])
    bad = write(tmp_path / "bad.yaml", data)
    result = invoke("report", bad)
    assert result.exit_code == 2
    line = line_of(bad, f"  {statement}:", after="reasons:")
    assert f"bad.yaml:{line}: reasons.{statement}: unknown practice id" in result.stderr
    line = line_of(bad, "- nothing-like-this", after="matters_most:")
    assert f"bad.yaml:{line}: matters_most[0]: unknown practice id" in result.stderr


def test_the_one_writer_keeps_reasons_and_priorities_and_old_files_unchanged(
    content: Content,
) -> None:
    first, second = content.practices[0].id, content.practices[1].id
    old = yaml.safe_dump(answers(content), sort_keys=False)
    assert "reasons" not in dumps(parse_answers_text(old, content).answers)
    given = answers(content, reasons={first: "  We were asked late.  "}, matters_most=[second])
    text = dumps(parse_answers_text(yaml.safe_dump(given), content).answers)
    again = parse_answers_text(text, content).answers
    assert again.reasons == {first: "We were asked late."}
    assert again.matters_most == [second]


def write_group(
    folder: Path, content: Content, people: list[tuple[str, int, str | None, list[str]]]
) -> list[str]:
    """People rating the first practice, each with a name, a reason and priorities."""
    paths = []
    for n, (name, rating, reason, marked) in enumerate(people, start=1):
        first = content.practices[0].id
        data = answers(
            content,
            respondent={"name": name, "role": "resident"},
            ratings={p.id: rating for p in content.practices},
            matters_most=marked,
        )
        if reason:
            data["reasons"] = {first: reason}
        paths.append(write(folder / f"p{n}.yaml", data))
    return paths


def group(tmp_path: Path, content: Content) -> list[str]:
    first, second, third = (p.id for p in content.practices[:3])
    # the first practice splits the room (0..4) and matters to two; the second and third
    # agree; the third matters to all three (most marked, but not split)
    people = [
        ("Zed", 4, "It changed how we meet.", [first, third]),
        ("Amy", 0, "Nobody asked us.", [third]),
        ("Bo", 2, None, [first, third, second]),
    ]
    return write_group(tmp_path, content, people)


def test_split_statements_list_reasons_with_their_rating_and_no_name(
    invoke, tmp_path: Path, content: Content
) -> None:
    paths = group(tmp_path, content)
    data = json.loads(invoke("team", *paths, "--format", "json").stdout)
    [split] = [s for s in data["agreement"]["split"] if s["statement"] == content.practices[0].id]
    # by rating, not in the files' order (Zed's file came first)
    assert split["reasons"] == [
        {"rating": 0, "text": "Nobody asked us."},
        {"rating": 4, "text": "It changed how we meet."},
    ]
    for fmt in ("md", "html"):
        text = invoke("team", *paths, "--format", fmt).stdout
        flat = " ".join(text.split())
        assert "Nobody asked us." in flat
        assert "rated 0 Not at all" in flat
        section = flat[flat.index("Where we see it differently") :]
        assert "Zed" not in section and "Amy" not in section
    terminal = " ".join(invoke("team", *paths).stdout.split())
    assert "rated 4 Fully: “It changed how we meet.”" in terminal


def test_matters_most_is_most_marked_first_and_split_ones_are_named_first(
    invoke, tmp_path: Path, content: Content
) -> None:
    first, second, third = (p.id for p in content.practices[:3])
    paths = group(tmp_path, content)
    data = json.loads(invoke("team", *paths, "--format", "json").stdout)
    assert data["matters_most"] == [
        {"statement": third, "count": 3, "mean": 2.0, "spread": 4},
        {"statement": first, "count": 2, "mean": 2.0, "spread": 4},
        {"statement": second, "count": 1, "mean": 2.0, "spread": 4},
    ]
    # every practice is rated 4, 0, 2 here, so every one splits: the first named is the
    # most marked one; with the third agreed on, the first practice leads
    names = {p.id: p.name for p in content.practices}
    flat = " ".join(invoke("team", *paths).stdout.split())
    lead = flat.index("talk about these first")
    assert flat.index(names[third], lead) < flat.index(names[first], lead)


def test_what_matters_most_and_splits_comes_before_what_only_matters(
    invoke, tmp_path: Path, content: Content
) -> None:
    first, second = content.practices[0].id, content.practices[1].id
    paths = []
    for n, (rating, marked) in enumerate([(4, [second]), (0, [second, first]), (2, [second])]):
        data = answers(content, ratings={first: rating, second: 3}, matters_most=marked)
        paths.append(write(tmp_path / f"p{n}.yaml", data))
    data = json.loads(invoke("team", *paths, "--format", "json").stdout)
    assert [m["statement"] for m in data["matters_most"]] == [second, first]  # most marked
    names = {p.id: p.name for p in content.practices}
    for fmt in ("md", "html"):
        flat = " ".join(invoke("team", *paths, "--format", fmt).stdout.split())
        lead = flat.index("talk about these first")
        listed = flat.index("Marked as mattering most")
        # named first: only the split one is under the lead, before the full list
        assert lead < flat.index(names[first], lead) < listed
        assert names[second] not in flat[lead:listed]
    agenda = json.loads(invoke("agenda", *paths, "--format", "json").stdout)
    sections = agenda["sections"]
    assert sections[1]["kind"] == "matters"
    assert names[first] in sections[1]["items"][0]
    assert sections[0]["kind"] == "welcome"


def test_a_group_without_priorities_shows_no_matters_most_section(
    invoke, tmp_path: Path, content: Content
) -> None:
    paths = [write(tmp_path / f"p{n}.yaml", answers(content)) for n in range(3)]
    assert json.loads(invoke("team", *paths, "--format", "json").stdout)["matters_most"] == []
    assert "What matters most to us" not in invoke("team", *paths, "--format", "md").stdout
