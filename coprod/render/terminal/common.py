"""What the terminal reports share: safe text, list items, styles."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.models import Content

BAND_STYLE = {"strong": "green", "developing": "yellow", "needs attention": "red"}
VERDICT_STYLE = {"favourable": "green", "caution": "yellow", "unclear": "blue"}
NARROW = 64  # below this width tables become lists


def safe(text: str) -> str:
    """Untrusted text as rich markup: on one line, without control characters, escaped."""
    from rich.markup import escape

    from coprod.render.text import clean_text

    return escape(clean_text(re.sub(r"\s+", " ", text)))


def bullet(console: Console, text: str, *, indent: int = 2, marker: str = "•") -> None:
    """A list item whose wrapped lines stay aligned under its first word (text is markup)."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(" " * indent + marker, text)
    console.print(grid)


def section(console: Console, title: str) -> None:
    """A section heading, after a blank line."""
    console.print(f"\n[bold]{title}[/bold]")


def print_calls_to_action(content: Content, roles: list[str | None], console: Console) -> None:
    """The report's calls to action for these roles (all four when a role is unknown)."""
    calls = content.calls_to_action(roles)
    if not calls:
        return
    console.print("\n[bold]What the report asks of you[/bold]")
    for call in calls:
        bullet(console, f"[bold]{safe(call.reader)}[/bold]: {safe(call.text)}")
    sections = dict.fromkeys(s.section for c in calls for s in c.source)
    cited = ", ".join(f"“{s}”" for s in sections)
    console.print(f"[dim]From the report's section {safe(cited)}.[/dim]")
