"""One assessment as GitHub-flavoured markdown (the HTML report is built from it).

Every piece of user text (project name, respondent, notes, reflections) and of
content text goes through :func:`escape_md`, so it can never open a heading, a
list, a link or a table row. The building blocks below (:func:`heading`,
:func:`table`, :func:`bullets`, ...) each return one markdown block;
:func:`join_blocks` puts blocks together. Team and compare reports reuse them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from coprod.core.assessment import Assessment, CaseSuggestion, PracticeResult, StatementResult
from coprod.core.compare import Comparison
from coprod.core.models import Criterion
from coprod.core.scoring import CriterionAnswer
from coprod.core.team import Disagreement, TeamView
from coprod.render.terminal import SCORE_NOTE, VERDICT_TITLE, verdict_lines
from coprod.render.text import CITATION, clean_text, rating_label
from coprod.render.text import escape_md as escape_md  # the one markdown escaper

Align = Literal["left", "right"]

LOW_RATING = 2  # statements rated this or lower get their next step shown
ANSWER_LABEL: dict[CriterionAnswer, str] = {"yes": "Yes", "no": "No", "unsure": "Not sure"}
REFLECTION_QUESTIONS = (
    ("why", "Why is co-production needed here, rather than another approach?"),
    ("bring_and_take", "What can participants bring to it, and take from it?"),
)
BANDS_NOTE = "Bands: 0-39 needs attention, 40-69 developing, 70-100 strong."
RULE = "---"


# --- building blocks ---------------------------------------------------------


def escape_md_paragraphs(text: str) -> list[str]:
    """Multi-line user text as escaped paragraphs: one per non-blank line."""
    return [escape_md(line) for line in text.splitlines() if line.strip()]


def join_blocks(blocks: Iterable[str]) -> str:
    """Blocks separated by blank lines, ending with one newline."""
    return "\n\n".join(b for b in blocks if b) + "\n"


def heading(level: int, text: str) -> str:
    """An ATX heading; ``text`` is markdown (escape user text first)."""
    return f"{'#' * level} {text}"


def bullets(items: Iterable[str]) -> str:
    """A bulleted list; each item is markdown (escape user text first)."""
    return "\n".join(f"- {item}" for item in items)


def bold(text: str) -> str:
    """Plain text, escaped and in bold."""
    return f"**{escape_md(text)}**"


def _cell(text: str) -> str:
    return " ".join(text.split())


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    caption: str | None = None,
    align: Sequence[Align] = (),
) -> str:
    """A GFM table; ``header`` and ``caption`` are plain text, ``rows`` are markdown.

    The caption is a bold paragraph just above the table (the HTML renderer turns
    it into a real ``<caption>``).
    """
    aligns = list(align) + ["left"] * (len(header) - len(align))
    lines = [
        "| " + " | ".join(escape_md(h) for h in header) + " |",
        "| " + " | ".join("---:" if a == "right" else "---" for a in aligns) + " |",
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    text = "\n".join(lines)
    return f"{bold(caption)}\n\n{text}" if caption else text


def _mermaid_label(text: str) -> str:
    """A label that is safe inside a quoted mermaid string."""
    return re.sub(r'["#;`\\]', "", " ".join(clean_text(text).split()))


def mermaid_bar_chart(
    items: Sequence[tuple[str, int]],
    *,
    title: str,
    x_label: str,
    y_label: str,
    line: Sequence[int] | None = None,
) -> str:
    """A fenced mermaid ``xychart-beta`` vertical bar chart on a 0-100 scale.

    ``line`` (one value per item) adds a line over the bars, e.g. earlier scores.
    """
    labels = ", ".join(f'"{_mermaid_label(label)}"' for label, _ in items)
    values = ", ".join(str(value) for _, value in items)
    extra = [] if line is None else [f"    line [{', '.join(str(v) for v in line)}]"]
    return "\n".join(
        [
            "```mermaid",
            "xychart-beta",
            f'    title "{_mermaid_label(title)}"',
            f'    x-axis "{_mermaid_label(x_label)}" [{labels}]',
            f'    y-axis "{_mermaid_label(y_label)}" 0 --> 100',
            f"    bar [{values}]",
            *extra,
            "```",
        ]
    )


def lines_to_blocks(lines: Iterable[str]) -> list[str]:
    """Plain sentences to blocks: runs of ``"• item"`` lines become one list."""
    blocks: list[str] = []
    items: list[str] = []
    for line in lines:
        if line.startswith("• "):
            items.append(escape_md(line[2:]))
            continue
        if items:
            blocks.append(bullets(items))
            items = []
        blocks.append(escape_md(line))
    if items:
        blocks.append(bullets(items))
    return blocks


# --- pieces of an assessment that other renderers share ---------------------


def respondent_text(assessment: Assessment) -> str | None:
    """``"Sam, officer"`` (plain text), or ``None`` when not given."""
    r = assessment.answers.respondent
    parts = [x for x in (r.name, r.role) if x] if r else []
    return ", ".join(parts) if parts else None


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
    return "not scored" if s.score is None else f"{s.score}, {s.band}"


# --- the report's sections ---------------------------------------------------


def header_blocks(assessment: Assessment, level: int = 1) -> list[str]:
    """Title, what this is, and the answers file's details."""
    a = assessment.answers
    details = [f"**Project:** {escape_md(a.project.name)}"]
    if a.project.stage:
        details.append(f"**Stage:** {escape_md(a.project.stage)}")
    if a.date:
        details.append(f"**Date:** {a.date.isoformat()}")
    who = respondent_text(assessment)
    if who:
        details.append(f"**Respondent:** {escape_md(who)}")
    mode = (
        "quick assessment (one overall rating per practice)"
        if a.mode == "quick"
        else "full assessment (every statement rated)"
    )
    details.append(f"**Mode:** {mode}")
    blocks = [
        heading(level, escape_md(a.project.name)),
        escape_md(
            "A co-production self-assessment against the seven practices and the "
            "“when to co-produce” criteria of the Jam and Justice report."
        ),
        bullets(details),
    ]
    blocks += [f"**Note:** {escape_md(message)}" for message in assessment.warnings]
    return blocks


