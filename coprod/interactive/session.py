"""An interactive session: drafts saved as you go, Ctrl-C / Ctrl-D / SIGTERM kept.

:class:`AssessSession` and :class:`CheckSession` are the interactive part of
``coprod assess`` and ``coprod check``: everything between the command's options
and the report, so the commands only choose between a file and the questions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from coprod.core.answers import Answers
from coprod.errors import CoprodError, Problem
from coprod.i18n import _
from coprod.storage.answers_file import dumps
from coprod.storage.files import (
    check_name,
    default_answers_path,
    sigterm_raises,
    usual_answers_path,
    write_atomic,
)
from coprod.terminal.lines import command_line, print_command, print_path, printable, wrap

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.core.models import Content
    from coprod.core.notices import Notice
    from coprod.core.own import OwnStatement
    from coprod.interactive.interview import ConfirmTarget

T = TypeVar("T")


def _width() -> int:
    from coprod.terminal.console import err

    return err().width


class Stopped(CoprodError):
    """The person stopped the interview (Ctrl-C, Ctrl-D or SIGTERM); the draft is kept.

    The message names the file only when it really holds their answers, with the
    path and the command to carry on each on a line of their own, never split.
    """

    def __init__(
        self, path: Path | None, exit_code: int, *, again: list[str] | None = None
    ) -> None:

        width = _width()
        if path is None:
            message = wrap(_("Stopped; nothing was saved."), width)
            hint = None
            if again:
                hint = wrap(_("Start again with:"), width) + "\n"
                hint += command_line(*again, width=width)
        else:
            message = wrap(_("Stopped. Your answers so far are saved in:"), width)
            message += f"\n  {printable(path)}"
            hint = wrap(_("Carry on where you left off with:"), width) + "\n"
            hint += command_line("coprod", "assess", "--resume", path, width=width)
        super().__init__(message, hint=hint)
        self.exit_code = exit_code
        self.label = None


class StoppedByChoice(CoprodError):
    """The person chose to stop before anything was saved (exit 0)."""

    exit_code = 0
    label = None


class _Terminated(BaseException):
    """Raised inside the prompt loop when SIGTERM arrives."""


def sigterm_stops() -> AbstractContextManager[None]:
    """While prompting, turn SIGTERM into an exception so the draft path is reported."""
    return sigterm_raises(_Terminated)


class DraftWriter:
    """Saves the answers after every change, choosing the default file name once known."""

    def __init__(self, path: Path | None, *, overwrite_first: bool, resumed: bool = False) -> None:
        self.path = path
        self._overwrite = overwrite_first
        self.resumed = resumed
        self.written = False
        self._lock()  # before any question: a draft open elsewhere is refused up front

    def _lock(self) -> None:
        if self.path is not None:
            from coprod.storage.locking import lock_draft

            lock_draft(self.path)  # taken once: later calls find it held

    @property
    def holds_answers(self) -> Path | None:
        """The file, if it holds the person's answers (written now, or the one resumed)."""
        return self.path if self.path is not None and (self.written or self.resumed) else None

    def __call__(self, answers: Answers) -> None:
        if self.path is None:
            if not answers.project.name:
                return
            self.path = default_answers_path(answers.project.name, answers.date or date.today())
        self._lock()  # however the path was chosen (confirm_new_file sets it too)
        write_atomic(
            self.path,
            dumps(answers),
            overwrite=self._overwrite,
            # a resumed draft is read, then saved over: it is ours; no other file read is
            replaces_input=self.resumed or self.written,
            mode=0o600,  # a person's name, role and ratings: for their own account only
        )
        self._overwrite = True  # from now on it is our own draft
        self.written = True


