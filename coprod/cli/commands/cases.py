"""``coprod cases``: search the ten action research projects; ``cases show ID`` for one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from coprod.cli.context import content_for
from coprod.cli.options import JsonOption
from coprod.errors import CoprodError
from coprod.terminal.console import err, out, print_json

if TYPE_CHECKING:
    from coprod.core.models import Case, Content, SourceRef


def cases_command(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="QUERY... | show ID",
            help="Words to search for (all must match), or `show ID` for one case in full.",
            show_default=False,
        ),
    ] = None,
    practice: Annotated[
        str | None,
        typer.Option("--practice", "-p", help="Cases showing a practice: number, id or name."),
    ] = None,
    method: Annotated[
        str | None,
        typer.Option("--method", "-m", help="Cases that used a method, e.g. photovoice."),
    ] = None,
    theme: Annotated[
        str | None,
        typer.Option(
            "--theme",
            "-t",
            help="Cases on a theme, e.g. planning-and-environment.",
        ),
    ] = None,
    strategy: Annotated[
        str | None,
        typer.Option(
            "--strategy",
            "-s",
            help="Cases using a strategy, e.g. borrowing (see coprod about).",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Find the Jam and Justice case studies that fit your situation.

    The query matches names, questions, methods, partners, themes and summaries,
    ignoring case, accents and curly quotes; filters combine.

    Examples: [bold]coprod cases photovoice[/bold], [bold]coprod cases --strategy borrowing[/bold],
    [bold]coprod cases --practice holding --json[/bold], [bold]coprod cases show care-at-home[/bold]
    """
    from coprod.core.search import find_case, search_cases

    content = content_for(ctx)
    words = list(words or [])
    if words and words[0] == "show":
        if len(words) == 1:
            from coprod.i18n import _

            raise CoprodError(
                _("say which case to show: coprod cases show ID (or the case's name)"),
                hint=_valid_ids(content),
            )
        # `coprod cases show Transform GM`: an unquoted name arrives as several words.
        case = find_case(content, " ".join(words[1:]))
        if as_json:
            from coprod.render.json import case_document

            print_json(case_document(case, content))
        else:
            _print_case(case, content)
        return
    query = " ".join(words) or None
    found = search_cases(
        content, query, practice=practice, method=method, theme=theme, strategy=strategy
    )
    if as_json:
        from coprod.render.json import cases_document

        print_json(cases_document(found, content))
        return
    if not found:
        from rich.markup import escape

        from coprod.i18n import _

        hint = _("No case matches. Try fewer words, or %(command)s to list all ten.")
        err().print(escape(hint) % {"command": "[bold]coprod cases[/bold]"})
        return
    _print_table(found, content)


def _valid_ids(content: Content) -> str:
    return "Case ids: " + ", ".join(c.id for c in content.cases)


def _print_table(found: list[Case], content: Content) -> None:
    from rich.markup import escape
    from rich.padding import Padding

    from coprod.i18n import _, ngettext, partial_date
    from coprod.render.json import method_names

    strategies = {s.id: s.name for s in content.strategies}
    console = out()
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


def _print_case(case: Case, content: Content) -> None:
    from rich.markup import escape
    from rich.panel import Panel

    from coprod.render.terminal.items import print_item

    console = out()
    practices = {p.id: p.name for p in content.practices}
    strategies = {s.id: s for s in content.strategies}
    console.print(
        Panel(
            escape(case.summary),
            title=f"{escape(case.name)}  [dim]({case.id})[/dim]",
            title_align="left",
        )
    )

    from coprod.i18n import _, partial_date
    from coprod.render.json import method_names

    def section(title: str, items: list[str]) -> None:
        if items:
            console.print(f"\n[bold]{escape(title)}[/bold]")
            for item in items:
                print_item(console, "•", escape(item))

    refs = _References(case, content)
    console.print(f"\n{escape(case.description)}")
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
        used: list[SourceRef] = []
        claims: list[list[SourceRef]] = [f.source for f in case.figures]
        claims += [c.source for c in (*case.outputs, *case.impacts, *case.lessons)]
        for sources in [*claims, case.source]:
            used += [s for s in sources if s not in used]
        rank = {p.id: i for i, p in enumerate(content.meta.publications)}
        self.order = sorted(used, key=lambda s: (rank.get(s.ref, len(rank)), used.index(s)))

    def marks(self, sources: list[SourceRef]) -> str:
        numbers = sorted({self.order.index(s) + 1 for s in sources})
        return " [" + ", ".join(str(n) for n in numbers) + "]" if numbers else ""

    def print(self, console: Any) -> None:
        from rich.markup import escape

        from coprod.i18n import _
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
