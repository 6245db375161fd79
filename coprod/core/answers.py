"""The answers file's model: what it holds, and the words a person may write in it.

An answers file is plain YAML that a person may write or edit by hand, so the
values are forgiving where YAML is surprising (``yes`` reads as a boolean) and
strict where a typo would silently change a score (unknown ids, 0-4 scale).
The models are plain dataclasses; a file's data is read into them, every problem
with its line, by :mod:`coprod.core.answers_read` (no pydantic). Checking ids against
the content is :mod:`coprod.core.answer_checks`; reading and writing the file is
:mod:`coprod.storage.answers_file`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from coprod.core.model_base import Record, dump
from coprod.core.notices import Notice
from coprod.core.own import OwnStatement
from coprod.core.scoring import CriterionAnswer, Rating
from coprod.i18n import _

ANSWERS_VERSION = 1
STAGES = ("agenda-setting", "design", "delivery", "review", "other")
ROLES = ("resident", "community-sector", "officer", "councillor", "researcher", "other")
# How a report shows the stages and roles: coprod.i18n.labels (one table per kind).


ACTION_STATUSES = ("not-started", "in-progress", "done", "dropped")
ActionStatus = Literal["not-started", "in-progress", "done", "dropped"]
MAX_ACTIONS = 3  # chosen at the end of an assessment; a file may hold more carried forward
MAX_REASON = 280  # characters in the reason given with one rating
MAX_MATTERS_MOST = 3  # statements one person may mark as mattering most to them
_STATUS_WORDS: dict[str, ActionStatus] = {
    # one word per status (i18n.labels.ACTION_STATUS); files written before it said "open"
    "not-started": "not-started",
    "not started": "not-started",
    "open": "not-started",
    "todo": "not-started",
    "in-progress": "in-progress",
    "in progress": "in-progress",
    "in_progress": "in-progress",
    "started": "in-progress",
    "done": "done",
    "dropped": "dropped",
}

_CRITERION_WORDS: dict[str, CriterionAnswer] = {
    "yes": "yes",
    "y": "yes",
    "no": "no",
    "n": "no",
    "unsure": "unsure",
    "not sure": "unsure",
    "not-sure": "unsure",
    "not_sure": "unsure",
}
_RATING_WORDS: dict[str, Rating] = {
    "dont_know": "dont_know",
    "dont-know": "dont_know",
    "don't know": "dont_know",
    "dont know": "dont_know",
    "na": "na",
    "n/a": "na",
    "not applicable": "na",
    "not_applicable": "na",
}


def parse_criterion_answer(value: Any) -> CriterionAnswer:
    """``yes``/``no``/``unsure`` (YAML's booleans for yes and no are accepted)."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, str) and value.strip().lower() in _CRITERION_WORDS:
        return _CRITERION_WORDS[value.strip().lower()]
    raise ValueError(_("must be yes, no or unsure (got %(value)s)") % {"value": repr(value)})


def parse_rating(value: Any) -> Rating:
    """A 0-4 rating, ``dont_know`` or ``na``."""
    if value.__class__ is int and 0 <= value <= 4:  # the common case, first
        return value
    if isinstance(value, bool):
        raise ValueError(_rating_message() % {"value": repr(value)})
    if isinstance(value, str):
        word = value.strip().lower().replace("’", "'")
        if word in _RATING_WORDS:
            return _RATING_WORDS[word]
        if word.isdecimal() and word.isascii():
            value = int(word)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and 0 <= value <= 4:
        return value
    raise ValueError(_rating_message() % {"value": repr(value)})


def _rating_message() -> str:
    return _("must be a whole number 0-4, dont_know or na (got %(value)s)")


def parse_source(value: Any) -> Any:
    """How the answers were given: ``paper`` (a paper form typed in), or left out."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and value.strip().lower() == "paper":
        return "paper"
    raise ValueError(_("must be paper, or left out (got %(value)s)") % {"value": repr(value)})


def _short_reason(text: str) -> str:
    if len(text) > MAX_REASON:
        raise ValueError(
            _("a reason is at most %(max)d characters; this one is %(n)d")
            % {"max": MAX_REASON, "n": len(text)}
        )
    return text


def parse_status(value: Any) -> ActionStatus:
    """An action's status: not-started, in-progress, done or dropped ("in progress" and, from older files, "open" are fine)."""
    if isinstance(value, str):
        word = " ".join(value.strip().lower().split())
        if word in _STATUS_WORDS:
            return _STATUS_WORDS[word]
    raise ValueError(
        _("must be one of %(statuses)s (got %(value)s)")
        % {"statuses": ", ".join(ACTION_STATUSES), "value": repr(value)}
    )


def _calendar_date(value: Any) -> dt.date | None:
    """``value`` as a calendar date (a YAML date, a datetime at midnight, ISO text), or
    ``None`` when it is none."""
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) and value.tzinfo is None else None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def parse_date(value: Any) -> dt.date | None:
    """The answers' date: a calendar date; anything else is refused saying what one looks like."""
    found = None if value is None else _calendar_date(value)
    if value is None or found is not None:
        return found
    shown = value if isinstance(value, (int, float)) else str(value)[:40]
    raise ValueError(
        _("must be a date written YYYY-MM-DD, such as 2026-11-20 (got %(value)s)")
        % {"value": repr(shown)}
    )


