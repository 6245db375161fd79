"""``coprod practices [ID]``: the seven practices, or one in full."""

from __future__ import annotations

from typing import Annotated

import typer

from coprod.cli.context import content_for
from coprod.cli.options import JsonOption
from coprod.terminal.console import out, print_json


def practices_command(
    ctx: typer.Context,
    practice_id: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="A practice's number, id or name, to show it in full."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the seven practices of co-production, or show one in full.

    Examples: [bold]coprod practices[/bold], [bold]coprod practices 7[/bold],
    [bold]coprod practices openness[/bold], [bold]coprod practices --json[/bold]
    """
    content = content_for(ctx)
    chosen = content.practices
    if practice_id is not None:
        from coprod.core.search import resolve_practice

        chosen = [content.practice(resolve_practice(content, practice_id))]
    if as_json:
        from coprod.render.json import practices_document

        print_json(practices_document(content, chosen))
    elif practice_id is None:
        from coprod.render.terminal.practices import render_practices

        render_practices(content, out())
    else:
        from coprod.render.terminal.practices import render_practice

        render_practice(chosen[0], content, out())
