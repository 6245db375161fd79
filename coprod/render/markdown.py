"""One assessment as GitHub-flavoured markdown (the HTML report is built from it).

Every piece of user text (project name, respondent, notes, reflections) and of
content text goes through :func:`escape_md`, so it can never open a heading, a
list, a link or a table row. The building blocks below (:func:`heading`,
:func:`table`, :func:`bullets`, ...) each return one markdown block;
:func:`join_blocks` puts blocks together. Team and compare reports reuse them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Literal

from coprod.core.assessment import Assessment, CaseSuggestion, PracticeResult, StatementResult
from coprod.core.compare import Comparison
from coprod.core.models import Criterion
from coprod.core.scoring import CriterionAnswer
from coprod.core.team import Disagreement, TeamView
from coprod.render.terminal import SCORE_NOTE, VERDICT_TITLE, verdict_lines
from coprod.render.text import CITATION, rating_label

Align = Literal["left", "right"]

#: Characters that can mean something anywhere in (GitHub-flavoured) markdown.
MD_SPECIALS = frozenset("\\`*_{}[]<>#!|~&$")
#: What only means something at the start of a line (lists, thematic breaks, underlines).
_LINE_START = re.compile(r"^(?:(\d+)([.)])|([-+=]))")
LOW_RATING = 2  # statements rated this or lower get their next step shown
ANSWER_LABEL: dict[CriterionAnswer, str] = {"yes": "Yes", "no": "No", "unsure": "Not sure"}
REFLECTION_QUESTIONS = (
    ("why", "Why is co-production needed here, rather than another approach?"),
    ("bring_and_take", "What can participants bring to it, and take from it?"),
)
BANDS_NOTE = "Bands: 0-39 needs attention, 40-69 developing, 70-100 strong."
RULE = "---"


# --- building blocks ---------------------------------------------------------


def escape_md(text: str) -> str:
    """Text made inert in markdown: on one line, with every special backslash-escaped.

    Line breaks and runs of whitespace become one space (so a table cell or a
    heading cannot be broken) and control characters are dropped. ``- + = 1. 1)``
    only mean something at the start of a line, so they are escaped only there
    (``co-production`` stays readable).
    """
    line = " ".join(text.split())
    line = "".join(ch for ch in line if unicodedata.category(ch) != "Cc")
    escaped = "".join("\\" + ch if ch in MD_SPECIALS else ch for ch in line)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    if match[3]:
        return "\\" + match[3]
    return f"{match[1]}\\{match[2]}"


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
    return re.sub(r'["#;`\\]', "", " ".join(text.split()))


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
