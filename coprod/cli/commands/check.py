"""``coprod check``: the when-to-co-produce questions alone, with the verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from coprod.cli.context import content_for
from coprod.cli.options import AnswersOption, ForceOption, JsonOption, SaveOption
from coprod.i18n import _
from coprod.terminal.console import err, out, print_json, warn

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.models import Content


def check_command(
    ctx: typer.Context,
    answers_file: AnswersOption = None,
    save: SaveOption = None,
    force: ForceOption = False,
    as_json: JsonOption = False,
) -> None:
    """Ask whether the conditions favour co-production, and give the verdict.

    Any warning sign answered yes → caution; otherwise two or more favourable
    conditions → favourable; otherwise unclear. These rules are coprod's reading of
    the report's criteria, not the report's own. No toolkit can decide this for you:
    the verdict is a starting point for a conversation.

    Your answers, reflections included, are saved after every question (default:
    coprod-PROJECT-DATE.yaml), ready to go on to the practices with
    coprod assess --resume FILE.
    """
    from coprod.core.assessment import assess
    from coprod.storage.answers_file import load_answers

    content = content_for(ctx)
    session = None
    if answers_file is not None:
        loaded = load_answers(answers_file, content)
        answers, notices = loaded.answers, loaded.notices
    else:
        from coprod.interactive.session import CheckSession

        # with --json, stdout is for the JSON only
        session = CheckSession(content, save=save, force=force, say=err() if as_json else out())
        answers, notices = session.run(), []
    result = assess(answers, content, notices)
    for notice in notices:
        warn(notice.text())
    if as_json:
        from coprod.render.json import document

        print_json(document("assessment", result.to_json()))
    else:
        from coprod.render.terminal import print_verdict

        console = out()
        print_verdict(result, console)
        _caveats(console, content)
    if session is not None:
        session.print_where_saved()


# The caveat about scores, left out here: check gives no scores.
SCORES_CAVEAT = "value-not-rank"


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
