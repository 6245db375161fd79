"""A facilitator's session plan (``coprod agenda``) as markdown; HTML is built from it."""

from __future__ import annotations

from coprod.core.agenda import Agenda
from coprod.render.markdown.blocks import bullets, escape_md, heading, join_blocks, table


def clock(minutes: int) -> str:
    """``75`` -> ``"1:15"``."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def agenda_title(agenda: Agenda) -> str:
    return f"{agenda.project}: session plan ({agenda.minutes} minutes)"


def agenda_blocks(agenda: Agenda) -> list[str]:
    people = (
        "one person's answers"
        if agenda.respondents == 1
        else (f"{agenda.respondents} people's answers")
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
    rows.append(["", "**Total**", f"**{agenda.minutes}**"])
    blocks = [
        heading(1, escape_md(agenda_title(agenda))),
        escape_md(
            f"A plan for a session built from {people} in coprod. Times add up to "
            f"{agenda.minutes} minutes; the prompts are starting points, not a script."
        ),
        table(
            ["Time", "Section", "Minutes"],
            rows,
            caption="Timings",
            align=["left", "left", "right"],
        ),
    ]
    for n, (start, s) in enumerate(zip(starts, agenda.sections, strict=True), 1):
        blocks.append(
            heading(2, escape_md(f"{n}. {s.title} ({s.minutes} min, from {clock(start)})"))
        )
        blocks.append(escape_md(s.purpose))
        if s.items:
            blocks.append(bullets(escape_md(item) for item in s.items))
        if s.prompts:
            # a different marker, so the prompts are a list of their own
            blocks.append("\n".join(f"* **Ask:** {escape_md(p)}" for p in s.prompts))
    blocks.append(
        escape_md(
            "Content: Perry, Durose and Richardson with the Action Research Collective (2019), "
            "How can we govern cities differently? The promise and practices of co-production."
        )
    )
    return blocks


def render_agenda(agenda: Agenda) -> str:
    return join_blocks(agenda_blocks(agenda))
