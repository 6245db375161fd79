"""From answers to a scored assessment: the one structure every renderer reads.

Building it is pure (no I/O): the terminal, markdown, HTML and JSON renderers
only present what is decided here, so they cannot disagree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coprod.core.answers import Answers
from coprod.core.kept import Kept
from coprod.core.models import Case, CaseLink, Content, Criterion, Practice, Statement, dump
from coprod.core.notices import Notice
from coprod.core.own import OwnStatement
from coprod.core.scoring import (
    BAND_FLOORS,
    VERDICT_BASIS,
    PracticeScore,
    Rating,
    Verdict,
    overall_score,
    score_practice,
    verdict_for,
)
from coprod.i18n import _

STRENGTH_FLOOR = BAND_FLOORS["developing"]  # below "developing" is never called a strength
CLEAR_MARGIN = 15  # ...and one not "strong" only when this far above the person's own mean
MAX_PRIORITIES = 3
MAX_NEXT_STEPS = 3
MAX_CASES = 2


@dataclass(frozen=True)
class StatementResult:
    statement: Statement
    rating: Rating | None  # None: not answered


@dataclass(frozen=True)
class PracticeResult:
    practice: Practice
    score: PracticeScore
    statements: list[StatementResult]
    note: str | None


@dataclass(frozen=True)
class CaseSuggestion:
    case: Case
    link: CaseLink


@dataclass(frozen=True)
class Priority:
    result: PracticeResult
    next_steps: list[StatementResult]
    cases: list[CaseSuggestion]


@dataclass
class Assessment:
    """A scored self-assessment, ready to render."""

    answers: Answers
    content: Content
    practices: list[PracticeResult]
    overall: int | None
    verdict: Verdict
    strengths: list[PracticeResult]
    priorities: list[Priority]
    # the highest scored practices when none is strong or clearly above the mean
    relatively_strongest: list[PracticeResult] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    @property
    def evidence_gaps(self) -> list[tuple[Practice, StatementResult]]:
        """Statements answered "Don't know" (in quick mode, practices)."""
        return [
            (r.practice, s) for r in self.practices for s in r.statements if s.rating == "dont_know"
        ]

    @property
    def own(self) -> list[tuple[OwnStatement, Rating | None]]:
        """The group's own statements this file answered, each with its rating (or None)."""
        return [(s, self.answers.ratings.get(s.id)) for s in self.answers.own_statements]

    @property
    def dont_know_count(self) -> int:
        return sum(r.score.dont_know for r in self.practices)

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.content.all_criteria() if c.id == criterion_id)

    def to_json(self, *, statements: bool = False) -> dict[str, Any]:
        """The ``assessment`` JSON document's keys (docs/json.md); ``statements=True`` adds
        the answers themselves (ratings, criteria, notes, reflections)."""
        data: dict[str, Any] = {
            "verdict": self.verdict.kind,
            "verdict_basis": _(VERDICT_BASIS),
            "overall": self.overall,
            "practices": [
                {
                    "id": r.practice.id,
                    "name": r.practice.name,
                    "score": r.score.score,
                    "band": r.score.band,
                    "rated": r.score.rated,
                    "dont_know": r.score.dont_know,
                    "na": r.score.na,
                }
                for r in self.practices
            ],
            "warnings": list(self.verdict.warnings),
            "favourable": list(self.verdict.favourable),
            "unsure": list(self.verdict.unsure),
            "project": dump(self.answers.project),
            "mode": self.answers.mode,
            "content_version": self.answers.content_version or self.content.version,
            "strengths": [r.practice.id for r in self.strengths],
            "relatively_strongest": [r.practice.id for r in self.relatively_strongest],
            "priorities": [
                {
                    "id": p.result.practice.id,
                    "next_steps": [s.statement.next_step for s in p.next_steps],
                    "cases": [c.case.id for c in p.cases],
                }
                for p in self.priorities
            ],
            "brings": list(self.answers.respondent.brings) if self.answers.respondent else [],
            "actions": [dump(a) for a in self.answers.actions],
            "previous": self.answers.previous,
            "messages": [n.text() for n in self.notices],
            "calls_to_action": calls_to_action_json(
                self.content, [self.answers.respondent.role if self.answers.respondent else None]
            ),
            "own_statements": [{**dump(s), "rating": rating} for s, rating in self.own],
        }
        if statements:
            data["criteria"] = dict(self.answers.criteria)
            data["ratings"] = dict(self.answers.ratings)
            data["notes"] = dict(self.answers.notes)
            data["reflections"] = dump(self.answers.reflections, exclude_none=True)
            if self.answers.respondent:
                data["respondent"] = dump(self.answers.respondent, exclude_none=True)
            if self.answers.date:
                data["date"] = self.answers.date.isoformat()
        return data


