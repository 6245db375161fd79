"""Content version 3 reworked five statements (issue 20): each is grounded in its practice's
text in the report, asks what a group does rather than how it sees itself, and answers of
version 2 still load, compare and read together, naming what replaced what."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from helpers import FIXTURES

from coprod.core.models import Content

REWORKED = {
    "openness-9": "openness-15",
    "expertise-7": "expertise-9",
    "humanising-9": "humanising-10",
    "voice-values-9": "voice-values-15",
    "holding-9": "holding-11",
}
V2 = FIXTURES / "full-v2.yaml"
# Words that ask how a group sees itself (its attitudes) rather than what it does.
ATTITUDES = re.compile(r"\b(ready|embrace\w*|believe\w*|willing|committed)\b", re.IGNORECASE)


def test_the_five_are_replaced_in_version_3(content: Content) -> None:
    assert content.version == 3
    replaced = content.replaced_by()
    for old, new in REWORKED.items():
        assert replaced[old] == [new]


@pytest.mark.parametrize("new", sorted(REWORKED.values()))
def test_each_reworked_statement_cites_its_practices_section(content: Content, new: str) -> None:
    practice, statement = next((p, s) for p, s in content.statements() if s.id == new)
    assert [s.ref for s in statement.source] == ["report"]
    assert statement.source[0].section == practice.source[0].section
    assert statement.source[0].section.startswith(f"{practice.number}. ")


def test_no_statement_asks_about_an_attitude(content: Content) -> None:
    assert [s.id for _, s in content.statements() if ATTITUDES.search(s.text)] == []
    assert ATTITUDES.search("We are ready to change our design when what we learn calls for it.")


def test_places_is_not_used_for_where_knowledge_shaped_the_work(content: Content) -> None:
    statement = next(s for _, s in content.statements() if s.id == "expertise-9")
    assert "places" not in statement.text and "decisions" in statement.text


def test_practices_json_gives_the_grounding(invoke: Any) -> None:
    data = json.loads(invoke("practices", "holding", "--json").stdout)
    statement = next(s for s in data["practices"][0]["statements"] if s["id"] == "holding-11")
    assert statement["source"] == [{"ref": "report", "section": "7. Holding the process"}]


def test_a_version_2_file_loads_naming_the_five(invoke: Any) -> None:
    result = invoke("assess", "--answers", str(V2), "--json")
    assert result.exit_code == 0, result.stderr
    warning = " ".join(result.stderr.split())
    for old, new in REWORKED.items():
        assert f"{old} → {new}" in warning
    practices = json.loads(result.stdout)["practices"]
    assert all(p["score"] is not None for p in practices)


def test_compare_a_version_2_file_with_a_version_3_one(invoke: Any) -> None:
    result = invoke("compare", str(V2), str(FIXTURES / "later.yaml"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "holding-9 → holding-11" in " ".join(result.stderr.split())
    practices = json.loads(result.stdout)["practices"]
    assert all(p["old"] is not None and p["new"] is not None for p in practices)


def test_team_reads_a_version_2_file_with_version_3_ones(invoke: Any) -> None:
    files = [str(V2), str(FIXTURES / "team-jo.yaml"), str(FIXTURES / "team-resident.yaml")]
    result = invoke("team", *files, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "voice-values-9 → voice-values-15" in " ".join(result.stderr.split())


@pytest.mark.parametrize("pack", ["easy-read", "cy", "cy-easy-read"])
def test_every_pack_gives_the_reworked_statements(invoke: Any, pack: str) -> None:
    lang = ["--lang", "cy"] if pack.startswith("cy") else []
    easy = ["--easy-read"] if pack.endswith("easy-read") else []
    result = invoke(*lang, *easy, "practices", "--json")
    assert result.exit_code == 0 and "content version" not in result.stderr
    english = {
        s["id"]: s["text"]
        for p in json.loads(invoke("practices", "--json").stdout)["practices"]
        for s in p["statements"]
    }
    shown = {
        s["id"]: s["text"] for p in json.loads(result.stdout)["practices"] for s in p["statements"]
    }
    for new in REWORKED.values():
        assert shown[new] != english[new]  # the pack's own words, not the original's
        if easy:
            assert len(shown[new].split()) <= 15
