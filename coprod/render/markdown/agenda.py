"""A facilitator's session plan (``coprod agenda``) as markdown; HTML is built from it."""

from __future__ import annotations

from coprod.core.agenda import MIN_SECTION, Agenda
from coprod.i18n import _, ngettext
from coprod.render.markdown.blocks import bullets, escape_md, heading, join_blocks, table


def clock(minutes: int) -> str:
    """``75`` -> ``"1:15"``."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def agenda_title(agenda: Agenda) -> str:
    return _("%(project)s: session plan (%(minutes)d minutes)") % {
        "project": agenda.project,
        "minutes": agenda.minutes,
    }


def section_heading(n: int, title: str, minutes: int, start: int) -> str:
    """``"2. Conversation: … (15 min, from 0:10)"`` (plain text)."""
    return _("%(n)d. %(title)s (%(minutes)d min, from %(start)s)") % {
        "n": n,
        "title": title,
        "minutes": minutes,
        "start": clock(start),
    }


def left_out_text(agenda: Agenda) -> str:
    """What was left out so that each part has time enough (plain text)."""
    return _(
        "Left out, to give each part at least %(minutes)d minutes: %(sections)s. "
        "With more time (--minutes), they come back."
    ) % {"minutes": MIN_SECTION, "sections": "; ".join(s.title for s in agenda.left_out)}


def agenda_blocks(agenda: Agenda) -> list[str]:
    if agenda.respondents == 1:
        intro = _(
            "A plan for a session built from one person's answers in coprod. Times add up to "
            "%(minutes)d minutes; the prompts are starting points, not a script."
        )
    else:
        intro = ngettext(
            "A plan for a session built from %(n)d person's answers in coprod. Times add up "
            "to %(minutes)d minutes; the prompts are starting points, not a script.",
            "A plan for a session built from %(n)d people's answers in coprod. Times add up "
            "to %(minutes)d minutes; the prompts are starting points, not a script.",
            agenda.respondents,
        )
    starts = agenda.starts()
    rows = [
        [
            f"{clock(start)}–{clock(start + s.minutes)}",
            escape_md(s.title),
            str(s.minutes),
        ]
        for start, s in zip(starts, agenda.sections, strict=True)
    ]
    total = _("Total")
    rows.append(["", f"**{escape_md(total)}**", f"**{agenda.minutes}**"])
    blocks = [
        heading(1, escape_md(agenda_title(agenda))),
        escape_md(intro % {"n": agenda.respondents, "minutes": agenda.minutes}),
        table(
            [_("Time"), _("Section"), _("Minutes")],
            rows,
            caption=_("Timings"),
            align=["left", "left", "right"],
        ),
    ]
    if agenda.left_out:
        blocks.append(escape_md(left_out_text(agenda)))
    for n, (start, s) in enumerate(zip(starts, agenda.sections, strict=True), 1):
        blocks.append(heading(2, escape_md(section_heading(n, s.title, s.minutes, start))))
        blocks.append(escape_md(s.purpose))
        if s.items:
            blocks.append(bullets(escape_md(item) for item in s.items))
        if s.prompts:
            # a different marker, so the prompts are a list of their own
            ask = escape_md(_("Ask"))
            blocks.append("\n".join(f"* **{ask}:** {escape_md(p)}" for p in s.prompts))
    blocks.append(
        escape_md(
            _(
                "Content: Perry, Durose and Richardson with the Action Research Collective "
                "(2019), How can we govern cities differently? The promise and practices of "
                "co-production."
            )
        )
    )
    return blocks


def render_agenda(agenda: Agenda) -> str:
    return join_blocks(agenda_blocks(agenda))