def practice_results(answers: Answers, content: Content) -> list[PracticeResult]:
    """Each practice's statements with their ratings, and its score."""
    results = []
    quick = answers.mode == "quick"
    for practice in content.practices:
        given = tuple(map(answers.ratings.get, (practice.id,) if quick else _ids(practice)))
        note = answers.notes.get(practice.id)
        kept = _RESULTS.get(practice, quick, given, note)
        if kept is not None:
            results.append(kept)
            continue
        if quick:
            ratings = [r for r in given if r is not None]
            statements = [StatementResult(s, None) for s in practice.statements]
        else:
            statements = [
                StatementResult(s, rating)
                for s, rating in zip(practice.statements, given, strict=True)
            ]
            ratings = [s.rating for s in statements if s.rating is not None]
        result = PracticeResult(practice, score_practice(practice.id, ratings), statements, note)
        results.append(_RESULTS.put(practice, quick, given, note, value=result))
    return results


def _ids(practice: Practice) -> tuple[str, ...]:
    """The ids of a practice's statements, in order."""
    found = _IDS.get(practice)
    if found is None:
        found = _IDS.put(practice, value=tuple(s.id for s in practice.statements))
    return found


_IDS: Kept[tuple[str, ...]] = Kept(256)

#: Each practice's result for the ratings and note given: a workshop's live view assesses
#: everyone again whenever they answer a page, and the other practices' results are the
#: same as before (results are frozen, so they can be shared).
_RESULTS: Kept[PracticeResult] = Kept(4096)


def _next_steps(result: PracticeResult) -> list[StatementResult]:
    rated = [s for s in result.statements if isinstance(s.rating, int)]
    if not rated:  # quick mode or nothing rated: the practice's first steps
        return result.statements[:2]
    rated.sort(key=lambda s: s.rating)  # type: ignore[arg-type,return-value]
    low = [s for s in rated if s.rating <= 2]  # type: ignore[operator]
    return (low or rated[:2])[:MAX_NEXT_STEPS]


def _cases(practice: Practice, content: Content) -> list[CaseSuggestion]:
    found = _SUGGESTED.get(content, practice.id)
    if found is None:
        links = sorted(practice.cases, key=lambda link: link.role != "example")
        found = _SUGGESTED.put(
            content,
            practice.id,
            value=tuple(
                CaseSuggestion(content.case(link.case), link) for link in links[:MAX_CASES]
            ),
        )
    return list(found)


#: The cases suggested for each practice of a content (the same for every assessment).
_SUGGESTED: Kept[tuple[CaseSuggestion, ...]] = Kept(256)


def _is_strength(result: PracticeResult, mean: int | None) -> bool:
    """Strong, or developing and clearly above the person's own mean: never merely the
    second highest of a low profile."""
    score = result.score.score or 0
    if score < STRENGTH_FLOOR:
        return False
    return result.score.band == "strong" or (mean is not None and score >= mean + CLEAR_MARGIN)


def assess(answers: Answers, content: Content, notices: list[Notice] | None = None) -> Assessment:
    """Score answers against the content: practice profile, verdict, strengths, priorities."""
    results = practice_results(answers, content)
    verdict = verdict_for(
        answers.criteria,
        [c.id for c in content.criteria.favourable],
        [c.id for c in content.criteria.warning],
    )
    scored = [r for r in results if r.score.score is not None]
    by_high = sorted(scored, key=lambda r: (-(r.score.score or 0), r.practice.number))
    overall = overall_score(r.score for r in results)
    strengths = [r for r in by_high[:2] if _is_strength(r, overall)]
    relatively = [] if strengths else [r for r in by_high[:2] if r.score.score][:1]
    rest = sorted(
        (r for r in scored if all(r is not s for s in strengths)),
        key=lambda r: (r.score.score or 0, r.practice.number),
    )
    chosen = rest[:2] + [r for r in rest[2:MAX_PRIORITIES] if r.score.band != "strong"]
    priorities = [Priority(r, _next_steps(r), _cases(r.practice, content)) for r in chosen]
    return Assessment(
        answers=answers,
        content=content,
        practices=results,
        overall=overall,
        verdict=verdict,
        strengths=strengths,
        priorities=priorities,
        relatively_strongest=relatively,
        notices=list(notices or []),
    )


def calls_to_action_json(content: Content, roles: list[str | None]) -> list[dict[str, Any]]:
    """The report's calls to action for these roles, as JSON (all four when unknown)."""
    return [
        {
            "id": c.id,
            "reader": c.reader,
            "text": c.text,
            **({"quote": c.quote} if c.quote else {}),
            "source": [dump(s, exclude_none=True) for s in c.source],
        }
        for c in content.calls_to_action(roles)
    ]
