"""``coprod room``: who is in the room, for a group deciding who else to invite."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coprod.core.answers import LoadedAnswers

from pathlib import Path
from typing import Annotated

import typer

from coprod.cli.context import content_for
from coprod.cli.options import ForceOption, FormatOption, LatestOption, OutputOption, answers_files
from coprod.cli.output import choose_format, emit
from coprod.storage.inputs import load_all
from coprod.terminal.console import out, warn


def room_command(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        answers_files("Answers files for one project, one per person."),
    ],
    format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    latest: LatestOption = False,
) -> None:
    """Who is in the room: which of the six characteristics the group brings.

    The Action Research Collective was put together so that, between them, its
    members brought Analysis, Vision, Experience, Reach, Relationships and Roots.
    For each: how many people bring it (present, thin: one person, or missing),
    and for each gap the ways the report's projects reached such people. Counts
    only: never who brings what.

    Examples: [bold]coprod room *.yaml[/bold], [bold]coprod room *.yaml -o room.html[/bold],
    [bold]coprod room *.yaml --format json[/bold]
    """
    from coprod.core.people import check_same_project
    from coprod.core.room import coverage_of

    content = content_for(ctx)
    loaded = _one_per_person(load_all(files, content, warn), latest=latest)
    check_same_project(loaded, what="coprod room", modes=False)
    coverage = coverage_of([item.answers for item in loaded], content)
    project = loaded[0].answers.project.name
    fmt = choose_format(format, output, default=None)
    if fmt is None:
        from coprod.i18n import ngettext
        from coprod.render.safe import escape_markup
        from coprod.render.terminal.room import render_room

        console = out()
        n = len(loaded)
        files_text = ngettext("%(n)d answers file", "%(n)d answers files", n) % {"n": n}
        console.print(f"\n[bold]{escape_markup(project)}[/bold] · {escape_markup(files_text)}")
        render_room(coverage, content, console)
        return
    from coprod.render.formats import render

    text = render("room", coverage, fmt, content=content, project=project)
    emit(text, output, force=force)


def _one_per_person(loaded: list[LoadedAnswers], *, latest: bool) -> list[LoadedAnswers]:
    from coprod.cli.people import one_per_person

    return one_per_person(loaded, latest=latest)