def verdict_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """The verdict, why, and the criteria answers as tables."""
    kind = assessment.verdict.kind
    crit = assessment.content.criteria
    answers = assessment.answers.criteria

    def rows(criteria: Iterable[Criterion]) -> list[list[str]]:
        return [
            [escape_md(c.text), ANSWER_LABEL[answers[c.id]] if c.id in answers else "Not answered"]
            for c in criteria
        ]

    return [
        heading(level, escape_md(f"When to co-produce: {VERDICT_TITLE[kind]}")),
        *lines_to_blocks(verdict_lines(assessment)),
        table(
            ["Condition", "Answer"],
            rows(crit.favourable),
            caption="Co-production is especially helpful when…",
        ),
        table(
            ["Condition", "Answer"],
            rows(crit.warning),
            caption="Its promises are unlikely to be realised when… (warning signs)",
        ),
    ]


def overall_text(assessment: Assessment) -> str:
    """The overall score with its caveat (markdown)."""
    if assessment.overall is None:
        return "**Overall: not scored** (no practice has a rated statement)."
    return (
        f"**Overall: {assessment.overall}** (mean of the scored practices). Read it beside "
        "the profile above, never on its own."
    )


def profile_table(assessment: Assessment) -> str:
    """The seven practices: score, band and what went into each score."""
    rows = [
        [
            str(r.practice.number),
            escape_md(r.practice.name),
            "not scored" if r.score.score is None else str(r.score.score),
            r.score.band or "not scored",
            f"{r.score.rated} / {r.score.dont_know} / {r.score.na}",
        ]
        for r in assessment.practices
    ]
    return table(
        ["#", "Practice", "Score", "Band", "Rated / don't know / n.a."],
        rows,
        caption="Practice scores (0-100)",
        align=["right", "left", "right", "left", "right"],
    )


