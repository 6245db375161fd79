"""``coprod actions``: the actions across answers files, by due date, to paste into a plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod.cli.context import content_for
from coprod.cli.options import (
    ForceOption,
    ListFormat,
    ListFormatOption,
    OutputOption,
    answers_files,
)
from coprod.cli.output import emit
from coprod.errors import CoprodError, Problem
from coprod.storage.inputs import load_all
from coprod.terminal.console import out, warn

if TYPE_CHECKING:
    from coprod.core.actions import ListedAction
    from coprod.core.models import Content

SUFFIXES: dict[str, ListFormat] = {".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json"}

TodayOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--today",
        formats=["%Y-%m-%d"],
        hidden=True,
        help="Count overdue actions as of this date (default: today).",
    ),
]


def today_from(option: dt.datetime | None) -> dt.date:
    return option.date() if option is not None else dt.date.today()


def _format(given: ListFormat | None, output: Path | None) -> ListFormat | None:
    from coprod.i18n import _

    if output is None or not output.suffix:
        return given
    implied = SUFFIXES.get(output.suffix.lower())
    if given is None:
        if implied is None:
            raise CoprodError(
                Problem(
                    _("cannot tell the format from the suffix %(suffix)s; use %(suffixes)s")
                    % {"suffix": repr(output.suffix), "suffixes": ", ".join(SUFFIXES)},
                    output,
                )
            )
        return implied
    if implied is not None and implied != given:
        raise CoprodError(
            Problem(
                _("the suffix %(suffix)s means %(implied)s, but --format is %(given)s")
                % {"suffix": repr(output.suffix), "implied": implied, "given": given},
                output,
            )
        )
    return given


def actions_command(
    ctx: typer.Context,
    files: Annotated[list[Path], answers_files("One or more answers files.")],
    only_open: Annotated[
        bool,
        typer.Option("--to-do", help="Only actions not started or in progress."),
    ] = False,
    open_alias: Annotated[bool, typer.Option("--open", hidden=True)] = False,  # before 2026-12
    format: ListFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    today: TodayOption = None,
) -> None:
    """List the actions across answers files by due date: one table for a plan.

    For each action: project, practice, what, owner, due date, status and the
    file it is from. An action carried forward (the same id in a later file) is
    listed once, as the latest file has it. Overdue: due date past, not done or
    dropped.

    Examples: [bold]coprod actions *.yaml --to-do[/bold],
    [bold]coprod actions *.yaml -o plan.csv[/bold]
    """
    from coprod.core.actions import actions_json, list_actions

    fmt = _format(format, output)
    content = content_for(ctx)
    when = today_from(today)
    items = list_actions(load_all(files, content, warn), when, only_open=only_open or open_alias)
    if fmt is None and output is None:
        from coprod.render.terminal.room import render_action_list

        render_action_list(items, content, out())
        return
    if fmt == "json":
        from coprod.render.json import document, dumps

        text = dumps(document("actions", actions_json(items, content)))
    elif fmt == "csv":
        text = _csv(items, content)
    else:
        from coprod.render.markdown.actions import render_action_list as markdown_list

        text = markdown_list(items, content, when)
    emit(text, output, force=force, private=True)  # who is to do what


def _csv(items: Sequence[ListedAction], content: Content) -> str:
    from coprod.core.actions import CSV_COLUMNS, csv_rows
    from coprod.render.spreadsheet import csv_text

    # The column names stay English whatever --lang (like the JSON keys): spreadsheets
    # and scripts rely on them. The markdown table's headers are translated.
    return csv_text(CSV_COLUMNS, csv_rows(items, content))
