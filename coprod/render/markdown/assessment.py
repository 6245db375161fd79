"""One assessment as a markdown report: a summary first, then the detail.

The order: the answers file's details, a summary (verdict, strengths, where to
start, overall), the practice profile with its chart, then the detail: the
verdict's reasons, where to focus next, evidence gaps, every practice, the
reflections, the case studies suggested, the caveats and the source. A document
for people: it names cases and links to them, never gives a command to type.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from coprod.core.assessment import Assessment, CaseSuggestion, PracticeResult, StatementResult
from coprod.core.models import Case, Content, Criterion
from coprod.core.notices import Notice
from coprod.core.scoring import BAND_FLOORS
from coprod.i18n import N_, _, ngettext, report_date
from coprod.i18n.labels import answer_label, band_label, rating_label, role_label, stage_label
from coprod.render.markdown.actions import assessment_action_blocks
from coprod.render.markdown.blocks import (
    RULE,
    bold,
    bullets,
    escape_md,
    escape_md_paragraphs,
    heading,
    heading_slug,
    join_blocks,
    lines_to_blocks,
    link,
    mermaid_bar_chart,
    table,
)
from coprod.render.markdown.language import draft_blocks, glossary_blocks
from coprod.render.text import (
    CITATION,
    REFLECTION_QUESTIONS,
    SCORE_NOTE,
    VERDICT_TITLE,
    source_line,
    verdict_lines,
)

LOW_RATING = 2  # statements rated this or lower get their next step shown
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
CASES_HEADING = N_("Case studies to learn from")


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


def _field(label: str, value: str) -> str:
    """``**Label:** value`` (markdown; the label is an interface string)."""
    return f"**{escape_md(label)}:** {value}"


def _lead(label: str, text: str) -> str:
    """``**Label** – text`` (markdown; the label is an interface string)."""
    return f"**{escape_md(label)}** – {text}"


# --- the report's sections ---------------------------------------------------


def header_blocks(assessment: Assessment, level: int = 1) -> list[str]:
    """Title, what this is, and the answers file's details."""
    a = assessment.answers
    details = [_field(_("Project"), escape_md(a.project.name))]
    if a.project.stage:
        details.append(_field(_("Stage"), escape_md(stage_label(a.project.stage))))
    if a.date:
        details.append(_field(_("Date"), escape_md(report_date(a.date))))
    who = respondent_text(assessment)
    if who:
        details.append(_field(_("Respondent"), escape_md(who)))
    brings = brings_text(assessment)
    if brings:
        details.append(_field(_("Brings"), escape_md(brings)))
    mode = (
        _("quick assessment (one overall rating per practice)")
        if a.mode == "quick"
        else _("full assessment (every statement rated)")
    )
    details.append(_field(_("Mode"), mode))
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
    blocks += [_field(_("Note"), escape_md(message)) for message in messages(assessment)]
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
        return _field(_("Overall"), escape_md(_("not scored (no practice has a rated statement).")))
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


def chart_blocks(items: Sequence[tuple[str, int | None]], *, title: str) -> list[str]:
    """A mermaid bar chart of the scored items (named on the x-axis), and what it leaves out."""
    scored = [(label.split(". ", 1)[-1], score) for label, score in items if score is not None]
    not_scored = [label for label, score in items if score is None]
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


def profile_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """The profile table, the overall score, the score note and the chart."""
    return [
        heading(level, _("Practice profile")),
        profile_table(assessment),
        overall_text(assessment),
        f"*{escape_md(_(SCORE_NOTE))}*",
        *chart_blocks(chart_items(assessment), title=_("Practice scores (0-100)")),
    ]


def _step_line(step: StatementResult) -> str:
    rated = (
        ""
        if step.rating is None
        else " – " + _("you said %(rating)s") % {"rating": rating_label(step.rating)}
    )
    return f"{escape_md(step.statement.text + rated)}\\\n  → {escape_md(step.statement.next_step)}"


def case_line(suggestion: CaseSuggestion) -> str:
    """``See [Case](#case) – why`` (markdown): the case is described near the end."""
    label = _("See") if suggestion.link.role == "example" else _("A caution from")
    case = suggestion.case
    return f"{label} {link(case.name, heading_slug(case.name))} – {escape_md(suggestion.link.why)}"


def priority_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """Where to focus next: next steps and case studies to learn from."""
    blocks = [heading(level, _("Where to focus next"))]
    if not assessment.priorities:
        blocks.append(escape_md(_("No practice is scored yet, so there are no priorities.")))
    for p in assessment.priorities:
        blocks.append(
            heading(level + 1, escape_md(f"{p.result.practice.name} ({score_text(p.result)})"))
        )
        if p.next_steps:
            blocks += [bold(_("Next steps")), bullets(_step_line(step) for step in p.next_steps)]
        if p.cases:
            blocks += [bold(_("Learn from")), bullets(case_line(c) for c in p.cases)]
    return blocks


