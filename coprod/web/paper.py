"""Paper forms on the console: the printable form, and "Enter a paper form".

* ``GET /f/FAC/form``: the printable form (``coprod form``'s output), in the workshop's
  language and mode, with its project and today's date.
* ``GET /f/FAC/paper``: every question of that form on one page, for the facilitator to
  type one filled-in form into.
* ``POST /f/FAC/paper``: checked strictly — unlike a phone's page, a value the form does
  not offer is refused, with a message beside the question — and nothing is saved
  until all of it is right (what was typed is shown again). Then the answers become a
  participant's answers file with ``source: paper``, written atomically like a phone's
  (:meth:`coprod.web.site.Site.save`), and counted like any other everywhere. The page
  says so only once the file is on disk.

The facilitator's secret guards every route, and :class:`coprod.web.security.SameOrigin`
refuses a post from another site, as for every console form.
"""

from __future__ import annotations

import asyncio
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from coprod.core.answers import MAX_MATTERS_MOST, MAX_REASON, ROLES, Answers
from coprod.core.models import Content, Practice
from coprod.core.own import OWN_SECTION
from coprod.i18n import N_, _, ngettext
from coprod.render.safe import clean_typed
from coprod.web import flow, pages
from coprod.web.forms import read_form
from coprod.web.site import Site, needs_secret, site_of
from coprod.web.state import WorkshopFull, new_token

NOT_ON_FORM = N_("Choose one of the answers the form offers (this was %(value)s).")
TOO_LONG = N_("Too long: %(length)s characters; the limit is %(limit)s.")
NOTHING = N_("Nothing was typed in: enter at least one answer from the form.")
FULL = N_("The workshop is full (its --max-participants): this form was not saved.")
#: Forms saved lately, by the id their page carried: a second press of Save saves nothing.
REMEMBERED = 200
FORM_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")


def note_field(practice_id: str) -> str:
    """A practice's note on the paper page: ``openness.note``."""
    return practice_id + ".note"


@dataclass
class Typed:
    """A paper form as posted: its fields, the ticked boxes, what is wrong with it."""

    fields: dict[str, str] = field(default_factory=dict)
    brings: list[str] = field(default_factory=list)
    matters: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)


def check(
    typed: Typed, content: Content, mode: str, *, anonymous: bool, own: flow.Own = ()
) -> None:
    """Put in ``typed.errors`` every value the form does not offer and every text too long
    (``own``: the group's own statements, on the form after the practices)."""
    fields, errors = typed.fields, typed.errors

    def one_of(name: str, allowed: Sequence[str]) -> None:
        value = fields.get(name, "")
        if value and value not in allowed:
            errors[name] = _(NOT_ON_FORM) % {"value": repr(value[:40])}

    def short(name: str, limit: int) -> None:
        length = len(clean_typed(fields.get(name, "")))
        if length > limit:
            errors[name] = _(TOO_LONG) % {"length": f"{length:,}", "limit": f"{limit:,}"}

    if not anonymous:
        short("respondent_name", flow.MAX_NAME)
    one_of("respondent_role", ROLES)
    known = {c.id for c in content.background.arc_characteristics}
    odd = [b for b in typed.brings if b not in known]
    if odd:
        errors["brings"] = _(NOT_ON_FORM) % {"value": repr(odd[0][:40])}
    for criterion in content.all_criteria():
        one_of(criterion.id, flow.CRITERION_VALUES)
    keys = [k for p in content.practices for k in _rating_ids(p, mode)] + [s.id for s in own]
    for key in keys:
        one_of(key, list(flow.RATING_VALUES))
        short(flow.why_field(key), MAX_REASON)
    for practice in content.practices:
        short(note_field(practice.id), flow.MAX_TEXT)
    short("reflection_why", flow.MAX_TEXT)
    short("reflection_bring_and_take", flow.MAX_TEXT)
    odd = [m for m in typed.matters if m not in keys]
    marked = len(dict.fromkeys(typed.matters))
    if odd:
        errors["matters_most"] = _(NOT_ON_FORM) % {"value": repr(odd[0][:40])}
    elif marked > MAX_MATTERS_MOST:
        errors["matters_most"] = ngettext(
            "At most %(most)d statements may be marked as mattering most; %(n)d is marked.",
            "At most %(most)d statements may be marked as mattering most; %(n)d are marked.",
            marked,
        ) % {"most": MAX_MATTERS_MOST, "n": marked}


def _rating_ids(practice: Practice, mode: str) -> list[str]:
    return [key for key, _text in _questions(practice, mode)]


def _questions(practice: Practice, mode: str) -> list[tuple[str, str]]:
    """A practice's rated questions on the page: (id, text)."""
    if mode == "quick":
        return [(practice.id, _("Overall, how far does the project do this?"))]
    return [(s.id, s.text) for s in practice.statements]


