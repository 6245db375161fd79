"""Several respondents read together (``coprod team``) in the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod.core.answers import on_paper
from coprod.core.scoring import VERDICT_BASIS_SHORT
from coprod.core.team import TeamView, Written
from coprod.i18n import _, ngettext
from coprod.i18n.labels import band_label
from coprod.render.markdown.team import (
    CONVERSATIONS,
    criteria_answers,
    disagreement_ratings,
    roles_text,
    verdict_counts_text,
)
from coprod.render.safe import escape_markup
from coprod.render.terminal.common import (
    BAND_STYLE,
    NARROW,
    bullet,
    print_closing,
    print_draft_line,
    section,
)
from coprod.render.text import REFLECTION_QUESTIONS, TEAM_SCORE_NOTE

if TYPE_CHECKING:
    from rich.console import Console


def _written(written: Written) -> str:
    if written.respondent is None:
        return escape_markup(written.text)
    return f"[bold]{escape_markup(written.respondent.label)}:[/bold] {escape_markup(written.text)}"


def render_team(view: TeamView, console: Console) -> None:
    """Spread per practice, conversations to have, and everyone's notes."""
    n = len(view.respondents)
    people = ngettext("%(n)d respondent", "%(n)d respondents", n) % {"n": n}
    paper = on_paper(a.answers for a in view.assessments)
    if paper:
        people = ngettext("%(people)s, %(n)d on paper", "%(people)s, %(n)d on paper", paper) % {
            "people": people,
            "n": paper,
        }
    quick = " · " + _("quick assessments") if view.mode == "quick" else ""
    console.print(
        f"\n[bold]{escape_markup(view.project)}[/bold] · {escape_markup(people)} "
        f"({escape_markup(roles_text(view))}){escape_markup(quick)}"
    )
    print_draft_line(view.assessments[0].content, console)
    if view.anonymous:
        anonymous = _("Anonymous: ratings are shown as counts; notes are not attributed.")
        console.print(f"[dim]{escape_markup(anonymous)}[/dim]")
    verdicts = _("When to co-produce, person by person: %(counts)s") % {
        "counts": verdict_counts_text(view)
    }
    console.print(escape_markup(verdicts))
    console.print(f"[dim]{escape_markup(_(VERDICT_BASIS_SHORT))}[/dim]")

    if console.width < NARROW:
        _profile_list(view, console)
    else:
        _profile_table(view, console)
    console.print("[dim]" + _(TEAM_SCORE_NOTE) + "[/dim]")

    if view.disagreements:
        n = len(view.disagreements)
        apart = _("(%(n)d where ratings are two or more points apart)") % {"n": n}
        console.print(f"\n[bold]{escape_markup(_(CONVERSATIONS))}[/bold] {escape_markup(apart)}")
        for d in view.disagreements:
            who = disagreement_ratings(d, view.anonymous)
            bullet(
                console, f"{escape_markup(d.text)} [dim]({escape_markup(d.practice.name)})[/dim]"
            )
            bullet(console, escape_markup(who), indent=4, marker="→")
    else:
        console.print("\n" + escape_markup(_("No statement was rated two or more points apart.")))
    render_sense(view, console)
    from coprod.render.terminal.own import render_team_own

    render_team_own(view, console)
    if view.criteria_splits:
        section(console, _("When to co-produce: answered differently"))
        for s in view.criteria_splits:
            who = criteria_answers(s, view.anonymous)
            bullet(console, escape_markup(s.criterion.question))
            bullet(console, escape_markup(who), indent=4, marker="→")

    if view.notes:
        section(console, _("Notes, practice by practice"))
        for practice_notes in view.notes:
            practice = practice_notes.practice
            console.print(f"[bold]{practice.number}. {escape_markup(practice.name)}[/bold]")
            for w in practice_notes.notes:
                bullet(console, _written(w))
    answered = {r.key: r.answers for r in view.reflections}
    if answered:
        section(console, _("Reflections"))
        for key, question in REFLECTION_QUESTIONS:
            if key in answered:
                console.print(f"[bold]{escape_markup(_(question))}[/bold]")
                for w in answered[key]:
                    bullet(console, _written(w))
    _room_and_actions(view, console)
    print_closing(view.assessments[0].content, [r.role for r in view.respondents], console)


def _profile_list(view: TeamView, console: Console) -> None:
    """The profile for a narrow terminal: each practice, then its figures, stacked."""
    console.print("[bold]" + escape_markup(_("Practice profile across respondents")) + "[/bold]")
    for p in view.practices:
        style = BAND_STYLE.get(p.band or "not scored", "dim")
        mean = "–" if p.mean is None else str(p.mean)
        console.print(f"{p.practice.number}. {escape_markup(p.practice.name)}")
        figures = [f"[{style}]{mean} {escape_markup(band_label(p.band))}[/{style}]"]
        if p.low is not None:
            low_high = _("low–high %(low)d–%(high)d") % {"low": p.low, "high": p.high}
            figures.append(escape_markup(low_high))
        if p.spread is not None:
            figures.append(escape_markup(_("spread %(n)d") % {"n": p.spread}))
        console.print("   " + " · ".join(figures))


