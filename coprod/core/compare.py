"""The same project assessed twice: what changed (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from coprod.core.actions import ActionReview, review_actions
from coprod.core.answers import Answers, LoadedAnswers
from coprod.core.assessment import Assessment, assess, calls_to_action_json
from coprod.core.models import Content, Practice, Statement, dump, slugify
from coprod.core.notices import Notice
from coprod.core.own import OwnStatement, merge
from coprod.core.scoring import VERDICT_BASIS_SHORT, Rating
from coprod.errors import CoprodError, Problem
from coprod.i18n import _
from coprod.i18n.labels import role_label

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


@dataclass(frozen=True)
class OwnChange:
    """One of the group's own statements, matched by id: its rating then and now."""

    statement: OwnStatement
    old: Rating | None
    new: Rating | None

    @property
    def delta(self) -> int | None:
        if isinstance(self.old, int) and isinstance(self.new, int):
            return int(self.new) - int(self.old)
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            **dump(self.statement),
            "old": self.old,
            "new": self.new,
            "change": self.delta,
        }


def own_changes(old: Answers, new: Answers) -> list[OwnChange]:
    """Each own statement in either file, by id (the newer file's words), then and now."""
    defined, _warnings = merge([("new", new.own_statements), ("old", old.own_statements)])
    return [OwnChange(s, old.ratings.get(s.id), new.ratings.get(s.id)) for s in defined]


@dataclass(frozen=True)
class NoteChange:
    """A practice's note that is new, changed or gone since the older file."""

    practice: Practice
    old: str | None
    new: str | None


def respondent_text(assessment: Assessment) -> str | None:
    """``"Sam, officer"``, or ``None`` when the file names nobody."""
    r = assessment.answers.respondent
    parts = [x for x in (r.name, r.role and role_label(r.role)) if x] if r else []
    return ", ".join(parts) if parts else None


def _same_person(old: Assessment, new: Assessment) -> bool:
    def key(a: Assessment) -> tuple[str, str]:
        r = a.answers.respondent
        return (
            " ".join((r.name or "").split()).casefold() if r else "",
            " ".join((r.role or "").split()).casefold() if r else "",
        )

    return key(old) == key(new)


@dataclass
class Comparison:
    old: Assessment
    new: Assessment
    practices: list[PracticeChange]
    moves: list[StatementMove]
    notes: list[NoteChange]
    notices: list[Notice] = field(default_factory=list)  # the two files', then its own
    paths: list[str] = field(default_factory=list)  # the two files, as given
    actions: list[ActionReview] = field(default_factory=list)  # OLD's actions, as in NEW
    own: list[OwnChange] = field(default_factory=list)  # the group's own statements, by id

    @property
    def same_respondent(self) -> bool:
        """Both files name the same person (or neither names anyone)."""
        return _same_person(self.old, self.new)

    @property
    def over_time(self) -> bool:
        """One person's answers at two different dates: "then" and "now" make sense."""
        a, b = self.old.answers.date, self.new.answers.date
        return self.same_respondent and not (a is not None and a == b)

    @property
    def new_notes(self) -> list[tuple[Practice, str]]:
        """Notes that are new or changed, with their text now."""
        return [(n.practice, n.new) for n in self.notes if n.new is not None]

    @property
    def removed_notes(self) -> list[tuple[Practice, str]]:
        """Notes in the older file that the newer one no longer has."""
        return [(n.practice, n.old) for n in self.notes if n.new is None and n.old is not None]

    def to_json(self) -> dict[str, Any]:
        def when(a: Assessment) -> str | None:
            return a.answers.date.isoformat() if a.answers.date else None

        def who(a: Assessment) -> dict[str, str | None] | None:
            r = a.answers.respondent
            return {"name": r.name, "role": r.role} if r else None

        return {
            "project": self.new.answers.project.name,
            "same_respondent": self.same_respondent,
            "verdict_basis": _(VERDICT_BASIS_SHORT),
            "old": {
                "date": when(self.old),
                "respondent": who(self.old),
                "verdict": self.old.verdict.kind,
                "overall": self.old.overall,
            },
            "new": {
                "date": when(self.new),
                "respondent": who(self.new),
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
            "new_notes": [
                {"practice": n.practice.id, "note": n.new, "was": n.old}
                for n in self.notes
                if n.new is not None
            ],
            "removed_notes": [{"practice": p.id, "note": note} for p, note in self.removed_notes],
            "actions": [r.to_json() for r in self.actions],
            "own_statements": [o.to_json() for o in self.own],
            "messages": [n.text() for n in self.notices],
            "calls_to_action": calls_to_action_json(
                self.new.content,
                [
                    a.answers.respondent.role if a.answers.respondent else None
                    for a in (self.old, self.new)
                ],
            ),
        }

    @property
    def actions_not_reviewed(self) -> list[ActionReview]:
        return [r for r in self.actions if r.now is None]


def compare(
    old: LoadedAnswers, new: LoadedAnswers, content: Content, *, today: dt.date | None = None
) -> Comparison:
    """Compare two assessments of the same project, OLD then NEW.

    OLD's actions are matched by id in NEW; overdue means due before ``today``
    (default: the real today) and not done or dropped.
    """
    if slugify(old.answers.project.name) != slugify(new.answers.project.name):
        raise CoprodError(
            Problem(
                _(
                    "is for project %(project)s, but %(old_file)s is for %(old)s; "
                    "compare reads the same project twice"
                )
                % {
                    "project": repr(new.answers.project.name),
                    "old_file": old.path,
                    "old": repr(old.answers.project.name),
                },
                new.path,
            )
        )
    notices = [*old.notices, *new.notices]
    if old.answers.date and new.answers.date and old.answers.date > new.answers.date:
        notices.append(
            Notice(
                "files-out-of-order",
                {
                    "old": old.path,
                    "old_date": old.answers.date,
                    "new": new.path,
                    "new_date": new.answers.date,
                },
            )
        )
    if old.answers.mode != new.answers.mode:
        notices.append(Notice("modes-differ"))
    before = assess(old.answers, content, old.notices)
    after = assess(new.answers, content, new.notices)
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
    notes = []
    for p in content.practices:
        note_then = _note(old.answers.notes.get(p.id))
        note_now = _note(new.answers.notes.get(p.id))
        if note_then != note_now:
            notes.append(NoteChange(p, note_then, note_now))
    comparison = Comparison(
        before,
        after,
        changes,
        moves,
        notes,
        notices,
        [str(old.path), str(new.path)],
        review_actions(old.answers, new.answers, today or dt.date.today()),
        own_changes(old.answers, new.answers),
    )
    if not comparison.same_respondent:
        notices.append(
            Notice(
                "different-people", {"then": respondent_text(before), "now": respondent_text(after)}
            )
        )
    elif old.answers.date is not None and old.answers.date == new.answers.date:
        notices.append(Notice("same-date", {"date": old.answers.date}))
    return comparison


def _note(text: str | None) -> str | None:
    return text.strip() or None if text else None
