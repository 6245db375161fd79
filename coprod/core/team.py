"""Several respondents' answers for one project, read together (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from coprod.core import sense
from coprod.core.actions import SharedAction, action_key, shared_priorities
from coprod.core.answers import Action, LoadedAnswers, on_paper
from coprod.core.assessment import Assessment, assess, calls_to_action_json
from coprod.core.models import Content, Criterion, Practice, Statement
from coprod.core.own import OwnScore, OwnStatement, merge, scores
from coprod.core.people import check_same_project
from coprod.core.room import Coverage, coverage_of
from coprod.core.scoring import Rating, band_for, round_half_up
from coprod.core.sense import Agreement, Item, MattersMost, Sides, items_of, own_items, people_of
from coprod.errors import CoprodError
from coprod.i18n import _
from coprod.i18n.labels import role_label

DISAGREEMENT_GAP = 2  # ratings this far apart are a conversation to have
MIN_ROLE_GROUP = 3  # anonymous: no role is counted for fewer people than this
OTHER_ROLES = "other roles"
REFLECTION_KEYS = ("why", "bring_and_take")
T = TypeVar("T")


@dataclass(frozen=True)
class Respondent:
    label: str  # what a reader sees: "Sam (officer)", "Respondent 2"
    role: str | None
    path: Path | str
    number: int = 0  # the file's place on the command line, from 1: the id in JSON


@dataclass(frozen=True)
class PracticeSpread:
    practice: Practice
    scores: list[int | None]  # one per respondent, in file order

    @property
    def scored(self) -> list[int]:
        return [s for s in self.scores if s is not None]

    @property
    def mean(self) -> int | None:
        return round_half_up(sum(self.scored) / len(self.scored)) if self.scored else None

    @property
    def low(self) -> int | None:
        return min(self.scored) if self.scored else None

    @property
    def high(self) -> int | None:
        return max(self.scored) if self.scored else None

    @property
    def spread(self) -> int | None:
        return None if not self.scored else max(self.scored) - min(self.scored)

    @property
    def band(self) -> str | None:
        return band_for(self.mean)


@dataclass(frozen=True)
class Disagreement:
    """A statement (or, in quick mode, a practice) rated two or more points apart."""

    practice: Practice
    statement: Statement | None
    ratings: list[tuple[Respondent, Rating]]

    @property
    def gap(self) -> int:
        values = [r for _, r in self.ratings if isinstance(r, int)]
        return max(values) - min(values)

    @property
    def text(self) -> str:
        return self.statement.text if self.statement else self.practice.name

    @property
    def counts(self) -> list[tuple[Rating, int]]:
        """How many gave each rating, in the scale's order (a shared view shows only these)."""
        return rating_counts(r for _, r in self.ratings)


RATING_ORDER: tuple[Rating, ...] = (0, 1, 2, 3, 4, "dont_know", "na")


def rating_counts(ratings: Iterable[Rating]) -> list[tuple[Rating, int]]:
    """``[4, 0, 0]`` -> ``[(0, 2), (4, 1)]``: each rating given and how often, in scale order."""
    counts = Counter(ratings)
    return [(r, counts[r]) for r in RATING_ORDER if counts[r]]


@dataclass(frozen=True)
class CriterionSplit:
    criterion: Criterion
    answers: list[tuple[Respondent, str]]

    @property
    def counts(self) -> Counter[str]:
        """How many gave each answer (a shared view shows only these)."""
        return Counter(a for _, a in self.answers)


@dataclass(frozen=True)
class Written:
    """Something a respondent wrote; ``respondent`` is ``None`` when anonymous."""

    respondent: Respondent | None
    text: str


@dataclass(frozen=True)
class PracticeNotes:
    practice: Practice
    notes: list[Written]


@dataclass(frozen=True)
class ReflectionAnswers:
    key: str  # "why" or "bring_and_take"
    answers: list[Written]


