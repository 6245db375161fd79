"""The easy-read glossary in the terminal (``coprod glossary``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from coprod.i18n import _, ngettext

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.models import Content, GlossaryTerm


def render_glossary(content: Content, terms: list[GlossaryTerm], console: Console) -> None:
    """Each word the easy-read version keeps, its meaning and where it comes from.

    When every word comes from one publication (as in the shipped content), its
    citation is printed once, at the end, and each word names only its section.
    """
    from rich.padding import Padding
    from rich.text import Text

    from coprod.render.text import source_lines

    sources = [source for t in terms for source in t.source]
    refs = {source.ref for source in sources}
    publication = next((p for p in content.meta.publications if refs == {p.id}), None)
    if any(source.page for source in sources):
        publication = None  # each word keeps its page

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
        if publication is None:
            where = "; ".join(source_lines(t.source, content))
        else:
            sections = dict.fromkeys(source.section for source in t.source)
            cited = ", ".join(f"“{section}”" for section in sections)
            where = ngettext(
                "From the report's section %(sections)s.",
                "From the report's sections %(sections)s.",
                len(sections),
            ) % {"sections": cited}
        console.print(Padding(Text(where, style="dim"), (0, 0, 1, 2)))
    if publication is not None:
        console.print(Text(_("Source") + ": " + publication.citation, style="dim"))
