"""The wall: the projector's page, and the console's controls for it.

``GET /w/WALL/`` (a third secret, ``projector_token``) shows what the console chose, for
the whole room: before Reveal the join slide (the project, a large QR code, the join
address and short code, who is here); after it one slide at a time (:mod:`coprod.web.slides`)
with the QR code and the code kept in a corner for latecomers. ``GET /w/WALL/events``
follows the console's choices live (server-sent events, as the console's page does);
without JavaScript the page reloads itself now and then. ``GET /w/WALL/join-qr.svg``.

The wall shows group figures only — the shared view (:mod:`coprod.web.live`): never a
name or a role beside an answer, roles only as counts of three or more. Its secret can
change nothing: there is no POST under ``/w/``, and it opens no console or export.

``POST /f/FAC/wall`` (the console's): ``slide=ID``, ``step=next|prev``,
``scale=smaller|larger`` or ``share=on|off`` (the group's profile on the phones' done
pages); kept in the workshop's state, so a restart shows the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from coprod.i18n import _
from coprod.web import slides
from coprod.web.events import event_stream, qr_svg
from coprod.web.forms import read_form
from coprod.web.site import Site, needs_secret, site_of
from coprod.web.state import WALL_SCALES, code_text

if TYPE_CHECKING:
    from coprod.web.live import Snapshot

#: How many of each list a slide shows at most (the rest are on the console).
ON_A_SLIDE = {"conversations": 3, "criteria": 3, "statements": 4}
#: Without JavaScript, the wall reloads itself this often (seconds).
RELOAD_SECONDS = 15


def wall_context(site: Site, snapshot: Snapshot | None = None) -> dict[str, Any]:
    """What the wall's slide shows (in the workshop's language, set for the request).

    With a ``snapshot`` (in a worker thread), from it alone; else from the workshop now.
    """
    workshop = site.workshop
    wall = snapshot.wall if snapshot else workshop.wall
    slide = slides.current(wall.slide, snapshot.revealed if snapshot else workshop.revealed)
    counts = snapshot.counts if snapshot else site.live.counts()
    context: dict[str, Any] = {
        "slide": slide,
        "scale": wall.scale,
        "counts": counts,
        "project": workshop.settings.project,
        "mode": workshop.settings.mode,
        "base": site.projector_path,
        "join_url": site.urls.join,
        "code_url": site.urls.code,
        "code": code_text(workshop.settings.code),
        "on_a_slide": ON_A_SLIDE,
        "view": None,
    }
    if slide.revealed_only and counts.joined >= 2:
        if snapshot is None:
            context.update(site.live.group(shared=True))
        else:
            view = site.live.snapshot_team(snapshot, True)
            context.update(site.live.group(shared=True, view=view, given=True))
        if context.get("view") is not None and slide.id in ("agree", "split", "sides"):
            shown = ON_A_SLIDE["statements"]
            context.update(slides.sense_context(context["view"], shown, workshop.wall.scale))
    return context


def fragment(site: Site, version: int) -> str:
    """The wall's live part, rendered once per ``version`` for every open wall."""
    cached = site.fragments.get("wall")
    if cached is not None and cached[0] == version:
        return cached[1]
    template = site.env.get_template("wall/_frame.html")
    html = template.render(wall_context(site))
    site.fragments["wall"] = (version, html)
    return html


@needs_secret("projector")
async def wall(request: Request) -> Response:
    site = site_of(request)
    context = {
        "title": _("Projector"),
        "live_html": fragment(site, site.hub.version),
        "version": site.hub.version,
        "base": site.projector_path,
        "reload_seconds": RELOAD_SECONDS,
    }
    return site.render(request, "wall.html", context)


@needs_secret("projector")
async def events(request: Request) -> Response:
    site = site_of(request)

    async def render(seen: int) -> str:
        """:func:`fragment`, rendered off the event loop (see LiveView.off_loop)."""
        cached = site.fragments.get("wall")
        if cached is not None and cached[0] >= seen:
            return cached[1]
        template = site.env.get_template("wall/_frame.html")
        html = await site.live.off_loop(
            seen, lambda snapshot: template.render(wall_context(site, snapshot))
        )
        site.fragments["wall"] = (seen, html)
        return html

    return event_stream(request, site.hub, render)


@needs_secret("projector")
async def qr(request: Request) -> Response:
    return qr_svg(site_of(request).urls.join, _("QR code of the join URL"))


@needs_secret("facilitator")
async def control(request: Request) -> Response:
    """The console's controls for the wall: the slide, the text size, sharing with phones."""
    site = site_of(request)
    form = await read_form(request, max_fields=10)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    state = site.workshop.wall
    revealed = site.workshop.revealed
    if "slide" in fields:
        state.slide = slides.current(fields["slide"], revealed).id
    step = {"next": 1, "prev": -1}.get(fields.get("step", ""))
    if step:
        state.slide = slides.step(state.slide, revealed, step).id
    change = {"larger": 1, "smaller": -1}.get(fields.get("scale", ""))
    if change:
        index = WALL_SCALES.index(state.scale) if state.scale in WALL_SCALES else 0
        state.scale = WALL_SCALES[min(max(0, index + change), len(WALL_SCALES) - 1)]
    if fields.get("share") in ("on", "off"):
        state.share_phones = fields["share"] == "on"
    await site.save_state()
    site.hub.touch()
    names = "?names=1" if fields.get("names") == "1" else ""
    return RedirectResponse(f"{site.facilitator_path}/{names}", status_code=303)
