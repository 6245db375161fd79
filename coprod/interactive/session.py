"""Running an interview safely: drafts saved as you go, Ctrl-C / Ctrl-D / SIGTERM kept."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from coprod.core.answers import ANSWERS_VERSION, Answers, ProjectInfo
from coprod.errors import CoprodError, Problem
from coprod.i18n import _
from coprod.storage.files import (
    check_name,
    default_answers_path,
    sigterm_raises,
    usual_answers_path,
    write_atomic,
)
from coprod.storage.yamlio import dump_yaml

if TYPE_CHECKING:
    from rich.console import Console

    from coprod.interactive.interview import ConfirmTarget

T = TypeVar("T")

HEADER = (
    "# coprod answers file: plain YAML you can read, edit and share.\n"
    "# Check and score it with: coprod assess --answers THIS_FILE\n"
)


def printable(text: str | Path) -> str:
    """A path or name as shown in a terminal: control characters (escapes) left out."""
    from coprod.render.text import clean_text  # the one definition of what is unsafe

    return clean_text(str(text)).replace("\t", "").replace("\n", "")


def _wrap(text: str, width: int) -> str:
    """Prose wrapped at word boundaries (stderr is printed as is, unwrapped)."""
    import textwrap

    return "\n".join(
        textwrap.fill(
            line, width=max(width - 1, 20), break_long_words=False, break_on_hyphens=False
        )
        for line in text.split("\n")
    )


def command_line(*words: str | Path, width: int | None = None, quote: bool = True) -> str:
    """A command as it is typed, indented on a line of its own (paths quoted for the shell).

    Where it is too long for ``width`` it is broken between words with the shell's
    ``\\`` continuation, so that it still works when typed or pasted as printed.
    """
    import shlex

    from coprod import i18n

    if words and words[0] == "coprod" and i18n.language() != "en" and "--lang" not in words:
        # carrying on should be in the language the person chose, whatever their shell's COPROD_LANG
        words = ("coprod", "--lang", i18n.language(), *words[1:])
    quoted = [shlex.quote(printable(w)) if quote else printable(w) for w in words]
    if width is None:
        return "  " + " ".join(quoted)
    lines: list[str] = []
    line = "  " + quoted[0]
    for number, word in enumerate(quoted[1:], start=2):
        room = 0 if number == len(quoted) else 2  # for " \\" unless it is the last word
        if len(line) + 1 + len(word) + room > width - 1:
            lines.append(line + " \\")
            line = "      " + word
        else:
            line += " " + word
    return "\n".join([*lines, line])


def print_command(console: Console, *words: str | Path, quote: bool = True) -> None:
    """A command on a line (or continued lines) of its own: it can be typed as printed."""
    from rich.text import Text

    console.print(Text(command_line(*words, width=console.width, quote=quote)), soft_wrap=True)


def print_path(console: Console, path: Path | str) -> None:
    """A file name on a line of its own, never wrapped."""
    from rich.text import Text

    console.print(Text(f"  {printable(path)}"), soft_wrap=True)


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
            message = _wrap(_("Stopped; nothing was saved."), width)
            hint = None
            if again:
                hint = _wrap(_("Start again with:"), width) + "\n"
                hint += command_line(*again, width=width)
        else:
            message = _wrap(_("Stopped. Your answers so far are saved in:"), width)
            message += f"\n  {printable(path)}"
            hint = _wrap(_("Carry on where you left off with:"), width) + "\n"
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


def new_answers(mode: Literal["full", "quick"], content_version: int) -> Answers:
    """An empty draft for today."""
    return Answers(
        version=ANSWERS_VERSION,
        project=ProjectInfo.model_construct(name="", stage=None),
        content_version=content_version,
        mode=mode,
        date=date.today(),
        complete=False,
    )


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
            HEADER + dump_yaml(answers.to_yaml_data()),
            overwrite=self._overwrite,
            # a resumed draft is read, then saved over: it is ours; no other file read is
            replaces_input=self.resumed or self.written,
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
                    (_("Change the project name"), prompts.BACK, "2"),
                    (_("Stop here, to carry on with the existing file instead"), "stop", "3"),
                ],
                "new",
                False,
                "(1-3, Enter)",
            )
            if choice == prompts.BACK:
                return prompts.BACK
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
