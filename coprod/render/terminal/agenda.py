"""A facilitator's session plan (``coprod agenda``) in the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod.core.agenda import Agenda
from coprod.render.markdown.agenda import agenda_title, clock
from coprod.render.terminal.common import bullet, safe

if TYPE_CHECKING:
    from rich.console import Console


def render_agenda(agenda: Agenda, console: Console) -> None:
    from rich.table import Table

    console.print(f"\n[bold]{safe(agenda_title(agenda))}[/bold]")
    starts = agenda.starts()
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for start, s in zip(starts, agenda.sections, strict=True):
        grid.add_row(f"  {clock(start)}", f"{s.minutes} min", safe(s.title))
    grid.add_row("", f"{agenda.minutes} min", "[dim]in total[/dim]")
    console.print(grid)
    for n, (start, s) in enumerate(zip(starts, agenda.sections, strict=True), 1):
        console.print(
            f"\n[bold]{n}. {safe(s.title)}[/bold] [dim]({s.minutes} min, from {clock(start)})[/dim]"
        )
        console.print(safe(s.purpose))
        for item in s.items:
            bullet(console, safe(item))
        for prompt in s.prompts:
            bullet(console, f"[bold]Ask:[/bold] {safe(prompt)}", marker="?")
