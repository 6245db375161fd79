"""``coprod check``: the when-to-co-produce questions alone, with the verdict."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from coprod.cli.context import content_for
from coprod.cli.options import AnswersOption, ForceOption, JsonOption, SaveOption
from coprod.errors import CoprodError
from coprod.i18n import _
from coprod.terminal.console import err, out, print_json, warn

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.models import Content
    from coprod.interactive.interview import Interview


def check_command(
    ctx: typer.Context,
    answers_file: AnswersOption = None,
    save: SaveOption = None,
    force: ForceOption = False,
    as_json: JsonOption = False,
) -> None:
    """Ask whether the conditions favour co-production, and give the verdict.

    Any warning sign answered yes → caution; otherwise two or more favourable
    conditions → favourable; otherwise unclear. No toolkit can decide this for you:
    the verdict is a starting point for a conversation.

    Your answers, reflections included, are saved after every question (default:
    coprod-PROJECT-DATE.yaml), ready to go on to the practices with
    coprod assess --resume FILE.
    """
    from rich.markup import escape

    from coprod.core.answers import load_answers
    from coprod.core.assessment import assess
    from coprod.interactive.session import (
        DraftWriter,
        check_save_target,
        confirm_new_file,
        new_answers,
        print_command,
        print_path,
        run_safely,
    )

    content = content_for(ctx)
    writer: DraftWriter | None = None
    if answers_file is not None:
        loaded = load_answers(answers_file, content)
        answers, warnings = loaded.answers, loaded.warnings
    else:
        from coprod.interactive import interview

        if not interview.stdin_is_terminal():
            raise CoprodError(
                _("%(command)s asks questions, but standard input is not a terminal.")
                % {"command": "coprod check"},
                hint=_("To read answers from a file instead: %(command)s")
                % {"command": "coprod check --answers FILE"},
            )
        check_save_target(save, force=force, resuming=None)
        say = err() if as_json else out()  # with --json, stdout is for the JSON only
        answers = new_answers("full", content.version)
        writer = DraftWriter(save, overwrite_first=force)
        runner = interview.Interview(
            content,
            answers,
            writer,
            say.print,
            ask_practices=False,
            confirm_target=confirm_new_file(writer, say.print),
        )
        _intro(say, runner, save)
        again = ["coprod", "check"]
        if save is not None:
            again += ["--save", str(save), *(["--force"] if force else [])]
        answers = run_safely(runner.run, writer, again=again)
        warnings = []
    result = assess(answers, content, warnings)
    for message in warnings:
        warn(message)
    if as_json:
        from coprod.render.json import document

        print_json(document("assessment", result.to_json()))
    else:
        from coprod.render.terminal import print_verdict

        console = out()
        print_verdict(result, console)
        _caveats(console, content)
    if writer is not None and writer.path is not None:
        say = err() if as_json else out()
        say.print("\n" + escape(_("Your answers are saved in")))
        print_path(say, writer.path)
        say.print(escape(_("Go on to the seven practices with:")))
        print_command(say, "coprod", "assess", "--resume", writer.path)


# The caveat about scores, left out here: check gives no scores.
SCORES_CAVEAT = "value-not-rank"


def _intro(console: Console, runner: Interview, path: Path | None) -> None:
    from rich.markup import escape
    from rich.panel import Panel

    from coprod.interactive.session import printable

    if path is not None:
        saved = _(
            "No scores: you get a verdict to talk over. Your answers are saved after each "
            "question in %(file)s, ready to go on to the seven practices later. Ctrl-C is safe."
        ) % {"file": printable(path)}
    else:
        saved = _(
            "No scores: you get a verdict to talk over. Your answers are saved after each "
            "question, ready to go on to the seven practices later. Ctrl-C is safe."
        )
    lines = [
        _(
            "Is this a good time and place for co-production? Answer for your project as it "
            "is now: there are no right answers, and “Not sure” is a useful one."
        ),
        runner.outline(),
        saved,
        _(
            "Use the arrow keys or the letter shown, then Enter; choose “Back” to change the "
            "last answer."
        ),
    ]
    text = "\n".join(escape(line) for line in lines)
    title = _("%(command)s: when to co-produce") % {"command": "coprod check"}
    console.print(Panel(text, title=escape(title), title_align="left"))


def _caveats(console: Console, content: Content) -> None:
    """The caveats as a list, each wrapped under its own bullet."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    caveats = [c for c in content.criteria.caveats if c.id != SCORES_CAVEAT]
    if not caveats:
        return
    heading = escape(_("Keep in mind"))
    console.print(f"\n[bold]{heading}[/bold]")
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column()
    for caveat in caveats:
        table.add_row(" •", Text(caveat.text))
    console.print(table)
