"""Actions carried forward from one assessment to the next (pure, no I/O).

An action is chosen at the end of an assessment (a statement's next step, or
someone's own words), copied into the next answers file with the same ``id`` and
its new status, so any two files can be matched action by action.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from coprod.core.answers import Action, ActionStatus, Answers, LoadedAnswers
from coprod.core.models import Content
from coprod.i18n import _
from coprod.i18n.labels import action_status_label


def parse_due(text: str, today: dt.date) -> dt.date | None:
    """A due date typed by a person (see :mod:`coprod.core.dates` for the forms: ``2027-01-31``,
    ``31/01/2027``, ``31 Jan 2027``, ``end of January``, ``in 4 weeks``, ``mewn 4 wythnos``...);
    blank is no date. Else ``ValueError`` with a message for the person."""
    from coprod.core.dates import parse_date

    if not text.strip():
        return None
    try:
        found = parse_date(text, today)
    except ValueError:  # a form we know, but no such day (31/02/2027)
        found = None
    if found is None:
        from coprod.i18n import _

        raise ValueError(
            _("%(typed)s is not a date: give one like %(date)s, or %(relative)s")
            % {"typed": repr(text.strip()), "date": "31/01/2027", "relative": _("'in 4 weeks'")}
        )
    return found


def new_action_id(taken: Iterable[str] = ()) -> str:
    """A short random id (``act-3f9a1c``) not among ``taken``."""
    used = set(taken)
    while True:
        candidate = f"act-{secrets.token_hex(3)}"
        if candidate not in used:
            return candidate


def is_overdue(action: Action, status: ActionStatus, today: dt.date) -> bool:
    """Due date past and not ``done`` or ``dropped``."""
    return (
        action.due is not None and action.due < today and status in ("not-started", "in-progress")
    )


def status_label(status: str | None) -> str:
    """``"in-progress"`` -> ``"in progress"``; ``None`` -> ``"not reviewed"``."""
    return action_status_label(status)


@dataclass(frozen=True)
class ActionReview:
    """An action of the older file, with its status in the newer one (``now`` ``None``: missing)."""

    action: Action
    then: ActionStatus
    now: ActionStatus | None
    overdue: bool
    note: str | None = None
    later: Action | None = None  # the same action in the newer file

    @property
    def due_now(self) -> dt.date | None:
        """The due date as the newer file has it (the older one's when it is missing)."""
        return self.later.due if self.later else self.action.due

    @property
    def due_moved(self) -> bool:
        return self.later is not None and self.later.due != self.action.due

    @property
    def owner_now(self) -> str | None:
        return self.later.owner if self.later else self.action.owner

    @property
    def owner_changed(self) -> bool:
        return self.later is not None and self.later.owner != self.action.owner

    def to_json(self) -> dict[str, Any]:
        def day(value: dt.date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "id": self.action.id,
            "text": self.action.text,
            "then": self.then,
            "now": self.now,
            "overdue": self.overdue,
            "due": {"then": day(self.action.due), "now": day(self.due_now)},
            "owner": {"then": self.action.owner, "now": self.owner_now},
        }


def review_actions(old: Answers, new: Answers, today: dt.date) -> list[ActionReview]:
    """Each action of ``old`` matched by id in ``new``; overdue against ``today``."""
    later = {a.id: a for a in new.actions}
    reviews = []
    for action in old.actions:
        match = later.get(action.id)
        now = match.status if match else None
        due_action = match or action
        overdue = is_overdue(due_action, now or action.status, today)
        note = match.note if match else None
        reviews.append(ActionReview(action, action.status, now, overdue, note, match))
    return reviews


@dataclass(frozen=True)
class ListedAction:
    """One action in ``coprod actions``: the action, its project and the file it is from."""

    action: Action
    project: str
    path: str
    date: dt.date | None
    overdue: bool

    def to_json(self, content: Content | None = None) -> dict[str, Any]:
        return {
            "id": self.action.id,
            "project": self.project,
            "practice": self.action.practice,
            "practice_name": practice_name(self.action.practice, content),
            "statement": self.action.statement,
            "text": self.action.text,
            "owner": self.action.owner,
            "due": self.action.due.isoformat() if self.action.due else None,
            "status": self.action.status,
            "note": self.action.note,
            "overdue": self.overdue,
            "file": self.path,
        }


def practice_name(practice_id: str | None, content: Content | None) -> str | None:
    """The practice's name, or its id when the content does not have it."""
    if practice_id is None:
        return None
    if content is not None:
        for p in content.practices:
            if p.id == practice_id:
                return p.name
    return practice_id


def list_actions(
    files: Sequence[LoadedAnswers], today: dt.date, *, only_open: bool = False
) -> list[ListedAction]:
    """Every action across files, sorted by due date (undated last).

    An action carried forward is in several files with the same id: it is listed
    once, as the latest file has it (latest by the file's date, then by order given).
    """
    latest: dict[tuple[str, str], tuple[tuple[dt.date, int], ListedAction]] = {}
    for order, loaded in enumerate(files):
        answers = loaded.answers
        rank = (answers.date or dt.date.min, order)
        for action in answers.actions:
            key = (answers.project.name.casefold(), action.id)
            item = ListedAction(
                action,
                answers.project.name,
                str(loaded.path),
                answers.date,
                is_overdue(action, action.status, today),
            )
            if key not in latest or latest[key][0] <= rank:
                latest[key] = (rank, item)
    items = [item for _, item in latest.values()]
    if only_open:
        items = [i for i in items if i.action.is_open]
    # undated last; otherwise in the order the files (and their actions) were given
    return sorted(items, key=lambda i: (i.action.due is None, i.action.due or dt.date.max))


def actions_json(items: Sequence[ListedAction], content: Content | None) -> dict[str, Any]:
    return {"actions": [i.to_json(content) for i in items]}


# CSV column names (and JSON keys) stay English whatever --lang: scripts and spreadsheets
# rely on them. The cells are what a person reads (practice names, status words).
CSV_COLUMNS = ("project", "practice", "text", "owner", "due", "status", "overdue", "file", "id")


def csv_rows(items: Sequence[ListedAction], content: Content | None) -> list[list[str]]:
    """One row per action, in :data:`CSV_COLUMNS` order (plain text, no formulas)."""
    rows = []
    for i in items:
        a = i.action
        rows.append(
            [
                i.project,
                practice_name(a.practice, content) or "",
                a.text,
                a.owner or "",
                a.due.isoformat() if a.due else "",
                status_label(a.status),
                _("yes") if i.overdue else "",  # a cell a person reads, like the status
                i.path,
                a.id,
            ]
        )
    return rows


@dataclass(frozen=True)
class SharedAction:
    """The same next step (or the same words) chosen by several people: a shared priority."""

    text: str
    practice: str | None
    statement: str | None
    count: int
    people: list[str]  # respondent labels; empty when anonymous


def _key(action: Action) -> str:
    if action.statement:
        return f"statement:{action.statement}"
    return "text:" + " ".join(re.sub(r"[^\w\s]", "", action.text.casefold()).split())


def shared_priorities(
    chosen: Sequence[tuple[str, Sequence[Action]]],
) -> tuple[list[SharedAction], set[str]]:
    """Actions several respondents chose (same statement's next step, or same words).

    ``chosen`` is (respondent label, their actions). Returns the shared ones (most
    people first) and the keys of all shared actions, to mark them in a list.
    """
    groups: dict[str, list[tuple[str, Action]]] = {}
    for label, actions in chosen:
        seen_here: set[str] = set()
        for action in actions:
            key = _key(action)
            if key in seen_here:
                continue
            seen_here.add(key)
            groups.setdefault(key, []).append((label, action))
    shared = [
        SharedAction(
            members[0][1].text,
            members[0][1].practice,
            members[0][1].statement,
            len(members),
            [label for label, _ in members],
        )
        for members in groups.values()
        if len(members) > 1
    ]
    shared.sort(key=lambda s: -s.count)
    return shared, {k for k, members in groups.items() if len(members) > 1}


def action_key(action: Action) -> str:
    """What makes two people's actions "the same" (see :func:`shared_priorities`)."""
    return _key(action)
