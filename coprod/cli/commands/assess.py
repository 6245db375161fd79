"""``coprod assess``: the self-assessment, interactive or from an answers file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod.cli.commands._common import JsonOption, content_for
from coprod.errors import CoprodError
from coprod.i18n import _
from coprod.terminal.console import out, print_json, warn

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.answers import Answers
    from coprod.core.assessment import Assessment
    from coprod.core.models import Content
    from coprod.interactive.interview import Interview

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
    save: Annotated[
        Path | None,
        typer.Option(
            "--save",
            metavar="PATH",
            help="Where to save the answers; by default coprod-PROJECT-DATE.yaml in this folder.",
        ),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option(
            "--resume", metavar="FILE", help="Carry on from where a draft answers file stopped."
        ),
    ] = None,
    answers_file: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="No prompts: check and score a saved or hand-written answers file.",
        ),
    ] = None,
    export: Annotated[
        Path | None,
        typer.Option(
            "--export", metavar="OUT", help="Also write the report to OUT: .md, .html, .json."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing answers or export file.")
    ] = False,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            metavar="OLD",
            help="Start with the open actions from an earlier answers file, and name it.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    from coprod.core.answers import load_answers
    from coprod.core.assessment import assess
    from coprod.interactive.session import (
        DraftWriter,
        check_save_target,
        confirm_new_file,
        new_answers,
        print_path,
        run_safely,
    )

    content = content_for(ctx)
    if export is not None:  # refuse a bad target before any work or question
        from coprod.render.formats import format_from_suffix

        format_from_suffix(export)
        check_save_target(export, force=force, resuming=None)
    if answers_file is not None:
        if resume is not None or quick or previous is not None:
            raise CoprodError(
                _(
                    "%(answers)s reads a finished file; it does not go with %(resume)s, "
                    "%(quick)s or %(previous)s"
                )
                % {
                    "answers": "--answers",
                    "resume": "--resume",
                    "quick": "--quick",
                    "previous": "--previous",
                }
            )
        loaded = load_answers(answers_file, content)
        result = assess(loaded.answers, content, loaded.warnings)
        _show(result, as_json)
        _export(result, export, force)
        return
    if as_json:
        raise CoprodError(
            _("%(json)s goes with %(answers)s (the interactive assessment prints a report)")
            % {"json": "--json", "answers": "--answers FILE"}
        )

    from coprod.interactive import interview

    if not interview.stdin_is_terminal():
        raise CoprodError(
            _("%(command)s asks questions, but standard input is not a terminal.")
            % {"command": "coprod assess"},
            hint=_(
                "To score answers without prompts: %(command)s (see README for the file's shape)."
            )
            % {"command": "coprod assess --answers FILE"},
        )
    check_save_target(save, force=force, resuming=resume)
    console = out()
    warnings: list[str] = []
    finished = False
    if resume is not None:
        loaded = load_answers(resume, content)
        answers = loaded.answers
        warnings = [w for w in loaded.warnings if "draft" not in w]
        if quick and answers.mode != "quick":
            raise CoprodError(
                _("%(file)s is a full assessment; leave out %(quick)s to resume it")
                % {"file": resume, "quick": "--quick"}
            )
        finished = answers.complete
        writer = DraftWriter(
            save or resume, overwrite_first=True, resumed=save is None or _same_file(save, resume)
        )
    else:
        answers = new_answers("quick" if quick else "full", content.version)
        writer = DraftWriter(save, overwrite_first=force)

    from coprod.core.models import slugify
    from coprod.interactive import end_questions as cycle

    before = _previous_answers(answers, previous, resume, content)
    previous_ids = {a.id for a in before.actions} if before else set()
    if writer.path is not None and not writer.resumed:
        # never over a file this command reads (--previous, the content), --force or not:
        # refused now, before the first answer, not after it
        from coprod.storage.files import check_target

        check_target(writer.path, overwrite=True)

    def brings(progress: str) -> None:
        if before is not None and slugify(before.project.name) != slugify(answers.project.name):
            warn(
                _(
                    "the previous assessment is for %(before)r, this one for %(now)r: "
                    "compare reads the same project twice"
                )
                % {"before": before.project.name, "now": answers.project.name}
            )
        cycle.ask_brings(answers, content, writer, console.print, progress=progress)

    def actions(progress: str) -> None:
        cycle.choose_actions(
            answers, content, writer, console.print, previous_ids=previous_ids, progress=progress
        )

    # the two end questions are asked (and counted) as part of the interview
    runner = interview.Interview(
        content,
        answers,
        writer,
        console.print,
        confirm_target=confirm_new_file(writer, console.print),
        end=[("respondent.brings", brings), ("actions", actions)],
    )
    again = ["coprod", "assess", *(["--quick"] if quick else [])]
    if save is not None:
        again += ["--save", str(save), *(["--force"] if force else [])]

    to_review = len(cycle.still_to_review(answers, before)) if before is not None else 0

    def walk() -> Answers | None:
        start = None
        if resume is not None and finished and runner.all_required_answered():
            if _offer_review(console, runner, resume) == "stop":
                return None
            start = 0
            _framing(console, runner, "review", writer.path, to_review)
        else:
            answers.complete = False
            kind = "resumed" if resume is not None else "new"
            _framing(console, runner, kind, writer.path, to_review)
        if before is not None:  # last time's open actions come first
            cycle.review_previous(answers, before, writer, console.print)
        return runner.run(start)

    from rich.markup import escape

    walked = run_safely(walk, writer, again=again)
    if walked is None:  # a finished assessment, not walked again: its report
        result = assess(answers, content, warnings)
        _show(result, as_json=False)
        _share(console, writer.path)
        _export(result, export, force)
        return
    answers = walked
    answers.complete = True
    writer(answers)
    result = assess(answers, content, warnings)
    _show(result, as_json=False)
    console.print("\n" + escape(_("Answers saved to")))
    print_path(console, str(writer.path))
    _share(console, writer.path)
    _export(result, export, force)


def _same_file(one: Path, other: Path) -> bool:
    """Whether two names are the same file (``a.yaml`` and ``./a.yaml``, a hard link)."""
    import os

    try:
        return os.path.samefile(one, other)
    except OSError:
        return one == other


def _previous_answers(
    answers: Answers, given: Path | None, resume: Path | None, content: Content
) -> Answers | None:
    """The earlier answers whose open actions start this assessment, if any.

    ``--previous OLD`` names it (and is recorded as ``previous:``); a resumed file
    that names one has it found as written, or beside the resumed file.
    """
    from coprod.core.answers import load_answers
    from coprod.interactive.end_questions import previous_path

    if given is not None:
        if resume is not None and answers.previous and Path(answers.previous) != given:
            raise CoprodError(
                _("%(file)s follows on from %(previous)s; leave out %(option)s to resume it")
                % {"file": resume, "previous": answers.previous, "option": "--previous"}
            )
        loaded = load_answers(given, content)
        answers.previous = str(given)
        return loaded.answers
    path = previous_path(answers, resume)
    if path is None:
        return None
    if not path.is_file():
        warn(
            _(
                "%(file)s: the previous assessment %(previous)s was not found; its actions "
                "are not reviewed"
            )
            % {"file": resume, "previous": answers.previous}
        )
        return None
    return load_answers(path, content).answers


def _share(console: Console, path: Path | None) -> None:
    from rich.markup import escape

    from coprod.interactive.session import print_command

    console.print(escape(_("Share it as a web page:")))
    print_command(console, "coprod", "report", str(path), "--format", "html", "-o", "report.html")
    console.print(escape(_("Read a group's files together:")))
    print_command(console, "coprod", "team", "FILE…", quote=False)


def _offer_review(console: Console, runner: Interview, path: Path) -> str:
    """A finished file given to --resume: say so, and offer to go through it again or stop."""
    from rich.markup import escape

    from coprod.interactive import prompts
    from coprod.interactive.session import printable

    heading = escape(_("This assessment is complete"))
    if runner.answers.date:
        said = _("%(file)s has every answer it needs, given on %(date)s.") % {
            "file": printable(path),
            "date": runner.answers.date.isoformat(),
        }
    else:
        said = _("%(file)s has every answer it needs.") % {"file": printable(path)}
    console.print(f"\n[bold]{heading}[/bold]: {escape(said)}")
    return str(
        prompts.select(
            _("What would you like to do?"),
            [
                (_("Review it: go through it again, your answers as the defaults"), "review", "r"),
                (_("Stop here and show the report"), "stop", "s"),
            ],
            None,
            False,
            "(r/s, Enter)",
        )
    )


assess_command.__doc__ = HELP


def _framing(
    console: Console, runner: Interview, kind: str, path: Path | None, to_review: int = 0
) -> None:
    """What is ahead, counted from the questions themselves, and how to move around.

    ``to_review``: open actions from last time, reviewed before the questions.
    """
    from rich.markup import escape
    from rich.panel import Panel

    from coprod.i18n import ngettext
    from coprod.interactive.interview import minutes
    from coprod.interactive.session import printable

    total = len(runner.steps)
    if kind == "review":
        title = _("Reviewing your self-assessment")
        length = ngettext(
            "All %(n)d question again, your answers as the defaults: Enter keeps an answer.",
            "All %(n)d questions again, your answers as the defaults: Enter keeps an answer.",
            total,
        ) % {"n": total}
    elif kind == "resumed":
        title = _("Resuming your self-assessment")
        index = runner.first_step()
        length = _("You got as far as question %(n)d of %(total)d; %(time)s left.") % {
            "n": index + 1,
            "total": total,
            "time": minutes(runner.seconds_left(index)),
        }
    else:
        title = _("coprod self-assessment")
        length = runner.outline()
    if to_review:
        length += " " + ngettext(
            "Before them, %(n)d open action from last time to review.",
            "Before them, %(n)d open actions from last time to review.",
            to_review,
        ) % {"n": to_review}
    if path is not None:
        saved = _(
            "Your answers are saved after each question in %(file)s. Ctrl-C is safe: carry on "
            "later with %(option)s."
        ) % {"file": printable(path), "option": "--resume"}
    else:
        saved = _(
            "Your answers are saved after each question. Ctrl-C is safe: carry on later with "
            "%(option)s."
        ) % {"option": "--resume"}
    framing = "".join(f"{escape(n.text)}\n" for n in runner.content.background.assessment_framing)
    lines = [
        _(
            "This is for reflection and conversation, not a grade: there are no right answers, "
            "and “Don't know” is a useful answer."
        ),
        length,
        saved,
        _(
            "Use the arrow keys or the number shown, then Enter; choose “Back” to change the "
            "last answer."
        ),
    ]
    text = framing + "\n".join(escape(line) for line in lines)
    console.print(Panel(text, title=escape(title), title_align="left"))


def _show(result: Assessment, as_json: bool) -> None:
    for message in result.warnings:
        warn(message)
    if as_json:
        print_json(result.to_json())
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

    from coprod.interactive.session import printable

    said = _("Report written to %(file)s") % {"file": "\0"}
    before, _sep, after = said.partition("\0")
    out().print(f"{escape(before)}[bold]{escape(printable(target))}[/bold]{escape(after)}")
