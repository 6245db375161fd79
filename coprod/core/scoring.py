"""Scores and the when-to-co-produce verdict: pure functions, no I/O.

The rules (also in README and ``coprod assess --help``):

* A practice's score is ``round(100 * mean / 4)`` over its rated statements
  (0-4), rounded half up. "Don't know" and "Not applicable" are left out of the
  mean and counted separately; a practice with nothing rated is *not scored*.
* Bands: 0-39 needs attention, 40-69 developing, 70-100 strong.
* Overall: the mean of the scored practices (rounded half up), never shown alone.
* Verdict: any warning sign answered yes -> ``caution``; otherwise two or more
  favourable conditions answered yes -> ``favourable``; otherwise ``unclear``. These
  rules are coprod's reading of the report's criteria, not the report's own (every
  format that prints the verdict says so: :data:`VERDICT_BASIS`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from coprod.i18n import N_
from coprod.i18n.labels import NOT_RATED_WORDS, SCALE_WORDS

Rating = int | Literal["dont_know", "na"]
CriterionAnswer = Literal["yes", "no", "unsure"]
Band = Literal["needs attention", "developing", "strong"]
VerdictKind = Literal["favourable", "caution", "unclear"]

#: Said wherever the verdict is explained or printed: the report names the conditions; the
#: rules that weigh the answers into a verdict are coprod's.
VERDICT_BASIS = N_(
    "This verdict is coprod's reading of the report's criteria: the report names the "
    "conditions, and coprod's own rules weigh your answers (any warning sign answered yes "
    "gives caution; otherwise two or more favourable conditions give favourable; otherwise "
    "unclear)."
)
VERDICT_RULES = N_(
    "How coprod gives a verdict (coprod's reading of the report's criteria, not the "
    "report's own rules): any warning sign answered yes gives caution; otherwise two or more "
    "favourable conditions give favourable; otherwise unclear."
)
VERDICT_BASIS_SHORT = N_(
    "The verdict is coprod's reading of the report's criteria, not the report's own judgement."
)

# The scale's points and their words (English, translated where shown: coprod.i18n.labels)
SCALE: dict[int, str] = SCALE_WORDS
NOT_RATED: dict[str, str] = NOT_RATED_WORDS
#: The one set of band thresholds: each band's lowest score, highest band first. Every
#: other place that shows them (the chart's ticks, the notes under charts, the workshop's
#: meters) takes them from here.
BANDS: tuple[tuple[int, Band], ...] = ((70, "strong"), (40, "developing"), (0, "needs attention"))
#: Each band's lowest score: ``{"strong": 70, "developing": 40, "needs attention": 0}``.
BAND_FLOORS: dict[Band, int] = {name: floor for floor, name in BANDS}
#: The scores where a band starts, above 0, lowest first: ``(40, 70)``.
BAND_BOUNDARIES: tuple[int, ...] = tuple(sorted(floor for floor, _name in BANDS if floor > 0))


def round_half_up(value: float) -> int:
    """Round to the nearest whole number, halves upwards (not banker's rounding)."""
    return math.floor(value + 0.5)


def band_for(score: int | None) -> Band | None:
    """The band of a 0-100 score; ``None`` for a practice that is not scored."""
    if score is None:
        return None
    return next(name for floor, name in BANDS if score >= floor)


@dataclass(frozen=True)
class PracticeScore:
    """A practice's score and how many answers went into it."""

    practice_id: str
    score: int | None
    rated: int
    dont_know: int
    na: int

    @property
    def band(self) -> Band | None:
        return band_for(self.score)

    @property
    def answered(self) -> int:
        return self.rated + self.dont_know + self.na


def score_practice(practice_id: str, ratings: Iterable[Rating]) -> PracticeScore:
    """Score one practice from its statements' ratings (or its one quick rating)."""
    values: list[int] = []
    dont_know = na = 0
    for rating in ratings:
        if rating == "dont_know":
            dont_know += 1
        elif rating == "na":
            na += 1
        else:
            values.append(int(rating))
    score = round_half_up(100 * (sum(values) / len(values)) / 4) if values else None
    return PracticeScore(practice_id, score, len(values), dont_know, na)


def overall_score(scores: Iterable[PracticeScore]) -> int | None:
    """The mean of the scored practices, or ``None`` when none is scored."""
    scored = [s.score for s in scores if s.score is not None]
    return round_half_up(sum(scored) / len(scored)) if scored else None


@dataclass(frozen=True)
class Verdict:
    """What the when-to-co-produce answers suggest, and why."""

    kind: VerdictKind
    warnings: list[str] = field(default_factory=list)
    favourable: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)


def verdict_for(
    answers: Mapping[str, CriterionAnswer],
    favourable_ids: Sequence[str],
    warning_ids: Sequence[str],
) -> Verdict:
    """The verdict from criteria answers; ids keep the content's order."""
    warnings = [c for c in warning_ids if answers.get(c) == "yes"]
    favourable = [c for c in favourable_ids if answers.get(c) == "yes"]
    all_ids = [*favourable_ids, *warning_ids]
    unsure = [c for c in all_ids if answers.get(c) == "unsure"]
    unanswered = [c for c in all_ids if c not in answers]
    if warnings:
        kind: VerdictKind = "caution"
    elif len(favourable) >= 2:
        kind = "favourable"
    else:
        kind = "unclear"
    return Verdict(kind, warnings, favourable, unsure, unanswered)
