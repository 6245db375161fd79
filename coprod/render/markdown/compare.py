"""Two assessments of the same project (``coprod compare``) as markdown.

One person's answers at two dates read as "then" and "now". Two different
people's answers, or two files of the same day, are not a change over time: the
report then names each side by who answered (and when) instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod.core.assessment import Assessment
from coprod.core.compare import Comparison, respondent_text
from coprod.core.scoring import VERDICT_BASIS_SHORT
from coprod.i18n import N_, _, report_date
from coprod.i18n.labels import rating_label, role_label
from coprod.render.markdown.actions import review_blocks
from coprod.render.markdown.assessment_detail import caveat_blocks, source_blocks
from coprod.render.markdown.assessment_summary import bands_note, notice_text
from coprod.render.markdown.blocks import (
    bold,
    bullets,
    escape_md,
    field,
    heading,
    join_blocks,
    mermaid_bar_chart,
    table,
)
from coprod.render.markdown.closing import closing_blocks
from coprod.render.markdown.language import draft_blocks
from coprod.render.text import SCORE_NOTE, TEAM_SCORE_NOTE, VERDICT_KIND, VERDICT_TITLE

COMPARE_CHART_TITLE = N_("Practice scores then and now (0-100)")
SIDE_BY_SIDE_CHART_TITLE = N_("Practice scores side by side (0-100)")


def when_text(assessment: Assessment) -> str:
    """The answers file's date, or ``"undated"``."""
    return report_date(assessment.answers.date) if assessment.answers.date else _("undated")


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
        return (_("then"), _("now"))

    def short(a: Assessment, fallback: str) -> str:
        r = a.answers.respondent
        return (r.name or (r.role and role_label(r.role)) or fallback) if r else fallback

    first, second = _("first"), _("second")
    old, new = short(comparison.old, first), short(comparison.new, second)
    return (old, new) if old != new else (first, second)


def chart_title(comparison: Comparison) -> str:
    return _(COMPARE_CHART_TITLE if comparison.over_time else SIDE_BY_SIDE_CHART_TITLE)


def document_title(comparison: Comparison) -> str:
    """The title of a comparison's HTML page or Word file."""
    name = comparison.new.answers.project.name
    if comparison.over_time:
        return _("%(project)s: then and now") % {"project": name}
    return _("%(project)s: two assessments side by side") % {"project": name}


def _change_text(delta: int | None, arrow: str) -> str:
    """``"+7 ↑"``, ``"0 →"``, ``"-3 ↓"`` or ``"–"`` (not scored on one side)."""
    if delta is None:
        return arrow
    return f"{delta:+d} {arrow}" if delta else f"0 {arrow}"


def _side(label: str, assessment: Assessment) -> str:
    who = respondent_text(assessment)
    return f"**{escape_md(label)}:** {escape_md(when_text(assessment))}" + (
        f" ({escape_md(who)})" if who else ""
    )


def compare_header_blocks(comparison: Comparison, level: int = 1) -> list[str]:
    """Title, the two dates and who answered each, and any messages."""
    old, new = comparison.old, comparison.new
    name = new.answers.project.name
    if comparison.over_time:
        first, second = _("Then"), _("Now")
    else:
        first, second = _("First file"), _("Second file")
    modes = {old.answers.mode, new.answers.mode}
    mode = (
        _("one quick and one full assessment")
        if len(modes) > 1
        else _("quick assessments (one overall rating per practice)")
        if modes == {"quick"}
        else _("full assessments (every statement rated)")
    )
    who_old, who_new = respondent_text(old), respondent_text(new)
    dates = {"then": when_text(old), "now": when_text(new)}
    if comparison.over_time:
        title = _("%(project)s: then and now") % {"project": name}
        if who_new:
            intro = _(
                "The same project's co-production self-assessment at two dates, "
                "by %(who)s: %(then)s → %(now)s."
            ) % {"who": who_new, **dates}
        else:
            intro = (
                _(
                    "The same project's co-production self-assessment at two dates: "
                    "%(then)s → %(now)s."
                )
                % dates
            )
    else:
        title = _("%(project)s: two assessments side by side") % {"project": name}
        nobody = _("nobody named")
        intro = _(
            "Two co-production self-assessments of the same project, side by side: "
            "%(first)s (%(then)s) and %(second)s (%(now)s)."
        ) % {"first": who_old or nobody, "second": who_new or nobody, **dates}
    blocks = [
        heading(level, escape_md(title)),
        escape_md(intro),
        bullets(
            [
                field(_("Project"), escape_md(name)),
                _side(first, old),
                _side(second, new),
                field(_("Mode"), escape_md(mode)),
            ]
        ),
    ]
    blocks += [field(_("Note"), escape_md(notice_text(n))) for n in comparison.notices]
    blocks += draft_blocks(new.content)
    return blocks