def _profile_table(view: TeamView, console: Console) -> None:
    from rich.table import Table

    table = Table(title=_("Practice profile across respondents"), title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(_("Practice"), min_width=14, ratio=1)
    table.add_column(_("Mean"), justify="right", no_wrap=True)
    table.add_column(_("Band"), no_wrap=True)
    table.add_column(_("Low–high"), justify="right", no_wrap=True)
    table.add_column(_("Spread"), justify="right", no_wrap=True)
    for p in view.practices:
        band = p.band or "not scored"  # a style key, not shown
        style = BAND_STYLE.get(band, "dim")
        low_high = "–" if p.low is None else f"{p.low}–{p.high}"
        table.add_row(
            str(p.practice.number),
            escape_markup(p.practice.name),
            "–" if p.mean is None else str(p.mean),
            f"[{style}]{band_label(p.band)}[/{style}]",
            low_high,
            "–" if p.spread is None else str(p.spread),
        )
    console.print(table)


def _room_and_actions(view: TeamView, console: Console) -> None:
    """Who is in the room, and everyone's actions with the shared priorities marked."""
    from coprod.core.actions import practice_name
    from coprod.render.terminal.room import action_line, render_room

    content = view.assessments[0].content
    if view.coverage is not None:
        render_room(view.coverage, content, console)
    items = view.actions
    if not items:
        return
    if view.shared:
        section(console, escape_markup(_("Shared priorities (chosen by more than one person)")))
        for s in view.shared:
            practice = practice_name(s.practice, content)
            where = f" [dim]({escape_markup(practice)})[/dim]" if practice else ""
            who = f": {escape_markup(', '.join(s.people))}" if s.people else ""
            chosen = ngettext("chosen by %(n)d person", "chosen by %(n)d people", s.count) % {
                "n": s.count
            }
            bullet(console, f"{escape_markup(s.text)}{where} · {escape_markup(chosen)}{who}")
    section(console, escape_markup(_("Everyone's actions")))
    shared_mark = escape_markup(_("(shared)"))
    for person, action, shared in items:
        who = f"[bold]{escape_markup(person.label)}:[/bold] " if person else ""
        mark = f" [bold]{shared_mark}[/bold]" if shared else ""
        bullet(console, who + action_line(action, content) + mark)


def render_sense(view: TeamView, console: Console) -> None:
    """What we agree on, where we see it differently, and the two sides of the table."""
    from coprod.core.sense import MIN_SIDE
    from coprod.render.markdown import sense

    result = view.agreement
    names = {p.id: p.name for p in view.assessments[0].content.practices}
    render_matters_most(view, console)
    for title, spreads, none in (
        (sense.AGREE, result.agree, _("No statement rated by three or more people is agreed yet.")),
        (sense.SPLIT, result.split, _("No statement rated by three or more people is split.")),
    ):
        section(console, escape_markup(_(title)))
        if not spreads:
            console.print(escape_markup(none))
        for spread in spreads[: sense.MAX_LISTED]:
            bullet(console, escape_markup(sense.spread_line(spread, names)))
            for reason in spread.reasons:  # the rating each came with, never who gave it
                bullet(console, escape_markup(sense.reason_line(reason)), indent=6, marker="–")
        if len(spreads) > sense.MAX_LISTED:
            rest = len(spreads) - sense.MAX_LISTED
            more = _("and %(n)d more") % {"n": rest}
            console.print(f"[dim]{escape_markup(more)}[/dim]")
    sides = view.sides
    section(console, escape_markup(_(sense.SIDES)))
    console.print(f"[dim]{escape_markup(_(sense.SIDES_RULE))}[/dim]")
    if not sides.comparable:
        console.print(escape_markup(_(sense.TOO_FEW) % {"n": MIN_SIDE}))
        return
    content = view.assessments[0].content
    for practice, gap in zip(content.practices, sides.practices, strict=True):
        mark = "  [bold]⚑[/bold]" if gap.flagged else ""
        text = f"{practice.number}. {practice.name}: {sense.gap_text(gap, whole=True)}"
        bullet(console, escape_markup(text) + mark)
    statements = {item.id: item.text for item in view.items}
    for gap in (g for g in sides.statements if g.flagged):
        text = f"{statements.get(gap.id, gap.id)}: {sense.gap_text(gap, whole=False)}"
        bullet(console, escape_markup(text) + "  [bold]⚑[/bold]")


def render_matters_most(view: TeamView, console: Console) -> None:
    """What matters most to people, what also splits the room named first (none: nothing)."""
    from coprod.core.sense import split_and_mattering
    from coprod.render.markdown import sense

    marked = view.matters_most
    if not marked:
        return
    names = {p.id: p.name for p in view.assessments[0].content.practices}
    section(console, escape_markup(_(sense.MATTERS)))
    first = split_and_mattering(view.agreement, marked)
    if first:
        console.print(f"[bold]{escape_markup(_(sense.MATTERS_AND_SPLIT))}[/bold]")
        for m in first:
            bullet(console, escape_markup(sense.matters_line(m, names)))
    console.print(escape_markup(_(sense.MATTERS_LIST)))
    for m in marked[: sense.MAX_LISTED]:
        bullet(console, escape_markup(sense.matters_line(m, names)))
    if len(marked) > sense.MAX_LISTED:
        more = _("and %(n)d more") % {"n": len(marked) - sense.MAX_LISTED}
        console.print(f"[dim]{escape_markup(more)}[/dim]")
