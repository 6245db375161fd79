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
from coprod.i18n import N_, _

STATUS_LABEL: dict[str, str] = {
    "open": N_("not started"),
    "in-progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}
_RELATIVE = re.compile(
    r"^(?:in|mewn)\s+(\d{1,3})\s+"
    r"(day|days|week|weeks|month|months|diwrnod|ddiwrnod|niwrnod|wythnos|mis|fis)$"
)
# days per unit, English and Welsh (with the mutations a number brings: 2 ddiwrnod, 2 fis)
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30}
_UNIT_DAYS |= {"diwrnod": 1, "ddiwrnod": 1, "niwrnod": 1, "wythnos": 7, "mis": 30, "fis": 30}


def parse_due(text: str, today: dt.date) -> dt.date | None:
    """A due date typed by a person: ``2027-01-31``, ``in 4 weeks``, ``in 10 days``,
    ``in 2 months`` (months as 30 days), or in Welsh ``mewn 4 wythnos``, ``mewn 10 diwrnod``,
    ``mewn 2 fis``; blank is no date. Else ``ValueError``."""
    words = " ".join(text.strip().lower().split())
    if not words:
        return None
    match = _RELATIVE.match(words)
    if match:
        n, unit = int(match[1]), match[2]
        days = n * _UNIT_DAYS[unit]
        return today + dt.timedelta(days=days)
    try:
        return dt.date.fromisoformat(words)
    except ValueError:
        from coprod.i18n import _

        raise ValueError(
            _("%(typed)s is not a date: give one like %(date)s, or %(relative)s")
            % {"typed": repr(text.strip()), "date": "2027-01-31", "relative": _("'in 4 weeks'")}
        ) from None


def new_action_id(taken: Iterable[str] = ()) -> str:
    """A short random id (``act-3f9a1c``) not among ``taken``."""
    used = set(taken)
    while True:
        candidate = f"act-{secrets.token_hex(3)}"
        if candidate not in used:
            return candidate


def is_overdue(action: Action, status: ActionStatus, today: dt.date) -> bool:
    """Due date past and not ``done`` or ``dropped``."""
    return action.due is not None and action.due < today and status in ("open", "in-progress")


def status_label(status: str | None) -> str:
    """``"in-progress"`` -> ``"in progress"``; ``None`` -> ``"not reviewed"``."""
    if status is None:
        return _("not reviewed")
    return _(STATUS_LABEL[status]) if status in STATUS_LABEL else status


@dataclass(frozen=True)
class ActionReview:
    """An action of the older file, with its status in the newer one (``now`` ``None``: missing)."""

    action: Action
    then: ActionStatus
    now: ActionStatus | None
    overdue: bool
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.action.id,
            "text": self.action.text,
            "then": self.then,
            "now": self.now,
            "overdue": self.overdue,
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
        reviews.append(
            ActionReview(action, action.status, now, overdue, match.note if match else None)
        )
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
