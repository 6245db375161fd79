"""Reports and reference views in the terminal (rich): readable at 80 columns and without colour.

* :mod:`.assessment`: one assessment, a one-screen summary first;
* :mod:`.team`: several respondents read together;
* :mod:`.compare`: two assessments of one project;
* :mod:`.room`, :mod:`.agenda`: a workshop's room and a session plan;
* :mod:`.cases`, :mod:`.practices`, :mod:`.criteria`, :mod:`.about`, :mod:`.glossary`:
  the knowledge commands' views of the content.

The names below are loaded on first use, so importing one view (``coprod cases``)
does not load the assessment reports.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coprod.render.terminal.assessment import print_summary, print_verdict, render
    from coprod.render.terminal.common import BAND_STYLE, NARROW, VERDICT_STYLE, bullet
    from coprod.render.terminal.compare import render_comparison
    from coprod.render.terminal.team import render_team
    from coprod.render.text import SCORE_NOTE, TEAM_SCORE_NOTE, VERDICT_TITLE, verdict_lines

_WHERE = {
    "print_summary": "coprod.render.terminal.assessment",
    "print_verdict": "coprod.render.terminal.assessment",
    "render": "coprod.render.terminal.assessment",
    "BAND_STYLE": "coprod.render.terminal.common",
    "NARROW": "coprod.render.terminal.common",
    "VERDICT_STYLE": "coprod.render.terminal.common",
    "bullet": "coprod.render.terminal.common",
    "render_comparison": "coprod.render.terminal.compare",
    "render_team": "coprod.render.terminal.team",
    "SCORE_NOTE": "coprod.render.text",
    "TEAM_SCORE_NOTE": "coprod.render.text",
    "VERDICT_TITLE": "coprod.render.text",
    "verdict_lines": "coprod.render.text",
}


def __getattr__(name: str) -> Any:
    """Load a re-exported name from its module on first use (PEP 562)."""
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "BAND_STYLE",
    "NARROW",
    "SCORE_NOTE",
    "TEAM_SCORE_NOTE",
    "VERDICT_STYLE",
    "VERDICT_TITLE",
    "bullet",
    "print_summary",
    "print_verdict",
    "render",
    "render_comparison",
    "render_team",
    "verdict_lines",
]
