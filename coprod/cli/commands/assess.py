"""``coprod assess``: the self-assessment, interactive or from an answers file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod.cli.context import content_for
from coprod.cli.options import (
    AnswersOption,
    ForceOption,
    JsonOption,
    ResumeOption,
    SaveOption,
    StatementsOption,
    own_statements,
)
from coprod.errors import CoprodError
from coprod.i18n import _
from coprod.terminal.console import out, print_json, warn

if TYPE_CHECKING:
    from coprod.core.assessment import Assessment

HELP = """Walk through a self-assessment against the seven practices of co-production
and the "when to co-produce" criteria, and get a report.

Answers are saved after every question (default: coprod-PROJECT-DATE.yaml in the
current folder); Ctrl-C is safe: carry on later with --resume FILE.

[bold]How scores work[/bold] (prompts for reflection and conversation, not grades):
each statement is rated 0 Not at all, 1 A little, 2 Partly, 3 Mostly, 4 Fully,
or Don't know / Not applicable. A practice's score is round(100 × mean of its
rated statements / 4), rounded half up; Don't know and Not applicable are left out
of the mean and counted separately; a practice with nothing rated is not scored
(never shown as 0). Bands: 0-39 needs attention, 40-69 developing, 70-100 strong.
Overall is the mean of the scored practices and is always shown beside the
profile. With --quick each practice gets one overall rating, which is its mean.

[bold]Verdict[/bold]: any warning sign answered yes → caution; otherwise two or
more favourable conditions answered yes → favourable; otherwise unclear.

At the end you may say which of the six characteristics of the Action Research
Collective you bring, and choose up to three actions (a suggested next step or
your own words, with an owner and a due date). [bold]--previous OLD.yaml[/bold]
starts by reviewing the open actions from last time: they are carried into the
new file with the same id, so [bold]coprod compare OLD NEW[/bold] can match them.

Examples: [bold]coprod assess[/bold], [bold]coprod assess --quick[/bold],
[bold]coprod assess --resume coprod-my-project-2026-11-22.yaml[/bold],
[bold]coprod assess --answers answers.yaml --json[/bold]
"""


def assess_command(
    ctx: typer.Context,
    quick: Annotated[
        bool,
        typer.Option(
            "--quick", help="One overall rating per practice: a first pass in a few minutes."
        ),
    ] = False,
    save: SaveOption = None,
    resume: ResumeOption = None,
    answers_file: AnswersOption = None,
    export: Annotated[
        Path | None,
        typer.Option(
            "--export", metavar="OUT", help="Also write the report to OUT: .md, .html, .json."
        ),
    ] = None,
    force: ForceOption = False,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            metavar="OLD",
            help="Start with the open actions from an earlier answers file, and name it.",
        ),
    ] = None,
    statements: StatementsOption = None,
    as_json: JsonOption = False,
) -> None:
    from coprod.core.assessment import assess

    content = content_for(ctx)
    if export is not None:  # refuse a bad target before any work or question
        from coprod.interactive.session import check_save_target
        from coprod.render.formats import format_from_suffix

        format_from_suffix(export)
        check_save_target(export, force=force, resuming=None)
    if answers_file is not None:
        if resume is not None or quick or previous is not None or statements is not None:
            raise CoprodError(
                _(
                    "%(answers)s reads a finished file; it does not go with %(resume)s, "
                    "%(quick)s, %(previous)s or %(statements)s"
                )
                % {
                    "answers": "--answers",
                    "resume": "--resume",
                    "quick": "--quick",
                    "previous": "--previous",
                    "statements": "--statements",
                }
            )
        from coprod.storage.answers_file import load_answers

        loaded = load_answers(answers_file, content)
        result = assess(loaded.answers, content, loaded.notices)
        _show(result, as_json)
        _export(result, export, force)
        return
    if as_json:
        raise CoprodError(
            _("%(json)s goes with %(answers)s (the interactive assessment prints a report)")
            % {"json": "--json", "answers": "--answers FILE"}
        )
    from coprod.interactive.session import AssessSession

    own = own_statements(statements, content)  # checked before any question
    session = AssessSession(
        content,
        quick=quick,
        save=save,
        resume=resume,
        force=force,
        previous=previous,
        statements=own,
    )
    result = assess(session.run(), content, session.notices)
    for notice in result.notices:
        warn(notice.text())
    _export(result, export, force)
    # the screen ends on what to remember: three lines, and how to read the whole report
    session.print_where_saved()
    from coprod.render.terminal.assessment import print_brief

    out().print()
    print_brief(result, out())
    session.print_full_report()


assess_command.__doc__ = HELP


def _show(result: Assessment, as_json: bool) -> None:
    for notice in result.notices:
        warn(notice.text())
    if as_json:
        from coprod.render.json import document

        print_json(document("assessment", result.to_json()))
        return
    from coprod.render import terminal

    terminal.render(result, out())


def _export(result: Assessment, target: Path | None, force: bool) -> None:
    if target is None:
        return
    from coprod.render.formats import format_from_suffix, render_assessment
    from coprod.storage.files import write_atomic

    fmt = format_from_suffix(target)
    write_atomic(target, render_assessment(result, fmt), overwrite=force)
    from rich.markup import escape

    from coprod.terminal.lines import printable

    said = _("Report written to %(file)s") % {"file": "\0"}
    before, _sep, after = said.partition("\0")
    out().print(f"{escape(before)}[bold]{escape(printable(target))}[/bold]{escape(after)}")