def verdict_sentence(comparison: Comparison) -> str:
    """``"Favourable then, caution now."`` or ``"Sam, officer: caution; Jo, …: favourable."``"""
    then, now = comparison.old.verdict.kind, comparison.new.verdict.kind
    kinds = {"then": VERDICT_KIND[then], "now": VERDICT_KIND[now]}
    if comparison.over_time:
        if then == now:
            text = _("%(then)s then, %(now)s now (unchanged).") % kinds
        else:
            text = _("%(then)s then, %(now)s now.") % kinds
        return text[:1].upper() + text[1:]
    first, second = side_labels(comparison)
    return _("%(first)s: %(then)s; %(second)s: %(now)s.") % {
        "first": first,
        "second": second,
        **kinds,
    }


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
        escape_md(_(VERDICT_BASIS_SHORT)),
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
        scores = {
            "then": _("not scored") if old is None else str(old),
            "now": _("not scored") if new is None else str(new),
        }
        caveat = _("(read beside the practice scores, never alone).")
    else:
        scores = {"then": str(old), "now": str(new)}
        caveat = _("(mean of the scored practices; read beside the practice scores, never alone).")
    overall = _("Overall: %(then)s → %(now)s") % scores
    return f"**{escape_md(overall)}** {escape_md(caveat)}"


def compare_chart_items(comparison: Comparison) -> list[tuple[str, int | None, int | None]]:
    """Each practice's label and its score on each side."""
    return [(f"{c.practice.number}. {c.practice.name}", c.old, c.new) for c in comparison.practices]


def paired_chart_blocks(comparison: Comparison) -> list[str] | None:
    """Where a drawn chart of two bars per practice goes (an empty mermaid block: the HTML
    and Word reports put their picture there), and what it shows; ``None``: nothing scored."""
    items = compare_chart_items(comparison)
    if all(old is None and new is None for _label, old, new in items):
        return None
    first, second = series_names(comparison)
    then, now = when_text(comparison.old), when_text(comparison.new)
    when = _("%(first)s (%(then)s) and %(second)s (%(now)s)") % {
        "first": first,
        "then": then,
        "second": second,
        "now": now,
    }
    return [
        "```mermaid\n```",
        escape_md(
            _(
                "Two bars per practice: %(when)s. Practices not scored are drawn as an "
                "empty, dashed track rather than as 0."
            )
            % {"when": when}
            + " "
            + bands_note()
        ),
    ]


def compare_chart_blocks(comparison: Comparison, *, mermaid: bool = False) -> list[str]:
    """A mermaid chart (bars: the newer file, line: the older) of practices scored on both.

    Without ``mermaid``, only the bands note (the table above has every score).
    """
    if not mermaid:
        return [escape_md(bands_note())]
    items = compare_chart_items(comparison)
    both = [(label, old, new) for label, old, new in items if old is not None and new is not None]
    left_out = [label for label, old, new in items if old is None or new is None]
    if not both:
        return [escape_md(_("No practice is scored in both files, so there is no chart."))]
    # no user text in the chart: mermaid labels cannot be escaped the markdown way
    if comparison.over_time:
        chart = _("Practice scores: bars now, line then (0-100)")
        key = _("Bars show the scores now and the line the scores then.")
    else:
        chart = _("Practice scores: bars second file, line first file (0-100)")
        key = _("Bars show the scores second file and the line the scores first file.")
    blocks = [
        mermaid_bar_chart(
            [(label.split(". ", 1)[-1], new) for label, _old, new in both],
            title=chart,
            x_label=_("Practice"),
            y_label=_("Score (0-100)"),
            line=[old for _label, old, _new in both],
        ),
        escape_md(f"{key} {bands_note()}"),
    ]
    if left_out:
        line = _("Left out of the chart (not scored in both): %(practices)s.") % {
            "practices": "; ".join(left_out)
        }
        blocks.append(escape_md(line))
    return blocks


