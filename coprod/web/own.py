"""The group's own statements in a workshop: given at the start (``--statements``) or added
from the console while people answer, kept in the folder (``.coprod-statements.yaml``).

Phones that have not finished see a new statement on the "Our own statements" page; those
that have are offered it on their done page. Adding one is a state-changing POST: the
facilitator's secret in the URL, and the same-origin check every POST passes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import anyio
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from coprod.core.own import MAX_OWN, MAX_OWN_TEXT, OwnStatement, add_statement
from coprod.i18n import N_, _
from coprod.web.forms import read_form
from coprod.web.site import needs_secret, site_of
from coprod.web.statefile import OWN_FILE

if TYPE_CHECKING:
    from coprod.web.state import Workshop

ADDED = N_("Added: %(text)s")
EMPTY = N_("Type the statement's words first.")
TOO_LONG = N_("The statement is %(n)d characters long; a statement is at most %(max)d.")
FULL = N_("This workshop has %(max)d own statements already: no more can be added.")
UNKNOWN_PRACTICE = N_("Choose one of the seven practices, or none.")


def add_own(workshop: Workshop, statements: list[OwnStatement]) -> list[str]:
    """Add statements not here yet (by id); returns a message for each one not added.

    An id already here with other words keeps the workshop's words; past :data:`MAX_OWN`
    statements, no more are added. Call :func:`save_own` after.
    """
    said: list[str] = []
    here = {s.id: s for s in workshop.own}
    for statement in statements:
        kept = here.get(statement.id)
        if kept is not None:
            if kept.text != statement.text:
                said.append(
                    _(
                        "own statement %(id)s is already this workshop's, with other words: "
                        "%(text)s is kept"
                    )
                    % {"id": statement.id, "text": repr(kept.text)}
                )
            continue
        if len(workshop.own) >= MAX_OWN:
            said.append(
                _("own statement %(id)s is not added: a workshop has at most %(max)d")
                % {"id": statement.id, "max": MAX_OWN}
            )
            continue
        workshop.own.append(statement)
        here[statement.id] = statement
    return said


def save_own(workshop: Workshop) -> None:
    """Write the own statements into the folder (blocking: the app runs it in a thread)."""
    from coprod.core.own import statements_yaml
    from coprod.storage.files import write_atomic
    from coprod.storage.yamlio import dump_yaml

    text = "# coprod workshop: the group's own statements (a statements file)\n" + dump_yaml(
        statements_yaml(workshop.own)
    )
    write_atomic(workshop.folder / OWN_FILE, text, overwrite=True, replaces_input=True, mode=0o600)


def start_with(workshop: Workshop, statements: list[OwnStatement]) -> None:
    """``coprod workshop --statements FILE``: those not here yet added and kept (a new id
    only: one already here keeps its words, and the terminal says so)."""
    from coprod.terminal.console import warn

    if not statements:
        return
    for message in add_own(workshop, statements):
        warn(message)
    save_own(workshop)


def check_new(workshop: Workshop, text: str, practice: str) -> str | None:
    """Why a statement typed on the console cannot be added (``None``: it can)."""
    if len(workshop.own) >= MAX_OWN:
        return _(FULL) % {"max": MAX_OWN}
    if not text:
        return _(EMPTY)
    if len(text) > MAX_OWN_TEXT:
        return _(TOO_LONG) % {"n": len(text), "max": MAX_OWN_TEXT}
    if practice and practice not in {p.id for p in workshop.content.practices}:
        return _(UNKNOWN_PRACTICE)
    return None


@needs_secret("facilitator")
async def add(request: Request) -> Response:
    """The console's "Add a statement": kept in the folder, then on every phone."""
    from coprod.render.safe import clean_typed

    site = site_of(request)
    form = await read_form(request, max_fields=10)
    text = " ".join(clean_typed(str(form.get("text") or "")).split())
    practice = str(form.get("practice") or "").strip()
    workshop = site.workshop
    problem = check_new(workshop, text, practice)
    if problem is not None:
        from coprod.web.facilitator import console

        request.state.own_message = (problem, text, practice)
        response = await console(request)
        response.status_code = 422
        return response
    statement = add_statement(workshop.own, text, practice or None)
    add_own(workshop, [statement])
    await anyio.to_thread.run_sync(lambda: save_own(workshop))
    site.hub.touch()
    return RedirectResponse(f"{site.facilitator_path}/?added={statement.id}#own", status_code=303)
