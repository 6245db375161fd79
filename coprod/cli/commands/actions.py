"""``coprod actions``: the actions across answers files, by due date, to paste into a plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from coprod.cli.commands._common import content_for
from coprod.cli.commands._output import ForceOption, answers_files, emit, load_all
from coprod.errors import CoprodError, Problem
from coprod.terminal.console import out

if TYPE_CHECKING:
    from coprod.core.actions import ListedAction
    from coprod.core.models import Content

ListFormat = Literal["md", "csv", "json"]
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
        bool, typer.Option("--open", help="Only actions not done or dropped.")
    ] = False,
    format: Annotated[
        ListFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="md, csv or json (default: from the -o file's suffix; a table on screen).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="OUT",
            help="Write to OUT instead of printing (.md, .csv, .json).",
        ),
    ] = None,
    force: ForceOption = False,
    today: TodayOption = None,
) -> None:
    """List the actions across answers files by due date: one table for a plan.

    For each action: project, practice, what, owner, due date, status and the
    file it is from. An action carried forward (the same id in a later file) is
    listed once, as the latest file has it. Overdue: due date past, not done or
    dropped.

    Examples: [bold]coprod actions *.yaml --open[/bold],
    [bold]coprod actions *.yaml -o plan.csv[/bold]
    """
    from coprod.core.actions import actions_json, list_actions

    fmt = _format(format, output)
    content = content_for(ctx)
    when = today_from(today)
    items = list_actions(load_all(files, content), when, only_open=only_open)
    if fmt is None and output is None:
        from coprod.render.terminal.room import render_action_list

        render_action_list(items, content, out())
        return
    if fmt == "json":
        import json

        text = json.dumps(actions_json(items, content), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "csv":
        text = _csv(items, content)
    else:
        from coprod.render.markdown.actions import render_action_list as markdown_list

        text = markdown_list(items, content, when)
    emit(text, output, force=force)


def _csv(items: Sequence[ListedAction], content: Content) -> str:
    from coprod.core.actions import CSV_COLUMNS, csv_rows
    from coprod.render.spreadsheet import csv_text

    # The column names stay English whatever --lang (like the JSON keys): spreadsheets
    # and scripts rely on them. The markdown table's headers are translated.
    return csv_text(CSV_COLUMNS, csv_rows(items, content))
