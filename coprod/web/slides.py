"""The wall's slides: what the projector can show, one at a time, chosen on the console.

Each slide is a template partial under ``templates/wall/`` rendered with the wall's
context (:func:`coprod.web.wall.wall_context`). Before Reveal the wall shows only the
``join`` slide; after it, the console steps through :data:`SLIDES` in order. A new
slide is one more :class:`Slide` here and one more partial.
"""

from __future__ import annotations

from dataclasses import dataclass

from coprod.i18n import N_, _


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