def confirm_new_file(writer: DraftWriter, print_line: Callable[[str], None]) -> ConfirmTarget:
    """Once the project is named: if today's file for it exists, say so and let them choose.

    The answers then go to a new file (``…-2.yaml``), or they change the name, or
    stop to carry on with the existing file instead. Nothing is written before this.
    """
    from coprod.interactive import prompts

    def confirm(answers: Answers) -> object:
        if writer.path is not None:
            return None
        when = answers.date or date.today()
        usual = usual_answers_path(answers.project.name, when)
        path = default_answers_path(answers.project.name, when)
        if path != usual:
            from rich.markup import escape

            exists = escape(_("A file for this project and day already exists:"))
            print_line(f"\n{exists}\n  {escape(printable(usual))}")
            choice = prompts.select(
                _("Where should your answers go?"),
                [
                    (_("In a new file, %(path)s") % {"path": printable(path)}, "new", "1"),
                    (_("Change the project name"), prompts.Reply.BACK, "2"),
                    (_("Stop here, to carry on with the existing file instead"), "stop", "3"),
                ],
                "new",
                False,
                "(1-3, Enter)",
            )
            if choice is prompts.Reply.BACK:
                return prompts.Reply.BACK
            if choice == "stop":
                raise StoppedByChoice(
                    _("Stopped; nothing was saved."),
                    hint=_("Carry on with the existing file:")
                    + "\n"
                    + command_line("coprod", "assess", "--resume", usual, width=_width()),
                )
        writer.path = path
        return None

    return confirm


def check_save_target(path: Path | None, *, force: bool, resuming: Path | None) -> None:
    """Refuse, before any question, to write over a file that is not ours."""
    if path is None or path == resuming:
        return

    check_name(path)
    if path.is_dir():
        raise CoprodError(Problem(_("is a directory; give a file name for the answers"), path))
    if path.exists() and not force:
        if path.suffix in (".yaml", ".yml"):
            said = _(
                "already exists; use %(force)s to overwrite it, or %(resume)s to carry on with it"
            )
        else:
            said = _("already exists; use %(force)s to overwrite it")
        raise CoprodError(Problem(said % {"force": "--force", "resume": "--resume"}, path))


def run_safely(run: Callable[[], T], writer: DraftWriter, *, again: list[str] | None = None) -> T:
    """Run the interview; on Ctrl-C/Ctrl-D exit 130, on SIGTERM 143, keeping the draft.

    ``again`` is the command to start afresh, shown when nothing was saved.
    """
    try:
        with sigterm_stops():
            return run()
    except (KeyboardInterrupt, EOFError):
        raise Stopped(writer.holds_answers, 130, again=again) from None
    except _Terminated:
        raise Stopped(writer.holds_answers, 143, again=again) from None


def _not_a_terminal(command: str, hint: str) -> None:
    """Refuse to ask questions where nobody can answer them."""
    from coprod.interactive import interview

    if not interview.stdin_is_terminal():
        raise CoprodError(
            _("%(command)s asks questions, but standard input is not a terminal.")
            % {"command": command},
            hint=hint,
        )


def _again(command: list[str], save: Path | None, force: bool) -> list[str]:
    """The command that starts afresh, shown when nothing was saved."""
    if save is not None:
        return [*command, "--save", str(save), *(["--force"] if force else [])]
    return command


def _same_file(one: Path, other: Path) -> bool:
    """Whether two names are the same file (``a.yaml`` and ``./a.yaml``, a hard link)."""
    import os

    try:
        return os.path.samefile(one, other)
    except OSError:
        return one == other


