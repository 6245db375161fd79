"""Who is in the room (``coprod room``, and a section of ``coprod team``) as markdown."""

from __future__ import annotations

from coprod.core.models import Content, SourceRef
from coprod.core.room import Coverage
from coprod.i18n import N_, _, ngettext
from coprod.render.markdown.blocks import bold, bullets, escape_md, heading, join_blocks, table
from coprod.render.text import CITATION, source_line

ROOM_INTRO = N_(
    "The Action Research Collective was put together so that, between them, its "
    "members brought six characteristics. Who brings which here?"
)
ROOM_TITLE = N_("Who is in the room")
MISSING_TITLE = N_("Who might be missing, and how to reach them")
EVERY_CHARACTERISTIC = N_("Every characteristic is brought by two or more people.")
COUNTS_ONLY = N_("Counts only: this never says who brings what.")
CAUTION = N_("A caution")

NOBODY_ANSWERED = N_(
    "Nobody in these answers files said which characteristics they bring (the "
    "question is optional, and files from before it was asked do not have it)."
)


def answered_text(coverage: Coverage) -> str:
    """``"3 of 4 people said what they bring."`` (plain text)."""
    n, total = coverage.answered, coverage.respondents
    if n == 0:
        return _(NOBODY_ANSWERED)
    if n == total:
        return (
            ngettext(
                "All %(n)d person said which characteristics they bring.",
                "All %(n)d people said which characteristics they bring.",
                total,
            )
            % {"n": total}
            if total > 1
            else _("1 person said which characteristics they bring.")
        )
    return ngettext(
        "%(n)d of %(all)d person said which characteristics they bring; the counts "
        "leave out the others.",
        "%(n)d of %(all)d people said which characteristics they bring; the counts "
        "leave out the others.",
        total,
    ) % {"n": n, "all": total}


def coverage_table(coverage: Coverage) -> str:
    rows = [
        [
            escape_md(c.characteristic.name),
            escape_md(c.characteristic.description),
            str(c.count),
            escape_md(c.status_text),
        ]
        for c in coverage.characteristics
    ]
    return table(
        [_("Characteristic"), _("What it means"), _("People"), _("Status")],
        rows,
        caption=_("Who is in the room: the six characteristics"),
        align=["left", "left", "right", "left"],
    )


def short_source(ref: SourceRef, content: Content) -> str:
    """``report, “3. Blending expertise”`` for the main report (cited in full at the end)."""
    if ref.ref == "report":
        return _("report, “%(section)s”") % {"section": ref.section}
    return source_line(ref, content)


def _sources(refs: list[SourceRef], content: Content) -> str:
    return "; ".join(short_source(r, content) for r in refs)


def room_blocks(coverage: Coverage, content: Content, level: int = 2) -> list[str]:
    """The coverage table, each gap with ways to reach people, and the caution."""
    blocks = [
        heading(level, escape_md(_(ROOM_TITLE))),
        escape_md(_(ROOM_INTRO)),
        escape_md(answered_text(coverage)),
    ]
    if coverage.answered == 0:
        return blocks
    blocks.append(coverage_table(coverage))
    gaps = coverage.gaps
    if not gaps:
        blocks.append(escape_md(_(EVERY_CHARACTERISTIC)))
    else:
        blocks.append(heading(level + 1, escape_md(_(MISSING_TITLE))))
        if coverage.general_ways:
            blocks.append(
                bullets(
                    escape_md(w.text) + f" *({escape_md(_sources(w.source, content))})*"
                    for w in coverage.general_ways
                )
            )
        for gap in gaps:
            c = gap.count
            lines = [
                escape_md(w.text) + f" *({escape_md(_sources(w.source, content))})*"
                for w in gap.ways
            ]
            blocks.append(
                bold(f"{c.characteristic.name}: {c.status_text}")
                + " "
                + escape_md(f"({c.characteristic.description})")
            )
            if lines:
                blocks.append(bullets(lines))
    if coverage.noticing:
        blocks.append(
            escape_md(coverage.noticing.text)
            + f" *({escape_md(_sources(coverage.noticing.source, content))})*"
        )
    if coverage.caution:
        blocks.append(
            f"**{escape_md(_(CAUTION))}:** {escape_md(coverage.caution.text)}"
            + f" *({escape_md(_sources(coverage.caution.source, content))})*"
        )
    blocks.append(
        escape_md(
            _(COUNTS_ONLY)
            + " "
            + _("The characteristics: %(sources)s.")
            % {"sources": _sources(content.background.arc_characteristics[0].source, content)}
        )
    )
    return blocks


def render_room(coverage: Coverage, content: Content, project: str | None) -> str:
    """``coprod room`` as a markdown document."""
    title = (
        _("%(project)s: who is in the room") % {"project": project} if project else _(ROOM_TITLE)
    )
    blocks = [heading(1, escape_md(title)), *room_blocks(coverage, content, level=1)[1:]]
    blocks += [heading(2, escape_md(_("Source"))), escape_md(CITATION)]
    return join_blocks(blocks)
