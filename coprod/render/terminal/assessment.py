"""One assessment in the terminal: a one-screen summary first, then the detail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod.core.assessment import Assessment
from coprod.i18n import _, ngettext
from coprod.i18n.labels import band_label, rating_label, role_label, stage_label
from coprod.render.safe import escape_markup
from coprod.render.terminal.common import (
    BAND_STYLE,
    NARROW,
    VERDICT_STYLE,
    bullet,
    print_closing,
    print_draft_line,
    section,
)
from coprod.render.text import (
    REFLECTION_QUESTIONS,
    SCORE_NOTE,
    VERDICT_KIND,
    VERDICT_TITLE,
    bar,
    verdict_lines,
)

if TYPE_CHECKING:
    from rich.console import Console


def print_verdict(assessment: Assessment, console: Console) -> None:
    """The when-to-co-produce verdict in a panel, with its reasons."""
    from rich.markup import escape
    from rich.panel import Panel

    kind = assessment.verdict.kind
    console.print(
        Panel(
            f"[bold]{VERDICT_TITLE[kind]}[/bold]\n" + escape("\n".join(verdict_lines(assessment))),
            title=_("When to co-produce") + ": " + VERDICT_KIND[kind],
            title_align="left",
            border_style=VERDICT_STYLE[kind],
        )
    )


def render(assessment: Assessment, console: Console) -> None:
    """Print the whole report: the summary, then the detail."""
    print_summary(assessment, console)
    console.rule(_("Detail"), style="dim")
    print_detail(assessment, console)


def _title(assessment: Assessment) -> str:
    a = assessment.answers
    parts = [f"[bold]{escape_markup(a.project.name)}[/bold]"]
    if a.project.stage:
        parts.append(escape_markup(_("stage") + ": " + stage_label(a.project.stage)))
    if a.respondent and (a.respondent.name or a.respondent.role):
        role = a.respondent.role and role_label(a.respondent.role)
        parts.append(escape_markup(", ".join(x for x in (a.respondent.name, role) if x)))
    if a.mode == "quick":
        parts.append(escape_markup(_("quick assessment")))
    return " · ".join(parts)


def print_summary(assessment: Assessment, console: Console) -> None:
    """What fits on one screen: the verdict, the profile and where to start."""
    console.print(f"\n{_title(assessment)}")
    print_draft_line(assessment.content, console)
    kind = assessment.verdict.kind
    style = VERDICT_STYLE[kind]
    console.print(
        _("When to co-produce")
        + f": [{style}]{VERDICT_TITLE[kind]}[/{style}] [dim]("
        + _("reasons below")
        + ")[/dim]"
    )
    if console.width < NARROW:
        _profile_list(assessment, console)
    else:
        _profile_table(assessment, console)
    if assessment.overall is not None:
        console.print(
            _(
                "Overall %(score)d (mean of the scored practices): read it beside the "
                "profile, never on its own."
            )
            % {"score": assessment.overall}
        )
    if assessment.strengths:
        strengths = "; ".join(
            f"{escape_markup(r.practice.name)} ({r.score.score})" for r in assessment.strengths
        )
        console.print("[bold]" + _("Strengths") + f":[/bold] {strengths}")
    elif assessment.relatively_strongest:
        best = "; ".join(
            f"{escape_markup(r.practice.name)} ({r.score.score})"
            for r in assessment.relatively_strongest
        )
        console.print("[bold]" + _("Relatively strongest") + f":[/bold] {best}")
    if assessment.priorities:
        top = assessment.priorities[0]
        r = top.result
        start = (
            "[bold]" + _("Start with") + f":[/bold] {escape_markup(r.practice.name)} "
            f"({r.score.score}, {band_label(r.score.band)})"
        )
        if top.next_steps:
            start += f" – {escape_markup(top.next_steps[0].statement.next_step)}"
        console.print(start)
    console.print("[dim]" + _(SCORE_NOTE) + "[/dim]")


def print_brief(assessment: Assessment, console: Console) -> None:
    """Three lines to end an interview on: the verdict, the profile, where to start."""
    from coprod.core.scoring import BANDS

    kind = assessment.verdict.kind
    style = VERDICT_STYLE[kind]
    console.print(_("When to co-produce") + f": [{style}]{VERDICT_TITLE[kind]}[/{style}]")
    scored = [r.score.band for r in assessment.practices if r.score.band]
    counts = [
        f"[{BAND_STYLE[band]}]{scored.count(band)} {escape_markup(band_label(band))}[/]"
        for _floor, band in BANDS
        if band in scored
    ]
    profile = _("Practice profile") + ": " + (", ".join(counts) or _("not scored"))
    if assessment.overall is not None:
        profile += " · " + _("overall %(score)d") % {"score": assessment.overall}
    console.print(profile)
    if assessment.priorities:
        r = assessment.priorities[0].result
        console.print(
            "[bold]"
            + escape_markup(_("Start with"))
            + f":[/bold] {escape_markup(r.practice.name)} "
            f"({r.score.score}, {band_label(r.score.band)})"
        )


def _profile_list(assessment: Assessment, console: Console) -> None:
    """The practice profile for narrow terminals: one practice, then its score line."""
    console.print("[bold]" + _("Practice profile") + "[/bold]")
    for r in assessment.practices:
        s = r.score
        band = s.band or "not scored"
        style = BAND_STYLE.get(band, "dim")
        score = "–" if s.score is None else str(s.score)
        console.print(f"{r.practice.number}. {escape_markup(r.practice.name)}")
        console.print(f"   [{style}]{score} {band_label(s.band)}[/{style}] {bar(s.score, 8)}")
        counts = _("%(dont_know)d don't know, %(na)d n/a") % {"dont_know": s.dont_know, "na": s.na}
        console.print(f"   [dim]{counts}[/dim]")


def _profile_table(assessment: Assessment, console: Console) -> None:
    from rich import box
    from rich.table import Table

    table = Table(
        title=_("Practice profile"),
        title_justify="left",
        expand=False,
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        collapse_padding=True,
        pad_edge=False,
        show_edge=False,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(_("Practice"), min_width=14, ratio=1)
    table.add_column(_("Score"), justify="right", no_wrap=True)
    table.add_column(_("Band"), no_wrap=True)
    table.add_column(_("Bar (0–100)"), no_wrap=True)
    table.add_column(_("Don't know"), justify="right")
    table.add_column(_("N/A"), justify="right", no_wrap=True)
    for r in assessment.practices:
        s = r.score
        band = s.band or "not scored"
        style = BAND_STYLE.get(band, "dim")
        table.add_row(
            str(r.practice.number),
            escape_markup(r.practice.name),
            "–" if s.score is None else str(s.score),
            f"[{style}]{band_label(s.band)}[/{style}]",
            f"[{style}]{bar(s.score)}[/{style}]",
            str(s.dont_know),
            str(s.na),
        )
    console.print(table)


def print_detail(assessment: Assessment, console: Console) -> None:
    """The verdict's reasons, priorities, gaps, notes, reflections and caveats."""
    from rich.markup import escape
    from rich.panel import Panel

    print_verdict(assessment, console)
    _priorities(assessment, console)
    from coprod.render.terminal.room import render_actions

    render_actions(assessment.answers.actions, assessment.content, console)

    not_scored = [r.practice.name for r in assessment.practices if r.score.score is None]
    gaps = assessment.dont_know_count
    if gaps or not_scored:
        section(console, _("Evidence gaps"))
        if gaps:
            console.print(
                ngettext(
                    "%(n)d answer was “Don't know”: worth finding out, or asking others "
                    "involved (coprod team reads several people's answers together).",
                    "%(n)d answers were “Don't know”: worth finding out, or asking others "
                    "involved (coprod team reads several people's answers together).",
                    gaps,
                )
                % {"n": gaps}
            )
        if not_scored:
            console.print(
                _("Not scored (nothing rated):") + " " + escape_markup(", ".join(not_scored))
            )

    from coprod.render.terminal.own import render_assessment_own

    render_assessment_own(assessment, console)
    _notes(assessment, console)

    caveats = assessment.content.criteria.caveats
    console.print(
        Panel(
            escape("\n".join(f"• {c.text}" for c in caveats)),
            title=_("Keep in mind"),
            title_align="left",
        )
    )
    respondent = assessment.answers.respondent
    print_closing(assessment.content, [respondent.role if respondent else None], console)


