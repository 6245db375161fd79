"""The group's own statements, in their own section: one person's ratings, a group's, and
two files compared by id (markdown; HTML is built from it; the terminal borrows the words).

Never in the seven practices' scores; a group's figures are counts and means, never who.
Own statements are the group's own words: shown as typed, in every language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod.core.own import OWN_SECTION, OwnScore, OwnStatement
from coprod.i18n import N_, _
from coprod.i18n.labels import rating_label
from coprod.render.markdown.blocks import bullets, escape_md, heading, table

if TYPE_CHECKING:
    from coprod.core.assessment import Assessment
    from coprod.core.compare import Comparison
    from coprod.core.team import TeamView

OWN_NOTE = N_(
    "The group's own statements, in its own words: rated like the report's, and never "
    "counted in the seven practices' scores."
)


def own_text(statement: OwnStatement, practice_names: dict[str, str]) -> str:
    """The statement's words, and the practice it sits with in brackets (plain text)."""
    where = practice_names.get(statement.practice or "", "")
    return f"{statement.text} ({where})" if where else statement.text


def group_figures(score: OwnScore) -> str:
    """``rated by 4; mean 2.5, from 1 to 4; 1 Don't know`` (plain text, no one named)."""
    if score.n:
        text = _("rated by %(n)d; mean %(mean)s, from %(low)d to %(high)d") % {
            "n": score.n,
            "mean": f"{score.mean:.1f}",
            "low": score.low,
            "high": score.high,
        }
    else:
        text = _("not rated 0-4 yet")
    extra = [
        f"{count} × {rating_label(key)}"
        for key, count in (("dont_know", score.dont_know), ("na", score.na))
        if count
    ]
    return "; ".join([text, *extra])


def change_text(old: object, new: object) -> str:
    """``"1 A little → 3 Mostly (+2 ↑)"`` (plain text)."""
    from coprod.core.compare import arrow

    line = f"{rating_label(old)} → {rating_label(new)}"  # type: ignore[arg-type]
    if isinstance(old, int) and isinstance(new, int):
        delta = new - old
        line += f" ({delta:+d} {arrow(delta)})" if delta else f" (0 {arrow(0)})"
    return line


def assessment_own_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """One person's ratings of the group's own statements (none asked: no section)."""
    if not assessment.own:
        return []
    names = {p.id: p.name for p in assessment.content.practices}
    reasons = assessment.answers.reasons
    lines = []
    for statement, rating in assessment.own:
        line = escape_md(f"{own_text(statement, names)} — {rating_label(rating)}")
        if reasons.get(statement.id):
            why = _("why: “%(text)s”") % {"text": reasons[statement.id]}
            line += f"\n  - {escape_md(why)}"
        lines.append(line)
    return [heading(level, escape_md(_(OWN_SECTION))), escape_md(_(OWN_NOTE)), bullets(lines)]


def team_own_blocks(view: TeamView, level: int = 2) -> list[str]:
    """How the group rated each of its own statements (none: no section)."""
    found = view.own_scores
    if not found:
        return []
    names = {p.id: p.name for p in view.assessments[0].content.practices}
    rows = [
        [
            escape_md(own_text(s.statement, names)),
            str(s.n),
            f"{s.mean:.1f}" if s.mean is not None else "–",
            f"{s.low}–{s.high}" if s.low is not None else "–",
            str(s.dont_know),
            str(s.na),
        ]
        for s in found
    ]
    return [
        heading(level, escape_md(_(OWN_SECTION))),
        escape_md(_(OWN_NOTE)),
        table(
            [_("Statement"), _("Rated"), _("Mean"), _("Range"), _("Don't know"), _("N/A")],
            rows,
            caption=_("Each statement's ratings (0-4)"),
            align=["left", "right", "right", "right", "right", "right"],
        ),
    ]


def compare_own_blocks(comparison: Comparison, level: int = 2) -> list[str]:
    """Each own statement in either file, matched by id: its rating then and now."""
    if not comparison.own:
        return []
    names = {p.id: p.name for p in comparison.new.content.practices}
    lines = [
        escape_md(f"{own_text(c.statement, names)} — {change_text(c.old, c.new)}")
        for c in comparison.own
    ]
    return [heading(level, escape_md(_(OWN_SECTION))), escape_md(_(OWN_NOTE)), bullets(lines)]
