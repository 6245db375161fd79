"""``coprod agenda``: a facilitator's session plan from a group's answers files."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coprod.core.answers import LoadedAnswers

from pathlib import Path
from typing import Annotated

import typer

from coprod.cli.anonymity import anonymous_for
from coprod.cli.context import content_for
from coprod.cli.options import (
    AnonymousOption,
    ForceOption,
    FormatOption,
    LatestOption,
    NamedOption,
    OutputOption,
    answers_files,
)
from coprod.cli.output import choose_format, emit
from coprod.storage.inputs import load_all
from coprod.terminal.console import out, warn

# the same as coprod.core.agenda's (not imported here: start-up stays light)
DEFAULT_MINUTES = 90
MIN_MINUTES = 20
MAX_MINUTES = 480


def agenda_command(
    ctx: typer.Context,
    files: Annotated[list[Path], answers_files("Answers files for one project (or just yours).")],
    minutes: Annotated[
        int,
        typer.Option(
            "--minutes",
            metavar="MINUTES",
            min=MIN_MINUTES,
            max=MAX_MINUTES,
            help="The session's length; the sections add up to it exactly.",
        ),
    ] = DEFAULT_MINUTES,
    format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    latest: LatestOption = False,
    anonymous: AnonymousOption = False,
    named: NamedOption = False,
) -> None:
    """Build a session plan: timed sections that add up to --minutes.

    Welcome and purpose (what the session can and cannot change); the "when to
    co-produce" questions the group split on; the most contested statements as
    conversations, each with prompts; the weakest practice with a case to learn
    from; who is missing from the room; and choosing up to three actions with
    owners. HTML prints on one or two A4 pages.

    Examples: [bold]coprod agenda *.yaml[/bold]

    [bold]coprod agenda *.yaml --minutes 120 -o session.html[/bold]
    """
    from coprod.core.agenda import build_agenda

    content = content_for(ctx)
    hidden = anonymous_for(files, anonymous, named)
    loaded = _one_per_person(load_all(files, content, warn), latest=latest)
    agenda = build_agenda(loaded, content, minutes, anonymous=hidden)
    fmt = choose_format(format, output, default=None)
    if fmt is None:
        from coprod.render.terminal.agenda import render_agenda

        render_agenda(agenda, out())
        return
    from coprod.render.formats import render

    emit(render("agenda", agenda, fmt), output, force=force, private=not hidden)


def _one_per_person(loaded: list[LoadedAnswers], *, latest: bool) -> list[LoadedAnswers]:
    from coprod.cli.people import one_per_person

    return one_per_person(loaded, latest=latest)
