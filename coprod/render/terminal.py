"""The assessment report in the terminal (rich): readable at 80 columns and without colour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod.core.assessment import Assessment
from coprod.core.compare import Comparison
from coprod.core.team import TeamView
from coprod.render.text import bar, rating_label

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.models import Content

BAND_STYLE = {"strong": "green", "developing": "yellow", "needs attention": "red"}
VERDICT_TITLE = {
    "favourable": "Conditions look favourable for co-production",
    "caution": "Caution: some conditions work against co-production",
    "unclear": "Unclear: the conditions do not yet point either way",
}
VERDICT_STYLE = {"favourable": "green", "caution": "yellow", "unclear": "blue"}
SCORE_NOTE = (
    "Scores are prompts for reflection and conversation, not grades: they show where "
    "this group sees the project now, so you can decide together what to work on."
)


def verdict_lines(assessment: Assessment) -> list[str]:
    """The verdict explained, as plain sentences (markup-free)."""
    v = assessment.verdict
    lines: list[str] = []
    if v.kind == "caution":
        lines.append("You answered yes to these warning signs:")
        for cid in v.warnings:
            c = assessment.criterion(cid)
            lines.append(f"• {c.text}. {c.why}")
        lines.append(
            "Co-production may still be possible, but talk these through first; "
            "another participatory approach may fit better."
        )
    elif v.kind == "favourable":
        lines.append(
            "You answered yes to these conditions, in which co-production is especially helpful:"
        )
        lines += [f"• {assessment.criterion(cid).text}" for cid in v.favourable]
    else:
        lines.append(
            f"{len(v.favourable)} of {len(assessment.content.criteria.favourable)} favourable "
            "conditions were answered yes (two or more would point towards co-production)."
        )
        lines.append(
            "It would become clearer if you could say whether the problem still needs defining, "
            "whether there is a shared solution, and whether past approaches have failed. "
            "Consultation or another participatory approach may fit better than co-production."
        )
    if v.unsure:
        lines.append("Things to find out (answered 'not sure'):")
        lines += [f"• {assessment.criterion(cid).question}" for cid in v.unsure]
    if v.unanswered:
        lines.append(f"{len(v.unanswered)} criteria were not answered.")
    return lines


def bullet(console: Console, text: str, *, indent: int = 2, marker: str = "•") -> None:
    """A list item whose wrapped lines stay aligned under its first word (text is markup)."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(" " * indent + marker, text)
    console.print(grid)


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
    """Print the whole report."""
    from rich.markup import escape

    a = assessment.answers
    who = ""
    if a.respondent and (a.respondent.name or a.respondent.role):
        who = " · " + ", ".join(x for x in (a.respondent.name, a.respondent.role) if x)
    stage = f" · stage: {a.project.stage}" if a.project.stage else ""
    mode = " · quick assessment" if a.mode == "quick" else ""
    console.print(f"\n[bold]{escape(a.project.name)}[/bold]{escape(stage + who + mode)}")

    print_verdict(assessment, console)

    if console.width < NARROW:
        _profile_list(assessment, console)
    else:
        _profile_table(assessment, console)
    if assessment.overall is not None:
        console.print(
            f"Overall {assessment.overall} (mean of the scored practices). Read it beside the "
            "profile above, never on its own."
        )
    console.print(f"[dim]{SCORE_NOTE}[/dim]")
    _rest(assessment, console)


NARROW = 64  # below this width the profile is a list rather than a table


def _profile_list(assessment: Assessment, console: Console) -> None:
    """The practice profile for narrow terminals: one practice, then its score line."""
    from rich.markup import escape

    console.print("[bold]Practice profile[/bold]")
    for r in assessment.practices:
        s = r.score
        band = s.band or "not scored"
        style = BAND_STYLE.get(band, "dim")
        score = "–" if s.score is None else str(s.score)
        console.print(f"{r.practice.number}. {escape(r.practice.name)}")
        console.print(
            f"   [{style}]{score} {band}[/{style}] {bar(s.score, 8)} ?/na {s.dont_know}/{s.na}"
        )


