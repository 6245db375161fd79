"""Several respondents' answers for one project read together (``coprod team``) as markdown."""

from __future__ import annotations

from collections.abc import Iterable

from coprod.core.answers import on_paper
from coprod.core.scoring import VERDICT_BASIS_SHORT
from coprod.core.team import CriterionSplit, Disagreement, TeamView, Written
from coprod.i18n import N_, _, ngettext, report_date
from coprod.i18n.labels import (
    answer_counts,
    answer_label,
    band_label,
    rating_counts_text,
    rating_label,
    role_label,
    stage_label,
)
from coprod.render.markdown.actions import team_action_blocks
from coprod.render.markdown.assessment_detail import (
    caveat_blocks,
    source_blocks,
)
from coprod.render.markdown.assessment_summary import chart_blocks, messages
from coprod.render.markdown.blocks import (
    bullets,
    escape_md,
    escape_md_paragraphs,
    field,
    heading,
    join_blocks,
    table,
)
from coprod.render.markdown.closing import closing_blocks
from coprod.render.markdown.language import draft_blocks, glossary_blocks
from coprod.render.markdown.room import room_blocks
from coprod.render.text import REFLECTION_QUESTIONS, TEAM_SCORE_NOTE, VERDICT_KIND, VERDICT_TITLE

TEAM_CHART_TITLE = N_("Mean practice scores across respondents (0-100)")
CONVERSATIONS = N_("Conversations to have")
ROLES_WITHHELD = N_("roles not shown: too few people in each to keep answers anonymous")


def counts_text(pairs: Iterable[tuple[str, int]]) -> str:
    """``[("officer", 2), ("resident", 1)]`` -> ``"2 officer, 1 resident"`` (plain text)."""
    return ", ".join(f"{n} {what}" for what, n in pairs)


def verdict_counts_text(view: TeamView) -> str:
    """``"2 favourable, 1 caution"`` in the interface language (plain text)."""
    return counts_text((VERDICT_KIND[kind], n) for kind, n in view.verdicts.most_common())


def team_roles(view: TeamView) -> list[tuple[str, int]]:
    """Roles and how many gave each, most first (see ``TeamView.roles`` for the order)."""
    return view.roles.most_common()


def roles_text(view: TeamView) -> str:
    """``"2 officer, 1 resident"``; anonymous, never a count of fewer than three people."""
    if view.roles_withheld:
        return _(ROLES_WITHHELD)
    return counts_text((role_label(role), n) for role, n in team_roles(view))


def people_text(view: TeamView) -> str:
    """``"5"``, or ``"5, 2 on paper"`` when some answers were typed in from paper forms."""
    n = len(view.respondents)
    paper = on_paper(a.answers for a in view.assessments)
    if not paper:
        return str(n)
    return ngettext("%(n)d, %(paper)d on paper", "%(n)d, %(paper)d on paper", paper) % {
        "n": n,
        "paper": paper,
    }


def team_chart_items(view: TeamView) -> list[tuple[str, int | None]]:
    """The mean practice scores to chart: label and mean (``None``: not scored)."""
    return [(f"{p.practice.number}. {p.practice.name}", p.mean) for p in view.practices]


def team_header_blocks(view: TeamView, level: int = 1) -> list[str]:
    """Title, what this is, and who answered."""
    first = view.assessments[0].answers
    details = [field(_("Project"), escape_md(view.project))]
    if first.project.stage:
        details.append(field(_("Stage"), escape_md(stage_label(first.project.stage))))
    dates = sorted({a.answers.date for a in view.assessments if a.answers.date})
    if dates:
        label = _("Date") if len(dates) == 1 else _("Dates")
        details.append(field(label, ", ".join(escape_md(report_date(d)) for d in dates)))
    people = escape_md(people_text(view))
    details.append(field(_("Respondents"), f"{people} ({escape_md(roles_text(view))})"))
    mode = (
        _("quick assessments (one overall rating per practice)")
        if view.mode == "quick"
        else _("full assessments (every statement rated)")
    )
    details.append(field(_("Mode"), escape_md(mode)))
    if view.anonymous:
        anonymous = _(
            "no names or roles beside anyone's answers: ratings are shown as counts, "
            "notes without who wrote them"
        )
        details.append(field(_("Anonymous"), escape_md(anonymous)))
    blocks = [
        heading(level, escape_md(_("%(project)s: team view") % {"project": view.project})),
        escape_md(
            _(
                "Several people's co-production self-assessments of the same project, read "
                "together: where they agree, and the conversations to have."
            )
        ),
        bullets(details),
    ]
    blocks += [
        field(_("Note"), escape_md(f"{person.label}: {message}"))
        for person, assessment in zip(view.respondents, view.assessments, strict=True)
        for message in messages(assessment)
    ]
    blocks += draft_blocks(view.assessments[0].content)
    return blocks


