"""The group's own statements in the terminal: one person's, a group's, two files' by id.

The words are :mod:`coprod.render.markdown.own`'s; never in the practices' scores.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod.core.own import OWN_SECTION
from coprod.i18n import _
from coprod.i18n.labels import rating_label
from coprod.render.markdown.own import OWN_NOTE, change_text, group_figures, own_text
from coprod.render.safe import escape_markup
from coprod.render.terminal.common import bullet, section

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.assessment import Assessment
    from coprod.core.compare import Comparison
    from coprod.core.team import TeamView


def _heading(console: Console) -> None:
    section(console, escape_markup(_(OWN_SECTION)))
    console.print(f"[dim]{escape_markup(_(OWN_NOTE))}[/dim]")


def render_assessment_own(assessment: Assessment, console: Console) -> None:
    """One person's ratings of the group's own statements (none asked: nothing)."""
    if not assessment.own:
        return
    names = {p.id: p.name for p in assessment.content.practices}
    _heading(console)
    for statement, rating in assessment.own:
        text = f"{own_text(statement, names)} — {rating_label(rating)}"
        bullet(console, escape_markup(text))
        why = assessment.answers.reasons.get(statement.id)
        if why:
            line = _("why: “%(text)s”") % {"text": why}
            bullet(console, escape_markup(line), indent=6, marker="–")


def render_team_own(view: TeamView, console: Console) -> None:
    """How the group rated each of its own statements (none: nothing)."""
    found = view.own_scores
    if not found:
        return
    names = {p.id: p.name for p in view.assessments[0].content.practices}
    _heading(console)
    for score in found:
        bullet(
            console, escape_markup(f"{own_text(score.statement, names)} — {group_figures(score)}")
        )


def render_compare_own(comparison: Comparison, console: Console) -> None:
    """Each own statement in either file, by id: its rating then and now."""
    if not comparison.own:
        return
    names = {p.id: p.name for p in comparison.new.content.practices}
    _heading(console)
    for change in comparison.own:
        text = f"{own_text(change.statement, names)} — {change_text(change.old, change.new)}"
        bullet(console, escape_markup(text))
