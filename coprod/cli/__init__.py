"""The ``coprod`` command line: a thin Typer app; each command lives in coprod/cli/commands/."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from coprod import __version__
from coprod.cli.commands import (
    about,
    actions,
    agenda,
    assess,
    cases,
    check,
    compare,
    criteria,
    data,
    form,
    glossary,
    practices,
    report,
    room,
    team,
    workshop,
)
from coprod.errors import CoprodError


@dataclass
class State:
    """Options given before the command name, shared with every command."""

    data_dir: Path | None = None
    lang: str | None = None
    easy_read: bool = False


def flow_paragraphs(text: str | None) -> str | None:
    """Help text with each paragraph on one line, so the terminal wraps it at word boundaries.

    Typer's rich help keeps a docstring's line breaks, so source lines wrapped at 88
    columns leave single words on lines of their own at 80. Paragraphs (blank lines),
    list items and click's ``\\b`` (keep as is) paragraphs are kept.
    """
    if not text:
        return text
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if paragraph.startswith("\b"):
            paragraphs.append(paragraph)
            continue
        lines: list[str] = []
        for line in paragraph.splitlines():
            stripped = line.strip()
            if lines and stripped and not stripped.startswith(("•", "- ", "* ")):
                lines[-1] += " " + stripped
            else:
                lines.append(stripped)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _flow_help(command: Any) -> None:
    """Apply :func:`flow_paragraphs` to a command's help and to every subcommand's."""
    command.help = flow_paragraphs(command.help)
    for sub in getattr(command, "commands", {}).values():
        _flow_help(sub)


class CoprodGroup(TyperGroup):
    """Turns coprod's own errors into one message and an exit code, never a traceback."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _flow_help(self)

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        """Choose the interface language before click parses anything, then run.

        ``--lang`` (before the command name) or ``$COPROD_LANG`` is activated first,
        so usage errors and ``--help`` are in that language too; in a language other
        than English every help text is replaced by its translation.
        """
        from coprod.i18n import cli_help as helptext

        argv = sys.argv[1:] if args is None else list(args)
        language = helptext.choose_language(argv, os.environ)
        helptext.translate_typer_words(language)
        if language != "en":
            helptext.translate_help(self)
        return super().main(argv, *rest, **kwargs)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        from coprod import runtime
        from coprod.terminal import console

        runtime.reset(keep_language=True)
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # `coprod cases | head -1`: leave quietly, exit 0
            from coprod.terminal import streams

            streams.reader_went_away()
        except CoprodError as exc:
            from rich.markup import escape

            from coprod.i18n import _

            label = f"[bold red]{escape(_(exc.label))}:[/bold red] " if exc.label else ""
            console.err().print(f"{label}{escape(str(exc))}")
            raise SystemExit(exc.exit_code) from None
        except OSError as exc:  # a full disk or a closed stream under stdout: one line, exit 2
            from coprod.terminal import streams

            streams.report_write_error(exc)
            raise SystemExit(2) from None
        finally:
            # the language chosen in main() stays for the output already written;
            # files read and locks held end with the command
            runtime.reset(keep_language=True)


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
            help="Language of the content and reports: en (default) or cy (Welsh, a draft translation).",
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
app.command("glossary")(glossary.glossary_command)
app.command("workshop")(workshop.workshop_command)
app.command("form")(form.form_command)
app.add_typer(data.app, name="data")


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
    """Console-script entry point: also handles a closed pipe and Ctrl-C outside prompts."""
    from coprod.terminal import streams

    # coprod uses no pydantic plugins; looking for them scans every installed package's
    # metadata at start-up. Set here, by the program, not when a module is imported:
    # importing coprod changes nothing in the host process. Someone who wants plugins
    # can still set this variable.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

    streams.prepare()
    try:
        app(prog_name="coprod")
        streams.flush()
    except SystemExit:
        streams.flush()
        raise
    except BrokenPipeError:  # `coprod cases | head -1`: leave quietly, exit 0
        streams.reader_went_away()
    except OSError as exc:  # --help or --version into a full or closed stdout
        streams.report_write_error(exc)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        sys.stderr.write("\nInterrupted.\n")
        raise SystemExit(130) from None
