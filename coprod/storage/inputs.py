"""Reading the answers files named on the command line: each file once, warnings with its name."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from coprod.i18n import _

if TYPE_CHECKING:
    from coprod.core.answers import LoadedAnswers
    from coprod.core.models import Content
    from coprod.core.own import OwnStatement

Warn = Callable[[str], None]


def distinct_files(paths: list[Path], warn: Warn) -> list[Path]:
    """``paths`` with a file given twice (by any name: ``a.yaml ./a.yaml``, a link) kept once.

    Each repeat is named in a warning, so that one person is never counted twice.
    """
    seen: dict[object, Path] = {}
    kept: list[Path] = []
    for path in paths:
        try:
            status = os.stat(path)
            identity: object = (status.st_dev, status.st_ino)
        except OSError:
            identity = os.path.abspath(path)  # reading it will report the problem
        if identity in seen:
            warn(
                _("%(path)s: the same file as %(first)s, given again; counted once")
                % {"path": path, "first": seen[identity]}
            )
            continue
        seen[identity] = path
        kept.append(path)
    return kept


def load_all(paths: list[Path], content: Content, warn: Warn) -> list[LoadedAnswers]:
    """Load every answers file; its notices are passed to ``warn`` with the file's name."""
    from coprod.storage.answers_file import load_answers

    loaded = []
    for path in paths:
        item = load_answers(path, content)
        for notice in item.notices:
            warn(f"{path}: {notice.text()}")
        loaded.append(item)
    return loaded


MAX_STATEMENTS_BYTES = 100_000  # twenty statements of 200 characters fit many times over


def load_statements(path: Path, content: Content) -> list[OwnStatement]:
    """Read and check a statements file (``--statements``): the group's own statements."""
    from coprod.core.own import statements_from_document
    from coprod.storage.yamlio import load_yaml_file

    doc = load_yaml_file(
        path, what=_("a coprod statements file (YAML)"), max_bytes=MAX_STATEMENTS_BYTES
    )
    return statements_from_document(doc, content)
