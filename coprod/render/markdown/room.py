"""Who is in the room (``coprod room``, and a section of ``coprod team``) as markdown."""

from __future__ import annotations

from coprod.core.models import Content, SourceRef
from coprod.core.room import Coverage
from coprod.render.markdown.blocks import bold, bullets, escape_md, heading, join_blocks, table
from coprod.render.text import CITATION, source_line

ROOM_INTRO = (
    "The Action Research Collective was put together so that, between them, its "
    "members brought six characteristics. Who brings which here?"
)


NOBODY_ANSWERED = (
    "Nobody in these answers files said which characteristics they bring (the "
    "question is optional, and files from before it was asked do not have it)."
)


def answered_text(coverage: Coverage) -> str:
    """``"3 of 4 people said what they bring."`` (plain text)."""
    n, total = coverage.answered, coverage.respondents
    people = "person" if total == 1 else "people"
    if n == 0:
        return NOBODY_ANSWERED
    if n == total:
        return (
            f"All {total} {people} said which characteristics they bring."
            if total > 1
            else ("1 person said which characteristics they bring.")
        )
    return (
        f"{n} of {total} {people} said which characteristics they bring; the counts "
        "leave out the others."
    )


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
        ["Characteristic", "What it means", "People", "Status"],
        rows,
        caption="Who is in the room: the six characteristics",
        align=["left", "left", "right", "left"],
    )


def short_source(ref: SourceRef, content: Content) -> str:
    """``report, “3. Blending expertise”`` for the main report (cited in full at the end)."""
    if ref.ref == "report":
        return f"report, “{ref.section}”"
    return source_line(ref, content)


def _sources(refs: list[SourceRef], content: Content) -> str:
    return "; ".join(short_source(r, content) for r in refs)


def room_blocks(coverage: Coverage, content: Content, level: int = 2) -> list[str]:
    """The coverage table, each gap with ways to reach people, and the caution."""
    blocks = [
        heading(level, "Who is in the room"),
        escape_md(ROOM_INTRO),
        escape_md(answered_text(coverage)),
    ]
    if coverage.answered == 0:
        return blocks
    blocks.append(coverage_table(coverage))
    gaps = coverage.gaps
    if not gaps:
        blocks.append(escape_md("Every characteristic is brought by two or more people."))
    else:
        blocks.append(heading(level + 1, "Who might be missing, and how to reach them"))
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
            f"**A caution:** {escape_md(coverage.caution.text)}"
            + f" *({escape_md(_sources(coverage.caution.source, content))})*"
        )
    blocks.append(
        escape_md(
            "Counts only: this never says who brings what. The characteristics: "
            + _sources(content.background.arc_characteristics[0].source, content)
            + "."
        )
    )
    return blocks


def render_room(coverage: Coverage, content: Content, project: str | None) -> str:
    """``coprod room`` as a markdown document."""
    title = f"{project}: who is in the room" if project else "Who is in the room"
    blocks = [heading(1, escape_md(title)), *room_blocks(coverage, content, level=1)[1:]]
    blocks += [heading(2, "Source"), escape_md(CITATION)]
    return join_blocks(blocks)