def answers_from(typed: Typed, site: Site) -> Answers | None:
    """The paper form's answers (``source: paper``, finished), or ``None`` with
    ``typed.errors`` saying what to put right."""
    settings, content = site.workshop.settings, site.content
    own = site.workshop.own
    check(typed, content, settings.mode, anonymous=settings.anonymous, own=own)
    if typed.errors:
        return None
    answers = Answers.new(settings.mode, content.version, settings.project, settings.stage)
    answers.source, answers.complete = "paper", True
    form = dict(typed.fields)
    if settings.anonymous:
        form.pop("respondent_name", None)
    matters = list(dict.fromkeys(typed.matters))
    for page in flow.pages(content, own):
        page_form = {**form, "brings_asked": "1"}  # every box was on the page
        if page.slug == flow.OWN_PAGE:
            page_form["matters_most_asked"] = "1"
        if page.practice is not None:
            page_form |= {
                "matters_most_asked": "1",
                "note": form.get(note_field(page.practice.id), ""),
            }
        flow.apply(page, page_form, answers, content, typed.brings, matters, own)
    reflected = answers.reflections.why or answers.reflections.bring_and_take
    if not (
        answers.ratings or answers.criteria or answers.respondent or answers.notes or reflected
    ):
        typed.errors["form"] = _(NOTHING)
        return None
    return answers


class Desk:
    """The console's paper desk: one form saved at a time, and the forms saved lately."""

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.saved: dict[str, int] = {}  # form id -> participant number

    def remember(self, form_id: str, number: int) -> None:
        self.saved[form_id] = number
        while len(self.saved) > REMEMBERED:
            self.saved.pop(next(iter(self.saved)))


def desk_of(request: Request) -> Desk:
    """The app's desk (:func:`coprod.web.app.create_app` makes one per app)."""
    desk: Desk = request.app.state.paper_desk
    return desk


def _page(request: Request, typed: Typed | None = None, saved: str = "") -> Response:
    site = site_of(request)
    settings, content = site.workshop.settings, site.content
    typed = typed or Typed()
    context = {
        "title": _("Enter a paper form"),
        "base": site.facilitator_path,
        "content": content,
        "values": typed.fields,
        "brings_value": typed.brings,
        "matters_value": typed.matters,
        "errors": typed.errors,
        "kept": {},
        "roles": pages.role_options(),
        "criterion_options": pages.criterion_options(),
        "rating_options": pages.rating_options(),
        "questions": lambda p: _questions(p, settings.mode),
        "note_field": note_field,
        "form_id": secrets.token_urlsafe(18),
        "saved": saved,
        "most": MAX_MATTERS_MOST,
        "name_limit": flow.MAX_NAME,
        "own": site.workshop.own,
        "own_title": _(OWN_SECTION),
    }
    status = 422 if typed.errors else 200
    if typed.errors.get("full"):
        status = 409
    return site.render(request, "paper.html", context, status)


@needs_secret("facilitator")
async def paper_page(request: Request) -> Response:
    """The page to type one paper form into (after a save: which file it became)."""
    site = site_of(request)
    number = request.query_params.get("saved", "")
    saved = ""
    if number.isdecimal() and len(number) < 10:
        found = [p for p in site.workshop.participants if p.number == int(number)]
        saved = found[0].path.name if found else ""
    return _page(request, saved=saved)


@needs_secret("facilitator")
async def paper_post(request: Request) -> Response:
    """One paper form typed in: saved as a participant's answers file, or shown again."""
    site = site_of(request)
    form = await read_form(request, max_fields=600)
    typed = Typed(
        fields={k: v for k, v in form.items() if isinstance(v, str)},
        brings=[v for v in form.getlist("brings") if isinstance(v, str)],
        matters=[v for v in form.getlist("matters_most") if isinstance(v, str)],
    )
    form_id = typed.fields.get("form_id", "")
    if not FORM_ID.fullmatch(form_id):
        form_id = ""
    desk = desk_of(request)
    async with desk.lock:  # one form at a time: a second press of Save finds the first
        if form_id in desk.saved:
            return _saved(site, desk.saved[form_id])
        answers = answers_from(typed, site)
        if answers is None:
            return _page(request, typed)
        try:
            person = site.workshop.new_participant(new_token())  # a key nobody holds
        except WorkshopFull:
            typed.errors["full"] = _(FULL)
            return _page(request, typed)
        person.answers = answers
        await site.admit(person)
        if form_id:
            desk.remember(form_id, person.number)
    return _saved(site, person.number)


def _saved(site: Site, number: int) -> Response:
    return RedirectResponse(f"{site.facilitator_path}/paper?saved={number}", status_code=303)


@needs_secret("facilitator")
async def printable_form(request: Request) -> Response:
    """The paper form to print, as ``coprod form`` writes it, for this workshop."""
    import datetime as dt

    from coprod.render.form import render_form
    from coprod.web.security import export_csp

    site = site_of(request)
    settings = site.workshop.settings
    html = render_form(
        site.content,
        quick=settings.mode == "quick",
        project=settings.project,
        today=dt.date.today(),
        own=site.workshop.own,
    )
    return Response(
        html,
        media_type="text/html; charset=utf-8",
        headers={"content-security-policy": export_csp(html)},
    )
