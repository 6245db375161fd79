"""Two assessments of the same project (``coprod compare``) as markdown.

One person's answers at two dates read as "then" and "now". Two different
people's answers, or two files of the same day, are not a change over time: the
report then names each side by who answered (and when) instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod.core.assessment import Assessment
from coprod.core.compare import Comparison, respondent_text
from coprod.i18n import N_, _
from coprod.render.language import draft_blocks
from coprod.render.markdown.actions import review_blocks
from coprod.render.markdown.assessment import BANDS_NOTE, caveat_blocks, messages, source_blocks
from coprod.render.markdown.blocks import (
    bold,
    bullets,
    escape_md,
    heading,
    join_blocks,
    mermaid_bar_chart,
    table,
)
from coprod.render.text import SCORE_NOTE, TEAM_SCORE_NOTE, VERDICT_TITLE, rating_label

COMPARE_CHART_TITLE = N_("Practice scores then and now (0-100)")
SIDE_BY_SIDE_CHART_TITLE = N_("Practice scores side by side (0-100)")


def when_text(assessment: Assessment) -> str:
    """The answers file's date, or ``"undated"``."""
    return assessment.answers.date.isoformat() if assessment.answers.date else "undated"


def side_labels(comparison: Comparison) -> tuple[str, str]:
    """What to call the two files: ``("Then", "Now")`` for one person over time, else who
    answered (``"Sam, officer"``), else ``("First file", "Second file")``."""
    if comparison.over_time:
        return (_("Then"), _("Now"))
    old, new = respondent_text(comparison.old), respondent_text(comparison.new)
    if old and new and old != new:
        return (old, new)
    return (_("First file"), _("Second file"))


def series_names(comparison: Comparison) -> tuple[str, str]:
    """Short names for the two bars of each practice in a chart."""
    if comparison.over_time:
        return ("then", "now")

    def short(a: Assessment, fallback: str) -> str:
        r = a.answers.respondent
        return (r.name or r.role or fallback) if r else fallback

    old, new = short(comparison.old, "first"), short(comparison.new, "second")
    return (old, new) if old != new else ("first", "second")


def chart_title(comparison: Comparison) -> str:
    return _(COMPARE_CHART_TITLE if comparison.over_time else SIDE_BY_SIDE_CHART_TITLE)


def _change_text(delta: int | None, arrow: str) -> str:
    """``"+7 ↑"``, ``"0 →"``, ``"-3 ↓"`` or ``"–"`` (not scored on one side)."""
    if delta is None:
        return arrow
    return f"{delta:+d} {arrow}" if delta else f"0 {arrow}"


def _side(label: str, assessment: Assessment) -> str:
    who = respondent_text(assessment)
    return f"**{escape_md(label)}:** {when_text(assessment)}" + (
        f" ({escape_md(who)})" if who else ""
    )


def compare_header_blocks(comparison: Comparison, level: int = 1) -> list[str]:
    """Title, the two dates and who answered each, and any messages."""
    old, new = comparison.old, comparison.new
    name = new.answers.project.name
    first, second = ("Then", "Now") if comparison.over_time else ("First file", "Second file")
    modes = {old.answers.mode, new.answers.mode}
    mode = (
        "one quick and one full assessment"
        if len(modes) > 1
        else "quick assessments (one overall rating per practice)"
        if modes == {"quick"}
        else "full assessments (every statement rated)"
    )
    who_old, who_new = respondent_text(old), respondent_text(new)
    if comparison.over_time:
        by = f", by {who_new}" if who_new else ""
        title = f"{name}: then and now"
        intro = (
            "The same project's co-production self-assessment at two dates"
            f"{by}: {when_text(old)} → {when_text(new)}."
        )
    else:
        title = f"{name}: two assessments side by side"
        intro = (
            "Two co-production self-assessments of the same project, side by side: "
            f"{who_old or 'nobody named'} ({when_text(old)}) and "
            f"{who_new or 'nobody named'} ({when_text(new)})."
        )
    blocks = [
        heading(level, escape_md(title)),
        escape_md(intro),
        bullets(
            [
                f"**Project:** {escape_md(name)}",
                _side(first, old),
                _side(second, new),
                f"**Mode:** {mode}",
            ]
        ),
    ]
    shown = [*messages(old), *messages(new)]
    rest = comparison.messages[len(old.warnings) + len(new.warnings) :]
    blocks += [f"**Note:** {escape_md(message)}" for message in [*shown, *rest]]
    blocks += draft_blocks(new.content)
    return blocks


