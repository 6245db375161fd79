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


# --- what the report says beyond its calls, carried as it says it ------------------------

EMPOWERED = (
    "Potential participants or would-be co-producers, from citizens or young people, need "
    "to be empowered to ask the right questions about what has been decided, what can be "
    "influenced and why their participation really matters."
)
VISION = "The report's vision, and what changed"
RESIDENT = FIXTURES / "team-resident.yaml"


def test_a_residents_report_carries_the_call_to_be_empowered_in_full(invoke: Any) -> None:
    md = " ".join(invoke("report", str(RESIDENT), "--format", "md").stdout.split())
    calls = md.split(HEADING, 1)[1]
    assert f"In the report's words: “{EMPOWERED}”" in calls
    assert "**People invited to take part**: Be empowered to ask" in calls
    data = json.loads(invoke("report", str(RESIDENT), "--format", "json").stdout)
    participants = next(c for c in data["calls_to_action"] if c["id"] == "participants")
    assert participants["quote"] == EMPOWERED


def test_the_calls_are_framed_as_the_report_frames_them(invoke: Any) -> None:
    """Take stock first; a strategy is only a marker in the sand."""
    md = invoke("report", str(FULL), "--format", "md").stdout
    calls = " ".join(md.split(f"## {HEADING}", 1)[1].split())
    take_stock = calls.index("**Take stock first**")
    first_call = calls.index("**Organisations**")
    marker = calls.index("**A marker in the sand**")
    assert take_stock < first_call < marker
    assert "need to take stock and take action within their own worlds" in calls
    assert "can provide a marker in the sand" in calls
    assert calls.rstrip().endswith("From the report's section “What would ‘different’ look like?”.")


def test_reports_end_with_the_vision_and_what_changed_before_the_calls(invoke: Any) -> None:
    md = invoke("report", str(FULL), "--format", "md").stdout
    headings = re.findall(r"^## (.*)$", md, re.MULTILINE)
    assert headings[-2:] == [VISION, HEADING]
    vision = " ".join(md.split(f"## {VISION}", 1)[1].split(f"## {HEADING}", 1)[0].split())
    assert "**Governing differently**" in vision
    assert "multiple diverse and diffuse centres of power" in vision  # the report's words
    assert "“Change takes time." in vision and "“We have forged relationships" in vision
    assert vision.count("In the report's words: “") >= 10
    assert "“Evidencing impact”" in vision
    terminal = " ".join(invoke("assess", "--answers", str(FULL)).stdout.split())
    assert terminal.index(VISION) < terminal.index(HEADING)


def test_compare_ends_with_the_calls_to_action_like_the_other_reports(invoke: Any) -> None:
    files = [str(FIXTURES / "full-v1.yaml"), str(FIXTURES / "later.yaml")]
    md = invoke("compare", *files, "--format", "md").stdout
    assert re.findall(r"^## (.*)$", md, re.MULTILINE)[-2:] == [VISION, HEADING]
    html = invoke("compare", *files, "--format", "html").stdout
    assert re.findall(r"<h2[^>]*>(.*?)</h2>", html)[-1] == HEADING
    terminal = " ".join(invoke("compare", *files).stdout.split())
    assert HEADING in terminal and "Organisations:" in terminal
    assert terminal.endswith("From the report's section “What would ‘different’ look like?”.")
    data = json.loads(invoke("compare", *files, "--format", "json").stdout)
    assert [c["id"] for c in data["calls_to_action"]] == [
        "organisations",
        "individuals",
        "co-producers",
    ]


def test_about_gives_every_item_its_sources(invoke: Any) -> None:
    data = json.loads(invoke("about", "--json").stdout)
    items = [item for section in data.values() if isinstance(section, list) for item in section]
    assert len(items) > 40
    assert all(item["source"] and item["source"][0]["section"] for item in items)
    out = invoke("about").stdout
    # every item ends with its numbered references, listed under its section
    marks = re.findall(r"\[(\d+(?:, \d+)*)\]\s*$", out, re.MULTILINE)
    listed = re.findall(r"^\s+\[(\d+)\] (?:The report|The research outcomes record)", out, re.M)
    assert len(marks) >= len(items)
    assert listed and set(listed) <= {str(n) for n in range(1, 10)}


def test_about_carries_the_vision_the_framing_and_what_changed(invoke: Any) -> None:
    text = " ".join(invoke("about").stdout.split())
    for title in (
        "The report's vision: governing differently",
        "How the report frames what it asks",
        "What changed, in the report's headlines",
    ):
        assert title in text
    assert f"In the report's words: “{EMPOWERED}”" in text
    data = json.loads(invoke("about", "--json").stdout)
    assert [p["id"] for p in data["calls_framing"]] == ["take-stock", "marker-in-the-sand"]
    assert all(p["quote"] for key in ("vision", "what_changed") for p in data[key])
