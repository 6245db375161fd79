"""What the person is told around the questions: what is ahead, how to move, where to go next.

Each function prints to the console it is given; the counts come from the
interview's own steps (:class:`coprod.interactive.steps.Questionnaire`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from coprod.i18n import _, ngettext
from coprod.interactive.steps import Questionnaire, minutes
from coprod.terminal.lines import command_line, print_command, printable

if TYPE_CHECKING:
    from rich.console import Console

#: How an assessment starts: afresh, from a draft, or going through a finished one again.
Start = Literal["new", "resumed", "review"]


def assess_framing(
    console: Console, runner: Questionnaire, kind: Start, path: Path | None, to_review: int = 0
) -> None:
    """What is ahead, counted from the questions themselves, and how to move around.

    ``to_review``: open actions from last time, reviewed before the questions.
    """
    from rich.markup import escape
    from rich.panel import Panel

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
        ) % {
            "file": printable(path),
            "option": command_line("coprod", "assess", "--resume", path).strip(),
        }
    else:
        saved = _(
            "Your answers are saved after each question. Ctrl-C is safe: carry on later with "
            "%(option)s."
        ) % {"option": "coprod assess --resume FILE"}  # the file is named once there is one
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


def offer_review(console: Console, runner: Questionnaire, path: Path) -> str:
    """A finished file given to --resume: say so, and offer to go through it again or stop."""
    from rich.markup import escape

    from coprod.interactive import prompts

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


def share_lines(console: Console, path: Path | None) -> None:
    """After the report: how to share it, and how to read a group's files together."""
    from rich.markup import escape

    console.print(escape(_("Share it as a web page:")))
    print_command(console, "coprod", "report", str(path), "--format", "html", "-o", "report.html")
    console.print(escape(_("Read a group's files together:")))
    print_command(console, "coprod", "team", "FILE…", quote=False)


def check_framing(console: Console, runner: Questionnaire, path: Path | None) -> None:
    """``coprod check``: what it is for, what is ahead, and how to move around."""
    from rich.markup import escape
    from rich.panel import Panel

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