def chart_blocks(items: Sequence[tuple[str, int | None]], *, title: str) -> list[str]:
    """A mermaid bar chart of the scored items, and what it leaves out."""
    scored = [(label.split(".", 1)[0], score) for label, score in items if score is not None]
    not_scored = [label for label, score in items if score is None]
    if not scored:
        return [escape_md("Nothing is scored yet, so there is no chart.")]
    blocks = [
        mermaid_bar_chart(scored, title=title, x_label="Practice", y_label="Score (0-100)"),
        escape_md(f"Bars are numbered as in the table. {BANDS_NOTE}"),
    ]
    if not_scored:
        blocks.append(
            escape_md(
                "Not scored (nothing rated), so without a bar rather than shown as 0: "
                + "; ".join(not_scored)
                + "."
            )
        )
    return blocks


def profile_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """The profile table, the overall score, the score note and the chart."""
    return [
        heading(level, "Practice profile"),
        profile_table(assessment),
        overall_text(assessment),
        f"*{escape_md(SCORE_NOTE)}*",
        *chart_blocks(chart_items(assessment), title="Practice scores (0-100)"),
    ]


def strengths_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """The (up to two) strongest practices."""
    blocks = [heading(level, "Strengths to build on")]
    if assessment.strengths:
        blocks.append(
            bullets(
                f"{escape_md(r.practice.name)} ({escape_md(score_text(r))})"
                for r in assessment.strengths
            )
        )
    else:
        blocks.append(escape_md("None yet: no practice is scored 40 (developing) or more."))
    return blocks


def _step_line(step: StatementResult) -> str:
    rated = "" if step.rating is None else f" – you said {rating_label(step.rating)}"
    return f"{escape_md(step.statement.text + rated)}\\\n  → {escape_md(step.statement.next_step)}"


def case_line(suggestion: CaseSuggestion) -> str:
    """``See **Case** – why (`coprod cases show id`)`` (markdown)."""
    label = "See" if suggestion.link.role == "example" else "A caution from"
    case = suggestion.case
    return (
        f"{label} **{escape_md(case.name)}** – {escape_md(suggestion.link.why)}"
        f" (`coprod cases show {case.id}`)"
    )


def priority_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """Where to focus next: next steps and case studies to learn from."""
    blocks = [heading(level, "Where to focus next")]
    if not assessment.priorities:
        blocks.append(escape_md("No practice is scored yet, so there are no priorities."))
    for p in assessment.priorities:
        blocks.append(
            heading(level + 1, escape_md(f"{p.result.practice.name} ({score_text(p.result)})"))
        )
        if p.next_steps:
            blocks += [bold("Next steps"), bullets(_step_line(step) for step in p.next_steps)]
        if p.cases:
            blocks += [bold("Learn from"), bullets(case_line(c) for c in p.cases)]
    return blocks