def compare_profile_blocks(
    comparison: Comparison,
    level: int = 2,
    chart: Sequence[str] | None = None,
    *,
    mermaid: bool = False,
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
        *(compare_chart_blocks(comparison, mermaid=mermaid) if chart is None else chart),
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
        none = (
            _("None: no statement moved two or more points.")
            if over_time
            else _("None: no statement differs by two or more points.")
        )
        blocks.append(escape_md(none))
    else:
        blocks.append(
            escape_md(_("Quick assessments rate whole practices, so no statement moved."))
        )
    return blocks


def note_blocks(comparison: Comparison, level: int = 2) -> list[str]:
    """Notes that are new or changed, and notes that are gone."""
    first, second = side_labels(comparison)
    if comparison.over_time:
        added_title, gone_title = _("New or changed since then"), _("Gone since then")
    else:
        added_title = _("Only in %(who)s's answers, or worded differently") % {"who": second}
        gone_title = _("Only in %(who)s's answers") % {"who": first}
    blocks = [heading(level, _("Notes"))]
    if not comparison.notes:
        blocks.append(escape_md(_("The notes are the same in both files.")))
        return blocks
    added = [n for n in comparison.notes if n.new is not None]
    gone = [n for n in comparison.notes if n.new is None and n.old is not None]
    was = _("was")
    if added:
        blocks += [
            bold(added_title),
            bullets(
                f"**{escape_md(n.practice.name)}:** {escape_md(n.new or '')}"
                + (f" *({escape_md(was)}: {escape_md(n.old)})*" if n.old else "")
                for n in added
            ),
        ]
    if gone:
        blocks += [
            bold(gone_title),
            bullets(f"**{escape_md(n.practice.name)}:** {escape_md(n.old or '')}" for n in gone),
        ]
    return blocks


def comparison_blocks(
    comparison: Comparison, chart: Sequence[str] | None = None, *, mermaid: bool = False
) -> list[str]:
    """The whole comparison, as markdown blocks; ``chart`` replaces the chart blocks
    (``mermaid``: a mermaid chart, else only the bands note)."""
    from coprod.render.markdown.own import compare_own_blocks

    return [
        *compare_header_blocks(comparison),
        *compare_verdict_blocks(comparison),
        *compare_profile_blocks(comparison, chart=chart, mermaid=mermaid),
        *moved_blocks(comparison),
        *compare_own_blocks(comparison),
        *note_blocks(comparison),
        *review_blocks(comparison.actions),
        *caveat_blocks(comparison.new),
        *source_blocks(comparison.new),
        *closing_blocks(comparison.new.content, comparison_roles(comparison)),
    ]


def comparison_roles(comparison: Comparison) -> list[str | None]:
    """Both files' respondent roles (``None`` where one is not given): whom the calls speak to."""
    return [
        a.answers.respondent.role if a.answers.respondent else None
        for a in (comparison.old, comparison.new)
    ]


def comparison_blocks_text(
    comparison: Comparison, chart: Sequence[str] | None = None, *, mermaid: bool = False
) -> str:
    """The comparison as markdown text, with ``chart`` blocks in place of the chart."""
    return join_blocks(comparison_blocks(comparison, chart, mermaid=mermaid))


def render_comparison(comparison: Comparison, *, mermaid: bool = False) -> str:
    """The same project's two assessments, as a markdown document."""
    return comparison_blocks_text(comparison, mermaid=mermaid)
