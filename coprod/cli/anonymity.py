"""An anonymous workshop stays anonymous: ``team``, ``agenda`` and ``report`` over its files.

A folder written by ``coprod workshop --anonymous`` remembers it (its state file);
reading its answers files defaults to anonymous, and ``--named`` (for the facilitator
alone) says otherwise.
"""

from __future__ import annotations

from pathlib import Path


def anonymous_for(files: list[Path], anonymous: bool, named: bool) -> bool:
    """Whether to hide who is who: as asked, else as the files' workshop was run."""
    if anonymous and named:
        from coprod.errors import CoprodError
        from coprod.i18n import _

        raise CoprodError(
            _("%(one)s and %(other)s contradict each other: choose one")
            % {"one": "--anonymous", "other": "--named"}
        )
    if anonymous or named:
        return anonymous
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
