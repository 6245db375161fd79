"""Reports in the terminal (rich): readable at 80 columns and without colour.

* :mod:`.assessment`: one assessment, a one-screen summary first;
* :mod:`.team`: several respondents read together;
* :mod:`.compare`: two assessments of one project.
"""

from __future__ import annotations

from coprod.render.terminal.assessment import print_verdict, render
from coprod.render.terminal.common import BAND_STYLE, NARROW, VERDICT_STYLE, bullet
from coprod.render.terminal.compare import render_comparison
from coprod.render.terminal.team import render_team
from coprod.render.text import SCORE_NOTE, TEAM_SCORE_NOTE, VERDICT_TITLE, verdict_lines

__all__ = [
    "BAND_STYLE",
    "NARROW",
    "SCORE_NOTE",
    "TEAM_SCORE_NOTE",
    "VERDICT_STYLE",
    "VERDICT_TITLE",
    "bullet",
    "print_verdict",
    "render",
    "render_comparison",
    "render_team",
    "verdict_lines",
]
