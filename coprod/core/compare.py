"""The same project assessed twice: what changed (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coprod.core.answers import LoadedAnswers
from coprod.core.assessment import JSON_VERSION, Assessment, assess
from coprod.core.models import Content, Practice, Statement, slugify
from coprod.core.scoring import Rating
from coprod.errors import CoprodError, Problem

MOVE_THRESHOLD = 2


def arrow(delta: int | None) -> str:
    """↑ for a rise, ↓ for a fall, → for no change, – when either side is not scored."""
    if delta is None:
        return "–"
    return "↑" if delta > 0 else "↓" if delta < 0 else "→"


@dataclass(frozen=True)
class PracticeChange:
    practice: Practice
    old: int | None
    new: int | None

    @property
    def delta(self) -> int | None:
        return None if self.old is None or self.new is None else self.new - self.old

    @property
    def arrow(self) -> str:
        return arrow(self.delta)


@dataclass(frozen=True)
class StatementMove:
    practice: Practice
    statement: Statement
    old: Rating
    new: Rating

    @property
    def delta(self) -> int:
        return int(self.new) - int(self.old)


@dataclass
class Comparison:
    old: Assessment
    new: Assessment
    practices: list[PracticeChange]
    moves: list[StatementMove]
    new_notes: list[tuple[Practice, str]]
    messages: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        def when(a: Assessment) -> str | None:
            return a.answers.date.isoformat() if a.answers.date else None

        return {
            "version": JSON_VERSION,
            "project": self.new.answers.project.name,
            "old": {
                "date": when(self.old),
                "verdict": self.old.verdict.kind,
                "overall": self.old.overall,
            },
            "new": {
                "date": when(self.new),
                "verdict": self.new.verdict.kind,
                "overall": self.new.overall,
            },
            "practices": [
                {
                    "id": c.practice.id,
                    "name": c.practice.name,
                    "old": c.old,
                    "new": c.new,
                    "change": c.delta,
                    "arrow": c.arrow,
                }
                for c in self.practices
            ],
            "moved_statements": [
                {
                    "id": m.statement.id,
                    "practice": m.practice.id,
                    "text": m.statement.text,
                    "old": m.old,
                    "new": m.new,
                    "change": m.delta,
                }
                for m in self.moves
            ],
            "new_notes": [{"practice": p.id, "note": note} for p, note in self.new_notes],
            "messages": list(self.messages),
        }


def compare(old: LoadedAnswers, new: LoadedAnswers, content: Content) -> Comparison:
    """Compare two assessments of the same project, OLD then NEW."""
    if slugify(old.answers.project.name) != slugify(new.answers.project.name):
        raise CoprodError(
            Problem(
                f"is for project {new.answers.project.name!r}, but {old.path} is for "
                f"{old.answers.project.name!r}; compare reads the same project twice",
                new.path,
            )
        )
    messages = [*old.warnings, *new.warnings]
    if old.answers.date and new.answers.date and old.answers.date > new.answers.date:
        messages.append(
            f"{old.path} ({old.answers.date}) is newer than {new.path} ({new.answers.date}); "
            "give the older file first"
        )
    if old.answers.mode != new.answers.mode:
        messages.append(
            "one file is a quick assessment: practice scores compare, statements do not"
        )
    before = assess(old.answers, content, old.warnings)
    after = assess(new.answers, content, new.warnings)
    changes = [
        PracticeChange(b.practice, b.score.score, a.score.score)
        for b, a in zip(before.practices, after.practices, strict=True)
    ]
    moves: list[StatementMove] = []
    if old.answers.mode == new.answers.mode == "full":
        for practice, statement in content.statements():
            was = old.answers.ratings.get(statement.id)
            now = new.answers.ratings.get(statement.id)
            if isinstance(was, int) and isinstance(now, int) and abs(now - was) >= MOVE_THRESHOLD:
                moves.append(StatementMove(practice, statement, was, now))
    new_notes = [
        (p, note)
        for p in content.practices
        if (note := new.answers.notes.get(p.id)) and note != old.answers.notes.get(p.id)
    ]
    return Comparison(before, after, changes, moves, new_notes, messages)
