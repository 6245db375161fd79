"""Standard streams that may be closed, full or unable to encode: coprod still ends cleanly.

:func:`prepare` runs first thing in the console script:

* a closed stdin, stdout or stderr (``<&-``, ``>&-``, ``2>&-``) gets ``/dev/null``
  on its descriptor, so no file coprod opens can take descriptor 0, 1 or 2 and
  receive output meant for the terminal; a closed stdout stays *closed* to coprod
  (writing to it is an error with exit code 2), a closed stdin reads as empty,
  a closed stderr swallows messages but keeps the exit code;
* an output encoding that is not UTF-8 (``PYTHONIOENCODING=latin-1``, ``LC_ALL=C``
  without UTF-8 mode) replaces what it cannot encode instead of failing
  (:func:`coprod.terminal.console.print_json` keeps JSON valid with ``\\u`` escapes).

:func:`flush` and :func:`report_write_error` turn a failed write to stdout (a full
disk, ``/dev/full``) into one line on stderr and exit code 2; :func:`reader_went_away`
ends quietly when the reader of the output goes away (a broken pipe).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys

_STDOUT_CLOSED = False


class _ClosedStream(io.TextIOBase):
    """Stands in for a stdout the caller closed: every write is an error."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed")

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise io.UnsupportedOperation("standard output is closed")


def _reserve(fd: int) -> bool:
    """Put /dev/null on descriptor ``fd`` if it is closed; True if it was."""
    try:
        os.fstat(fd)
        return False
    except OSError:
        pass
    try:
        null = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return True
    if null != fd:
        os.dup2(null, fd)
        os.close(null)
    return True


def prepare() -> None:
    """Make the three standard streams safe to use (see the module's description)."""
    global _STDOUT_CLOSED
    closed = {fd: _reserve(fd) for fd in (0, 1, 2)}
    if closed[0] or sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if closed[1] or sys.stdout is None:
        _STDOUT_CLOSED = True
        sys.stdout = _ClosedStream()
    if closed[2] or sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not encoding.startswith("utf"):
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def report_write_error(exc: OSError) -> None:
    """One line on stderr for a failed write (or another unexpected OSError)."""
    from coprod.i18n import _

    reason = exc.strerror or str(exc)
    where = _("to standard output") if exc.filename is None else str(exc.filename)
    _silence_stdout()
    try:
        from rich.markup import escape

        from coprod.terminal import console

        message = _("cannot write %(where)s: %(reason)s") % {"where": where, "reason": reason}
        label = escape(_("error"))
        console.err().print(f"[bold red]{label}:[/bold red] {escape(message)}")
    except Exception:  # stderr is broken too: the exit code says it
        pass


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    if not _STDOUT_CLOSED:
        _to_devnull(1)


def _to_devnull(fd: int) -> None:
    """Point descriptor ``fd`` at /dev/null, so that no later write or flush to it can fail."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass


def reader_went_away(*, stderr: bool = False) -> None:
    """The reader of stdout or stderr closed the pipe (`coprod cases | head -1`): stay quiet.

    The one place a broken pipe is handled. The stream's descriptor is pointed at
    /dev/null so the interpreter's last flush cannot fail again. For stdout the reader
    has what it wanted: the command ends here with exit code 0 (``SystemExit``). For
    stderr only the messages are lost: the command goes on, and its exit code (2 for
    bad input) still tells the caller what happened.
    """
    if stderr:
        _to_devnull(2)
        return
    _to_devnull(1)
    raise SystemExit(0)


def flush() -> None:
    """Flush stdout now, so a full disk is reported rather than ignored at exit."""
    try:
        if sys.stdout is not None and not _STDOUT_CLOSED:
            sys.stdout.flush()
    except OSError as exc:
        report_write_error(exc)
        raise SystemExit(2) from None
