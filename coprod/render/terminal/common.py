"""What the terminal reports share: list items, sections, styles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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


def print_closing(content: Content, roles: list[str | None], console: Console) -> None:
    """How every terminal report ends: the report's vision and what changed, then what it
    asks of these roles (all four when a role is unknown), framed as the report frames it.
    The report's own words are quoted and marked as its words."""
    from coprod.i18n import _
    from coprod.render.markdown.closing import (
        CALLS_HEADING,
        VISION_HEADING,
        from_sections,
        in_its_words,
    )

    bg = content.background

    def passage(name: str, text: str, quote: str | None) -> None:
        bullet(console, f"[bold]{escape_markup(name)}[/bold]: {escape_markup(text)}")
        if quote:
            bullet(console, f"[italic]{escape_markup(in_its_words(quote))}[/italic]", marker=" ")

    def cited(items: list[Any]) -> None:
        console.print(f"[dim]{escape_markup(from_sections(items))}[/dim]")

    if bg.vision or bg.what_changed:
        console.print(f"\n[bold]{escape_markup(_(VISION_HEADING))}[/bold]")
        for p in [*bg.vision, *bg.what_changed]:
            passage(p.name, p.text, p.quote)
        cited([*bg.vision, *bg.what_changed])
    calls = content.calls_to_action(roles)
    if not calls:
        return
    first = [p for p in bg.calls_framing if p.id == "take-stock"]
    last = [p for p in bg.calls_framing if p.id != "take-stock"]
    console.print(f"\n[bold]{escape_markup(_(CALLS_HEADING))}[/bold]")
    for p in first:
        passage(p.name, p.text, p.quote)
    for call in calls:
        passage(call.reader, call.text, call.quote)
    for p in last:
        passage(p.name, p.text, p.quote)
    cited([*first, *calls, *last])


def print_draft_line(content: Content, console: Console) -> None:
    """The pack's "draft translation" line, while the translation is a draft."""
    from coprod.render.language import draft_line, translation_line

    line = draft_line(content)
    if line:
        console.print(f"[yellow]{escape_markup(line)}[/yellow]")
    note = translation_line(content)
    if note:
        console.print(f"[dim]{escape_markup(note)}[/dim]")
