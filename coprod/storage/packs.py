"""Reading content packs from a content folder's ``packs/`` (see :mod:`coprod.core.packs`).

Which packs a folder has and which one a choice means run on every command, so
this module is light: the pack models (pydantic) are imported only when a pack
is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprod.core.packs.choice import PACKS_FOLDER, Choice, choose
from coprod.errors import CoprodError, Problem
from coprod.i18n import _
from coprod.pictures import PACK_FOLDER, ids_in, shipped

if TYPE_CHECKING:
    from coprod.core.document import Document
    from coprod.core.models import Content, Strict
    from coprod.core.packs.overlay import PackFiles, PackResult


def available_packs(data_dir: Path) -> list[str]:
    """The packs of a content folder: the folders under ``packs/`` with a ``meta.yaml``."""
    folder = data_dir / PACKS_FOLDER
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / "meta.yaml").is_file())


def choose_pack(data_dir: Path, language: str | None, easy_read: bool) -> Choice:
    """The pack of ``data_dir`` for a language and easy read (see :func:`.choice.choose`)."""
    return choose(available_packs(data_dir), language, easy_read, data_dir / PACKS_FOLDER)


def pack_entries(folder: Path) -> list[Path]:
    """What a pack folder holds, as reading it sees it: every entry not hidden, sorted."""
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def pack_fingerprint(data_dir: Path, pack: str | None) -> str:
    """Part of the content cache key: the pack's name and the bytes of everything it holds.

    Every entry :func:`read_pack` looks at, whatever its name: a file the pack may
    not hold makes reading it fail, so there is no second list of names to keep.
    """
    if pack is None:
        return ""
    import hashlib

    digest = hashlib.sha256(pack.encode())
    try:
        entries = pack_entries(data_dir / PACKS_FOLDER / pack)
    except OSError:
        entries = []
    for path in entries:
        try:
            if path.name == PACK_FOLDER and path.is_dir():  # its own pictures: by name and size
                raw = "\0".join(f"{p.name}:{p.stat().st_size}" for p in pack_entries(path)).encode()
            else:
                raw = path.read_bytes()
        except OSError:
            raw = b"\0unreadable"
        digest.update(f"\0{path.name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return f"pack:{pack}:{digest.hexdigest()}"


def read_pack(data_dir: Path, name: str) -> PackFiles:
    """Read and validate each file of ``packs/<name>/``; problems are kept, not raised.

    Only a pack without a valid ``meta.yaml`` (or no such folder) is refused here.
    """
    from coprod.core.models import PackMeta
    from coprod.core.packs.overlay import PackFiles
    from coprod.core.packs.patches import PACK_FILE_NAMES, PACK_FILES, GlossaryFile
    from coprod.core.validation import validate
    from coprod.storage.yamlio import load_yaml_file

    folder = data_dir / PACKS_FOLDER / name
    if not folder.is_dir():
        raise CoprodError(Problem(_("no such pack folder"), folder))
    problems: list[Problem] = []
    for path in pack_entries(folder):
        if path.name not in PACK_FILE_NAMES and not (path.name == PACK_FOLDER and path.is_dir()):
            known = ", ".join(PACK_FILE_NAMES)
            problems.append(
                Problem(_("is not a pack file (a pack holds %(files)s)") % {"files": known}, path)
            )

    def read(file: str, model: type[Strict], required: bool) -> tuple[Document, Any] | None:
        path = folder / file
        if not path.exists() and not required:
            return None
        try:
            doc = load_yaml_file(path, what=_("the pack file %(name)s") % {"name": file})
        except CoprodError as exc:
            problems.extend(exc.problems)
            return None
        if not isinstance(doc.data, dict):
            problems.append(Problem(_("expected a mapping (key: value)"), path, doc.line_of(())))
            return None
        result = validate(model, doc)
        if isinstance(result, list):
            problems.extend(result)
            return None
        return doc, result

    meta = read("meta.yaml", PackMeta, True)
    glossary = read("glossary.yaml", GlossaryFile, False)
    patches = {file: read(file, model, False) for file, model in PACK_FILES.items()}
    if meta is None:
        raise CoprodError(problems, hint=None)
    absent = {file for file in PACK_FILES if not (folder / file).exists()}
    own = folder / PACK_FOLDER
    return PackFiles(
        name,
        meta,
        glossary,
        patches,
        absent,
        problems,
        pictures=shipped() | ids_in(own),
        pictures_folder=str(own) if own.is_dir() else None,
    )


def apply_pack(data_dir: Path, name: str, content: Content) -> PackResult:
    """Lay the pack ``packs/<name>/`` over ``content``; every problem at once, with lines."""
    from coprod.core.packs.overlay import overlay

    return overlay(read_pack(data_dir, name), content)
