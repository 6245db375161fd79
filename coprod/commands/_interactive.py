"""Running an interview safely: drafts saved as you go, Ctrl-C / Ctrl-D / SIGTERM kept."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Literal

from coprod.core.answers import ANSWERS_VERSION, Answers, ProjectInfo
from coprod.core.yamlio import dump_yaml
from coprod.errors import CoprodError, Problem
from coprod.files import check_name, default_answers_path, sigterm_raises, write_atomic

HEADER = (
    "# coprod answers file: plain YAML you can read, edit and share.\n"
    "# Check and score it with: coprod assess --answers THIS_FILE\n"
)


class Stopped(CoprodError):
    """The person stopped the interview (Ctrl-C, Ctrl-D or SIGTERM); the draft is kept."""

    def __init__(self, path: Path | None, exit_code: int) -> None:
        if path is None:
            message = "Stopped; nothing was saved."
            hint = None
        else:
            message = f"Stopped. Your answers so far are saved in {path}"
            hint = f"Carry on where you left off with: coprod assess --resume {path}"
        super().__init__(message, hint=hint)
        self.exit_code = exit_code
        self.label = None


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

    def __init__(self, path: Path | None, *, overwrite_first: bool) -> None:
        self.path = path
        self._overwrite = overwrite_first
        self._lock()  # before any question: a draft open elsewhere is refused up front

    def _lock(self) -> None:
        if self.path is not None:
            from coprod.locking import lock_draft

            lock_draft(self.path)

    def __call__(self, answers: Answers) -> None:
        if self.path is None:
            if not answers.project.name:
                return
            self.path = default_answers_path(answers.project.name, answers.date or date.today())
            self._lock()
        write_atomic(
            self.path,
            HEADER + dump_yaml(answers.to_yaml_data()),
            overwrite=self._overwrite,
            replaces_input=True,  # a resumed draft is read, then saved over: it is ours
        )
        self._overwrite = True  # from now on it is our own draft


def check_save_target(path: Path | None, *, force: bool, resuming: Path | None) -> None:
    """Refuse, before any question, to write over a file that is not ours."""
    if path is None or path == resuming:
        return
    check_name(path)
    if path.is_dir():
        raise CoprodError(Problem("is a directory; give a file name for the answers", path))
    if path.exists() and not force:
        also = ", or --resume to carry on with it" if path.suffix in (".yaml", ".yml") else ""
        raise CoprodError(Problem(f"already exists; use --force to overwrite it{also}", path))


def run_safely(run: Callable[[], Answers], writer: DraftWriter) -> Answers:
    """Run the interview; on Ctrl-C/Ctrl-D exit 130, on SIGTERM 143, keeping the draft."""
    try:
        with sigterm_stops():
            return run()
    except (KeyboardInterrupt, EOFError):
        raise Stopped(writer.path, 130) from None
    except _Terminated:
        raise Stopped(writer.path, 143) from None
