"""The wall's slides: what the projector can show, one at a time, chosen on the console.

Each slide is a template partial under ``templates/wall/`` rendered with the wall's
context (:func:`coprod.web.wall.wall_context`). Before Reveal the wall shows only the
``join`` slide; after it, the console steps through :data:`SLIDES` in order. A new
slide is one more :class:`Slide` here and one more partial.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coprod.core.sense import MIN_SIDE
from coprod.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from coprod.core.sense import Spread
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


#: What the split slide has room for under its heading, at the wall's normal text size on
#: a 1024x768 projector: lines of this many characters (fewer when the text is larger).
LINE_CHARS = 55
SLIDE_LINES = 13


def _lines(text: str, chars: int) -> int:
    return -(-len(text) // chars)  # whole lines, rounded up


def split_context(
    splits: Sequence[Spread], shown: int, names: dict[str, str], scale: int
) -> dict[str, Any]:
    """The split slide's statements (up to ``shown``), each with the reasons it has room for
    (the rating each came with, never a name or a role): each statement with its first
    reason while the slide has room, then the others' next reasons in turn; what is left
    out is counted (a line kept for saying so)."""
    from coprod.render.markdown import sense

    chars = max(20, LINE_CHARS * 100 // scale)
    room = SLIDE_LINES * 100 / scale
    texts = [[sense.reason_line(r) for r in s.reasons] for s in splits[:shown]]
    lines: list[str] = []
    reasons: list[list[str]] = []
    for spread, given in zip(splits[:shown], texts, strict=True):
        line = sense.spread_line(spread, names)
        first = _lines(given[0], chars - 3) if given else 0
        need = _lines(line, chars) + first + (len(given) > 1)
        if lines and need > room:
            break
        lines.append(line)
        room -= _lines(line, chars) + (len(given) > 1)
        reasons.append([given[0]] if given and first <= room else [])
        room -= first if reasons[-1] else 0
    for turn in range(1, max((len(t) for t in texts[: len(lines)]), default=0)):
        for kept, given in zip(reasons, texts, strict=False):
            if len(kept) == turn and turn < len(given) and _lines(given[turn], chars - 3) <= room:
                room -= _lines(given[turn], chars - 3)
                kept.append(given[turn])
    return {
        "split_lines": lines,
        "split_reasons": [
            (kept, _left_out(len(given) - len(kept), bool(kept)))
            for kept, given in zip(reasons, texts, strict=False)
        ],
        "split_more": len(splits) - len(lines),
    }


def _left_out(n: int, some_shown: bool) -> str:
    """What a statement's reasons not on the slide say: how many, and where they are."""
    if not n:
        return ""
    if some_shown:
        return ngettext(
            "and %(n)d more reason, in the team report",
            "and %(n)d more reasons, in the team report",
            n,
        ) % {"n": n}
    return ngettext(
        "%(n)d reason given, in the team report", "%(n)d reasons given, in the team report", n
    ) % {"n": n}


def sense_context(view: TeamView, shown: int, scale: int = 100) -> dict[str, Any]:
    """What the agreement, split and sides slides show: group figures only, in words."""
    from coprod.render.markdown import sense

    names = {p.id: p.name for p in view.assessments[0].content.practices}
    result = view.agreement
    sides = view.sides
    content = view.assessments[0].content
    statements = {item.id: item.text for item in view.items}
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
        **split_context(result.split, shown, names, scale),
        "sides": sides,
        "sides_rule": _(SIDES_SHORT),
        "too_few": _(sense.TOO_FEW) % {"n": MIN_SIDE},
        # only the marked gaps: a wall has room for a few lines at a size the room can read
        "side_lines": marked[:shown],
        "side_more": max(0, len(marked) - shown),
    }