def _priorities(assessment: Assessment, console: Console) -> None:
    if not assessment.priorities:
        return
    section(console, _("Where to focus next"))
    for p in assessment.priorities:
        r = p.result
        console.print(
            f"\n[bold]{escape_markup(r.practice.name)}[/bold] ({r.score.score}, {band_label(r.score.band)})"
        )
        if r.practice.name_means:  # easy read: beside the report's words, not instead
            from coprod.render.text import REPORTS_WORDS, means_line

            console.print(
                f"[dim]({escape_markup(_(REPORTS_WORDS))})[/dim] "
                + escape_markup(means_line(r.practice.name_means))
            )
        for step in p.next_steps:
            rated = (
                ""
                if step.rating is None
                else " – " + _("you said %(rating)s") % {"rating": rating_label(step.rating)}
            )
            bullet(
                console, f"{escape_markup(step.statement.text)}[dim]{escape_markup(rated)}[/dim]"
            )
            bullet(console, escape_markup(step.statement.next_step), indent=4, marker="→")
        for c in p.cases:
            label = _("Learn from") if c.link.role == "example" else _("A caution from")
            bullet(
                console,
                f"{label} [cyan]{escape_markup(c.case.name)}[/cyan]: {escape_markup(c.link.why)}\n"
                f"[dim]coprod cases show {c.case.id}[/dim]",
                marker="◦",
            )


def _notes(assessment: Assessment, console: Console) -> None:
    """The respondent's notes, practice by practice, and their reflections."""
    notes = [(r.practice, r.note) for r in assessment.practices if r.note and r.note.strip()]
    if notes:
        section(console, _("Your notes"))
        for practice, note in notes:
            bullet(
                console,
                f"[bold]{practice.number}. {escape_markup(practice.name)}:[/bold] {escape_markup(note)}",
            )
    reflections = assessment.answers.reflections
    answered = [(_(q), getattr(reflections, key)) for key, q in REFLECTION_QUESTIONS]
    answered = [(q, text) for q, text in answered if text and text.strip()]
    if answered:
        section(console, _("Your reflections"))
        for question, text in answered:
            bullet(console, f"[bold]{escape_markup(question)}[/bold]\n{escape_markup(text)}")