def gaps_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """Don't-know answers, unanswered statements and practices not scored."""
    blocks = [heading(level, _("Evidence gaps"))]
    gaps = assessment.evidence_gaps
    if gaps:
        blocks.append(
            escape_md(
                ngettext(
                    "%(n)d answer was “Don't know”: worth finding out, or asking others "
                    "involved (a team view reads several people's answers together).",
                    "%(n)d answers were “Don't know”: worth finding out, or asking others "
                    "involved (a team view reads several people's answers together).",
                    assessment.dont_know_count,
                )
                % {"n": assessment.dont_know_count}
            )
        )
        blocks.append(
            bullets(
                escape_md(f"{practice.number}. {practice.name}: {s.statement.text}")
                for practice, s in gaps
            )
        )
    elif assessment.dont_know_count:  # quick mode: whole practices
        blocks.append(
            escape_md(
                ngettext(
                    "%(n)d practice was rated “Don't know”.",
                    "%(n)d practices were rated “Don't know”.",
                    assessment.dont_know_count,
                )
                % {"n": assessment.dont_know_count}
            )
        )
    if assessment.answers.mode == "full":
        missing = sum(1 for r in assessment.practices for s in r.statements if s.rating is None)
        if missing:
            blocks.append(
                escape_md(
                    ngettext(
                        "%(n)d statement was not answered.",
                        "%(n)d statements were not answered.",
                        missing,
                    )
                    % {"n": missing}
                )
            )
    not_scored = [practice_label(r) for r in assessment.practices if r.score.score is None]
    if not_scored:
        blocks.append(
            escape_md(_("Not scored (nothing rated):") + " " + "; ".join(not_scored) + ".")
        )
    if len(blocks) == 1:
        blocks.append(
            escape_md(_("None: every statement has a rating or was marked not applicable."))
        )
    return blocks


def _shown_steps(assessment: Assessment) -> set[str]:
    """Statements whose next step "Where to focus next" already gives."""
    return {s.statement.id for p in assessment.priorities for s in p.next_steps}


def practice_section(assessment: Assessment, result: PracticeResult, level: int = 3) -> list[str]:
    """One practice: score, summary, statement ratings, the note and next steps."""
    s = result.score
    score_word = _("Score")
    blocks = [
        heading(level, escape_md(practice_label(result))),
        f"**{escape_md(score_word)}: {escape_md(score_text(result))}** "
        + escape_md(
            _("(%(rated)d rated, %(dont_know)d don't know, %(na)d not applicable)")
            % {"rated": s.rated, "dont_know": s.dont_know, "na": s.na}
        ),
        escape_md(result.practice.summary),
    ]
    low: list[StatementResult]
    quick = assessment.answers.mode == "quick"
    if quick:
        rating = assessment.answers.ratings.get(result.practice.id)
        blocks.append(
            escape_md(
                _("Quick assessment: one rating for the whole practice: %(rating)s.")
                % {"rating": rating_label(rating)}
            )
        )
        low = result.statements[:2] if isinstance(rating, int) and rating <= LOW_RATING else []
    else:
        rows = [
            [escape_md(st.statement.text), escape_md(rating_label(st.rating))]
            for st in result.statements
        ]
        blocks.append(
            table(
                [_("Statement"), _("Rating")],
                rows,
                caption=_("Ratings: %(practice)s") % {"practice": result.practice.name},
            )
        )
        low = [
            st for st in result.statements if isinstance(st.rating, int) and st.rating <= LOW_RATING
        ]
    if result.note:
        blocks.append(_field(_("Your note"), escape_md(result.note)))
    shown = _shown_steps(assessment)
    if any(st.statement.id in shown for st in low):
        blocks.append(
            escape_md(_("Next steps for this practice are under"))
            + " "
            + link(_("Where to focus next"), heading_slug(_("Where to focus next")))
            + "."
        )
    low = [st for st in low if st.statement.id not in shown]
    if low:
        blocks.append(
            bold(
                _("Possible next steps") if quick else _("Next steps for the statements rated low")
            )
        )
        blocks.append(bullets(_step_line(st) for st in low))
    return blocks


def practices_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """One section per practice."""
    blocks = [heading(level, _("The seven practices in detail"))]
    for result in assessment.practices:
        blocks += practice_section(assessment, result, level + 1)
    return blocks


def reflection_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """The respondent's own words on why co-produce, and what people bring and take."""
    reflections = assessment.answers.reflections
    blocks = [heading(level, _("Reflections"))]
    for key, question in REFLECTION_QUESTIONS:
        blocks.append(heading(level + 1, escape_md(_(question))))
        text = getattr(reflections, key) or ""
        blocks += escape_md_paragraphs(text) or ["*" + escape_md(_("Not answered")) + ".*"]
    return blocks


