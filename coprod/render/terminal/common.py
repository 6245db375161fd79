"""What the terminal reports share: safe text, list items, styles."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

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
