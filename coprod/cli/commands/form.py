"""``coprod form``: the assessment on paper, for people without a smartphone."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from coprod.cli.context import content_for
from coprod.cli.options import ForceOption, OutputOption, StatementsOption, own_statements
from coprod.cli.output import emit


def form_command(
    ctx: typer.Context,
    quick: Annotated[
        bool, typer.Option("--quick", help="One overall rating per practice, as assess --quick.")
    ] = False,
    project: Annotated[
        str | None,
        typer.Option("--project", metavar="NAME", help="Print the project's name on the form."),
    ] = None,
    statements: StatementsOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """A printable form with the assessment's questions, for people who answer on paper.

    The same questions in the same order as the phones and [bold]coprod assess[/bold], in
    the chosen language and in easy read ([bold]--lang[/bold], [bold]--easy-read[/bold]),
    with a "Why?" line and a "matters most" box beside each statement. Print it on A4 from
    a browser; the facilitator types each filled-in form into the workshop's console, where
    it counts like everyone else's answers.

    Examples: [bold]coprod form -o form.html[/bold], [bold]coprod form --quick --project
    "Space in Common" -o form.html[/bold]
    """
    from coprod.render.form import render_form

    content = content_for(ctx)
    own = own_statements(statements, content)
    emit(
        render_form(content, quick=quick, project=project, today=dt.date.today(), own=own),
        output,
        force=force,
    )
