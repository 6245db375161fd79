"""``coprod team``: several respondents' answers for one project, read together."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod.cli.context import content_for
from coprod.cli.options import (
    ChartOption,
    ForceOption,
    FormatOption,
    LatestOption,
    NamedOption,
    OutputOption,
    answers_files,
)
from coprod.cli.output import chart_extra, choose_format, emit
from coprod.errors import CoprodError
from coprod.storage.inputs import distinct_files, load_all
from coprod.terminal.console import out, warn

if TYPE_CHECKING:
    from coprod.core.answers import LoadedAnswers
    from coprod.core.models import Content
    from coprod.core.team import TeamView


def team_command(
    ctx: typer.Context,
    files: Annotated[list[Path], answers_files("Two or more answers files for the same project.")],
    anonymous: Annotated[
        bool,
        typer.Option(
            "--anonymous",
            help="Show respondents as 'Respondent 1, 2…', without names or roles (the "
            "default for an --anonymous workshop's files).",
        ),
    ] = False,
    named: NamedOption = False,
    format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    latest: LatestOption = False,
    choose_actions: Annotated[
        Path | None,
        typer.Option(
            "--choose-actions",
            metavar="FILE",
            help="Then choose up to three actions from the group's priorities, saved in FILE "
            "(your own answers file).",
        ),
    ] = None,
    chart: ChartOption = "none",
) -> None:
    """Read a group's answers together: where people agree, and the conversations to have.

    Per practice: the mean score, the lowest and highest, and the spread. Statements
    rated two or more points apart are listed as conversations to have, with who sits
    where; criteria answered differently are listed too. All files must be for the
    same project and the same mode (full or quick). Who is in the room (the six
    characteristics, counts only) and everyone's actions follow, the same next step
    chosen by several people marked as a shared priority; --choose-actions FILE
    then lets you add up to three of the group's priorities to your own file.

    Examples: [bold]coprod team sam.yaml alex.yaml jo.yaml[/bold],
    [bold]coprod team *.yaml --anonymous -o team.html[/bold]
    """
    import gc

    from coprod.core.team import team_view

    if choose_actions is not None:
        _check_own_file(choose_actions)  # before any work or question
        _check_can_ask()
    files = distinct_files(files, warn)  # one person, one file: never counted twice
    from coprod.cli.anonymity import anonymous_for

    hidden = anonymous_for(files, anonymous, named)
    content = content_for(ctx)
    # Thousands of small answer objects all stay alive until the end, and so does what
    # is made of them for the report, so the cyclic garbage collector only costs time
    # here (it was 40% of a 5,000-file run).
    gc.disable()
    try:
        loaded = _one_per_person(load_all(files, content, warn), latest=latest)
        view = team_view(loaded, content, anonymous=hidden)
        for message in view.own_warnings:  # one own statement's id with different words
            warn(message)
        fmt = choose_format(format, output, default=None)
        if fmt is not None and choose_actions is None:
            from coprod.render.formats import render

            text = render("team", view, fmt, **chart_extra(chart, fmt))
    finally:
        gc.enable()
    if fmt is None:
        from coprod.render import terminal

        terminal.render_team(view, out())
        if choose_actions is not None:
            _choose(view, choose_actions, content)
        return
    if choose_actions is not None:
        from coprod.i18n import _

        raise CoprodError(_("--choose-actions asks questions: it goes with the terminal view"))
    emit(text, output, force=force, private=not hidden)


def _check_own_file(path: Path) -> None:
    """--choose-actions replaces the file: never through a link, never a read-only one."""
    import os
    import stat

    from coprod.errors import Problem
    from coprod.i18n import _

    if path.is_symlink():
        raise CoprodError(
            Problem(
                _(
                    "is a symbolic link; %(option)s writes only to a file itself: give the "
                    "file's own path"
                )
                % {"option": "--choose-actions"},
                path,
            )
        )
    if path.is_file() and not (
        path.stat().st_mode & stat.S_IWUSR and os.access(path, os.W_OK)
    ):  # its permissions say read-only (even to a user who could override them)
        raise CoprodError(
            Problem(
                _("is read-only; %(option)s would replace it: make it writable first")
                % {"option": "--choose-actions"},
                path,
            )
        )


def _check_can_ask() -> None:
    """--choose-actions asks questions: refused up front where nobody could see or answer them."""
    from coprod.i18n import _
    from coprod.interactive import interview

    if not interview.stdin_is_terminal():
        raise CoprodError(
            _("--choose-actions asks questions, but standard input is not a terminal.")
        )
    if not interview.stdout_is_terminal():
        raise CoprodError(
            _(
                "--choose-actions asks questions, but the output goes to a pipe or a file, "
                "where the questions would not be seen."
            ),
            hint=_("Run it in a terminal, without a pipe."),
        )


def _choose(view: TeamView, path: Path, content: Content) -> None:
    """The person adds up to three actions to their own answers file, from the group's view."""
    from coprod.interactive import end_questions as cycle_interview
    from coprod.interactive.session import DraftWriter, run_safely
    from coprod.storage.answers_file import load_answers

    answers = load_answers(path, content).answers
    writer = DraftWriter(path, overwrite_first=True, resumed=True)
    console = out()

    def ask() -> None:
        cycle_interview.choose_actions(
            answers,
            content,
            writer,
            console.print,
            previous_ids={a.id for a in answers.actions},  # up to three more
            suggestions=view.suggested_steps,
        )

    run_safely(ask, writer)
    from coprod.i18n import _
    from coprod.render.safe import escape_markup

    saved = escape_markup(_("Actions saved in %(file)s"))
    console.print(saved % {"file": f"[bold]{escape_markup(str(path))}[/bold]"})


def _one_per_person(loaded: list[LoadedAnswers], *, latest: bool) -> list[LoadedAnswers]:
    from coprod.cli.people import one_per_person

    return one_per_person(loaded, latest=latest)
