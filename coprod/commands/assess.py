"""``coprod assess``: the self-assessment, interactive or from an answers file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod.commands._common import JsonOption, content_for
from coprod.console import out, print_json, warn
from coprod.errors import CoprodError
from coprod.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.answers import Answers
    from coprod.core.assessment import Assessment
    from coprod.core.models import Content
    from coprod.interview import Interview

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
    from coprod.commands._interactive import (
        DraftWriter,
        check_save_target,
        confirm_new_file,
        new_answers,
        print_path,
        run_safely,
    )
    from coprod.core.answers import load_answers
    from coprod.core.assessment import assess

    content = content_for(ctx)
    if export is not None:  # refuse a bad target before any work or question
        from coprod.render.formats import format_from_suffix

        format_from_suffix(export)
        check_save_target(export, force=force, resuming=None)
    if answers_file is not None:
        if resume is not None or quick or previous is not None:
            raise CoprodError(
                _(
                    "--answers reads a finished file; it does not go with --resume, --quick or --previous"
                )
            )
        loaded = load_answers(answers_file, content)
        result = assess(loaded.answers, content, loaded.warnings)
        _show(result, as_json)
        _export(result, export, force)
        return
    if as_json:
        raise CoprodError(
            _("--json goes with --answers FILE (the interactive assessment prints a report)")
        )

    from coprod import interview

    if not interview.stdin_is_terminal():
        raise CoprodError(
            _("coprod assess asks questions, but standard input is not a terminal."),
            hint=_(
                "To score answers without prompts: coprod assess --answers FILE "
                "(see README for the file's shape)."
            ),
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
                _("%(file)s is a full assessment; leave out --quick to resume it")
                % {"file": resume}
            )
        finished = answers.complete
        writer = DraftWriter(
            save or resume, overwrite_first=True, resumed=save is None or save == resume
        )
    else:
        answers = new_answers("quick" if quick else "full", content.version)
        writer = DraftWriter(save, overwrite_first=force)

    runner = interview.Interview(
        content,
        answers,
        writer,
        console.print,
        confirm_target=confirm_new_file(writer, console.print),
    )
    again = ["coprod", "assess", *(["--quick"] if quick else [])]
    if save is not None:
        again += ["--save", str(save), *(["--force"] if force else [])]

    from coprod import cycle_interview as cycle
    from coprod.core.models import slugify

    before = _previous_answers(answers, previous, resume, content)
    previous_ids = {a.id for a in before.actions} if before else set()

    def walk() -> Answers | None:
        start = None
        if resume is not None and finished and runner.all_required_answered():
            if _offer_review(console, runner, resume) == "stop":
                return None
            start = 0
            _framing(console, runner, "review", writer.path)
        else:
            answers.complete = False
            _framing(console, runner, "resumed" if resume is not None else "new", writer.path)
        if before is not None:  # last time's open actions come first
            cycle.review_previous(answers, before, writer, console.print)
        walked = runner.run(start)
        if before is not None and slugify(before.project.name) != slugify(walked.project.name):
            warn(
                f"the previous assessment is for {before.project.name!r}, this one for "
                f"{walked.project.name!r}: compare reads the same project twice"
            )
        cycle.ask_brings(walked, content, writer, console.print)
        cycle.choose_actions(walked, content, writer, console.print, previous_ids=previous_ids)
        return walked

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
    console.print("\nAnswers saved to")
    print_path(console, str(writer.path))
    _share(console, writer.path)
    _export(result, export, force)


def _previous_answers(
    answers: Answers, given: Path | None, resume: Path | None, content: Content
) -> Answers | None:
    """The earlier answers whose open actions start this assessment, if any.

    ``--previous OLD`` names it (and is recorded as ``previous:``); a resumed file
    that names one has it found as written, or beside the resumed file.
    """
    from coprod.core.answers import load_answers
    from coprod.cycle_interview import previous_path

    if given is not None:
        if resume is not None and answers.previous and Path(answers.previous) != given:
            raise CoprodError(
                _("%(file)s follows on from %(previous)s; leave out --previous to resume it")
                % {"file": resume, "previous": answers.previous}
            )
        loaded = load_answers(given, content)
        answers.previous = str(given)
        return loaded.answers
    path = previous_path(answers, resume)
    if path is None:
        return None
    if not path.is_file():
        warn(
            f"{resume}: the previous assessment {answers.previous} was not found; its actions are not reviewed"
        )
        return None
    return load_answers(path, content).answers


def _share(console: Console, path: Path | None) -> None:
    from coprod.commands._interactive import print_command

    console.print("Share it as a web page:")
    print_command(console, "coprod", "report", str(path), "--format", "html", "-o", "report.html")
    console.print("Read a group's files together:")
    print_command(console, "coprod", "team", "FILE…", quote=False)


def _offer_review(console: Console, runner: Interview, path: Path) -> str:
    """A finished file given to --resume: say so, and offer to go through it again or stop."""
    from rich.markup import escape

    from coprod import prompts
    from coprod.commands._interactive import printable

    when = f" on {runner.answers.date.isoformat()}" if runner.answers.date else ""
    console.print(
        f"\n[bold]This assessment is complete[/bold]: {escape(printable(path))} answers all "
        f"{len(runner.steps)} questions{when}."
    )
    return str(
        prompts.select(
            "What would you like to do?",
            [
                ("Review it: go through it again, your answers as the defaults", "review", "r"),
                ("Stop here and show the report", "stop", "s"),
            ],
            None,
            False,
            "(r/s, Enter)",
        )
    )


assess_command.__doc__ = HELP


def _framing(console: Console, runner: Interview, kind: str, path: Path | None) -> None:
    """What is ahead, counted from the questions themselves, and how to move around."""
    from rich.markup import escape
    from rich.panel import Panel

    from coprod.commands._interactive import printable
    from coprod.interview import minutes

    if kind == "review":
        title = "Reviewing your self-assessment"
        length = (
            f"All {len(runner.steps)} questions again, your answers as the defaults: Enter "
            "keeps an answer."
        )
    elif kind == "resumed":
        title = "Resuming your self-assessment"
        index = runner.first_step()
        length = (
            f"You got as far as question {index + 1} of {len(runner.steps)}; "
            f"{minutes(runner.seconds_left(index))} left."
        )
    else:
        title = "coprod self-assessment"
        length = runner.outline()
    where = f" in {escape(printable(path))}" if path is not None else ""
    framing = "".join(f"{escape(n.text)}\n" for n in runner.content.background.assessment_framing)
    text = (
        framing + "This is for reflection and conversation, not a grade: there are no right "
        "answers, and “Don't know” is a useful answer.\n"
        f"{length}\n"
        f"Your answers are saved after each question{where}. Ctrl-C is safe: carry on later "
        "with --resume.\n"
        "Use the arrow keys or the number shown, then Enter; choose “Back” to change the last answer."
    )
    console.print(Panel(text, title=title, title_align="left"))


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
    from coprod.files import write_atomic
    from coprod.render.formats import format_from_suffix, render_assessment

    fmt = format_from_suffix(target)
    write_atomic(target, render_assessment(result, fmt), overwrite=force)
    from rich.markup import escape

    out().print(f"Report written to [bold]{escape(str(target))}[/bold]")