def gaps_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """Don't-know answers, unanswered statements and practices not scored."""
    blocks = [heading(level, "Evidence gaps")]
    gaps = assessment.evidence_gaps
    if gaps:
        blocks.append(
            escape_md(
                f"{assessment.dont_know_count} answer(s) were “Don't know”: worth finding out, "
                "or asking others involved (coprod team reads several people's answers together)."
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
            escape_md(f"{assessment.dont_know_count} practice(s) were rated “Don't know”.")
        )
    if assessment.answers.mode == "full":
        missing = sum(1 for r in assessment.practices for s in r.statements if s.rating is None)
        if missing:
            blocks.append(escape_md(f"{missing} statement(s) were not answered."))
    not_scored = [practice_label(r) for r in assessment.practices if r.score.score is None]
    if not_scored:
        blocks.append(escape_md("Not scored (nothing rated): " + "; ".join(not_scored) + "."))
    if len(blocks) == 1:
        blocks.append(escape_md("None: every statement has a rating or was marked not applicable."))
    return blocks


def practice_section(assessment: Assessment, result: PracticeResult, level: int = 3) -> list[str]:
    """One practice: score, summary, statement ratings, the note and next steps."""
    s = result.score
    blocks = [
        heading(level, escape_md(practice_label(result))),
        f"**Score: {escape_md(score_text(result))}** ({s.rated} rated, {s.dont_know} "
        f"don't know, {s.na} not applicable)",
        escape_md(result.practice.summary),
    ]
    low: list[StatementResult]
    if assessment.answers.mode == "quick":
        rating = assessment.answers.ratings.get(result.practice.id)
        blocks.append(
            escape_md(
                f"Quick assessment: one rating for the whole practice: {rating_label(rating)}."
            )
        )
        low = result.statements[:2] if isinstance(rating, int) and rating <= LOW_RATING else []
    else:
        rows = [
            [escape_md(st.statement.text), escape_md(rating_label(st.rating))]
            for st in result.statements
        ]
        blocks.append(
            table(["Statement", "Rating"], rows, caption=f"Ratings: {result.practice.name}")
        )
        low = [
            st for st in result.statements if isinstance(st.rating, int) and st.rating <= LOW_RATING
        ]
    if result.note:
        blocks.append(f"**Your note:** {escape_md(result.note)}")
    if low:
        quick = assessment.answers.mode == "quick"
        blocks.append(
            bold("Possible next steps" if quick else "Next steps for the statements rated low")
        )
        blocks.append(bullets(_step_line(st) for st in low))
    return blocks


def practices_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """One section per practice."""
    blocks = [heading(level, "The seven practices in detail")]
    for result in assessment.practices:
        blocks += practice_section(assessment, result, level + 1)
    return blocks


def reflection_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """The respondent's own words on why co-produce, and what people bring and take."""
    reflections = assessment.answers.reflections
    blocks = [heading(level, "Reflections")]
    for key, question in REFLECTION_QUESTIONS:
        blocks.append(heading(level + 1, escape_md(question)))
        text = getattr(reflections, key) or ""
        blocks += escape_md_paragraphs(text) or ["*Not answered.*"]
    return blocks


def caveat_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """The content's caveats on reading the results."""
    caveats = assessment.content.criteria.caveats
    return [heading(level, "Keep in mind"), bullets(escape_md(c.text) for c in caveats)]


def source_blocks(assessment: Assessment, level: int = 2) -> list[str]:
    """Where the practices and criteria come from."""
    report = next((p for p in assessment.content.meta.publications if p.id == "report"), None)
    blocks = [
        heading(level, "Source"),
        escape_md(
            "The seven practices, the “when to co-produce” criteria and the case studies "
            "come from the Jam and Justice action research report:"
        ),
        escape_md(CITATION),
    ]
    if report and report.url:
        blocks.append(f"Project website: {escape_md(report.url)}")
    blocks.append(escape_md(f"Made with coprod (content version {assessment.content.version})."))
    return blocks


def report_blocks(assessment: Assessment) -> list[str]:
    """The whole report for one assessment, as markdown blocks."""
    return [
        *header_blocks(assessment),
        *verdict_blocks(assessment),
        *profile_blocks(assessment),
        *strengths_blocks(assessment),
        *priority_blocks(assessment),
        *gaps_blocks(assessment),
        *practices_blocks(assessment),
        *reflection_blocks(assessment),
        *caveat_blocks(assessment),
        *source_blocks(assessment),
    ]


def render(assessment: Assessment) -> str:
    """One assessment as a markdown document."""
    return join_blocks(report_blocks(assessment))


def render_many(assessments: Sequence[Assessment]) -> str:
    """Several assessments, one after another, separated by a rule."""
    return join_blocks(
        block
        for i, assessment in enumerate(assessments)
        for block in ([RULE] if i else []) + report_blocks(assessment)
    )


# --- several respondents read together (coprod team) -------------------------

TEAM_CHART_TITLE = "Mean practice scores across respondents (0-100)"
COMPARE_CHART_TITLE = "Practice scores then and now (0-100)"


def counts_text(pairs: Iterable[tuple[str, int]]) -> str:
    """``[("officer", 2), ("resident", 1)]`` -> ``"2 officer, 1 resident"`` (plain text)."""
    return ", ".join(f"{n} {what}" for what, n in pairs)


def team_roles(view: TeamView) -> list[tuple[str, int]]:
    """Roles and how many gave each, most first (see ``TeamView.roles`` for the order)."""
    return view.roles.most_common()


def team_chart_items(view: TeamView) -> list[tuple[str, int | None]]:
    """The mean practice scores to chart: label and mean (``None``: not scored)."""
    return [(f"{p.practice.number}. {p.practice.name}", p.mean) for p in view.practices]


def team_header_blocks(view: TeamView, level: int = 1) -> list[str]:
    """Title, what this is, and who answered."""
    first = view.assessments[0].answers
    details = [f"**Project:** {escape_md(view.project)}"]
    if first.project.stage:
        details.append(f"**Stage:** {escape_md(first.project.stage)}")
    dates = sorted({a.answers.date for a in view.assessments if a.answers.date})
    if dates:
        label = "Date" if len(dates) == 1 else "Dates"
        details.append(f"**{label}:** " + ", ".join(d.isoformat() for d in dates))
    details.append(
        f"**Respondents:** {len(view.respondents)} ({escape_md(counts_text(team_roles(view)))})"
    )
    mode = (
        "quick assessments (one overall rating per practice)"
        if view.mode == "quick"
        else "full assessments (every statement rated)"
    )
    details.append(f"**Mode:** {mode}")
    if view.anonymous:
        details.append("**Anonymous:** respondents are numbered, without names or roles")
    blocks = [
        heading(level, escape_md(f"{view.project}: team view")),
        escape_md(
            "Several people's co-production self-assessments of the same project, read "
            "together: where they agree, and the conversations to have."
        ),
        bullets(details),
    ]
    blocks += [
        f"**Note:** {escape_md(f'{person.label}: {message}')}"
        for person, assessment in zip(view.respondents, view.assessments, strict=True)
        for message in assessment.warnings
    ]
    return blocks


def team_verdict_blocks(view: TeamView, level: int = 2) -> list[str]:
    """Each respondent's when-to-co-produce verdict."""
    rows = [
        [escape_md(person.label), escape_md(VERDICT_TITLE[assessment.verdict.kind])]
        for person, assessment in zip(view.respondents, view.assessments, strict=True)
    ]
    return [
        heading(level, "When to co-produce, person by person"),
        escape_md(counts_text(view.verdicts.most_common()) + "."),
        table(["Respondent", "Verdict"], rows, caption="When to co-produce: each respondent"),
    ]


def team_profile_table(view: TeamView) -> str:
    """The seven practices: mean, band, lowest and highest score, and the spread."""
    rows = [
        [
            str(p.practice.number),
            escape_md(p.practice.name),
            "not scored" if p.mean is None else str(p.mean),
            p.band or "not scored",
            "–" if p.low is None else f"{p.low}–{p.high}",
            "–" if p.spread is None else str(p.spread),
        ]
        for p in view.practices
    ]
    return table(
        ["#", "Practice", "Mean", "Band", "Low–high", "Spread"],
        rows,
        caption="Practice scores across respondents (0-100)",
        align=["right", "left", "right", "left", "right", "right"],
    )


def team_profile_blocks(view: TeamView, level: int = 2) -> list[str]:
    """The profile table, the score note and the chart of the means."""
    return [
        heading(level, "Practice profile across respondents"),
        team_profile_table(view),
        escape_md(
            "Mean of the respondents' scores; low–high and spread show how far apart they are."
        ),
        f"*{escape_md(SCORE_NOTE)}*",
        *chart_blocks(team_chart_items(view), title=TEAM_CHART_TITLE),
    ]


def _disagreement_line(d: Disagreement) -> str:
    text = d.text if d.statement is None else f"{d.text} ({d.practice.name})"
    who = "; ".join(f"{person.label}: {rating_label(rating)}" for person, rating in d.ratings)
    return f"{escape_md(text)}\\\n  → {escape_md(who)}"


def conversation_blocks(view: TeamView, level: int = 2) -> list[str]:
    """Statements rated two or more points apart, with who sits where."""
    blocks = [heading(level, "Conversations to have")]
    if not view.disagreements:
        blocks.append(escape_md("No statement was rated two or more points apart."))
        return blocks
    what = "practice" if view.mode == "quick" else "statement"
    n = len(view.disagreements)
    blocks.append(
        escape_md(
            f"{n} {what}{'' if n == 1 else 's'} where ratings are two or more points apart, "
            "biggest gap first: worth talking through together."
        )
    )
    blocks.append(bullets(_disagreement_line(d) for d in view.disagreements))
    return blocks


def criteria_split_blocks(view: TeamView, level: int = 2) -> list[str]:
    """Criteria that respondents answered differently."""
    blocks = [heading(level, "When to co-produce: answered differently")]
    if not view.criteria_splits:
        blocks.append(escape_md("Everyone who answered a criterion gave the same answer."))
        return blocks
    labels: dict[str, str] = {answer: label for answer, label in ANSWER_LABEL.items()}
    lines = []
    for split in view.criteria_splits:
        who = "; ".join(f"{person.label}: {labels.get(a, a)}" for person, a in split.answers)
        lines.append(f"{escape_md(split.criterion.question)}\\\n  → {escape_md(who)}")
    blocks.append(bullets(lines))
    return blocks


def team_blocks(view: TeamView) -> list[str]:
    """The whole team report, as markdown blocks."""
    first = view.assessments[0]
    return [
        *team_header_blocks(view),
        *team_verdict_blocks(view),
        *team_profile_blocks(view),
        *conversation_blocks(view),
        *criteria_split_blocks(view),
        *caveat_blocks(first),
        *source_blocks(first),
    ]


def render_team(view: TeamView) -> str:
    """Several respondents' answers read together, as a markdown document."""
    return join_blocks(team_blocks(view))


# --- the same project then and now (coprod compare) ----------------------------


def when_text(assessment: Assessment) -> str:
    """The answers file's date, or ``"undated"``."""
    return assessment.answers.date.isoformat() if assessment.answers.date else "undated"


def _change_text(delta: int | None, arrow: str) -> str:
    """``"+7 ↑"``, ``"0 →"``, ``"-3 ↓"`` or ``"–"`` (not scored on one side)."""
    if delta is None:
        return arrow
    return f"{delta:+d} {arrow}" if delta else f"0 {arrow}"


def compare_header_blocks(comparison: Comparison, level: int = 1) -> list[str]:
    """Title, the two dates, who answered, and any messages."""
    old, new = comparison.old, comparison.new
    name = new.answers.project.name

    def side(label: str, assessment: Assessment) -> str:
        who = respondent_text(assessment)
        return f"**{label}:** {when_text(assessment)}" + (f" ({escape_md(who)})" if who else "")

    modes = {old.answers.mode, new.answers.mode}
    mode = (
        "one quick and one full assessment"
        if len(modes) > 1
        else "quick assessments (one overall rating per practice)"
        if modes == {"quick"}
        else "full assessments (every statement rated)"
    )
    blocks = [
        heading(level, escape_md(f"{name}: then and now")),
        escape_md(
            "The same project's co-production self-assessment, taken twice: "
            f"{when_text(old)} → {when_text(new)}."
        ),
        bullets(
            [
                f"**Project:** {escape_md(name)}",
                side("Then", old),
                side("Now", new),
                f"**Mode:** {mode}",
            ]
        ),
    ]
    blocks += [f"**Note:** {escape_md(message)}" for message in comparison.messages]
    return blocks


def compare_verdict_blocks(comparison: Comparison, level: int = 2) -> list[str]:
    """The when-to-co-produce verdict then and now."""
    then, now = comparison.old.verdict.kind, comparison.new.verdict.kind
    same = " (unchanged)" if then == now else ""
    return [
        heading(level, "When to co-produce"),
        escape_md(f"{then.capitalize()} then, {now} now{same}."),
        bullets(
            [
                f"**Then:** {escape_md(VERDICT_TITLE[then])}",
                f"**Now:** {escape_md(VERDICT_TITLE[now])}",
            ]
        ),
    ]


def compare_table(comparison: Comparison) -> str:
    """The seven practices: score then, now, and the change with its arrow."""
    rows = [
        [
            str(c.practice.number),
            escape_md(c.practice.name),
            "not scored" if c.old is None else str(c.old),
            "not scored" if c.new is None else str(c.new),
            _change_text(c.delta, c.arrow),
        ]
        for c in comparison.practices
    ]
    return table(
        ["#", "Practice", "Then", "Now", "Change"],
        rows,
        caption="Practice scores then and now (0-100)",
        align=["right", "left", "right", "right", "right"],
    )


def compare_overall_text(comparison: Comparison) -> str:
    """The overall score then → now, with its caveat (markdown)."""
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
    """Each practice's label, score then and score now."""
    return [(f"{c.practice.number}. {c.practice.name}", c.old, c.new) for c in comparison.practices]


def compare_chart_blocks(comparison: Comparison) -> list[str]:
    """A mermaid chart, bars now and a line then, of the practices scored both times."""
    items = compare_chart_items(comparison)
    both = [(label, old, new) for label, old, new in items if old is not None and new is not None]
    left_out = [label for label, old, new in items if old is None or new is None]
    if not both:
        return [escape_md("No practice is scored both times, so there is no chart.")]
    blocks = [
        mermaid_bar_chart(
            [(label.split(".", 1)[0], new) for label, _, new in both],
            title="Practice scores: bars now, line then (0-100)",
            x_label="Practice",
            y_label="Score (0-100)",
            line=[old for _, old, _ in both],
        ),
        escape_md(
            "Bars show the scores now and the line the scores then, numbered as in the "
            f"table. {BANDS_NOTE}"
        ),
    ]
    if left_out:
        blocks.append(
            escape_md("Left out of the chart (not scored both times): " + "; ".join(left_out) + ".")
        )
    return blocks


def compare_profile_blocks(
    comparison: Comparison, level: int = 2, chart: Sequence[str] | None = None
) -> list[str]:
    """The table, the overall score, the score note and the chart (``chart`` replaces it)."""
    return [
        heading(level, "Practice scores then and now"),
        compare_table(comparison),
        compare_overall_text(comparison),
        f"*{escape_md(SCORE_NOTE)}*",
        *(compare_chart_blocks(comparison) if chart is None else chart),
    ]


def moved_blocks(comparison: Comparison, level: int = 2) -> list[str]:
    """Statements whose rating moved two or more points."""
    blocks = [heading(level, "Statements that moved two or more points")]
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
        blocks.append(escape_md("No statement moved two or more points."))
    else:
        blocks.append(escape_md("Quick assessments rate whole practices, so no statement moved."))
    return blocks


def new_note_blocks(comparison: Comparison, level: int = 2) -> list[str]:
    """Notes that are new, or changed, since last time."""
    blocks = [heading(level, "New notes")]
    if comparison.new_notes:
        blocks.append(
            bullets(
                f"**{escape_md(practice.name)}:** {escape_md(note)}"
                for practice, note in comparison.new_notes
            )
        )
    else:
        blocks.append(escape_md("No note is new or changed since last time."))
    return blocks


def comparison_blocks(comparison: Comparison, chart: Sequence[str] | None = None) -> list[str]:
    """The whole comparison, as markdown blocks; ``chart`` replaces the mermaid chart blocks."""
    return [
        *compare_header_blocks(comparison),
        *compare_verdict_blocks(comparison),
        *compare_profile_blocks(comparison, chart=chart),
        *moved_blocks(comparison),
        *new_note_blocks(comparison),
        *caveat_blocks(comparison.new),
        *source_blocks(comparison.new),
    ]


def comparison_blocks_text(comparison: Comparison, chart: Sequence[str] | None = None) -> str:
    """The comparison as markdown text, with ``chart`` blocks in place of the mermaid chart."""
    return join_blocks(comparison_blocks(comparison, chart))


def render_comparison(comparison: Comparison) -> str:
    """The same project then and now, as a markdown document."""
    return comparison_blocks_text(comparison)
