"""``coprod cases``: search the ten action research projects; ``cases show ID`` for one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from coprod.cli.context import content_for
from coprod.cli.options import JsonOption
from coprod.errors import CoprodError
from coprod.terminal.console import err, out, print_json

if TYPE_CHECKING:
    from coprod.core.models import Content


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
            help="A theme, e.g. planning-and-environment.",
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
            from coprod.render.terminal.cases import render_case

            render_case(case, content, out())
        return
    query = " ".join(words) or None
    found = search_cases(
        content, query, practice=practice, method=method, theme=theme, strategy=strategy
    )
    if as_json:
        from coprod.render.json import cases_document

        print_json(cases_document(found, content))
        return
    from coprod.render.terminal.cases import render_cases, render_no_match

    if found:
        render_cases(found, content, out())
    else:
        render_no_match(err())


def _valid_ids(content: Content) -> str:
    from coprod.i18n import _

    return _("Case ids: %(ids)s") % {"ids": ", ".join(c.id for c in content.cases)}
