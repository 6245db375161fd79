"""An anonymous workshop stays anonymous: ``team``, ``agenda`` and ``report`` over its files.

A folder written by ``coprod workshop --anonymous`` remembers it (its state file);
reading its answers files defaults to anonymous, and ``--named`` (for the facilitator
alone) says otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

AnonymousOption = Annotated[
    bool | None,
    typer.Option(
        "--anonymous/--named",
        help="Show no names or roles (--anonymous), or show them (--named). Default: "
        "anonymous for the files of an --anonymous workshop, else named.",
        show_default=False,
    ),
]


def anonymous_for(files: list[Path], given: bool | None) -> bool:
    """``given``, else whether any of ``files`` is in an anonymous workshop's folder."""
    if given is not None:
        return given
    from coprod.web.statefile import folder_is_anonymous

    folders: dict[Path, Path] = {}  # each folder once, named as given
    for path in files:
        folders.setdefault(path.parent.resolve(), path.parent)
    found = [str(given) for real, given in folders.items() if folder_is_anonymous(real)]
    if found:
        from coprod.i18n import _
        from coprod.terminal.console import warn

        warn(
            _(
                "%(folder)s is an anonymous workshop: its answers are shown without names or "
                "roles (%(option)s shows them, for the facilitator alone)"
            )
            % {"folder": found[0], "option": "--named"}
        )
    return bool(found)
