"""The easy-read glossary in the terminal (``coprod glossary``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from coprod.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.models import Content, GlossaryTerm


def render_glossary(content: Content, terms: list[GlossaryTerm], console: Console) -> None:
    """Each word the easy-read version keeps, its meaning and where it comes from."""
    from rich.padding import Padding
    from rich.text import Text

    from coprod.render.text import source_lines

    if not terms:
        console.print(_("No glossary in this content (the easy-read pack has one)."))
        return
    title = _("Glossary")
    what = _("words the easy-read version keeps")
    console.print(f"[bold]{escape(title)}[/bold]: {escape(what)}")
    console.print()
    for t in terms:
        console.print(f"[bold]{escape(t.word)}[/bold]")
        console.print(Padding(Text(t.meaning), (0, 0, 0, 2)))
        where = "; ".join(source_lines(t.source, content))
        console.print(Padding(Text(where, style="dim"), (0, 0, 1, 2)))