def suggested_cases(assessment: Assessment) -> list[Case]:
    """The cases "Where to focus next" suggests, each once, in the order first named."""
    seen: dict[str, Case] = {}
    for p in assessment.priorities:
        for c in p.cases:
            seen.setdefault(c.case.id, c.case)
    return list(seen.values())


def case_blocks(cases: Sequence[Case], assessment: Assessment, level: int = 2) -> list[str]:
    """Each suggested case in short: its name (the links' target), summary and source."""
    if not cases:
        return []
    blocks = [
        heading(level, _(CASES_HEADING)),
        escape_md(_("The Jam and Justice projects suggested above, in short.")),
    ]
    for case in cases:
        blocks += [
            heading(level + 1, escape_md(case.name)),
            escape_md(case.summary),
            "*"
            + escape_md(_("Source") + ": " + source_line(case.source[0], assessment.content))
            + "*",
        ]
    return blocks


def caveat_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """The content's caveats on reading the results."""
    caveats = assessment.content.criteria.caveats
    return [heading(level, _("Keep in mind")), bullets(escape_md(c.text) for c in caveats)]


def source_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """Where the practices and criteria come from."""
    report = next((p for p in assessment.content.meta.publications if p.id == "report"), None)
    blocks = [
        heading(level, _("Source")),
        escape_md(
            _(
                "The seven practices, the “when to co-produce” criteria and the case studies "
                "come from the Jam and Justice action research report:"
            )
        ),
        escape_md(CITATION),
    ]
    if report and report.url:
        blocks.append(escape_md(_("Project website")) + f": {escape_md(report.url)}")
    blocks.append(
        escape_md(
            _("Made with coprod (content version %(version)d).")
            % {"version": assessment.content.version}
        )
    )
    return blocks


def respondent_roles(assessment: Assessment) -> list[str | None]:
    """The respondent's role as a one-item list (``[None]`` when not given)."""
    respondent = assessment.answers.respondent
    return [respondent.role if respondent else None]


def calls_to_action_blocks(
    content: Content, roles: Sequence[str | None], level: int = 2
) -> list[str]:
    """The report's calls to action for these roles (all four when a role is unknown)."""
    calls = content.calls_to_action(roles)
    if not calls:
        return []
    sections = dict.fromkeys(s.section for c in calls for s in c.source)
    return [
        heading(level, _("What the report asks of you")),
        bullets(f"{bold(c.reader)}: {escape_md(c.text)}" for c in calls),
        escape_md(
            _("From the report's section %(sections)s.")
            % {"sections": ", ".join(f"“{s}”" for s in sections)}
        ),
    ]


def report_blocks(assessment: Assessment) -> list[str]:
    """The whole report for one assessment, as markdown blocks: summary first."""
    blocks = [
        *header_blocks(assessment),
        *summary_blocks(assessment),
        *profile_blocks(assessment),
        *verdict_blocks(assessment),
        *priority_blocks(assessment),
        *assessment_action_blocks(
            assessment.answers.actions, assessment.content, assessment.answers.previous
        ),
        *gaps_blocks(assessment),
        *practices_blocks(assessment),
        *reflection_blocks(assessment),
        *case_blocks(suggested_cases(assessment), assessment),
        *caveat_blocks(assessment),
        *source_blocks(assessment),
        *calls_to_action_blocks(assessment.content, respondent_roles(assessment)),
    ]
    return blocks + glossary_blocks(assessment.content, blocks)


def render(assessment: Assessment) -> str:
    """One assessment as a markdown document."""
    return join_blocks(report_blocks(assessment))


def _heading_slugs(blocks: Sequence[str]) -> list[str]:
    """The anchors of the headings among ``blocks``, as GitHub makes them."""
    slugs = []
    for block in blocks:
        match = re.match(r"#{1,6} (.*)", block)
        if match:
            slugs.append(heading_slug(re.sub(r"\\(.)", r"\1", match[1])))
    return slugs


def render_many(assessments: Sequence[Assessment]) -> str:
    """Several assessments, one after another, separated by a rule.

    GitHub numbers repeated headings (``where-to-focus-next-1`` for the second
    report's), so each report's links are numbered to reach its own sections.
    """
    seen: Counter[str] = Counter()
    blocks: list[str] = []
    for i, assessment in enumerate(assessments):
        own = report_blocks(assessment)
        if seen:

            def renumber(match: re.Match[str]) -> str:
                slug = match[1]
                return f"](#{slug}-{seen[slug]})" if seen[slug] else match[0]

            own = [re.sub(r"\]\(#([^)]+)\)", renumber, block) for block in own]
        blocks += ([RULE] if i else []) + own
        seen.update(_heading_slugs(own))
    return join_blocks(blocks)