def team_verdict_blocks(view: TeamView, level: int = 2) -> list[str]:
    """Each respondent's when-to-co-produce verdict (anonymous: the counts only)."""
    if view.anonymous:
        return [
            heading(level, _("When to co-produce")),
            escape_md(verdict_counts_text(view) + "."),
            escape_md(_(VERDICT_BASIS_SHORT)),
        ]
    rows = [
        [escape_md(person.label), escape_md(VERDICT_TITLE[assessment.verdict.kind])]
        for person, assessment in zip(view.respondents, view.assessments, strict=True)
    ]
    return [
        heading(level, _("When to co-produce, person by person")),
        escape_md(verdict_counts_text(view) + "."),
        table(
            [_("Respondent"), _("Verdict")],
            rows,
            caption=_("When to co-produce: each respondent"),
        ),
        escape_md(_(VERDICT_BASIS_SHORT)),
    ]


def team_profile_table(view: TeamView) -> str:
    """The seven practices: mean, band, lowest and highest score, and the spread."""
    rows = [
        [
            str(p.practice.number),
            escape_md(p.practice.name),
            _("not scored") if p.mean is None else str(p.mean),
            band_label(p.band),
            "–" if p.low is None else f"{p.low}–{p.high}",
            "–" if p.spread is None else str(p.spread),
        ]
        for p in view.practices
    ]
    return table(
        ["#", _("Practice"), _("Mean"), _("Band"), _("Low–high"), _("Spread")],
        rows,
        caption=_("Practice scores across respondents (0-100)"),
        align=["right", "left", "right", "left", "right", "right"],
    )


def team_profile_blocks(view: TeamView, level: int = 2, *, mermaid: bool = False) -> list[str]:
    """The profile table, the score note and the chart of the means."""
    return [
        heading(level, _("Practice profile across respondents")),
        team_profile_table(view),
        escape_md(
            _("Mean of the respondents' scores; low–high and spread show how far apart they are.")
        ),
        f"*{escape_md(_(TEAM_SCORE_NOTE))}*",
        *chart_blocks(team_chart_items(view), title=_(TEAM_CHART_TITLE), mermaid=mermaid),
    ]


def disagreement_ratings(d: Disagreement, anonymous: bool) -> str:
    """Who rated what (``"Sam (officer): 4 Fully; ..."``); anonymous, the counts only
    (``"2 × 0 Not at all, 1 × 4 Fully"``): a shared view never pins a rating on anyone."""
    if anonymous:
        return rating_counts_text(d.counts)
    return "; ".join(f"{person.label}: {rating_label(rating)}" for person, rating in d.ratings)


def _disagreement_line(d: Disagreement, anonymous: bool) -> str:
    text = d.text if d.statement is None else f"{d.text} ({d.practice.name})"
    who = disagreement_ratings(d, anonymous)
    return f"{escape_md(text)}\\\n  → {escape_md(who)}"