def verdict_sentence(comparison: Comparison) -> str:
    """``"Favourable then, caution now."`` or ``"Sam, officer: caution; Jo, …: favourable."``"""
    then, now = comparison.old.verdict.kind, comparison.new.verdict.kind
    if comparison.over_time:
        same = " (unchanged)" if then == now else ""
        return f"{then.capitalize()} then, {now} now{same}."
    first, second = side_labels(comparison)
    return f"{first}: {then}; {second}: {now}."


def compare_verdict_blocks(comparison: Comparison, level: int = 2) -> list[str]:
    """The when-to-co-produce verdict on each side."""
    then, now = comparison.old.verdict.kind, comparison.new.verdict.kind
    first, second = side_labels(comparison)
    return [
        heading(level, _("When to co-produce")),
        escape_md(verdict_sentence(comparison)),
        bullets(
            [
                f"**{escape_md(first)}:** {escape_md(VERDICT_TITLE[then])}",
                f"**{escape_md(second)}:** {escape_md(VERDICT_TITLE[now])}",
            ]
        ),
    ]


def compare_table(comparison: Comparison) -> str:
    """The seven practices: score on each side, and the change with its arrow."""
    rows = [
        [
            str(c.practice.number),
            escape_md(c.practice.name),
            _("not scored") if c.old is None else str(c.old),
            _("not scored") if c.new is None else str(c.new),
            _change_text(c.delta, c.arrow),
        ]
        for c in comparison.practices
    ]
    first, second = side_labels(comparison)
    return table(
        [
            "#",
            _("Practice"),
            first,
            second,
            _("Change") if comparison.over_time else _("Difference"),
        ],
        rows,
        caption=chart_title(comparison),
        align=["right", "left", "right", "right", "right"],
    )


def compare_overall_text(comparison: Comparison) -> str:
    """The overall score on each side, with its caveat (markdown)."""
    old, new = comparison.old.overall, comparison.new.overall
    if old is None or new is None:
        then = "not scored" if old is None else str(old)
        now = "not scored" if new is None else str(new)
        return f"**Overall: {then} → {now}** (read beside the practice scores, never alone)."
    return (
        f"**Overall: {old} → {new}** (mean of the scored practices; read beside the "
        "practice scores, never alone)."
    )


def compare_chart_items(comparison: Comparison) -> list[tuple[str, int | None, int | None]]:
    """Each practice's label and its score on each side."""
    return [(f"{c.practice.number}. {c.practice.name}", c.old, c.new) for c in comparison.practices]


def compare_chart_blocks(comparison: Comparison) -> list[str]:
    """A mermaid chart (bars: the newer file, line: the older) of practices scored on both."""
    items = compare_chart_items(comparison)
    both = [(label, old, new) for label, old, new in items if old is not None and new is not None]
    left_out = [label for label, old, new in items if old is None or new is None]
    if not both:
        return [escape_md("No practice is scored in both files, so there is no chart.")]
    # no user text in the chart: mermaid labels cannot be escaped the markdown way
    first, second = ("then", "now") if comparison.over_time else ("first file", "second file")
    blocks = [
        mermaid_bar_chart(
            [(label.split(". ", 1)[-1], new) for label, _, new in both],
            title=f"Practice scores: bars {second}, line {first} (0-100)",
            x_label="Practice",
            y_label="Score (0-100)",
            line=[old for _, old, _ in both],
        ),
        escape_md(f"Bars show the scores {second} and the line the scores {first}. {BANDS_NOTE}"),
    ]
    if left_out:
        blocks.append(
            escape_md("Left out of the chart (not scored in both): " + "; ".join(left_out) + ".")
        )
    return blocks


