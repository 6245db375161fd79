"""The case studies in the terminal (``coprod cases``): a list, or one case in full."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from coprod.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.models import Case, Content, SourceRef


def render_cases(found: list[Case], content: Content, console: Console) -> None:
    """The cases found, one short entry each, out of how many there are."""
    from rich.padding import Padding

    from coprod.i18n import ngettext, partial_date
    from coprod.render.json import method_names

    strategies = {s.id: s.name for s in content.strategies}
    total = len(content.cases)
    heading = ngettext("%(n)d of %(all)d case studies", "%(n)d of %(all)d case studies", total) % {
        "n": len(found),
        "all": total,
    }
    console.print(f"[bold]{escape(heading)}[/bold]\n")
    for case in found:
        details = [
            _("started %(month)s") % {"month": partial_date(case.started, short=True)}
            if case.started
            else None,
            _("strategy: %(name)s") % {"name": strategies[case.strategy]}
            if case.strategy
            else None,
            ", ".join(method_names(case, content)) or None,
        ]
        console.print(f"[bold]{escape(case.name)}[/bold]  [cyan]{case.id}[/cyan]")
        console.print(Padding(escape(case.description), (0, 0, 0, 2)))
        console.print(
            Padding(escape(" · ".join(d for d in details if d)), (0, 0, 0, 2)), style="dim"
        )
    more = _("One case in full: %(command)s")
    console.print("\n" + escape(more) % {"command": "[bold]coprod cases show ID[/bold]"})


def render_no_match(console: Console) -> None:
    """What to try when no case matches (a message: print it on stderr)."""
    hint = _("No case matches. Try fewer words, or %(command)s to list all ten.")
    console.print(escape(hint) % {"command": "[bold]coprod cases[/bold]"})


def render_case(case: Case, content: Content, console: Console) -> None:
    """One case in full: summary, questions, partners, numbers, lessons, numbered sources."""
    from coprod.core.sentences import sourced_sentences
    from coprod.i18n import partial_date
    from coprod.render.json import method_names
    from coprod.render.terminal.common import titled_panel
    from coprod.render.terminal.items import print_item

    practices = {p.id: p.name for p in content.practices}
    strategies = {s.id: s for s in content.strategies}
    refs = _References(case, content)
    sentences = sourced_sentences(case)

    def marked(field: str) -> str:
        return " ".join(escape(text + refs.marks(src)) for text, src in sentences[field])

    titled_panel(console, marked("summary"), escape(case.name))  # the id was typed

    def section(title: str, items: list[str]) -> None:
        if items:
            console.print(f"\n[bold]{escape(title)}[/bold]")
            for item in items:
                print_item(console, "•", escape(item))

    console.print(f"\n{marked('description')}")
    section(_("Questions it asked"), case.questions)
    if case.started:
        started = _("Started")
        console.print(f"\n[bold]{escape(started)}:[/bold] {escape(partial_date(case.started))}")
    section(_("Partners"), case.partners)
    section(_("Methods"), method_names(case, content))
    section(_("Themes"), case.themes)
    figures = []
    for fig in case.figures:
        text = f"{fig.label}: {fig.value}"
        for other in fig.other_figures:
            note = f" – {other.note}" if other.note else ""
            text += (
                " (" + _("elsewhere given as %(value)s") % {"value": f"{other.value}{note}"} + ")"
            )
        figures.append(text + refs.marks(fig.source))
    section(_("Numbers"), figures)
    section(_("Outputs"), [c.text + refs.marks(c.source) for c in case.outputs])
    section(_("Impacts"), [c.text + refs.marks(c.source) for c in case.impacts])
    if case.strategy:
        s = strategies[case.strategy]
        strategy = _("Social innovation strategy")
        console.print(f"\n[bold]{escape(strategy)}[/bold]")
        print_item(console, "•", f"{escape(s.name)} – {escape(s.description)}")
    section(_("Practices it illustrates"), [practices[p] for p in content.practices_of(case.id)])
    section(_("Lessons for a practitioner"), [c.text + refs.marks(c.source) for c in case.lessons])
    refs.print(console)


class _References:
    """Numbered references, grouped by publication: each full citation printed once."""

    def __init__(self, case: Case, content: Content) -> None:
        self.content = content
        from coprod.core.sentences import sourced_sentences

        used: list[SourceRef] = []
        claims: list[list[SourceRef]] = [
            src for field in ("summary", "description") for _, src in sourced_sentences(case)[field]
        ]
        claims += [f.source for f in case.figures]
        claims += [c.source for c in (*case.outputs, *case.impacts, *case.lessons)]
        for sources in [*claims, case.source]:
            used += [s for s in sources if s not in used]
        rank = {p.id: i for i, p in enumerate(content.meta.publications)}
        self.order = sorted(used, key=lambda s: (rank.get(s.ref, len(rank)), used.index(s)))

    def marks(self, sources: list[SourceRef]) -> str:
        numbers = sorted({self.order.index(s) + 1 for s in sources})
        return " [" + ", ".join(str(n) for n in numbers) + "]" if numbers else ""

    def print(self, console: Console) -> None:
        from coprod.render.terminal.items import print_item

        title = _("Sources")
        console.print(f"\n[bold]{escape(title)}[/bold]")
        shown = None
        for number, source in enumerate(self.order, start=1):
            if source.ref != shown:
                shown = source.ref
                publication = next(
                    (p for p in self.content.meta.publications if p.id == source.ref), None
                )
                citation = publication.citation if publication else source.ref
                url = f" {publication.url}" if publication and publication.url else ""
                print_item(console, "•", f"{escape(citation)}{escape(url)}")
            page = ", " + _("p. %(page)s") % {"page": source.page} if source.page else ""
            print_item(console, f"\\[{number}]", f"{escape(source.section)}{page}", indent=4)
