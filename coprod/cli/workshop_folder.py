"""The workshop's folder: open the one given, or choose the default one, never merging two."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprod.errors import CoprodError, Problem
from coprod.terminal.console import warn

if TYPE_CHECKING:
    from coprod.web.state import Workshop


def open_workshop(
    out: Path,
    content: Any,
    *,
    project: str | None,
    stage: str | None,
    quick: bool,
    anonymous: bool,
    max_participants: int | None,
) -> tuple[Workshop, bool]:
    from coprod.i18n import _
    from coprod.render.safe import clean_typed
    from coprod.web.state import DEFAULT_MAX_PARTICIPANTS, Workshop

    if Workshop.exists(out):
        workshop = Workshop.open(out, content)
        s = workshop.settings
        given = {
            "--project": (project, s.project),
            "--stage": (stage, s.stage),
            "--max-participants": (max_participants, s.max_participants),
        }
        for flag, (value, kept) in given.items():
            if value is not None and value != kept:
                warn(
                    _("%(folder)s is a workshop started with %(kept)s; %(given)s is ignored")
                    % {"folder": out, "kept": f"{flag} {kept}", "given": f"{flag} {value}"}
                )
        if quick and s.mode != "quick":
            warn(
                _("%(folder)s is a workshop of full assessments; %(option)s is ignored")
                % {"folder": out, "option": "--quick"}
            )
        if anonymous and not s.anonymous:
            warn(
                _("%(folder)s is a workshop that asks for names; %(option)s is ignored")
                % {"folder": out, "option": "--anonymous"}
            )
        return workshop, True

    if project is None or not project.strip():
        raise CoprodError(
            _("a new workshop needs a project name: --project NAME"),
            hint=_("To carry on an earlier workshop, give its folder with --out."),
        )
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise CoprodError(
            Problem(
                _("already exists and is not a workshop folder; choose a new --out folder"), out
            )
        )
    workshop = Workshop.create(
        out,
        content,
        project=clean_typed(project),
        stage=stage,
        mode="quick" if quick else "full",
        anonymous=anonymous,
        max_participants=max_participants or DEFAULT_MAX_PARTICIPANTS,
    )
    return workshop, False


def holds_workshop(folder: Path) -> bool:
    from coprod.web.state import Workshop

    return Workshop.exists(folder)


def default_folder(folder: Path, content: Any, new: bool) -> Path:
    """The default folder, unless it holds an earlier workshop: then carry it on or start a
    new one beside it, as asked (``--new``) or as chosen in a terminal; never merged silently."""
    from coprod.i18n import _, ngettext

    if not holds_workshop(folder):
        return folder
    if not new:
        from coprod.web.state import Workshop

        n = len(Workshop.open(folder, content).participants)
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise CoprodError(
                Problem(
                    ngettext(
                        "already holds a workshop (%(n)d person so far)",
                        "already holds a workshop (%(n)d people so far)",
                        n,
                    )
                    % {"n": n},
                    folder,
                ),
                hint=_("Carry it on with --out %(folder)s, or start a new workshop with --new.")
                % {"folder": folder},
            )
        from coprod.interactive import prompts

        carry = ngettext("Carry on (%(n)d person so far)", "Carry on (%(n)d people so far)", n) % {
            "n": n
        }
        choice = prompts.select(
            _("%(folder)s already holds a workshop for this project today.") % {"folder": folder},
            [(carry, "carry", "c"), (_("Start a new workshop"), "new", "n")],
            "carry",
            False,
            "",
        )
        if choice == "carry":
            return folder
    number = 2
    while Path(f"{folder}-{number}").exists():
        number += 1
    return Path(f"{folder}-{number}")