def anonymous_role_counts(counts: Counter[str]) -> Counter[str]:
    """Role counts safe to show without names: no count covers fewer than three people.

    Roles held by fewer than :data:`MIN_ROLE_GROUP` people are pooled as "other
    roles"; while that pool is itself too small, the smallest shown role joins it
    (so the small ones cannot be worked out from the total). When everything ends
    up pooled, nothing is shown (an empty counter).
    """
    shown = {role: n for role, n in counts.items() if n >= MIN_ROLE_GROUP}
    pooled = sum(n for n in counts.values() if n < MIN_ROLE_GROUP)
    while 0 < pooled < MIN_ROLE_GROUP and shown:
        smallest = min(shown, key=lambda role: (shown[role], role))
        pooled += shown.pop(smallest)
    if not shown:
        return Counter()
    result = Counter(dict(sorted(shown.items(), key=lambda item: (-item[1], item[0]))))
    if pooled:
        result[OTHER_ROLES] = pooled
    return result


@dataclass
class TeamView:
    project: str
    mode: str
    respondents: list[Respondent]
    assessments: list[Assessment]
    practices: list[PracticeSpread]
    disagreements: list[Disagreement]
    criteria_splits: list[CriterionSplit]
    anonymous: bool
    coverage: Coverage | None = None
    shared: list[SharedAction] = field(default_factory=list)
    shared_keys: set[str] = field(default_factory=set)
    own: list[OwnStatement] = field(default_factory=list)  # the group's own statements
    own_warnings: list[str] = field(default_factory=list)  # one id, different words

    @property
    def suggested_steps(self) -> list[tuple[str | None, str | None, str]]:
        """(practice, statement, text) for a group choosing actions: what matters most and
        splits the room first, the shared priorities next, then the next steps in most people's priorities."""
        content = self.assessments[0].content
        steps = {s.id: (p.id, s.id, s.next_step) for p, s in content.statements()}
        first = [m.item.id for m in sense.split_and_mattering(self.agreement, self.matters_most)]
        items: list[tuple[str | None, str | None, str]] = [steps[i] for i in first if i in steps]
        items += [
            (s.practice, s.statement, s.text) for s in self.shared if s.statement not in first
        ]
        counts: Counter[tuple[str | None, str | None, str]] = Counter()
        for a in self.assessments:
            for p in a.priorities:
                for step in p.next_steps:
                    counts[(p.result.practice.id, step.statement.id, step.statement.next_step)] += 1
        statements = {statement for _, statement, _ in items if statement}
        items += [key for key, _ in counts.most_common() if key[1] not in statements]
        return items

    @property
    def actions(self) -> list[tuple[Respondent | None, Action, bool]]:
        """Everyone's actions: who (``None`` when anonymous), the action, whether shared."""
        items = [
            (None if self.anonymous else person, action, action_key(action) in self.shared_keys)
            for person, a in zip(self.respondents, self.assessments, strict=True)
            for action in a.answers.actions
        ]
        if self.anonymous:  # an order that cannot tell whose action is whose
            items.sort(key=lambda item: (item[1].due is None, item[1].due, item[1].text))
        return items

    @property
    def roles(self) -> Counter[str]:
        """How many respondents gave each role, in file order.

        Anonymous: sorted (so the order cannot tell which numbered respondent holds
        which role) and never a count of fewer than three people (see
        :func:`anonymous_role_counts`; empty when no breakdown can be shown).
        """
        counts = Counter(r.role or "not given" for r in self.respondents)
        if not self.anonymous:
            return counts
        return anonymous_role_counts(counts)

    @property
    def roles_withheld(self) -> bool:
        """Anonymous and too few people per role to show any breakdown."""
        return self.anonymous and not self.roles

    def _written(self, texts: list[tuple[Respondent, str | None]]) -> list[Written]:
        written = [
            Written(None if self.anonymous else person, text.strip())
            for person, text in texts
            if text and text.strip()
        ]
        # anonymous: in an order that cannot tell whose note is whose
        return sorted(written, key=lambda w: w.text) if self.anonymous else written

    @property
    def notes(self) -> list[PracticeNotes]:
        """Each practice's notes, with who wrote them (practices without notes left out)."""
        result = []
        for i, practice in enumerate(self.assessments[0].content.practices):
            texts = [
                (person, a.practices[i].note)
                for person, a in zip(self.respondents, self.assessments, strict=True)
            ]
            written = self._written(texts)
            if written:
                result.append(PracticeNotes(practice, written))
        return result

    @property
    def reflections(self) -> list[ReflectionAnswers]:
        """Each reflection question's answers, with who wrote them (unanswered left out)."""
        result = []
        for key in REFLECTION_KEYS:
            texts = [
                (person, getattr(a.answers.reflections, key))
                for person, a in zip(self.respondents, self.assessments, strict=True)
            ]
            written = self._written(texts)
            if written:
                result.append(ReflectionAnswers(key, written))
        return result

    @property
    def items(self) -> list[Item]:
        """What is rated 0-4: the content's statements (quick: practices), then our own."""
        return items_of(self.assessments[0].content, self.mode) + own_items(self.own)

    @property
    def own_scores(self) -> list[OwnScore]:
        """How the group rated each of its own statements (never in the practices' scores)."""
        return scores(self.own, [a.answers.ratings for a in self.assessments])

    @property
    def agreement(self) -> Agreement:
        """What the group agrees on, and where it splits (core/sense.py)."""
        return sense.agreement(self.items, people_of(self.assessments))

    @property
    def matters_most(self) -> list[MattersMost]:
        """What people marked as mattering most to them, most marked first (core/sense.py)."""
        return sense.matters_most(self.items, people_of(self.assessments))

    @property
    def sides(self) -> Sides:
        """The group seen from the two sides of the table (core/sense.py)."""
        content = self.assessments[0].content
        statements = own_items(self.own) if self.mode == "quick" else self.items
        ids = [p.id for p in content.practices]
        return sense.sides(ids, statements, people_of(self.assessments))

    @property
    def verdicts(self) -> Counter[str]:
        return Counter(a.verdict.kind for a in self.assessments)

    def to_json(self) -> dict[str, Any]:
        """The ``team`` JSON document's keys: respondents are referred to by ``id`` (a number)."""
        ids = {r.label: r.number for r in self.respondents}  # labels are unique
        return {
            "project": self.project,
            "mode": self.mode,
            "respondents": [
                {"id": r.number, "label": r.label, "role": None if self.anonymous else r.role}
                for r in self.respondents
            ],
            "roles": dict(self.roles),
            "roles_withheld": self.roles_withheld,
            "paper": on_paper(a.answers for a in self.assessments),
            "verdicts": dict(self.verdicts),
            "practices": [
                {
                    "id": p.practice.id,
                    "name": p.practice.name,
                    "mean": p.mean,
                    "band": p.band,
                    "low": p.low,
                    "high": p.high,
                    "spread": p.spread,
                    # anonymous: sorted, so a numbered respondent's scores cannot be followed
                    "scores": _in_order(p.scores) if self.anonymous else p.scores,
                }
                for p in self.practices
            ],
            "disagreements": [
                {
                    "practice": d.practice.id,
                    "statement": d.statement.id if d.statement else None,
                    "text": d.text,
                    "gap": d.gap,
                    "counts": [{"rating": v, "n": n} for v, n in d.counts],
                    # anonymous: counts only, never a respondent beside a rating
                    "ratings": []
                    if self.anonymous
                    else [{"respondent": r.number, "rating": v} for r, v in d.ratings],
                }
                for d in self.disagreements
            ],
            "criteria_differences": [
                {
                    "id": s.criterion.id,
                    "counts": dict(s.counts),
                    "answers": []
                    if self.anonymous
                    else [{"respondent": r.number, "answer": a} for r, a in s.answers],
                }
                for s in self.criteria_splits
            ],
            "notes": [
                {
                    "practice": n.practice.id,
                    "notes": [_written_json(w) for w in n.notes],
                }
                for n in self.notes
            ],
            "reflections": {r.key: [_written_json(w) for w in r.answers] for r in self.reflections},
            "agreement": self.agreement.to_json(),
            "sides": self.sides.to_json(),
            "matters_most": [m.to_json() for m in self.matters_most],
            "own_statements": [o.to_json() for o in self.own_scores],
            "calls_to_action": calls_to_action_json(
                self.assessments[0].content, [r.role for r in self.respondents]
            ),
            "coverage": self.coverage.to_json() if self.coverage else None,
            "actions": [
                {
                    "respondent": person.number if person else None,
                    "id": action.id,
                    "text": action.text,
                    "practice": action.practice,
                    "statement": action.statement,
                    "owner": action.owner,
                    "due": action.due.isoformat() if action.due else None,
                    "status": action.status,
                    "shared": shared,
                }
                for person, action, shared in self.actions
            ],
            "shared_priorities": [
                {
                    "text": s.text,
                    "practice": s.practice,
                    "statement": s.statement,
                    "count": s.count,
                    "respondents": [ids[label] for label in s.people],
                }
                for s in self.shared
            ],
        }