class AssessSession:
    """The interactive ``coprod assess``: the draft, last time's actions, the questions.

    Everything that can be refused is refused when the session is made, before any
    question: no terminal, a file that is not ours, a draft open elsewhere, a
    resumed file that does not fit. :meth:`run` asks; :meth:`print_where_saved`
    follows the report.
    """

    def __init__(
        self,
        content: Content,
        *,
        quick: bool,
        save: Path | None,
        resume: Path | None,
        force: bool,
        previous: Path | None,
        statements: Sequence[OwnStatement] = (),
    ) -> None:
        """``statements``: the group's own (``--statements``), asked after the practices."""
        from coprod.interactive.interview import Interview
        from coprod.storage.answers_file import load_answers
        from coprod.terminal.console import out

        _not_a_terminal(
            "coprod assess",
            _("To score answers without prompts: %(command)s (see README for the file's shape).")
            % {"command": "coprod assess --answers FILE"},
        )
        check_save_target(save, force=force, resuming=resume)
        self.content = content
        self.console = out()
        self.resume = resume
        #: Warnings about the resumed file, shown with the report (not that it is a draft).
        self.notices: list[Notice] = []
        self.finished = False  # a finished file given to --resume
        if resume is not None:
            loaded = load_answers(resume, content)
            self.answers = loaded.answers
            self.notices = [n for n in loaded.notices if n.kind != "draft"]
            if quick and self.answers.mode != "quick":
                raise CoprodError(
                    _("%(file)s is a full assessment; leave out %(quick)s to resume it")
                    % {"file": resume, "quick": "--quick"}
                )
            self.finished = self.answers.complete
            self.writer = DraftWriter(
                save or resume,
                overwrite_first=True,
                resumed=save is None or _same_file(save, resume),
            )
        else:
            self.answers = Answers.new("quick" if quick else "full", content.version)
            self.writer = DraftWriter(save, overwrite_first=force)
        self._define_own(statements)
        self.before = self._previous_answers(previous)
        if self.writer.path is not None and not self.writer.resumed:
            # never over a file this command reads (--previous, the content), --force or
            # not: refused now, before the first answer, not after it
            from coprod.storage.files import check_target

            check_target(self.writer.path, overwrite=True)
        self.previous_ids = (
            {a.id for a in self.before.actions} if self.before is not None else set()
        )
        # the two end questions are asked (and counted) as part of the interview
        self.runner = Interview(
            content,
            self.answers,
            self.writer,
            self.console.print,
            confirm_target=confirm_new_file(self.writer, self.console.print),
            end=[
                ("matters_most", self._ask_matters_most),
                ("respondent.brings", self._ask_brings),
                ("actions", self._choose_actions),
            ],
        )
        self.again = _again(["coprod", "assess", *(["--quick"] if quick else [])], save, force)
        self.walked = False

    def _define_own(self, statements: Sequence[OwnStatement]) -> None:
        """The answers keep the words of each own statement asked (a resumed file's stay)."""
        from coprod.core.own import MAX_OWN, merge
        from coprod.terminal.console import warn

        file = self.resume or _("the answers")
        kept, said = merge([(file, self.answers.own_statements), ("--statements", statements)])
        for message in said:
            warn(message)
        if len(kept) > MAX_OWN:
            raise CoprodError(
                _("%(n)d own statements in all; at most %(max)d may be asked")
                % {"n": len(kept), "max": MAX_OWN}
            )
        self.answers.own_statements = kept

    def _previous_answers(self, given: Path | None) -> Answers | None:
        """The earlier answers whose open actions start this assessment, if any.

        ``--previous OLD`` names it (and is recorded as ``previous:``); a resumed file
        that names one has it found as written, or beside the resumed file.
        """
        from coprod.interactive.end_questions import previous_path
        from coprod.storage.answers_file import load_answers
        from coprod.terminal.console import warn

        answers, resume = self.answers, self.resume
        if given is not None:
            if resume is not None and answers.previous and Path(answers.previous) != given:
                raise CoprodError(
                    _("%(file)s follows on from %(previous)s; leave out %(option)s to resume it")
                    % {"file": resume, "previous": answers.previous, "option": "--previous"}
                )
            loaded = load_answers(given, self.content)
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
        return load_answers(path, self.content).answers

    def _ask_matters_most(self, progress: str) -> None:
        from coprod.interactive.end_questions import ask_matters_most

        ask_matters_most(
            self.answers, self.content, self.writer, self.console.print, progress=progress
        )

    def _ask_brings(self, progress: str) -> None:
        from coprod.core.models import slugify
        from coprod.interactive.end_questions import ask_brings
        from coprod.terminal.console import warn

        before, answers = self.before, self.answers
        if before is not None and slugify(before.project.name) != slugify(answers.project.name):
            warn(
                _(
                    "the previous assessment is for %(before)r, this one for %(now)r: "
                    "compare reads the same project twice"
                )
                % {"before": before.project.name, "now": answers.project.name}
            )
        ask_brings(answers, self.content, self.writer, self.console.print, progress=progress)

    def _choose_actions(self, progress: str) -> None:
        from coprod.interactive.end_questions import choose_actions

        choose_actions(
            self.answers,
            self.content,
            self.writer,
            self.console.print,
            previous_ids=self.previous_ids,
            progress=progress,
        )

    def _walk(self) -> Answers | None:
        from coprod.interactive import end_questions
        from coprod.interactive.framing import Start, assess_framing, offer_review

        before, runner = self.before, self.runner
        to_review = 0
        if before is not None:
            to_review = len(end_questions.still_to_review(self.answers, before))
        start = None
        if self.resume is not None and self.finished and runner.all_required_answered():
            if offer_review(self.console, runner, self.resume) == "stop":
                return None
            start = 0
            assess_framing(self.console, runner, "review", self.writer.path, to_review)
        else:
            self.answers.complete = False
            kind: Start = "resumed" if self.resume is not None else "new"
            assess_framing(self.console, runner, kind, self.writer.path, to_review)
        if before is not None:  # last time's open actions come first
            end_questions.review_previous(self.answers, before, self.writer, self.console.print)
        return runner.run(start)

    def run(self) -> Answers:
        """Ask the questions and save the finished answers; a finished file may be left as is."""
        walked = run_safely(self._walk, self.writer, again=self.again)
        if walked is None:  # a finished assessment, not walked again: its report
            return self.answers
        self.answers = walked
        self.answers.complete = True
        self.writer(self.answers)
        self.walked = True
        return self.answers

    def print_where_saved(self) -> None:
        """Where the answers are (when just saved), and how to share them."""
        from rich.markup import escape

        from coprod.interactive.framing import share_lines

        if self.walked:
            self.console.print("\n" + escape(_("Answers saved to")))
            print_path(self.console, str(self.writer.path))
        share_lines(self.console, self.writer.path)

    def print_full_report(self) -> None:
        """The last lines: the command that shows the whole report, typeable as printed."""
        from rich.markup import escape

        self.console.print(escape(_("The full report:")))
        print_command(self.console, "coprod", "report", str(self.writer.path))