def _profile_table(assessment: Assessment, console: Console) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="Practice profile", title_justify="left", expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Practice", min_width=14, ratio=1)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Band", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("?/na", justify="right", no_wrap=True)
    for r in assessment.practices:
        s = r.score
        band = s.band or "not scored"
        style = BAND_STYLE.get(band, "dim")
        table.add_row(
            str(r.practice.number),
            escape(r.practice.name),
            "–" if s.score is None else str(s.score),
            f"[{style}]{band}[/{style}]",
            f"[{style}]{bar(s.score)}[/{style}]",
            f"{s.dont_know}/{s.na}",
        )
    console.print(table)


def _rest(assessment: Assessment, console: Console) -> None:
    """Strengths, priorities, evidence gaps and caveats."""
    from rich.markup import escape
    from rich.panel import Panel

    if assessment.strengths:
        console.print("\n[bold]Strengths to build on[/bold]")
        for r in assessment.strengths:
            console.print(f"• {escape(r.practice.name)} ({r.score.score})")

    if assessment.priorities:
        console.print("\n[bold]Where to focus next[/bold]")
        for p in assessment.priorities:
            r = p.result
            console.print(
                f"\n[bold]{escape(r.practice.name)}[/bold] ({r.score.score}, {r.score.band})"
            )
            for step in p.next_steps:
                rated = "" if step.rating is None else f" – you said {rating_label(step.rating)}"
                bullet(console, f"{escape(step.statement.text)}[dim]{escape(rated)}[/dim]")
                bullet(console, escape(step.statement.next_step), indent=4, marker="→")
            for c in p.cases:
                label = "Learn from" if c.link.role == "example" else "A caution from"
                bullet(
                    console,
                    f"{label} [cyan]{escape(c.case.name)}[/cyan]: {escape(c.link.why)}"
                    f" [dim](coprod cases show {c.case.id})[/dim]",
                    marker="◦",
                )

    not_scored = [r.practice.name for r in assessment.practices if r.score.score is None]
    gaps = assessment.dont_know_count
    if gaps or not_scored:
        console.print("\n[bold]Evidence gaps[/bold]")
        if gaps:
            console.print(
                f"{gaps} answer(s) were “Don't know”: worth finding out, or asking others involved "
                "(coprod team reads several people's answers together)."
            )
        if not_scored:
            console.print("Not scored (nothing rated): " + escape(", ".join(not_scored)))

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


def print_calls_to_action(content: Content, roles: list[str | None], console: Console) -> None:
    """The report's calls to action for these roles (all four when a role is unknown)."""
    from rich.markup import escape

    calls = content.calls_to_action(roles)
    if not calls:
        return
    console.print("\n[bold]What the report asks of you[/bold]")
    for call in calls:
        bullet(console, f"[bold]{escape(call.reader)}[/bold]: {escape(call.text)}")
    sections = dict.fromkeys(s.section for c in calls for s in c.source)
    cited = ", ".join(f"“{s}”" for s in sections)
    console.print(f"[dim]From the report's section {escape(cited)}.[/dim]")


