"""The ``coprod`` command line: a thin Typer app; each command lives in coprod/commands/."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from coprod import __version__
from coprod.commands import (
    about,
    actions,
    agenda,
    assess,
    cases,
    check,
    compare,
    criteria,
    data,
    practices,
    report,
    room,
    team,
)
from coprod.errors import CoprodError


@dataclass
class State:
    """Options given before the command name, shared with every command."""

    data_dir: Path | None = None


class CoprodGroup(TyperGroup):
    """Turns coprod's own errors into one message and an exit code, never a traceback."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        from coprod import console

        console.reset()
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # `coprod cases | head -1`: the reader has what it wanted; leave quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise SystemExit(0) from None
        except CoprodError as exc:
            from rich.markup import escape

            label = f"[bold red]{exc.label}:[/bold red] " if exc.label else ""
            console.err().print(f"{label}{escape(str(exc))}")
            raise SystemExit(exc.exit_code) from None


HELP = """Reflect on co-production practice with the findings of Jam and Justice.

Start here: [bold]coprod assess[/bold] walks you through a self-assessment against
the seven practices of co-production and the "when to co-produce" criteria.
"""

app = typer.Typer(
    cls=CoprodGroup,
    help=HELP,
    invoke_without_command=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coprod {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            envvar="COPROD_DATA_DIR",
            help="Use an adapted copy of the content (a folder like data/) instead of the built-in one.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Reflect on co-production practice with the findings of Jam and Justice."""
    ctx.obj = State(data_dir=data_dir)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


app.command("assess")(assess.assess_command)
app.command("check")(check.check_command)
app.command("practices")(practices.practices_command)
app.command("criteria")(criteria.criteria_command)
app.command("report")(report.report_command)
app.command("team")(team.team_command)
app.command("compare")(compare.compare_command)
app.command("room")(room.room_command)
app.command("actions")(actions.actions_command)
app.command("agenda")(agenda.agenda_command)
app.command("cases", context_settings={"ignore_unknown_options": False})(cases.cases_command)
app.command("about")(about.about_command)
app.add_typer(data.app, name="data")


def main() -> None:
    """Console-script entry point: also handles a closed pipe and Ctrl-C outside prompts."""
    try:
        app(prog_name="coprod")
    except BrokenPipeError:
        # `coprod cases | head -1`: the reader went away; leave quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0) from None
    except KeyboardInterrupt:
        sys.stderr.write("\nInterrupted.\n")
        raise SystemExit(130) from None
