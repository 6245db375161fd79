"""One assessment's report, its first half: header to verdict, and the pieces others share.

The answers file's details, a summary (verdict, strengths, where to start,
overall), the practice profile with its chart, and the "when to co-produce"
verdict with the criteria answers. The team and comparison reports reuse the
pieces here (labels, scores, notices, the chart). :mod:`.assessment_detail` holds
the rest; :mod:`.assessment` puts the report together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from coprod.core.assessment import Assessment, PracticeResult
from coprod.core.models import Criterion
from coprod.core.notices import Notice
from coprod.core.scoring import BAND_FLOORS
from coprod.i18n import N_, _, report_date
from coprod.i18n.labels import answer_label, band_label, role_label, stage_label
from coprod.render.markdown.blocks import (
    bold,
    bullets,
    escape_md,
    field,
    heading,
    heading_slug,
    lines_to_blocks,
    link,
    mermaid_bar_chart,
    table,
)
from coprod.render.markdown.language import draft_blocks
from coprod.render.text import SCORE_NOTE, VERDICT_TITLE, verdict_lines

BANDS_NOTE = N_(
    "Bands: 0-%(attention_top)d needs attention, %(developing)d-%(developing_top)d developing, "
    "%(strong)d-100 strong."
)


def bands_note() -> str:
    """The note under a chart: the bands and their scores (from core.scoring's BANDS)."""
    floors = BAND_FLOORS
    return _(BANDS_NOTE) % {
        "attention_top": floors["developing"] - 1,
        "developing": floors["developing"],
        "developing_top": floors["strong"] - 1,
        "strong": floors["strong"],
    }


DRAFT_NOTE = N_("This is a draft: the assessment was not finished, so some answers are missing.")


# --- pieces of an assessment that other renderers share ---------------------


def respondent_text(assessment: Assessment) -> str | None:
    """``"Sam, officer"`` (plain text), or ``None`` when not given."""
    r = assessment.answers.respondent
    parts = [x for x in (r.name, r.role and role_label(r.role)) if x] if r else []
    return ", ".join(parts) if parts else None


def brings_text(assessment: Assessment) -> str | None:
    """``"Analysis, Roots"``: the characteristics the respondent said they bring."""
    r = assessment.answers.respondent
    if not r or not r.brings:
        return None
    names = {c.id: c.name for c in assessment.content.background.arc_characteristics}
    return ", ".join(names.get(b, b) for b in r.brings)


def report_title(assessment: Assessment) -> str:
    """A plain-text label for one report: ``"Project (Sam, officer)"``."""
    who = respondent_text(assessment)
    name = assessment.answers.project.name
    return f"{name} ({who})" if who else name


def practice_label(result: PracticeResult) -> str:
    """``"1. Designing for openness"`` (plain text)."""
    return f"{result.practice.number}. {result.practice.name}"


def chart_items(assessment: Assessment) -> list[tuple[str, int | None]]:
    """The practice scores to chart: label and score (``None``: not scored)."""
    return [(practice_label(r), r.score.score) for r in assessment.practices]


def score_text(result: PracticeResult) -> str:
    """``"61, developing"`` or ``"not scored"``."""
    s = result.score
    return _("not scored") if s.score is None else f"{s.score}, {band_label(s.band)}"


def notice_text(notice: Notice) -> str:
    """A notice in words for a document (no command-line advice)."""
    return _(DRAFT_NOTE) if notice.kind == "draft" else notice.text()


def messages(assessment: Assessment) -> list[str]:
    """The answers file's notices in words for a document."""
    return [notice_text(n) for n in assessment.notices]


def _lead(label: str, text: str) -> str:
    """``**Label** – text`` (markdown; the label is an interface string)."""
    return f"**{escape_md(label)}** – {text}"


# --- the report's sections ---------------------------------------------------


def header_blocks(assessment: Assessment, level: int = 1) -> list[str]:
    """Title, what this is, and the answers file's details."""
    a = assessment.answers
    details = [field(_("Project"), escape_md(a.project.name))]
    if a.project.stage:
        details.append(field(_("Stage"), escape_md(stage_label(a.project.stage))))
    if a.date:
        details.append(field(_("Date"), escape_md(report_date(a.date))))
    who = respondent_text(assessment)
    if who:
        details.append(field(_("Respondent"), escape_md(who)))
    brings = brings_text(assessment)
    if brings:
        details.append(field(_("Brings"), escape_md(brings)))
    mode = (
        _("quick assessment (one overall rating per practice)")
        if a.mode == "quick"
        else _("full assessment (every statement rated)")
    )
    details.append(field(_("Mode"), mode))
    blocks = [
        heading(level, escape_md(a.project.name)),
        escape_md(
            _(
                "A co-production self-assessment against the seven practices and the "
                "“when to co-produce” criteria of the Jam and Justice report."
            )
        ),
        bullets(details),
    ]
    blocks += [field(_("Note"), escape_md(message)) for message in messages(assessment)]
    blocks += draft_blocks(assessment.content)
    return blocks


def _strengths_text(assessment: Assessment) -> str:
    if not assessment.strengths:
        return _("none yet: no practice is strong, or clearly above your other scores")
    return "; ".join(f"{r.practice.name} ({score_text(r)})" for r in assessment.strengths)


def summary_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """The verdict, strengths, where to start and the overall score, in four lines."""
    items = [
        _lead(_("When to co-produce"), escape_md(VERDICT_TITLE[assessment.verdict.kind]) + "."),
        _lead(_("Strengths to build on"), escape_md(_strengths_text(assessment)) + "."),
    ]
    if assessment.relatively_strongest:
        best = "; ".join(
            f"{r.practice.name} ({score_text(r)})" for r in assessment.relatively_strongest
        )
        items.append(_lead(_("Relatively strongest"), escape_md(best) + "."))
    if assessment.priorities:
        top = assessment.priorities[0].result
        start = f"{top.practice.name} ({score_text(top)})"
        focus = link(_("Where to focus next"), heading_slug(_("Where to focus next")))
        under = _("next steps under")
        items.append(_lead(_("Start with"), f"{escape_md(start)}: {under} {focus}."))
    items.append(_lead(_("Overall"), escape_md(overall_summary(assessment))))
    return [heading(level, _("Summary")), bullets(items)]


def overall_summary(assessment: Assessment) -> str:
    if assessment.overall is None:
        return _("not scored (no practice has a rated statement).")
    return _("%(score)d, the mean of the scored practices: read it beside the profile.") % {
        "score": assessment.overall
    }


def verdict_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """The verdict, why, and the criteria answers as tables."""
    kind = assessment.verdict.kind
    crit = assessment.content.criteria
    answers = assessment.answers.criteria

    def rows(criteria: Iterable[Criterion]) -> list[list[str]]:
        return [[escape_md(c.text), answer_label(answers.get(c.id))] for c in criteria]

    return [
        heading(level, _("When to co-produce")),
        bold(VERDICT_TITLE[kind] + "."),
        *lines_to_blocks(verdict_lines(assessment)),
        table(
            [_("Condition"), _("Answer")],
            rows(crit.favourable),
            caption=_("Co-production is especially helpful when…"),
        ),
        table(
            [_("Condition"), _("Answer")],
            rows(crit.warning),
            caption=_("Its promises are unlikely to be realised when… (warning signs)"),
        ),
    ]


def overall_text(assessment: Assessment) -> str:
    """The overall score with its caveat (markdown)."""
    if assessment.overall is None:
        return field(_("Overall"), escape_md(_("not scored (no practice has a rated statement).")))
    overall = _("Overall")
    return f"**{escape_md(overall)}: {assessment.overall}** " + escape_md(
        _("(mean of the scored practices). Read it beside the profile above, never on its own.")
    )


def profile_table(assessment: Assessment) -> str:
    """The seven practices: score, band and what went into each score."""
    rows = [
        [
            str(r.practice.number),
            escape_md(r.practice.name),
            _("not scored") if r.score.score is None else str(r.score.score),
            band_label(r.score.band),
            f"{r.score.rated} / {r.score.dont_know} / {r.score.na}",
        ]
        for r in assessment.practices
    ]
    return table(
        ["#", _("Practice"), _("Score"), _("Band"), _("Rated / don't know / n.a.")],
        rows,
        caption=_("Practice scores (0-100)"),
        align=["right", "left", "right", "left", "right"],
    )


def chart_blocks(
    items: Sequence[tuple[str, int | None]], *, title: str, mermaid: bool = False
) -> list[str]:
    """A mermaid bar chart of the scored items (named on the x-axis), and what it leaves out.

    Without ``mermaid`` (markdown read anywhere but GitHub) only the bands note: the
    table above already has every score.
    """
    scored = [(label.split(". ", 1)[-1], score) for label, score in items if score is not None]
    not_scored = [label for label, score in items if score is None]
    if not mermaid:
        return [escape_md(bands_note())]
    if not scored:
        return [escape_md(_("Nothing is scored yet, so there is no chart."))]
    blocks = [
        mermaid_bar_chart(scored, title=title, x_label=_("Practice"), y_label=_("Score (0-100)")),
        escape_md(bands_note()),
    ]
    if not_scored:
        blocks.append(
            escape_md(
                _("Not scored (nothing rated), so without a bar rather than shown as 0:")
                + " "
                + "; ".join(not_scored)
                + "."
            )
        )
    return blocks


def profile_blocks(assessment: Assessment, level: int = 2, *, mermaid: bool = False) -> list[str]:
    """The profile table, the overall score, the score note and (``mermaid``) the chart."""
    return [
        heading(level, _("Practice profile")),
        profile_table(assessment),
        overall_text(assessment),
        f"*{escape_md(_(SCORE_NOTE))}*",
        *chart_blocks(chart_items(assessment), title=_("Practice scores (0-100)"), mermaid=mermaid),
    ]


# --- the one-screen version (coprod report --summary) -------------------------


SUMMARY_INTRO = N_(
    "The summary of a co-production self-assessment: the full report adds every "
    "statement's rating, the notes, the reflections and the sources."
)


def summary_header_blocks(assessment: Assessment, level: int = 1) -> list[str]:
    """The project's name, what this is, and when and by whom, on one line."""
    a = assessment.answers
    details = []
    if a.date:
        details.append(field(_("Date"), escape_md(report_date(a.date))))
    who = respondent_text(assessment)
    if who:
        details.append(field(_("Respondent"), escape_md(who)))
    blocks = [heading(level, escape_md(a.project.name)), escape_md(_(SUMMARY_INTRO))]
    if details:
        blocks.append(" · ".join(details))
    blocks += [field(_("Note"), escape_md(message)) for message in messages(assessment)]
    return blocks + draft_blocks(assessment.content)


def summary_profile_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """The profile as a short table (practice, score, band); the overall score is in the
    summary above it."""
    rows = [
        [
            escape_md(practice_label(r)),
            _("not scored") if r.score.score is None else str(r.score.score),
            band_label(r.score.band),
        ]
        for r in assessment.practices
    ]
    return [
        heading(level, _("Practice profile")),
        table(
            [_("Practice"), _("Score"), _("Band")],
            rows,
            caption=_("Practice scores (0-100)"),
            align=["left", "right", "left"],
        ),
        f"*{escape_md(_(SCORE_NOTE))}*",
    ]