def conversation_blocks(view: TeamView, level: int = 2) -> list[str]:
    """Statements rated two or more points apart, with who sits where."""
    blocks = [heading(level, escape_md(_(CONVERSATIONS)))]
    if not view.disagreements:
        blocks.append(escape_md(_("No statement was rated two or more points apart.")))
        return blocks
    n = len(view.disagreements)
    if view.mode == "quick":
        line = ngettext(
            "%(n)d practice where ratings are two or more points apart, "
            "biggest gap first: worth talking through together.",
            "%(n)d practices where ratings are two or more points apart, "
            "biggest gap first: worth talking through together.",
            n,
        )
    else:
        line = ngettext(
            "%(n)d statement where ratings are two or more points apart, "
            "biggest gap first: worth talking through together.",
            "%(n)d statements where ratings are two or more points apart, "
            "biggest gap first: worth talking through together.",
            n,
        )
    blocks.append(escape_md(line % {"n": n}))
    blocks.append(bullets(_disagreement_line(d, view.anonymous) for d in view.disagreements))
    return blocks


def criteria_answers(split: CriterionSplit, anonymous: bool) -> str:
    """Who answered what; anonymous, the counts only (``"2 yes · 1 not sure"``)."""
    if anonymous:
        return answer_counts(split.counts)
    return "; ".join(f"{person.label}: {answer_label(a)}" for person, a in split.answers)


def criteria_split_blocks(view: TeamView, level: int = 2) -> list[str]:
    """Criteria that respondents answered differently."""
    blocks = [heading(level, _("When to co-produce: answered differently"))]
    if not view.criteria_splits:
        blocks.append(escape_md(_("Everyone who answered a criterion gave the same answer.")))
        return blocks
    lines = []
    for split in view.criteria_splits:
        who = criteria_answers(split, view.anonymous)
        lines.append(f"{escape_md(split.criterion.question)}\\\n  → {escape_md(who)}")
    blocks.append(bullets(lines))
    return blocks


def written_line(written: Written) -> str:
    """One note or reflection, after who wrote it unless anonymous (markdown, one line)."""
    text = " ".join(escape_md_paragraphs(written.text))
    if written.respondent is None:
        return text
    return f"{escape_md(written.respondent.label)}: {text}"


def team_notes_blocks(view: TeamView, level: int = 2) -> list[str]:
    """Each practice's notes, the evidence behind its scores, with who wrote them."""
    blocks = [heading(level, _("Notes, practice by practice"))]
    if not view.notes:
        blocks.append(escape_md(_("Nobody wrote a note.")))
    for practice_notes in view.notes:
        p = practice_notes.practice
        blocks += [
            heading(level + 1, escape_md(f"{p.number}. {p.name}")),
            bullets(written_line(w) for w in practice_notes.notes),
        ]
    return blocks


def team_reflection_blocks(view: TeamView, level: int = 2) -> list[str]:
    """Everyone's reflections, question by question."""
    blocks = [heading(level, _("Reflections"))]
    answered = {r.key: r.answers for r in view.reflections}
    for key, question in REFLECTION_QUESTIONS:
        blocks.append(heading(level + 1, escape_md(_(question))))
        if key in answered:
            blocks.append(bullets(written_line(w) for w in answered[key]))
        else:
            nobody = _("Nobody answered.")
            blocks.append(f"*{escape_md(nobody)}*")
    return blocks


def team_blocks(view: TeamView, *, mermaid: bool = False) -> list[str]:
    """The whole team report, as markdown blocks (``mermaid``: with the chart's block)."""
    from coprod.render.markdown.own import team_own_blocks
    from coprod.render.markdown.sense import agreement_blocks, matters_most_blocks, sides_blocks

    first = view.assessments[0]
    blocks = [
        *team_header_blocks(view),
        *team_verdict_blocks(view),
        *team_profile_blocks(view, mermaid=mermaid),
        *conversation_blocks(view),
        *matters_most_blocks(view),
        *agreement_blocks(view),
        *sides_blocks(view),
        *team_own_blocks(view),
        *criteria_split_blocks(view),
        *team_notes_blocks(view),
        *team_reflection_blocks(view),
        *(room_blocks(view.coverage, first.content) if view.coverage else []),
        *team_action_blocks(view, first.content),
        *caveat_blocks(first),
        *source_blocks(first),
        *closing_blocks(first.content, [r.role for r in view.respondents]),
    ]
    return blocks + glossary_blocks(first.content, blocks)


def render_team(view: TeamView, *, mermaid: bool = False) -> str:
    """Several respondents' answers read together, as a markdown document."""
    return join_blocks(team_blocks(view, mermaid=mermaid))
