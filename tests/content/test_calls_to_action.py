"""Every report ends with what the Jam and Justice report asks of the respondent's role."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from helpers import FIXTURES

from coprod.core.models import Content

FULL = FIXTURES / "full.yaml"  # respondent: Sam, officer
TEAM = [FIXTURES / f"team-{who}.yaml" for who in ("sam", "resident", "jo")]
HEADING = "What the report asks of you"


def without_role(tmp_path: Path) -> Path:
    data = yaml.safe_load(FULL.read_text(encoding="utf-8"))
    data.pop("respondent")
    path = tmp_path / "anon.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def readers(content: Content, ids: list[str]) -> list[str]:
    by_id = {c.id: c.reader for c in content.background.calls_to_action}
    return [by_id[i] for i in ids]


def test_terminal_report_ends_with_the_calls_for_an_officer(invoke: Any, content: Content) -> None:
    out = invoke("assess", "--answers", str(FULL)).stdout
    tail = " ".join(out.split(HEADING, 1)[1].split())
    for reader in readers(content, ["organisations", "individuals", "co-producers"]):
        assert f"{reader}:" in tail
    assert "People invited to take part" not in tail
    assert tail.endswith("From the report's section “What would ‘different’ look like?”.")


def test_markdown_and_html_end_with_the_calls(invoke: Any, content: Content) -> None:
    md = invoke("report", str(FULL)).stdout
    headings = re.findall(r"^## (.*)$", md, re.MULTILINE)
    assert headings[-1] == HEADING
    assert "- **Organisations**: " in md.split(HEADING, 1)[1]
    html = invoke("report", str(FULL), "--format", "html").stdout
    h2 = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    assert h2[-1] == HEADING
    assert "<strong>People invited to take part</strong>" not in html


def test_all_four_calls_when_the_role_is_unknown(invoke: Any, content: Content, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = without_role(tmp_path)
    md = invoke("report", str(path)).stdout.split(HEADING, 1)[1]
    for call in content.background.calls_to_action:
        assert f"**{call.reader}**: {call.text}" in md
    data = json.loads(invoke("assess", "--answers", str(path), "--json").stdout)
    assert [c["id"] for c in data["calls_to_action"]] == [
        c.id for c in content.background.calls_to_action
    ]


def test_json_carries_the_calls_for_the_role_with_sources(invoke: Any) -> None:
    data = json.loads(invoke("report", str(FULL), "--format", "json").stdout)
    calls = data["calls_to_action"]
    assert [c["id"] for c in calls] == ["organisations", "individuals", "co-producers"]
    assert all(c["source"] and c["text"] and c["reader"] for c in calls)


def test_team_shows_the_calls_for_the_roles_present(invoke: Any, tmp_path: Path) -> None:
    data = json.loads(invoke("team", *map(str, TEAM), "--format", "json").stdout)
    # an officer, a resident and a councillor: residents are asked as participants too
    assert [c["id"] for c in data["calls_to_action"]] == [
        "organisations",
        "individuals",
        "co-producers",
        "participants",
    ]
    text = " ".join(invoke("team", *map(str, TEAM)).stdout.split())
    assert HEADING in text and "People invited to take part:" in text

    officers = []
    for n in (1, 2):
        answers = yaml.safe_load(TEAM[0].read_text(encoding="utf-8"))
        answers["respondent"] = {"name": f"Officer {n}", "role": "officer"}
        path = tmp_path / f"officer-{n}.yaml"
        path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
        officers.append(str(path))
    md = invoke("team", *officers, "--format", "md").stdout
    assert md.rstrip().splitlines()[-1].startswith("From the report's section")
    assert "People invited to take part" not in md.split(HEADING, 1)[1]
