"""One assessment in the terminal: a one-screen summary first, then the detail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod.core.assessment import Assessment
from coprod.render.terminal.common import (
    BAND_STYLE,
    NARROW,
    VERDICT_STYLE,
    bullet,
    print_calls_to_action,
    safe,
    section,
)
from coprod.render.text import (
    REFLECTION_QUESTIONS,
    SCORE_NOTE,
    VERDICT_TITLE,
    bar,
    rating_label,
    verdict_lines,
    were,
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
            title=f"When to co-produce: {kind}",
            title_align="left",
            border_style=VERDICT_STYLE[kind],
        )
    )


def render(assessment: Assessment, console: Console) -> None:
    """Print the whole report: the summary, then the detail."""
    print_summary(assessment, console)
    console.rule("Detail", style="dim")
    print_detail(assessment, console)


def _title(assessment: Assessment) -> str:
    a = assessment.answers
    who = ""
    if a.respondent and (a.respondent.name or a.respondent.role):
        who = " · " + ", ".join(x for x in (a.respondent.name, a.respondent.role) if x)
    stage = f" · stage: {a.project.stage}" if a.project.stage else ""
    mode = " · quick assessment" if a.mode == "quick" else ""
    return f"[bold]{safe(a.project.name)}[/bold]{safe(stage + who + mode)}"


def print_summary(assessment: Assessment, console: Console) -> None:
    """What fits on one screen: the verdict, the profile and where to start."""
    console.print(f"\n{_title(assessment)}")
    kind = assessment.verdict.kind
    style = VERDICT_STYLE[kind]
    console.print(
        f"When to co-produce: [{style}]{VERDICT_TITLE[kind]}[/{style}] [dim](reasons below)[/dim]"
    )
    if console.width < NARROW:
        _profile_list(assessment, console)
    else:
        _profile_table(assessment, console)
    if assessment.overall is not None:
        console.print(
            f"Overall {assessment.overall} (mean of the scored practices): read it beside the "
            "profile, never on its own."
        )
    if assessment.strengths:
        strengths = "; ".join(
            f"{safe(r.practice.name)} ({r.score.score})" for r in assessment.strengths
        )
        console.print(f"[bold]Strengths:[/bold] {strengths}")
    if assessment.priorities:
        top = assessment.priorities[0]
        r = top.result
        start = (
            f"[bold]Start with:[/bold] {safe(r.practice.name)} ({r.score.score}, {r.score.band})"
        )
        if top.next_steps:
            start += f" – {safe(top.next_steps[0].statement.next_step)}"
        console.print(start)
    console.print(f"[dim]{SCORE_NOTE}[/dim]")


def _profile_list(assessment: Assessment, console: Console) -> None:
    """The practice profile for narrow terminals: one practice, then its score line."""
    console.print("[bold]Practice profile[/bold]")
    for r in assessment.practices:
        s = r.score
        band = s.band or "not scored"
        style = BAND_STYLE.get(band, "dim")
        score = "–" if s.score is None else str(s.score)
        console.print(f"{r.practice.number}. {safe(r.practice.name)}")
        console.print(f"   [{style}]{score} {band}[/{style}] {bar(s.score, 8)}")
        console.print(f"   [dim]{s.dont_know} don't know, {s.na} n/a[/dim]")


def _profile_table(assessment: Assessment, console: Console) -> None:
    from rich import box
    from rich.table import Table

    table = Table(
        title="Practice profile",
        title_justify="left",
        expand=False,
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        collapse_padding=True,
        pad_edge=False,
        show_edge=False,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Practice", min_width=14, ratio=1)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Band", no_wrap=True)
    table.add_column("Bar (0–100)", no_wrap=True)
    table.add_column("Don't know", justify="right")
    table.add_column("N/A", justify="right", no_wrap=True)
    for r in assessment.practices:
        s = r.score
        band = s.band or "not scored"
        style = BAND_STYLE.get(band, "dim")
        table.add_row(
            str(r.practice.number),
            safe(r.practice.name),
            "–" if s.score is None else str(s.score),
            f"[{style}]{band}[/{style}]",
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
        section(console, "Evidence gaps")
        if gaps:
            console.print(
                f"{were(gaps, 'answer')} “Don't know”: worth finding out, or asking others "
                "involved (coprod team reads several people's answers together)."
            )
        if not_scored:
            console.print("Not scored (nothing rated): " + safe(", ".join(not_scored)))

    _notes(assessment, console)

    caveats = assessment.content.criteria.caveats
    console.print(
        Panel(
            escape("\n".join(f"• {c.text}" for c in caveats)),
            title="Keep in mind",
            title_align="left",
        )
    )
    respondent = assessment.answers.respondent
    print_calls_to_action(assessment.content, [respondent.role if respondent else None], console)


def _priorities(assessment: Assessment, console: Console) -> None:
    if not assessment.priorities:
        return
    section(console, "Where to focus next")
    for p in assessment.priorities:
        r = p.result
        console.print(f"\n[bold]{safe(r.practice.name)}[/bold] ({r.score.score}, {r.score.band})")
        for step in p.next_steps:
            rated = "" if step.rating is None else f" – you said {rating_label(step.rating)}"
            bullet(console, f"{safe(step.statement.text)}[dim]{safe(rated)}[/dim]")
            bullet(console, safe(step.statement.next_step), indent=4, marker="→")
        for c in p.cases:
            label = "Learn from" if c.link.role == "example" else "A caution from"
            bullet(
                console,
                f"{label} [cyan]{safe(c.case.name)}[/cyan]: {safe(c.link.why)}\n"
                f"[dim]coprod cases show {c.case.id}[/dim]",
                marker="◦",
            )


def _notes(assessment: Assessment, console: Console) -> None:
    """The respondent's notes, practice by practice, and their reflections."""
    notes = [(r.practice, r.note) for r in assessment.practices if r.note and r.note.strip()]
    if notes:
        section(console, "Your notes")
        for practice, note in notes:
            bullet(console, f"[bold]{practice.number}. {safe(practice.name)}:[/bold] {safe(note)}")
    reflections = assessment.answers.reflections
    answered = [(q, getattr(reflections, key)) for key, q in REFLECTION_QUESTIONS]
    answered = [(q, text) for q, text in answered if text and text.strip()]
    if answered:
        section(console, "Your reflections")
        for question, text in answered:
            bullet(console, f"[bold]{safe(question)}[/bold]\n{safe(text)}")
