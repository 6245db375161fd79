"""Who is in the room: which of the six ARC characteristics a group brings (pure).

Counts only: the coverage never says who brings what, so it is the same with
and without ``--anonymous``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from coprod.core.answers import Answers
from coprod.core.models import Characteristic, Content, Note, ReachingWay
from coprod.i18n.labels import room_status_label

Status = Literal["present", "thin", "missing", "unknown"]


def status_for(count: int, *, known: bool = True) -> Status:
    """Two or more people: present; one: thin; nobody: missing. When no one said what
    they bring, nothing is missing that we know of: unknown."""
    if not known:
        return "unknown"
    return "present" if count >= 2 else "thin" if count == 1 else "missing"


@dataclass(frozen=True)
class CharacteristicCount:
    characteristic: Characteristic
    count: int
    known: bool = True  # someone in the group said what they bring

    @property
    def status(self) -> Status:
        return status_for(self.count, known=self.known)

    @property
    def status_text(self) -> str:
        return room_status_label(self.status)


@dataclass(frozen=True)
class Gap:
    """A characteristic that is thin or missing, with ways the report reached such people."""

    count: CharacteristicCount
    ways: list[ReachingWay]


@dataclass
class Coverage:
    respondents: int
    answered: int  # how many said what they bring
    characteristics: list[CharacteristicCount]
    noticing: Note | None
    caution: Note | None
    ways: list[ReachingWay]

    @property
    def gaps(self) -> list[Gap]:
        """Thin and missing characteristics (missing first), each with its ways (none
        when no one said what they bring: then nothing is known to be missing)."""
        weak = [c for c in self.characteristics if c.status in ("thin", "missing")]
        weak.sort(key=lambda c: c.count)
        general = {w.id for w in self.general_ways}
        return [
            Gap(
                c,
                [
                    w
                    for w in self.ways
                    if c.characteristic.id in w.characteristics and w.id not in general
                ],
            )
            for c in weak
        ]

    @property
    def general_ways(self) -> list[ReachingWay]:
        """Ways that speak to every characteristic (shown once, not under each gap)."""
        every = {c.characteristic.id for c in self.characteristics}
        return [w for w in self.ways if every <= set(w.characteristics)]

    @property
    def unanswered(self) -> int:
        return self.respondents - self.answered

    def to_json(self) -> dict[str, Any]:
        """The documented ``coprod room --format json`` shape (plus what was not answered)."""
        return {
            "respondents": self.respondents,
            "characteristics": [
                {
                    "id": c.characteristic.id,
                    "name": c.characteristic.name,
                    "count": c.count,
                    "status": c.status,
                }
                for c in self.characteristics
            ],
        }


def coverage(brings: Sequence[Sequence[str]], content: Content) -> Coverage:
    """The group's coverage from each person's characteristic ids (one list per person).

    The web workshop calls this with what each phone answered.
    """
    characteristics = content.background.arc_characteristics
    known = any(brings)
    counts = [
        CharacteristicCount(c, sum(1 for person in brings if c.id in person), known)
        for c in characteristics
    ]
    room = content.background.room
    return Coverage(
        respondents=len(brings),
        answered=sum(1 for person in brings if person),
        characteristics=counts,
        noticing=room.noticing if room else None,
        caution=room.caution if room else None,
        ways=list(room.ways) if room else [],
    )


def coverage_of(answers: Sequence[Answers], content: Content) -> Coverage:
    """The coverage of a group's answers files."""
    return coverage([a.respondent.brings if a.respondent else [] for a in answers], content)


def known_brings(values: Sequence[str], content: Content) -> list[str]:
    """The characteristic ids among ``values`` (e.g. a web form's checkboxes), in the
    content's order, each once; anything else is dropped."""
    given = set(values)
    return [c.id for c in content.background.arc_characteristics if c.id in given]
