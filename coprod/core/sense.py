"""Making sense together: what a group agrees on, where it splits, and whether the split
follows the sides of the table (pure: numbers over answers already read).

* A statement (in quick mode, a practice's overall rating) **counts** once at least
  :data:`MIN_RATERS` people rated it 0-4; "Don't know" and "Not applicable" are not ratings.
  Its ratings **agree** when they span at most :data:`AGREE_SPAN` point, and **split** when
  they span two or more. Agreement is listed by how many rated it, splits by spread, then
  by standard deviation (ties keep the content's order).
* **The sides of the table**: residents and community groups on one side, officers and
  councillors on the other (:data:`SIDES`); other roles, and people who gave none, are on
  neither. For each practice (its 0-100 score) and each statement (0-4), each side's mean and
  the gap (community minus institutions). A gap is **flagged** at :data:`PRACTICE_FLAG` points
  (practices) or :data:`STATEMENT_FLAG` point (statements) or more. No figure is given for
  either side unless both sides have at least :data:`MIN_SIDE` people — overall, and among
  those who rated the item — so no one can be picked out.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from coprod.core.scoring import Rating, round_half_up

if TYPE_CHECKING:
    from coprod.core.assessment import Assessment
    from coprod.core.models import Content
    from coprod.core.own import OwnStatement

MIN_RATERS = 3
AGREE_SPAN = 1
MIN_SIDE = 3
PRACTICE_FLAG = 20
STATEMENT_FLAG = 1
Side = Literal["community", "institutions"]
SIDES: dict[Side, tuple[str, ...]] = {
    "community": ("resident", "community-sector"),
    "institutions": ("officer", "councillor"),
}


@dataclass(frozen=True)
class Item:
    """Something rated 0-4: a statement (its id), or in quick mode a practice (its id)."""

    id: str
    practice_id: str
    text: str


@dataclass(frozen=True)
class Person:
    """What the group view needs of one respondent: role, ratings, practice scores."""

    role: str | None
    ratings: Mapping[str, Rating]
    scores: Mapping[str, int | None]  # practice id -> 0-100 (None: not scored)
    reasons: Mapping[str, str] = field(default_factory=dict)  # item id -> why
    matters_most: Sequence[str] = ()  # up to three item ids


#: Where a reason's rating sorts: the scale, then "Don't know", "Not applicable", none.
_RATING_PLACE: dict[Rating | None, int] = {0: 0, 1: 1, 2: 2, 3: 3, 4: 4, "dont_know": 5, "na": 6}


@dataclass(frozen=True)
class Reason:
    """Why someone rated an item as they did: the rating it came with, never who gave it."""

    rating: Rating | None
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"rating": self.rating, "text": self.text}


def reasons_for(item_id: str, people: Sequence[Person]) -> tuple[Reason, ...]:
    """The reasons given for an item, by rating then text: an order that cannot tell whose."""
    return _in_order(_reasons_by_item(people).get(item_id, []))


def _reasons_by_item(people: Sequence[Person]) -> dict[str, list[Reason]]:
    """Each item's reasons, in the people's order (one pass over the reasons given)."""
    found: dict[str, list[Reason]] = {}
    for p in people:
        for item_id, written in p.reasons.items():
            if text := written.strip():
                found.setdefault(item_id, []).append(Reason(p.ratings.get(item_id), text))
    return found


def _in_order(found: list[Reason]) -> tuple[Reason, ...]:
    return tuple(sorted(found, key=lambda r: (_RATING_PLACE.get(r.rating, 7), r.text)))


@dataclass(frozen=True)
class Spread:
    """How one item was rated by the people who rated it 0-4 (and, for a split, why)."""

    item: Item
    ratings: tuple[int, ...]
    reasons: tuple[Reason, ...] = ()

    @property
    def n(self) -> int:
        return len(self.ratings)

    @property
    def median(self) -> float:
        return float(statistics.median(self.ratings))

    @property
    def spread(self) -> int:
        return max(self.ratings) - min(self.ratings)

    @property
    def deviation(self) -> float:
        return statistics.pstdev(self.ratings)

    def to_json(self) -> dict[str, Any]:
        median = self.median
        return {
            "statement": self.item.id,
            "n": self.n,
            "median": int(median) if median.is_integer() else median,
            "spread": self.spread,
        }


@dataclass(frozen=True)
class Agreement:
    agree: list[Spread]
    split: list[Spread]

    def to_json(self) -> dict[str, Any]:
        return {
            "agree": [s.to_json() for s in self.agree],
            "split": [
                {**s.to_json(), "reasons": [r.to_json() for r in s.reasons]} for s in self.split
            ],
        }


def rated(person: Person, item_id: str) -> int | None:
    value = person.ratings.get(item_id)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _scale_ratings(people: Sequence[Person]) -> dict[str, list[int]]:
    """Each item's 0-4 ratings, in the people's order: one pass over what each person rated
    (asking every person about every item was most of a thousand-file ``team``)."""
    found: dict[str, list[int]] = {}
    for p in people:
        for item_id, value in p.ratings.items():
            if isinstance(value, int) and not isinstance(value, bool):
                if item_id in found:
                    found[item_id].append(value)
                else:
                    found[item_id] = [value]
    return found


def _variance(ratings: tuple[int, ...]) -> Fraction:
    """The ratings' variance, exactly (it orders splits as their standard deviation does)."""
    n = len(ratings)
    return Fraction(n * sum(r * r for r in ratings) - sum(ratings) ** 2, n * n)