def compare_profile_blocks(
    comparison: Comparison, level: int = 2, chart: Sequence[str] | None = None
) -> list[str]:
    """The table, the overall score, the score note and the chart (``chart`` replaces it)."""
    return [
        heading(
            level,
            _("Practice scores then and now") if comparison.over_time else _("Practice scores"),
        ),
        compare_table(comparison),
        compare_overall_text(comparison),
        f"*{escape_md(_(SCORE_NOTE if comparison.same_respondent else TEAM_SCORE_NOTE))}*",
        *(compare_chart_blocks(comparison) if chart is None else chart),
    ]


def moved_blocks(comparison: Comparison, level: int = 2) -> list[str]:
    """Statements whose rating moved (or, two people, differs) two or more points."""
    over_time = comparison.over_time
    title = (
        _("Statements that moved two or more points")
        if over_time
        else _("Statements rated two or more points apart")
    )
    blocks = [heading(level, title)]
    if comparison.moves:
        blocks.append(
            bullets(
                f"{'↑' if m.delta > 0 else '↓'} "
                + escape_md(
                    f"{m.statement.text} ({m.practice.name}): "
                    f"{rating_label(m.old)} → {rating_label(m.new)}"
                )
                for m in comparison.moves
            )
        )
    elif comparison.old.answers.mode == comparison.new.answers.mode == "full":
        blocks.append(
            escape_md(
                f"None: no statement {'moved' if over_time else 'differs by'} two or more points."
            )
        )
    else:
        blocks.append(escape_md("Quick assessments rate whole practices, so no statement moved."))
    return blocks


def note_blocks(comparison: Comparison, level: int = 2) -> list[str]:
    """Notes that are new or changed, and notes that are gone."""
    first, second = side_labels(comparison)
    if comparison.over_time:
        added_title, gone_title = "New or changed since then", "Gone since then"
    else:
        added_title = f"Only in {second}'s answers, or worded differently"
        gone_title = f"Only in {first}'s answers"
    blocks = [heading(level, _("Notes"))]
    if not comparison.notes:
        blocks.append(escape_md("The notes are the same in both files."))
        return blocks
    added = [n for n in comparison.notes if n.new is not None]
    gone = [n for n in comparison.notes if n.new is None and n.old is not None]
    if added:
        blocks += [
            bold(added_title),
            bullets(
                f"**{escape_md(n.practice.name)}:** {escape_md(n.new or '')}"
                + (f" *(was: {escape_md(n.old)})*" if n.old else "")
                for n in added
            ),
        ]
    if gone:
        blocks += [
            bold(gone_title),
            bullets(f"**{escape_md(n.practice.name)}:** {escape_md(n.old or '')}" for n in gone),
        ]
    return blocks


def comparison_blocks(comparison: Comparison, chart: Sequence[str] | None = None) -> list[str]:
    """The whole comparison, as markdown blocks; ``chart`` replaces the mermaid chart blocks."""
    return [
        *compare_header_blocks(comparison),
        *compare_verdict_blocks(comparison),
        *compare_profile_blocks(comparison, chart=chart),
        *moved_blocks(comparison),
        *note_blocks(comparison),
        *review_blocks(comparison.actions),
        *caveat_blocks(comparison.new),
        *source_blocks(comparison.new),
    ]


def comparison_blocks_text(comparison: Comparison, chart: Sequence[str] | None = None) -> str:
    """The comparison as markdown text, with ``chart`` blocks in place of the mermaid chart."""
    return join_blocks(comparison_blocks(comparison, chart))


def render_comparison(comparison: Comparison) -> str:
    """The same project's two assessments, as a markdown document."""
    return comparison_blocks_text(comparison)
