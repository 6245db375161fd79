"""What the terminal reports share: list items, sections, styles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod.render.safe import escape_markup

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.models import Content

BAND_STYLE = {"strong": "green", "developing": "yellow", "needs attention": "red"}
VERDICT_STYLE = {"favourable": "green", "caution": "yellow", "unclear": "blue"}
NARROW = 64  # below this width tables become lists


def bullet(console: Console, text: str, *, indent: int = 2, marker: str = "•") -> None:
    """A list item whose wrapped lines stay aligned under its first word (text is markup)."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(" " * indent + marker, text)
    console.print(grid)


def titled_panel(console: Console, body: str, title: str, **options: object) -> None:
    """A panel with its title on its border, or above it when the border has no room:
    a panel's title is cut at the border's end, in the middle of a word."""
    from rich.panel import Panel
    from rich.text import Text

    if Text.from_markup(title).cell_len + 6 > console.width:
        console.print(f"[bold]{title}[/bold]")
        console.print(Panel(body, **options))  # type: ignore[arg-type]
    else:
        console.print(Panel(body, title=title, title_align="left", **options))  # type: ignore[arg-type]


def section(console: Console, title: str) -> None:
    """A section heading, after a blank line."""
    console.print(f"\n[bold]{title}[/bold]")


def print_calls_to_action(content: Content, roles: list[str | None], console: Console) -> None:
    """The report's calls to action for these roles (all four when a role is unknown)."""
    calls = content.calls_to_action(roles)
    if not calls:
        return
    from coprod.i18n import _

    title = _("What the report asks of you")
    console.print(f"\n[bold]{title}[/bold]")
    for call in calls:
        bullet(console, f"[bold]{escape_markup(call.reader)}[/bold]: {escape_markup(call.text)}")
    sections = dict.fromkeys(s.section for c in calls for s in c.source)
    cited = ", ".join(f"“{s}”" for s in sections)
    line = _("From the report's section %(sections)s.") % {"sections": cited}
    console.print(f"[dim]{escape_markup(line)}[/dim]")


def print_draft_line(content: Content, console: Console) -> None:
    """The pack's "draft translation" line, while the translation is a draft."""
    from coprod.render.language import draft_line, translation_line

    line = draft_line(content)
    if line:
        console.print(f"[yellow]{escape_markup(line)}[/yellow]")
    note = translation_line(content)
    if note:
        console.print(f"[dim]{escape_markup(note)}[/dim]")
