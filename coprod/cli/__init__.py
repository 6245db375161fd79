"""The ``coprod`` command line: the Typer app and its commands (one module each in commands/).

* :mod:`.group`: ``CoprodGroup`` (language before parsing, errors as exit codes, a closed pipe,
  each command imported only when it is used: :data:`coprod.cli.commands.COMMANDS`);
* :mod:`.options`: the options several commands share, each with one help text;
* :mod:`.context`: the content a command works on; :mod:`.output`: where its document goes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from coprod import __version__
from coprod.cli.context import State
from coprod.cli.group import CoprodGroup, flow_paragraphs, run
from coprod.errors import CoprodError

__all__ = ["CoprodGroup", "State", "app", "flow_paragraphs", "main"]


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
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="COPROD_LANG",
            help="Language of the content and reports: en (default) or cy (Welsh, a draft "
            "translation); cy+en: a workshop's projector and console in both, Welsh first.",
            show_default=False,
        ),
    ] = None,
    easy_read: Annotated[
        bool,
        typer.Option(
            "--easy-read",
            envvar="COPROD_EASY_READ",
            help="Use the easy-read version of the content (plain words, short sentences).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Reflect on co-production practice with the findings of Jam and Justice."""
    ctx.obj = State(data_dir=data_dir, lang=lang, easy_read=easy_read)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


# The commands themselves (coprod/cli/commands/) are loaded on first use: see
# coprod.cli.commands.COMMANDS and CoprodGroup.


@app.command("help")
def help_command(
    ctx: typer.Context,
    command: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="COMMAND", help="The command to explain, e.g. assess.", show_default=False
        ),
    ] = None,
) -> None:
    """Show coprod's help, or a command's (like COMMAND --help)."""
    target = ctx.find_root()
    for name in command or []:
        group = target.command
        sub = group.get_command(target, name) if isinstance(group, TyperGroup) else None
        if sub is None:
            names = ", ".join(group.list_commands(target)) if isinstance(group, TyperGroup) else ""
            from coprod.i18n import _

            raise CoprodError(
                _("%(program)s has no command %(name)s")
                % {"program": target.command_path, "name": repr(name)},
                hint=_("Commands: %(names)s") % {"names": names} if names else None,
            )
        target = type(ctx)(sub, info_name=name, parent=target)
    typer.echo(target.get_help())


def main() -> None:
    """Console-script entry point (``coprod``)."""
    run(app)