def parse_due(value: Any) -> dt.date | None:
    """An action's due date: a calendar date, or none."""
    found = None if value is None else _calendar_date(value)
    if value is None or found is not None:
        return found
    raise ValueError(_("must be a date like 2027-01-31 (got %(value)s)") % {"value": repr(value)})


@dataclass(kw_only=True, eq=False, repr=False)
class ProjectInfo(Record):
    name: str
    stage: str | None = None


@dataclass(kw_only=True, eq=False, repr=False)
class Respondent(Record):
    name: str | None = None
    role: str | None = None
    brings: list[str] = field(default_factory=list)


@dataclass(kw_only=True, eq=False, repr=False)
class Action(Record):
    """An action someone chose to carry forward; the same ``id`` in every later file."""

    id: str
    text: str
    practice: str | None = None
    statement: str | None = None
    owner: str | None = None
    due: dt.date | None = None
    status: ActionStatus = "not-started"
    note: str | None = None

    @property
    def is_open(self) -> bool:
        """Still to do: open or in progress."""
        return self.status in ("not-started", "in-progress")


@dataclass(kw_only=True, eq=False, repr=False)
class Reflections(Record):
    why: str | None = None
    bring_and_take: str | None = None


@dataclass(kw_only=True, eq=False, repr=False)
class Answers(Record):
    """One respondent's answers for one project (a draft until ``complete``).

    Read from a file by :func:`coprod.core.answers_read.read_answers` (every problem
    with its line); written by :func:`coprod.storage.answers_file.dumps`.
    """

    version: int
    project: ProjectInfo
    respondent: Respondent | None = None
    content_version: int | None = None
    mode: Literal["full", "quick"] = "full"
    date: dt.date | None = None
    complete: bool = True
    source: Literal["paper"] | None = None
    previous: str | None = None
    criteria: dict[str, CriterionAnswer] = field(default_factory=dict)
    own_statements: list[OwnStatement] = field(default_factory=list)
    ratings: dict[str, Rating] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    matters_most: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    reflections: Reflections = field(default_factory=Reflections)
    actions: list[Action] = field(default_factory=list)

    @classmethod
    def new(
        cls,
        mode: Literal["full", "quick"],
        content_version: int,
        project: str = "",
        stage: str | None = None,
    ) -> Answers:
        """An empty draft for today (the project is named later when ``project`` is empty)."""
        return cls(
            version=ANSWERS_VERSION,
            project=ProjectInfo(name=project, stage=stage),
            content_version=content_version,
            mode=mode,
            date=dt.date.today(),
            complete=False,
        )

    def to_yaml_data(self) -> dict[str, Any]:
        """The answers as plain data, in the documented key order, empties dropped."""
        data: dict[str, Any] = dump(self, exclude_none=True)
        respondent = data.get("respondent")
        if isinstance(respondent, dict) and not respondent.get("brings"):
            respondent.pop("brings", None)
        for key in (
            "respondent",
            "own_statements",
            "reasons",
            "matters_most",
            "reflections",
            "actions",
        ):
            if not data.get(key):
                data.pop(key, None)
        return data


def on_paper(answers: Iterable[Answers]) -> int:
    """How many of these answers were given on a paper form (``source: paper``)."""
    return sum(a.source == "paper" for a in answers)


@dataclass(eq=False, repr=False)
class LoadedAnswers(Record):
    """Answers read from a file, checked against the content, with any notices."""

    answers: Answers
    path: Path | str
    notices: list[Notice] = field(default_factory=list)
    unknown_ids: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
