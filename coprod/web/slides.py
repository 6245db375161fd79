"""The wall's slides: what the projector can show, one at a time, chosen on the console.

Each slide is a template partial under ``templates/wall/`` rendered with the wall's
context (:func:`coprod.web.wall.wall_context`). Before Reveal the wall shows only the
``join`` slide; after it, the console steps through :data:`SLIDES` in order. A new
slide is one more :class:`Slide` here and one more partial.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coprod.core.sense import MIN_SIDE
from coprod.i18n import N_, _

if TYPE_CHECKING:
    from coprod.core.team import TeamView


SIDES_SHORT = N_(
    "Residents and community groups on one side; council staff and elected members on "
    "the other. Marked: 20 points or more apart on a practice, a point or more on a statement."
)


@dataclass(frozen=True)
class Slide:
    id: str
    title: str  # English, marked for the catalogue; shown with shown_title
    revealed_only: bool = True  # group figures: only once the facilitator reveals them

    @property
    def template(self) -> str:
        return f"wall/_{self.id}.html"

    @property
    def shown_title(self) -> str:
        return _(self.title)


SLIDES: list[Slide] = [
    Slide("join", N_("Join on your phone"), revealed_only=False),
    Slide("profile", N_("The group's practice profile")),
    Slide("conversations", N_("The conversations to have")),
    Slide("agree", N_("What we agree on")),
    Slide("split", N_("Where we see it differently")),
    Slide("sides", N_("Seen differently from the two sides of the table")),
    Slide("criteria", N_("When to co-produce: how the group answered")),
    Slide("room", N_("Who is in the room")),
]


def available(revealed: bool) -> list[Slide]:
    """The slides the console can choose from now."""
    return [s for s in SLIDES if revealed or not s.revealed_only]


def current(chosen: str, revealed: bool) -> Slide:
    """The slide the wall shows: the chosen one if it can be shown now, else the join slide."""
    for slide in available(revealed):
        if slide.id == chosen:
            return slide
    return SLIDES[0]


def step(chosen: str, revealed: bool, by: int) -> Slide:
    """The slide ``by`` places after (or before) the current one, stopping at the ends."""
    shown = available(revealed)
    index = shown.index(current(chosen, revealed))
    return shown[min(max(0, index + by), len(shown) - 1)]


def sense_context(view: TeamView, shown: int) -> dict[str, Any]:
    """What the agreement, split and sides slides show: group figures only, in words."""
    from coprod.render.markdown import sense

    names = {p.id: p.name for p in view.assessments[0].content.practices}
    result = view.agreement
    sides = view.sides
    content = view.assessments[0].content
    statements = {s.id: s.text for _p, s in content.statements()}
    marked = [
        f"{p.number}. {p.name}: {sense.gap_text(g, whole=True)}"
        for p, g in zip(content.practices, sides.practices, strict=True)
        if g.flagged
    ] + [
        f"{statements.get(g.id, g.id)}: {sense.gap_text(g, whole=False)}"
        for g in sides.statements
        if g.flagged
    ]
    return {
        "agree_lines": [sense.spread_line(s, names) for s in result.agree[:shown]],
        "agree_more": max(0, len(result.agree) - shown),
        "split_lines": [sense.spread_line(s, names) for s in result.split[:shown]],
        "split_more": max(0, len(result.split) - shown),
        "sides": sides,
        "sides_rule": _(SIDES_SHORT),
        "too_few": _(sense.TOO_FEW) % {"n": MIN_SIDE},
        # only the marked gaps: a wall has room for a few lines at a size the room can read
        "side_lines": marked[:shown],
        "side_more": max(0, len(marked) - shown),
    }
