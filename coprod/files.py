"""Writing files safely: atomically, and never over an existing file without --force."""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date
from pathlib import Path

from coprod.core.models import slugify
from coprod.errors import CoprodError, Problem


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(
    path: Path, text: str, *, overwrite: bool = False, mode: int | None = None
) -> Path:
    """Write ``text`` to ``path`` in one step: readers see the old file or the new one.

    The text goes to a temporary file in the same folder, is flushed to disk, and
    then takes the final name. Without ``overwrite`` an existing file is refused
    (and the final step uses a hard link, so a file that appears meanwhile is not
    clobbered either). A failure at any point leaves no partial file behind.
    ``mode`` sets the file's permissions (0o600 for secrets) instead of the umask's.
    """
    if path.is_dir():
        raise CoprodError(Problem("is a directory; give a file name to write to", path))
    if path.exists() and not overwrite:
        raise CoprodError(Problem("already exists; use --force to overwrite it", path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CoprodError(Problem("the folder to write into does not exist", folder))
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise CoprodError(Problem(f"cannot write here: {exc.strerror or exc}", folder)) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _umask_mode() if mode is None else mode)
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise CoprodError(
                    Problem("already exists; use --force to overwrite it", path)
                ) from None
            except OSError:  # file systems without hard links
                os.replace(tmp, path)
    except OSError as exc:
        raise CoprodError(Problem(f"could not be written: {exc.strerror or exc}", path)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return path


def default_answers_path(project: str, when: date, folder: Path = Path(".")) -> Path:
    """``coprod-<project-slug>-<YYYY-MM-DD>.yaml``, numbered (-2, -3…) if that name is taken."""
    stem = f"coprod-{slugify(project)}-{when.isoformat()}"
    candidate = folder / f"{stem}.yaml"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.yaml"
        number += 1
    return candidate
