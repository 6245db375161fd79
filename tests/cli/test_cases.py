"""``coprod cases``: filter by practice number, show by name or unique prefix."""

from __future__ import annotations

import json

import pytest


def case_ids(invoke, *args: str) -> list[str]:
    result = invoke("cases", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return [c["id"] for c in json.loads(result.stdout)["cases"]]


# practice numbers, names -----------------------------------------------------------------


@pytest.mark.parametrize("number", ["7", "3"])
def test_cases_practice_filter_accepts_the_number(invoke, content, number) -> None:
    practice = next(p for p in content.practices if str(p.number) == number)
    expected = case_ids(invoke, "--practice", practice.id)
    assert expected
    assert case_ids(invoke, "--practice", number) == expected
    assert case_ids(invoke, "-p", number) == expected


@pytest.mark.parametrize(
    "words",
    [
        ["Transform", "GM"],  # typed without quotes, as the issue did
        ["Transform GM"],
        ["transform gm"],
        ["TRANSFORM"],  # a unique prefix, any case
        ["transform-g"],  # a prefix of the id
    ],
    ids=" ".join,
)
def test_cases_show_accepts_a_name_or_a_unique_prefix(invoke, words) -> None:
    result = invoke("cases", "show", *words)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "╭─ Transform GM ─"
    )  # named; the id was typed, or is not needed
    assert result.stderr == ""


def test_cases_show_prefix_of_a_curly_quoted_name(invoke) -> None:
    result = invoke("cases", "show", "people's rep")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("╭─ People’s Republic of Energy ─")


def test_an_ambiguous_prefix_names_the_matching_ids(invoke, content) -> None:
    result = invoke("cases", "show", "people")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "peoples-procurement" in result.stderr
    assert "peoples-republic-of-energy" in result.stderr
    assert "care-at-home" not in result.stderr  # only the cases that match


def test_an_unknown_name_suggests_ids_not_a_usage_error(invoke, content) -> None:
    result = invoke("cases", "show", "Transform", "Manchester")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "'Transform Manchester'" in result.stderr
    for case in content.cases:
        assert case.id in result.stderr
    assert result.stderr.startswith("error: ")  # coprod's message, not a bare usage line


def test_the_practice_filter_still_refuses_nonsense(invoke) -> None:
    result = invoke("cases", "--practice", "9")
    assert result.exit_code == 2
    assert "'9'" in result.stderr
