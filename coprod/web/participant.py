"""The participant's phone: join, the short code, the language switch, the pages in order."""

from __future__ import annotations

import re
import secrets
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from coprod.core.answers import MAX_MATTERS_MOST, Answers
from coprod.core.assessment import Assessment
from coprod.core.models import Content
from coprod.i18n import _
from coprod.pictures import PAGE_PICTURES
from coprod.web import flow, pages
from coprod.web.forms import read_form
from coprod.web.language import LANG_COOKIE
from coprod.web.site import COOKIE, needs_secret, not_found, set_cookie, site_of
from coprod.web.state import Participant, WorkshopFull, new_token

#: What a cookie key looks like (:func:`coprod.web.state.new_token`): anything else is new.
KEY_SHAPE = re.compile(r"[A-Za-z0-9_-]{32}")


def _role_value(answers: Answers | None) -> str | None:
    """The role radio to check: the role, "" for "prefer not to say", None if never asked."""
    if answers is None or answers.respondent is None:
        return None
    return answers.respondent.role or ""


def _brings_value(answers: Answers | None) -> list[str]:
    """The characteristic boxes to tick: what the answers file holds."""
    return list(answers.respondent.brings) if answers and answers.respondent else []


PAGE_COOKIE = "coprod_page"  # the last page this phone was shown (a slug), to come back to


@needs_secret("join")
async def join(request: Request) -> Response:
    """The join URL: a welcome for a new phone (creating nothing), else the last page it
    reached, with a word that its answers so far are saved."""
    site = site_of(request)
    person = site.person(request)
    if person is not None:
        own = site.workshop.own
        last = flow.page_by_slug(site.content, request.cookies.get(PAGE_COOKIE, ""), own)
        page = last[1] if last else flow.resume_page(person.answers, site.content, own)
        return RedirectResponse(site.page_url(page) + "?back=1", status_code=303)
    if site.workshop.full:
        return _full(request)
    response = _page(request, None, "about")
    # The phone's key, before it is anyone's: its first answers make it a participant,
    # and a second tap on Start before the answer arrives is the same person.
    _set_key(response, site.join_path, newcomer_key(request.cookies.get(COOKIE)))
    return response


async def code_page(request: Request) -> Response:
    """Where a phone without a camera types the short code instead of the long URL."""
    site = site_of(request)
    context: dict[str, Any] = {"title": _("Join the workshop"), "error": "", "typed": ""}
    if request.method == "POST":
        client = request.client.host if request.client else "?"
        if site.tries.blocked(client):
            context["error"] = _(
                "Too many wrong codes: please wait ten minutes, or scan the QR code."
            )
            return site.render(request, "code.html", context, 429)
        typed = str((await read_form(request, max_fields=5)).get("code") or "")
        wanted = site.workshop.settings.code
        given = re.sub(r"[^A-Za-z0-9]", "", typed).upper()
        if wanted and secrets.compare_digest(given.encode(), wanted.encode()):
            return RedirectResponse(f"{site.join_path}/", status_code=303)
        site.tries.failed(client)
        context["error"] = _("That is not the code on the facilitator's screen: please try again.")
        context["typed"] = typed[:20]
        return site.render(request, "code.html", context, 422)
    return site.render(request, "code.html", context)


@needs_secret("join")
async def picture(request: Request) -> Response:
    """An easy-read picture (coprod.pictures, or the phone's pack's own): an SVG of ours,
    shown in an <img>; sent with its type and a policy that lets it run and fetch nothing."""
    from coprod.pictures import path

    site = site_of(request)
    found = path(str(request.path_params["name"]), site.content_for(request).pictures_folder)
    if found is None:
        return not_found()
    return Response(
        found.read_bytes(),
        media_type="image/svg+xml",
        headers={
            "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
            "cache-control": "max-age=3600",
        },
    )


def _full(request: Request) -> Response:
    return site_of(request).render(request, "full.html", {"title": _("This workshop is full")}, 403)


def _page(
    request: Request,
    person: Participant | None,
    slug: str,
    outcome: flow.Outcome | None = None,
) -> Response:
    site = site_of(request)
    content = site.content_for(request)
    own = site.workshop.own
    found = flow.page_by_slug(content, slug, own)
    if found is None:
        return not_found()
    index, page = found
    all_pages = flow.pages(content, own)
    answers = person.answers if person else None
    # Each page is given what it shows alone (a practice's page: its own answers), so a
    # page is the same for everyone who sees the same (coprod.web.page_cache).
    context: dict[str, Any] = {
        "title": page.shown_title,
        "page": page,
        "index": index,
        "count": len(all_pages),
        "answers": flow.page_answers(answers, page, own) if answers is not None else None,
        "action": site.page_url(page),
        "errors": outcome.errors if outcome else {},
        "kept": outcome.kept if outcome else {},
        "welcome_back": person is not None and request.query_params.get("back") == "1",
        "autosave": person is not None and page.slug != "done",
        "page_picture": page.practice.picture if page.practice else PAGE_PICTURES.get(page.slug),
    }
    if index:  # a draft translation says so once, on the welcome page, not on every page
        context["draft_line"] = None
    if page.slug == "about":  # who this person said they are, and the language switch
        context |= {
            "content": content,
            "new": person is None,
            "roles": pages.role_options(),
            "role_value": _role_value(answers),
            "brings_value": _brings_value(answers),
            "language_choices": site.language_choices(),
            "language_chosen": site.chosen_language(request),
        }
    elif page.slug == "criteria":
        context |= {"content": content, "criterion_options": pages.criterion_options()}
    elif page.practice is not None or page.slug == flow.OWN_PAGE:
        context |= {
            "rating_options": pages.rating_options(),
            "matters_full": _(flow.MATTERS_FULL) % {"n": MAX_MATTERS_MOST},
            "own": own,
        }
    elif page.slug == "done":
        context |= {"new": person is None, "own": own}
    if page.slug == "done" and answers is not None:
        from coprod.core.assessment import assess

        result = assess(answers, content)
        context["result"] = result
        context["skipped"] = flow.skipped(answers, content, own)
        context["matters_most"] = flow.matters_most(answers, content, own)
        context["new_own"] = flow.new_own(answers, own)  # added since: offered here
        context["page_url"] = site.page_url
        context["group"] = (
            _group_beside(request, result) if site.workshop.wall.share_phones else None
        )
        context["shared"] = site.workshop.wall.share_phones
    template = "practice.html" if page.practice else f"{page.slug}.html"
    status = 422 if outcome and outcome.errors else 200
    response = site.render(request, template, context, status)
    if person is not None:  # opening the join address again comes back here
        set_cookie(response, PAGE_COOKIE, page.slug, site.join_path)
    return response