def agreement(items: Sequence[Item], people: Sequence[Person]) -> Agreement:
    """What the group agrees on and where it splits (items rated by fewer than three: neither)."""
    by_item = _scale_ratings(people)
    counted: list[tuple[int, Spread]] = []
    for order, item in enumerate(items):
        ratings = tuple(by_item.get(item.id, ()))
        if len(ratings) >= MIN_RATERS:
            counted.append((order, Spread(item, ratings)))
    agree = [(o, s) for o, s in counted if s.spread <= AGREE_SPAN]
    reasons = _reasons_by_item(people)
    split = [
        (o, replace(s, reasons=_in_order(reasons.get(s.item.id, []))))
        for o, s in counted
        if s.spread > AGREE_SPAN
    ]
    agree.sort(key=lambda pair: (-pair[1].n, pair[0]))
    split.sort(key=lambda pair: (-pair[1].spread, -_variance(pair[1].ratings), pair[0]))
    return Agreement([s for _o, s in agree], [s for _o, s in split])


@dataclass(frozen=True)
class Gap:
    """One practice or statement seen from the two sides (``None``: not shown)."""

    id: str
    community: float | None
    institutions: float | None
    flagged: bool

    @property
    def gap(self) -> float | None:
        if self.community is None or self.institutions is None:
            return None
        return round_half_up((self.community - self.institutions) * 10) / 10

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "community": self.community,
            "institutions": self.institutions,
            "gap": self.gap,
            "flagged": self.flagged,
        }


@dataclass(frozen=True)
class Sides:
    community_n: int
    institutions_n: int
    practices: list[Gap]
    statements: list[Gap]

    @property
    def comparable(self) -> bool:
        """Both sides have enough people for any figure to be shown."""
        return self.community_n >= MIN_SIDE and self.institutions_n >= MIN_SIDE

    @property
    def flagged(self) -> list[Gap]:
        return [g for g in (*self.practices, *self.statements) if g.flagged]

    def to_json(self) -> dict[str, Any]:
        # how many are on each side is a figure too: shown only once both sides are big
        # enough, so a lone resident is never counted out loud
        shown = self.comparable
        return {
            "community": {
                "roles": list(SIDES["community"]),
                "n": self.community_n if shown else None,
            },
            "institutions": {
                "roles": list(SIDES["institutions"]),
                "n": self.institutions_n if shown else None,
            },
            "comparable": self.comparable,
            "practices": [g.to_json() for g in self.practices],
            "statements": [g.to_json() for g in self.statements],
        }


def side_of(role: str | None) -> Side | None:
    return next((side for side, roles in SIDES.items() if role in roles), None)


def _shown(value: float, scale: int) -> float:
    """Rounded half up as shown: whole points on 0-100, one decimal on 0-4."""
    if scale == 100:
        return float(round_half_up(value))
    return round_half_up(value * 10) / 10


