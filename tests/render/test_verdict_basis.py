"""The verdict's rules are coprod's, not the report's: every format that explains the rules
or prints a verdict says it is "coprod's reading of the report's criteria"."""

from __future__ import annotations

import json
from typing import Any

import pytest
from helpers import FIXTURES

READING = "coprod's reading of the report's criteria"
WELSH_READING = "Darlleniad coprod o feini prawf yr adroddiad"
FULL = str(FIXTURES / "full.yaml")
TEAM = [str(FIXTURES / f"team-{who}.yaml") for who in ("jo", "sam", "resident")]


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


@pytest.mark.parametrize(
    "args",
    [
        ("assess", "--answers", FULL),
        ("report", FULL, "--format", "md"),
        ("report", FULL, "--format", "html"),
        ("compare", str(FIXTURES / "full-v1.yaml"), str(FIXTURES / "later.yaml")),
        ("compare", FULL, str(FIXTURES / "later.yaml"), "--format", "md"),
        ("team", *TEAM),
        ("team", *TEAM, "--format", "md"),
        ("criteria",),
    ],
    ids=["terminal", "markdown", "html", "compare", "compare-md", "team", "team-md", "criteria"],
)
def test_where_a_verdict_is_printed_or_explained_it_is_coprods_reading(
    invoke: Any, args: tuple[str, ...]
) -> None:
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    assert READING in _flat(result.stdout).replace("&#x27;", "'").replace("&#39;", "'")


def test_the_verdict_and_its_basis_come_together(invoke: Any) -> None:
    md = invoke("report", FULL, "--format", "md").stdout
    section = md.split("## When to co-produce", 1)[1].split("\n## ", 1)[0]
    assert READING in _flat(section)
    assert "any warning sign answered yes gives caution" in _flat(section)


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (("assess", "--answers", FULL, "--json"), "verdict_basis"),
        (("compare", FULL, str(FIXTURES / "later.yaml"), "--format", "json"), "verdict_basis"),
        (("criteria", "--json"), "verdict_rules"),
    ],
    ids=["assessment", "comparison", "criteria"],
)
def test_json_says_so_too(invoke: Any, args: tuple[str, ...], key: str) -> None:
    data = json.loads(invoke(*args).stdout)
    assert READING in data[key]


def test_in_welsh_too(invoke: Any) -> None:
    result = invoke("--lang", "cy", "assess", "--answers", FULL)
    assert result.exit_code == 0, result.stderr
    assert WELSH_READING in _flat(result.stdout)
    data = json.loads(invoke("--lang", "cy", "assess", "--answers", FULL, "--json").stdout)
    assert data["verdict_basis"].startswith(WELSH_READING)
