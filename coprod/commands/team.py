"""``coprod team``: several respondents' answers for one project, read together."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coprod.commands._common import content_for
from coprod.commands._output import (
    ForceOption,
    FormatOption,
    OutputOption,
    choose_format,
    distinct_files,
    emit,
    load_all,
)
from coprod.console import out


def team_command(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="Two or more answers files for the same project.",
            show_default=False,
        ),
    ],
    anonymous: Annotated[
        bool,
        typer.Option(
            "--anonymous", help="Show respondents as 'Respondent 1, 2…', without names or roles."
        ),
    ] = False,
    format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Read a group's answers together: where people agree, and the conversations to have.

    Per practice: the mean score, the lowest and highest, and the spread. Statements
    rated two or more points apart are listed as conversations to have, with who sits
    where; criteria answered differently are listed too. All files must be for the
    same project and the same mode (full or quick).

    Examples: [bold]coprod team sam.yaml alex.yaml jo.yaml[/bold],
    [bold]coprod team *.yaml --anonymous -o team.html[/bold]
    """
    import gc

    from coprod.core.team import team_view

    files = distinct_files(files)  # one person, one file: never counted twice
    content = content_for(ctx)
    # Thousands of small answer objects all stay alive until the end, so the cyclic
    # garbage collector only costs time here (it was 40% of a 5,000-file run).
    gc.disable()
    try:
        view = team_view(load_all(files, content), content, anonymous=anonymous)
    finally:
        gc.enable()
    fmt = choose_format(format, output, default=None)
    if fmt is None:
        from coprod.render import terminal

        terminal.render_team(view, out())
        return
    from coprod.render.formats import render_team

    emit(render_team(view, fmt), output, force=force)