def _gap(item_id: str, values: dict[Side, list[float]], scale: int, flag: int, shown: bool) -> Gap:
    """Each side's mean (0-100 scores as whole numbers, 0-4 ratings to one decimal)."""
    if not shown or any(len(v) < MIN_SIDE for v in values.values()):
        return Gap(item_id, None, None, False)
    means = {side: _shown(statistics.fmean(v), scale) for side, v in values.items()}
    gap = _shown(means["community"] - means["institutions"], scale)
    return Gap(item_id, means["community"], means["institutions"], abs(gap) >= flag)


def sides(
    practice_ids: Sequence[str], statements: Sequence[Item], people: Sequence[Person]
) -> Sides:
    """The group seen from the two sides of the table (``statements`` empty in quick mode)."""
    by_side: dict[Side, list[Person]] = {"community": [], "institutions": []}
    for person in people:
        side = side_of(person.role)
        if side is not None:
            by_side[side].append(person)
    shown = all(len(group) >= MIN_SIDE for group in by_side.values())
    side_ratings = {side: _scale_ratings(group) for side, group in by_side.items()}
    practice_gaps = []
    for pid in practice_ids:
        values: dict[Side, list[float]] = {
            side: [s for p in group if (s := p.scores.get(pid)) is not None]
            for side, group in by_side.items()
        }
        practice_gaps.append(_gap(pid, values, 100, PRACTICE_FLAG, shown))
    statement_gaps = []
    for item in statements:
        values = {
            side: [float(r) for r in ratings.get(item.id, ())]
            for side, ratings in side_ratings.items()
        }
        statement_gaps.append(_gap(item.id, values, 4, STATEMENT_FLAG, shown))
    return Sides(
        len(by_side["community"]), len(by_side["institutions"]), practice_gaps, statement_gaps
    )


def items_of(content: Content, mode: str) -> list[Item]:
    """What is rated 0-4: every statement, or in quick mode each practice's overall rating."""
    if mode == "quick":
        return [Item(p.id, p.id, p.name) for p in content.practices]
    return [Item(s.id, p.id, s.text) for p, s in content.statements()]


def own_items(statements: Sequence[OwnStatement]) -> list[Item]:
    """The group's own statements as items (``practice_id`` empty when none is given)."""
    return [Item(s.id, s.practice or "", s.text) for s in statements]


def with_own(content: Content, mode: str, assessments: Sequence[Assessment]) -> list[Item]:
    """What is rated 0-4, then the group's own statements the files define (merged by id)."""
    from coprod.core.own import merge

    own, _said = merge([("", a.answers.own_statements) for a in assessments])
    return items_of(content, mode) + own_items(own)


def people_of(assessments: Sequence[Assessment]) -> list[Person]:
    """Each respondent's role, ratings and practice scores."""
    return [
        Person(
            a.answers.respondent.role if a.answers.respondent else None,
            a.answers.ratings,
            {r.practice.id: r.score.score for r in a.practices},
            a.answers.reasons,
            tuple(a.answers.matters_most),
        )
        for a in assessments
    ]


@dataclass(frozen=True)
class MattersMost:
    """An item people marked as mattering most to them: how many, and how it was rated."""

    item: Item
    count: int
    ratings: tuple[int, ...]

    @property
    def mean(self) -> float | None:
        return round_half_up(statistics.fmean(self.ratings) * 10) / 10 if self.ratings else None

    @property
    def spread(self) -> int | None:
        return max(self.ratings) - min(self.ratings) if self.ratings else None

    def to_json(self) -> dict[str, Any]:
        return {
            "statement": self.item.id,
            "count": self.count,
            "mean": self.mean,
            "spread": self.spread,
        }


def matters_most(items: Sequence[Item], people: Sequence[Person]) -> list[MattersMost]:
    """The items marked as mattering most, most marked first (ties in the content's order)."""
    counts = Counter(item_id for p in people for item_id in set(p.matters_most))
    by_item = _scale_ratings(people) if counts else {}
    marked = [
        MattersMost(item, counts[item.id], tuple(by_item.get(item.id, ())))
        for item in items
        if item.id in counts
    ]
    return sorted((m for m in marked if m.count), key=lambda m: -m.count)


def split_and_mattering(result: Agreement, marked: Sequence[MattersMost]) -> list[MattersMost]:
    """What matters most to people and splits the room: the first thing to talk about."""
    split = {s.item.id for s in result.split}
    return [m for m in marked if m.item.id in split]
