"""One assessment's report, its second half: where to focus next to the sources.

Where to focus next, the evidence gaps, every practice in detail, the
reflections, the case studies suggested, the caveats, the source and the
report's calls to action. A document for people: it names cases and links to
them, never gives a command to type.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod.core.assessment import Assessment, CaseSuggestion, PracticeResult, StatementResult
from coprod.core.models import Case, SourceRef
from coprod.i18n import N_, _, ngettext
from coprod.i18n.labels import rating_label
from coprod.render.markdown.assessment_summary import practice_label, score_text
from coprod.render.markdown.blocks import (
    bold,
    bullets,
    escape_md,
    escape_md_paragraphs,
    field,
    heading,
    heading_slug,
    link,
    table,
)
from coprod.render.text import CITATION, REFLECTION_QUESTIONS, reference_line

LOW_RATING = 2  # statements rated this or lower get their next step shown
CASES_HEADING = N_("Case studies to learn from")


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


def priority_blocks(
    assessment: Assessment, level: int = 2, *, limit: int | None = None, cases: bool = True
) -> list[str]:
    """Where to focus next: next steps and case studies to learn from (the first ``limit``;
    without ``cases``, the next steps only)."""
    blocks = [heading(level, _("Where to focus next"))]
    if not assessment.priorities:
        blocks.append(escape_md(_("No practice is scored yet, so there are no priorities.")))
    for p in assessment.priorities[:limit]:
        blocks.append(
            heading(level + 1, escape_md(f"{p.result.practice.name} ({score_text(p.result)})"))
        )
        if p.result.practice.name_means:  # easy read: beside the report's words, not instead
            from coprod.render.text import HEADING_IS_REPORTS_WORDS, means_line

            blocks.append(
                f"*{escape_md(_(HEADING_IS_REPORTS_WORDS))}* "
                + escape_md(means_line(p.result.practice.name_means))
            )
        if p.next_steps:
            blocks += [bold(_("Next steps")), bullets(_step_line(step) for step in p.next_steps)]
        if p.cases and cases:
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
        blocks.append(field(_("Your note"), escape_md(result.note)))
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
        blocks += [heading(level + 1, escape_md(case.name)), *sourced_summary(case, assessment)]
    return blocks


def sourced_summary(case: Case, assessment: Assessment) -> list[str]:
    """A case's summary, each sentence with its numbered sources, and the sources listed."""
    from coprod.core.sentences import sourced_sentences

    used: list[SourceRef] = []
    marked = []
    for text, sources in sourced_sentences(case)["summary"]:
        used += [s for s in sources if s not in used]
        numbers = ", ".join(str(used.index(s) + 1) for s in sources)
        marked.append(escape_md(text + (f" [{numbers}]" if numbers else "")))
    listed = [
        escape_md(f"[{n}] " + reference_line(s, assessment.content))
        for n, s in enumerate(used, start=1)
    ]
    return [" ".join(marked), "*" + escape_md(_("Sources")) + "*", bullets(listed)]


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