class CheckSession:
    """The interactive ``coprod check``: the criteria and reflections, saved as a draft.

    ``say``: where the questions and messages go (stderr when stdout carries JSON).
    """

    def __init__(self, content: Content, *, save: Path | None, force: bool, say: Console) -> None:
        from coprod.interactive.interview import Interview

        _not_a_terminal(
            "coprod check",
            _("To read answers from a file instead: %(command)s")
            % {"command": "coprod check --answers FILE"},
        )
        check_save_target(save, force=force, resuming=None)
        self.say = say
        self.save = save
        self.answers = Answers.new("full", content.version)
        self.writer = DraftWriter(save, overwrite_first=force)
        self.runner = Interview(
            content,
            self.answers,
            self.writer,
            say.print,
            ask_practices=False,
            confirm_target=confirm_new_file(self.writer, say.print),
        )
        self.again = _again(["coprod", "check"], save, force)

    def run(self) -> Answers:
        from coprod.interactive.framing import check_framing

        check_framing(self.say, self.runner, self.save)
        return run_safely(self.runner.run, self.writer, again=self.again)

    def print_where_saved(self) -> None:
        """After the verdict: where the answers are, and how to go on to the practices."""
        from rich.markup import escape

        if self.writer.path is None:
            return
        self.say.print("\n" + escape(_("Your answers are saved in")))
        print_path(self.say, self.writer.path)
        self.say.print(escape(_("Go on to the seven practices with:")))
        print_command(self.say, "coprod", "assess", "--resume", self.writer.path)