MIN_SHARED = 3  # the group's profile on a phone: only once this many have answered


def _group_beside(request: Request, result: Assessment) -> list[tuple[Any, Any, int | None]] | None:
    """(practice in the phone's language, the person's own score, the group's mean) per
    practice, from the shared view; ``None`` until :data:`MIN_SHARED` people have answered
    (with two, a mean and one's own score would tell the other's)."""
    view = site_of(request).live.team(shared=True)
    if view is None or len(view.respondents) < MIN_SHARED:
        return None
    means = {p.practice.id: p.mean for p in view.practices}
    return [(r.practice, r.score.score, means.get(r.practice.id)) for r in result.practices]


@needs_secret("join")
async def choose_language(request: Request) -> Response:
    """The welcome page's switch (a GET form, no JavaScript): this phone's language only."""
    site = site_of(request)
    choice = request.query_params.get("choice", "")
    response = RedirectResponse(f"{site.join_path}/", status_code=303)
    if choice in site.contents:
        set_cookie(response, LANG_COOKIE, choice, site.join_path)
    return response


@needs_secret("join")
async def page_get(request: Request) -> Response:
    site = site_of(request)
    slug = str(request.path_params["slug"])
    if flow.page_by_slug(site.content, slug, site.workshop.own) is None:
        return not_found()
    person = site.person(request)
    if person is None:  # no cookie (yet): the welcome page comes first
        return RedirectResponse(f"{site.join_path}/", status_code=303)
    return _page(request, person, slug)


@needs_secret("join")
async def page_post(request: Request) -> Response:
    site = site_of(request)
    slug = str(request.path_params["slug"])
    own = site.workshop.own
    found = flow.page_by_slug(site.content, slug, own)
    if found is None:
        return not_found()
    index, page = found
    if page.slug == "done":  # nothing to answer there
        return RedirectResponse(site.page_url(page), status_code=303)
    form = await read_form(request, max_fields=200)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    brings = [v for v in form.getlist("brings") if isinstance(v, str)]
    matters = [v for v in form.getlist("matters_most") if isinstance(v, str)]
    person = site.person(request)
    new_key: str | None = None
    outcome: flow.Outcome | None = None
    if person is None:
        # A newcomer: their key is the one the welcome page gave (so two quick taps on
        # Start are one person), else a new one. One tap at a time per key; the
        # participant exists once their first answers are on disk.
        new_key = newcomer_key(request.cookies.get(COOKIE))
        async with site.joining(new_key):
            person = site.workshop.participant(new_key)
            if person is None:
                try:
                    person = site.workshop.new_participant(new_key)
                except WorkshopFull:
                    return _full(request)
                outcome = _apply(page, fields, brings, person, site.content, matters, own)
                await site.admit(person)
    if outcome is None:  # a participant already (or the newcomer's second tap)
        outcome = _apply(page, fields, brings, person, site.content, matters, own)
        await site.save(person)
    going_back = fields.get("nav") == "back"
    if fields.get("nav") == "save":  # phone.js: a choice saved as it is made
        # what was refused, by field name only (phone.js unticks a fourth "matters most"
        # box only when that is what was refused)
        response: Response = (
            JSONResponse({"refused": sorted(outcome.errors)}, status_code=422)
            if outcome.errors
            else Response(status_code=204)
        )
    elif outcome.errors:
        response = _page(request, person, slug, outcome)
    else:
        all_pages = flow.pages(site.content, own)
        step = -1 if going_back else 1
        target = all_pages[min(max(0, index + step), len(all_pages) - 1)]
        response = RedirectResponse(site.page_url(target), status_code=303)
    if new_key is not None:
        _set_key(response, site.join_path, new_key)
    return response


def _apply(
    page: flow.Page,
    fields: dict[str, str],
    brings: list[str],
    person: Participant,
    content: Content,
    matters: list[str],
    own: flow.Own = (),
) -> flow.Outcome:
    outcome = flow.apply(page, fields, person.answers, content, brings, matters, own)
    # Finish marks it complete; Back, and a choice saved as it is made (phone.js), do not
    moving_on = fields.get("nav") not in ("back", "save")
    if page.slug == "reflections" and moving_on and not outcome.errors:
        person.answers.complete = True
    return outcome


def newcomer_key(given: str | None) -> str:
    """The key a newcomer's cookie carries (given by the welcome page), else a new one."""
    if given and KEY_SHAPE.fullmatch(given):
        return given
    return new_token()


def _set_key(response: Response, join_path: str, key: str) -> None:
    set_cookie(response, COOKIE, key, join_path)
