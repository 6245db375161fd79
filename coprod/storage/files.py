"""Writing files safely: atomically, and never over an existing file without --force.

:func:`write_atomic` is the one way coprod writes a file a person asked for or reads:
reports, answers files, copies of the content, a workshop's state. (Two files coprod
keeps for itself are written where they are kept, each under its own rules: the
content cache, through a descriptor of a folder only this user can write to, with no
link followed (:mod:`coprod.storage.content_cache`); and a draft's lock file, through
the descriptor that holds the lock (:mod:`coprod.storage.locking`).) Besides
atomicity :func:`write_atomic` keeps these invariants, whatever the caller:

* only regular files are ever replaced: a FIFO, a device node or a socket given as
  the target is refused, with or without ``--force``;
* a file this run has read as input (an answers file, a content file) is never
  replaced by output, unless the caller says the output *is* that file (a resumed
  draft);
* a name too long for the file system is refused with a message, and the
  temporary file's own name always fits;
* the temporary file is removed on any failure, Ctrl-C, or SIGTERM.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from types import FrameType

from coprod.core.models import slugify
from coprod.errors import CoprodError, Problem
from coprod.i18n import _
from coprod.storage.yamlio import was_read

#: A file name's longest length in bytes where the file system cannot say (most of them).
NAME_MAX = 255
#: The longest slug of a project name in a generated file name.
MAX_SLUG = 80


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return NAME_MAX


def _not_regular(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _(
            "is a named pipe (FIFO); coprod writes only regular files (--force replaces only those)"
        )
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is a device; coprod writes only regular files (--force replaces only those)")
    if stat.S_ISSOCK(mode):
        return _("is a socket; coprod writes only regular files (--force replaces only those)")
    return _(
        "is not a regular file; coprod writes only regular files (--force replaces only those)"
    )


def make_folder(folder: Path, *, private: bool = False) -> None:
    """Create ``folder`` (and its parents) or say clearly why not; ``private``: a new
    folder readable by this user only (it will hold personal data)."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700 if private else 0o777)
    except FileExistsError:
        raise CoprodError(Problem(_("is a file, not a folder"), folder)) from None
    except OSError as exc:
        raise CoprodError(
            Problem(
                _("the folder cannot be created: %(reason)s") % {"reason": exc.strerror or exc},
                folder,
            )
        ) from None


class Terminated(CoprodError):
    """SIGTERM arrived while a file was being written; nothing was left half-written."""

    exit_code = 143

    def __init__(self, path: Path) -> None:
        super().__init__(
            Problem(_("stopped (terminated) before it was written; nothing changed"), path)
        )


@contextlib.contextmanager
def sigterm_raises(
    make: Callable[[], BaseException], *, unless_handled: bool = False
) -> Iterator[None]:
    """While inside: SIGTERM raises ``make()``, so ``finally`` blocks run as on Ctrl-C.

    With ``unless_handled``, only when nobody else handles SIGTERM already (an
    interview has its own handler, which raises too). Only in the main thread,
    where Python delivers signals; elsewhere nothing changes.
    """

    def handler(signum: int, frame: FrameType | None) -> None:
        raise make()

    try:
        if unless_handled and signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
            yield
            return
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def check_name(path: Path) -> None:
    """Refuse a file name longer than the file system allows, saying so."""
    folder = path.parent if str(path.parent) else Path(".")
    if len(os.fsencode(path.name)) > _name_max(folder):
        raise CoprodError(
            Problem(
                _("the file name is too long (%(length)d bytes; at most %(most)d here)")
                % {"length": len(os.fsencode(path.name)), "most": _name_max(folder)},
                path,
            )
        )


def check_target(path: Path, *, overwrite: bool, replaces_input: bool = False) -> None:
    """Refuse, before any work, a target that :func:`write_atomic` would refuse."""
    folder = path.parent if str(path.parent) else Path(".")
    check_name(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        status = None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise CoprodError(Problem(_("the path is too long"), path)) from None
        status = None
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            raise CoprodError(Problem(_("is a directory; give a file name to write to"), path))
        if not stat.S_ISREG(status.st_mode):
            raise CoprodError(Problem(_not_regular(status.st_mode), path))
        if not replaces_input and was_read(status):
            raise CoprodError(
                Problem(_("is one of this command's input files; write the output elsewhere"), path)
            )
        if not overwrite:
            raise CoprodError(Problem(_("already exists; use --force to overwrite it"), path))
    if not folder.is_dir():
        raise CoprodError(Problem(_("the folder to write into does not exist"), folder))


def write_atomic(
    path: Path,
    text: str | bytes,
    *,
    overwrite: bool = False,
    replaces_input: bool = False,
    mode: int | None = None,
) -> Path:
    """Write ``text`` to ``path`` in one step: readers see the old file or the new one.

    The text goes to a temporary file in the same folder, is flushed to disk, and
    then takes the final name. Without ``overwrite`` an existing file is refused
    (and the final step uses a hard link, so a file that appears meanwhile is not
    clobbered either). A failure at any point leaves no partial file behind.
    ``replaces_input`` allows replacing a file read as input (a resumed draft).
    ``mode`` sets the file's permissions (0o600 for secrets) instead of the umask's.
    ``text`` is written as UTF-8 with ``\n`` line ends; bytes (a Word file) as they are.
    """
    check_target(path, overwrite=overwrite, replaces_input=replaces_input)
    folder = path.parent if str(path.parent) else Path(".")
    with sigterm_raises(lambda: Terminated(path), unless_handled=True):
        try:
            # A short prefix of the name: the temporary name must fit where the name fits.
            stem = path.name[:40]
            fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{stem}.", suffix=".tmp")
        except OSError as exc:
            raise CoprodError(
                Problem(
                    _("cannot write here: %(reason)s") % {"reason": exc.strerror or exc}, folder
                )
            ) from None
        tmp = Path(tmp_name)
        moved = False  # the temporary file has taken the final name (nothing left over)
        try:
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            try:
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    if not written:  # nothing more fits
                        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                    view = view[written:]
                os.fsync(fd)
            finally:
                os.close(fd)
            os.chmod(tmp, _umask_mode() if mode is None else mode)
            if overwrite:
                os.replace(tmp, path)
                moved = True
            else:
                try:
                    os.link(tmp, path)
                except FileExistsError:
                    raise CoprodError(
                        Problem(_("already exists; use --force to overwrite it"), path)
                    ) from None
                except OSError as exc:
                    if exc.errno == errno.ENAMETOOLONG:
                        raise
                    os.replace(tmp, path)  # file systems without hard links
        except OSError as exc:
            raise CoprodError(
                Problem(
                    _("could not be written: %(reason)s") % {"reason": exc.strerror or exc}, path
                )
            ) from None
        finally:
            if not moved:
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()
    return path


def usual_answers_path(project: str, when: date, folder: Path = Path(".")) -> Path:
    """``coprod-<project-slug>-<YYYY-MM-DD>.yaml``, the name before any numbering.

    The slug is cut at :data:`MAX_SLUG` characters (at a hyphen where it can be), so
    a long project name still gives a name every file system accepts.
    """
    slug = slugify(project)
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[MAX_SLUG // 2 :] else cut
    return folder / f"coprod-{slug}-{when.isoformat()}.yaml"


def default_answers_path(project: str, when: date, folder: Path = Path(".")) -> Path:
    """:func:`usual_answers_path`, numbered (-2, -3…) if that name is taken."""
    candidate = usual_answers_path(project, when, folder)
    stem = candidate.name.removesuffix(".yaml")
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.yaml"
        number += 1
    return candidate
