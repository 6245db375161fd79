"""``coprod criteria``: when co-production helps, and when it is unlikely to deliver."""

from __future__ import annotations

import typer

from coprod.cli.context import content_for
from coprod.cli.options import JsonOption
from coprod.terminal.console import out, print_json


def criteria_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Show the "when to co-produce" criteria and their caveats.

    To answer them for your project, run [bold]coprod check[/bold].
    """
    content = content_for(ctx)
    if as_json:
        from coprod.render.json import criteria_document

        print_json(criteria_document(content))
        return
    from coprod.render.terminal.criteria import render_criteria

    render_criteria(content.criteria, out())
