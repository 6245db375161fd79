"""The HTML reports' look lives in coprod/render/report.css (and agenda.css for a session plan).

Each HTML file carries the stylesheets inline, so it opens anywhere with nothing
fetched: what the .css files hold is what a report's reader gets.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import coprod.render

RENDER = Path(coprod.render.__file__).parent
STYLE = re.compile(r"<style>\n(.*?)\n</style>", re.DOTALL)


def shipped(name: str) -> str:
    return (RENDER / name).read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("name", ["report.css", "agenda.css"])
def test_a_stylesheet_fetches_nothing(name: str) -> None:
    css = shipped(name)
    assert css
    assert "url(" not in css
    assert "@import" not in css
    assert "</style" not in css.lower()


def test_an_html_report_carries_report_css(invoke, full_answers: Path) -> None:
    result = invoke("report", str(full_answers), "--format", "html")
    assert result.exit_code == 0, result.stderr
    assert STYLE.findall(result.stdout) == [shipped("report.css")]


def test_a_session_plan_adds_agenda_css_after_report_css(invoke, full_answers: Path) -> None:
    team = [str(full_answers.parent / f"team-{n}.yaml") for n in ("sam", "resident", "jo")]
    result = invoke("agenda", *team, "--format", "html")
    assert result.exit_code == 0, result.stderr
    assert STYLE.findall(result.stdout) == [shipped("report.css") + "\n" + shipped("agenda.css")]
