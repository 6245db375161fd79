"""Reports people share (issue 22, items 21-23): markdown without chart noise, Word, a summary."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import FIXTURES

FULL, LATER = FIXTURES / "full.yaml", FIXTURES / "later.yaml"
TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]

KINDS = [
    pytest.param(("report", str(FULL)), id="report"),
    pytest.param(("team", *map(str, TEAM)), id="team"),
    pytest.param(("compare", str(FULL), str(LATER)), id="compare"),
]


# --- markdown: the mermaid chart only when asked (item 22) -------------------------------


@pytest.mark.parametrize("command", KINDS)
def test_markdown_has_no_mermaid_block_unless_asked(invoke: Any, command: tuple[str, ...]) -> None:
    plain = invoke(*command, "--format", "md")
    assert plain.exit_code == 0, plain.stderr
    assert "```mermaid" not in plain.stdout
    assert "Bands: 0-39 needs attention" in plain.stdout  # the table's bands still explained

    charted = invoke(*command, "--format", "md", "--chart", "mermaid")
    assert charted.exit_code == 0, charted.stderr
    assert charted.stdout.count("```mermaid\nxychart-beta\n") == 1


def test_chart_mermaid_with_html_warns_and_changes_nothing(invoke: Any) -> None:
    plain = invoke("report", str(FULL), "--format", "html")
    asked = invoke("report", str(FULL), "--format", "html", "--chart", "mermaid")
    assert asked.exit_code == 0
    assert asked.stdout == plain.stdout
    assert "--chart mermaid is for markdown" in asked.stderr