def _in_order(scores: list[int | None]) -> list[int | None]:
    return sorted(scores, key=lambda s: (s is None, s or 0))


def _written_json(written: Written) -> dict[str, Any]:
    number = written.respondent.number if written.respondent else None
    return {"respondent": number, "text": written.text}


def _label(loaded: LoadedAnswers, number: int, anonymous: bool) -> Respondent:
    person = loaded.answers.respondent
    role = person.role if person else None
    numbered = _("Respondent %(n)d") % {"n": number}
    if anonymous:
        return Respondent(numbered, role, loaded.path, number)
    name = person.name if person and person.name else None
    shown = role_label(role) if role else None
    # someone who gave no name is "Respondent 6 (resident)", never a bare role
    label = f"{name or numbered} ({shown})" if shown else name or numbered
    return Respondent(label, role, loaded.path, number)


def _unique_labels(people: list[Respondent]) -> list[Respondent]:
    counts = Counter(p.label for p in people)
    seen: Counter[str] = Counter()
    result = []
    for p in people:
        if counts[p.label] > 1:
            seen[p.label] += 1
            p = Respondent(f"{p.label} #{seen[p.label]}", p.role, p.path, p.number)
        result.append(p)
    return result


def _by_id(
    people: list[Respondent], given: list[dict[str, T]]
) -> dict[str, list[tuple[Respondent, T]]]:
    """``{id: [(person, value), …]}``, in the people's order, from each person's answers."""
    found: dict[str, list[tuple[Respondent, T]]] = {}
    for person, answers in zip(people, given, strict=True):
        for key, value in answers.items():
            if key in found:
                found[key].append((person, value))
            else:
                found[key] = [(person, value)]
    return found


