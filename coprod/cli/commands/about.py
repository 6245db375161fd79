"""``coprod about``: the ideas behind the practices, from the Jam and Justice report."""

from __future__ import annotations

import typer

from coprod.cli.context import content_for
from coprod.cli.options import JsonOption
from coprod.terminal.console import out, print_json


def about_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The ideas behind the practices, from the Jam and Justice report.

    What co-production is, what it contributes, its limits and what the report asks
    of each reader; then the three challenges, the social innovation strategies, the
    Action Research Collective's characteristics, the tyrannies of participation and
    the four viewpoints on leadership, with their sources.
    """
    content = content_for(ctx)
    if as_json:
        from coprod.render.json import about_document

        print_json(about_document(content))
        return
    from coprod.render.terminal.about import render_about

    render_about(content, out())
