"""Two assessments of one project (``coprod compare``) in the terminal."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from coprod.core.compare import Comparison, respondent_text
from coprod.core.scoring import VERDICT_BASIS_SHORT
from coprod.i18n import _
from coprod.i18n.labels import rating_label
from coprod.render.markdown.compare import (
    comparison_roles,
    side_labels,
    verdict_sentence,
    when_text,
)
from coprod.render.safe import escape_markup
from coprod.render.terminal.common import bullet, print_closing, section

if TYPE_CHECKING:
    from rich.console import Console


def render_comparison(comparison: Comparison, console: Console, *, anonymous: bool = False) -> None:
    """The comparison; ``anonymous``: the files are an anonymous workshop's, so the
    command suggested for reading several people together keeps them anonymous."""
    """Who answered each file and when, the scores side by side, moves and notes."""
    from rich.table import Table

    old, new = comparison.old, comparison.new
    first, second = side_labels(comparison)
    what = _("side by side")
    if comparison.over_time:
        what = f"{when_text(old)} → {when_text(new)}"
    console.print(
        f"\n[bold]{escape_markup(new.answers.project.name)}[/bold]: {escape_markup(what)}"
    )
    names = (_("Then"), _("Now")) if comparison.over_time else (_("First file"), _("Second file"))
    for label, a in zip(names, (old, new), strict=True):
        who = respondent_text(a) or _("nobody named")
        console.print(
            f"  {escape_markup(label)}: {escape_markup(when_text(a))}, {escape_markup(who)}"
        )
    note = escape_markup(_("note"))
    for notice in comparison.notices:
        console.print(f"[yellow]{note}:[/yellow] {escape_markup(notice.text())}")
    people = any(n.kind == "different-people" for n in comparison.notices)
    if not comparison.over_time and people:  # one person's file twice is no team
        files = " ".join(map(shlex.quote, comparison.paths)) if comparison.paths else "FILE FILE"
        # printed as it is safe to run: an anonymous workshop's files stay anonymous
        together = _("To read several people together: %(command)s") % {
            "command": f"coprod team {files}" + (" --anonymous" if anonymous else "")
        }
        console.print(f"[dim]{escape_markup(together)}[/dim]")
    verdict = _("When to co-produce: %(verdict)s") % {"verdict": verdict_sentence(comparison)}
    console.print(escape_markup(verdict))
    console.print(f"[dim]{escape_markup(_(VERDICT_BASIS_SHORT))}[/dim]")
    title = _("Practice scores then and now") if comparison.over_time else _("Practice scores")
    table = Table(title=title, title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(_("Practice"), min_width=14, ratio=1)
    table.add_column(escape_markup(first), justify="right", max_width=14)
    table.add_column(escape_markup(second), justify="right", max_width=14)
    table.add_column(_("Change") if comparison.over_time else _("Difference"), justify="right")
    for c in comparison.practices:
        delta = "" if c.delta is None else (f"{c.delta:+d} " if c.delta else "0 ")
        style = {"↑": "green", "↓": "red"}.get(c.arrow, "")
        change = f"[{style}]{delta}{c.arrow}[/{style}]" if style else f"{delta}{c.arrow}"
        table.add_row(
            str(c.practice.number),
            escape_markup(c.practice.name),
            "–" if c.old is None else str(c.old),
            "–" if c.new is None else str(c.new),
            change,
        )
    console.print(table)
    if old.overall is not None and new.overall is not None:
        overall = _("Overall %(then)s → %(now)s (read beside the profile, never alone)") % {
            "then": old.overall,
            "now": new.overall,
        }
        console.print(escape_markup(overall))
    if comparison.moves:
        section(
            console,
            _("Statements that moved two or more points")
            if comparison.over_time
            else _("Statements rated two or more points apart"),
        )
        for m in comparison.moves:
            bullet(
                console,
                f"{escape_markup(m.statement.text)} [dim]{rating_label(m.old)} → {rating_label(m.new)}[/dim]",
                marker="↑" if m.delta > 0 else "↓",
            )
    added = [n for n in comparison.notes if n.new is not None]
    gone = [n for n in comparison.notes if n.new is None and n.old is not None]
    was_word = escape_markup(_("was"))
    if added:
        title = (
            _("New or changed notes")
            if comparison.over_time
            else _("Notes: %(who)s") % {"who": second}
        )
        section(console, escape_markup(title))
        for n in added:
            was = f" [dim]({was_word}: {escape_markup(n.old)})[/dim]" if n.old else ""
            bullet(
                console,
                f"[bold]{escape_markup(n.practice.name)}:[/bold] {escape_markup(n.new or '')}{was}",
            )
    if gone:
        title = (
            _("Notes no longer there")
            if comparison.over_time
            else _("Notes only %(who)s wrote") % {"who": first}
        )
        section(console, escape_markup(title))
        for n in gone:
            bullet(
                console,
                f"[bold]{escape_markup(n.practice.name)}:[/bold] {escape_markup(n.old or '')}",
            )
    from coprod.render.terminal.own import render_compare_own
    from coprod.render.terminal.room import render_reviews

    render_compare_own(comparison, console)
    render_reviews(comparison.actions, console)
    print_closing(comparison.new.content, comparison_roles(comparison), console)