def render_team(view: TeamView, console: Console) -> None:
    """Several respondents read together: spread per practice and conversations to have."""
    from rich.markup import escape
    from rich.table import Table

    roles = ", ".join(f"{n} {role}" for role, n in view.roles.most_common())
    console.print(
        f"\n[bold]{escape(view.project)}[/bold] · {len(view.respondents)} respondents ({escape(roles)})"
        + (" · quick assessments" if view.mode == "quick" else "")
    )
    verdicts = ", ".join(f"{n} {kind}" for kind, n in view.verdicts.most_common())
    console.print(f"When to co-produce, person by person: {verdicts}")

    table = Table(title="Practice profile across respondents", title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Practice", min_width=14, ratio=1)
    table.add_column("Mean", justify="right", no_wrap=True)
    table.add_column("Band", no_wrap=True)
    table.add_column("Low–high", justify="right", no_wrap=True)
    table.add_column("Spread", justify="right", no_wrap=True)
    for p in view.practices:
        band = p.band or "not scored"
        style = BAND_STYLE.get(band, "dim")
        low_high = "–" if p.low is None else f"{p.low}–{p.high}"
        table.add_row(
            str(p.practice.number),
            escape(p.practice.name),
            "–" if p.mean is None else str(p.mean),
            f"[{style}]{band}[/{style}]",
            low_high,
            "–" if p.spread is None else str(p.spread),
        )
    console.print(table)
    console.print(f"[dim]{SCORE_NOTE}[/dim]")

    if view.disagreements:
        console.print(
            f"\n[bold]Conversations to have[/bold] ({len(view.disagreements)} where ratings are "
            "two or more points apart)"
        )
        for d in view.disagreements:
            who = "; ".join(f"{r.label}: {rating_label(v)}" for r, v in d.ratings)
            bullet(console, f"{escape(d.text)} [dim]({escape(d.practice.name)})[/dim]")
            bullet(console, escape(who), indent=4, marker="→")
    else:
        console.print("\nNo statement was rated two or more points apart.")
    if view.criteria_splits:
        console.print("\n[bold]When to co-produce: answered differently[/bold]")
        for s in view.criteria_splits:
            who = "; ".join(f"{r.label}: {a}" for r, a in s.answers)
            bullet(console, escape(s.criterion.question))
            bullet(console, escape(who), indent=4, marker="→")
    content = view.assessments[0].content
    print_calls_to_action(content, [r.role for r in view.respondents], console)


def render_comparison(comparison: Comparison, console: Console) -> None:
    """The same project then and now."""
    from rich.markup import escape
    from rich.table import Table

    old, new = comparison.old, comparison.new

    def when(a: Assessment) -> str:
        return a.answers.date.isoformat() if a.answers.date else "undated"

    console.print(f"\n[bold]{escape(new.answers.project.name)}[/bold]: {when(old)} → {when(new)}")
    for message in comparison.messages:
        console.print(f"[yellow]note:[/yellow] {escape(message)}")
    console.print(
        f"When to co-produce: {old.verdict.kind} then, {new.verdict.kind} now"
        + (" (unchanged)" if old.verdict.kind == new.verdict.kind else "")
    )
    table = Table(title="Practice scores then and now", title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Practice", min_width=14, ratio=1)
    table.add_column("Then", justify="right", no_wrap=True)
    table.add_column("Now", justify="right", no_wrap=True)
    table.add_column("Change", justify="right", no_wrap=True)
    for c in comparison.practices:
        delta = "" if c.delta is None else (f"{c.delta:+d} " if c.delta else "0 ")
        style = {"↑": "green", "↓": "red"}.get(c.arrow, "")
        change = f"[{style}]{delta}{c.arrow}[/{style}]" if style else f"{delta}{c.arrow}"
        table.add_row(
            str(c.practice.number),
            escape(c.practice.name),
            "–" if c.old is None else str(c.old),
            "–" if c.new is None else str(c.new),
            change,
        )
    console.print(table)
    if old.overall is not None and new.overall is not None:
        console.print(
            f"Overall {old.overall} → {new.overall} (read beside the profile, never alone)"
        )
    if comparison.moves:
        console.print("\n[bold]Statements that moved two or more points[/bold]")
        for m in comparison.moves:
            bullet(
                console,
                f"{escape(m.statement.text)} [dim]{rating_label(m.old)} → {rating_label(m.new)}[/dim]",
                marker="↑" if m.delta > 0 else "↓",
            )
    if comparison.new_notes:
        console.print("\n[bold]New notes[/bold]")
        for practice, note in comparison.new_notes:
            bullet(console, f"[bold]{escape(practice.name)}:[/bold] {escape(note)}")