def team_view(
    files: list[LoadedAnswers],
    content: Content,
    *,
    anonymous: bool = False,
    assessments: list[Assessment] | None = None,
) -> TeamView:
    """Read several respondents' answers for one project together (``assessments``: each
    file's, when already made, in the same order)."""
    if len(files) < 2:
        raise CoprodError(_("coprod team needs two or more answers files (one per respondent)"))
    check_same_project(files, what="coprod team")
    people = _unique_labels([_label(f, i, anonymous) for i, f in enumerate(files, start=1)])
    if assessments is None:
        assessments = [assess(f.answers, content, f.notices) for f in files]
    spreads = [
        PracticeSpread(practice, [a.practices[i].score.score for a in assessments])
        for i, practice in enumerate(content.practices)
    ]
    quick = files[0].answers.mode == "quick"
    items: list[tuple[Practice, Statement | None, str]] = (
        [(p, None, p.id) for p in content.practices]
        if quick
        else [(p, s, s.id) for p, s in content.statements()]
    )
    # who gave what for each id, in file order: one pass over each file's answers
    by_rating = _by_id(people, [f.answers.ratings for f in files])
    disagreements = []
    for practice, statement, key in items:
        ratings = by_rating.get(key, [])
        numbers = [r for _, r in ratings if isinstance(r, int)]
        if numbers and max(numbers) - min(numbers) >= DISAGREEMENT_GAP:
            disagreements.append(Disagreement(practice, statement, ratings))
    disagreements.sort(key=lambda d: (-d.gap, d.practice.number))
    criteria: list[dict[str, str]] = [cast(dict[str, str], f.answers.criteria) for f in files]
    by_criterion = _by_id(people, criteria)
    splits = []
    for criterion in content.all_criteria():
        answers = by_criterion.get(criterion.id, [])
        if len({a for _, a in answers}) > 1:
            splits.append(CriterionSplit(criterion, answers))
    shared, shared_keys = shared_priorities(
        [(person.label, f.answers.actions) for person, f in zip(people, files, strict=True)]
    )
    if anonymous:
        shared = [SharedAction(s.text, s.practice, s.statement, s.count, []) for s in shared]
    own, own_warnings = merge([(f.path, f.answers.own_statements) for f in files])
    return TeamView(
        project=files[0].answers.project.name,
        mode=files[0].answers.mode,
        respondents=people,
        assessments=assessments,
        practices=spreads,
        disagreements=disagreements,
        criteria_splits=splits,
        anonymous=anonymous,
        coverage=coverage_of([f.answers for f in files], content),
        shared=shared,
        shared_keys=shared_keys,
        own=own,
        own_warnings=own_warnings,
    )
