"""A facilitator's session plan (``coprod agenda``) in the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod.core.agenda import Agenda
from coprod.i18n import _
from coprod.render.markdown.agenda import agenda_title, clock, left_out_text
from coprod.render.safe import escape_markup
from coprod.render.terminal.common import bullet

if TYPE_CHECKING:
    from rich.console import Console


def render_agenda(agenda: Agenda, console: Console) -> None:
    from rich.table import Table

    console.print(f"\n[bold]{escape_markup(agenda_title(agenda))}[/bold]")
    starts = agenda.starts()
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for start, s in zip(starts, agenda.sections, strict=True):
        length = escape_markup(_("%(n)d min") % {"n": s.minutes})
        grid.add_row(f"  {clock(start)}", length, escape_markup(s.title))
    total = escape_markup(_("%(n)d min") % {"n": agenda.minutes})
    in_total = escape_markup(_("in total"))
    grid.add_row("", total, f"[dim]{in_total}[/dim]")
    console.print(grid)
    if agenda.left_out:
        console.print(f"[dim]{escape_markup(left_out_text(agenda))}[/dim]")
    ask = escape_markup(_("Ask"))
    for n, (start, s) in enumerate(zip(starts, agenda.sections, strict=True), 1):
        when = _("(%(minutes)d min, from %(start)s)") % {
            "minutes": s.minutes,
            "start": clock(start),
        }
        console.print(
            f"\n[bold]{n}. {escape_markup(s.title)}[/bold] [dim]{escape_markup(when)}[/dim]"
        )
        console.print(escape_markup(s.purpose))
        for item in s.items:
            bullet(console, escape_markup(item))
        for prompt in s.prompts:
            bullet(console, f"[bold]{ask}:[/bold] {escape_markup(prompt)}", marker="?")
