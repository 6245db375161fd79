"""The answers file's model: what it holds, and the words a person may write in it.

An answers file is plain YAML that a person may write or edit by hand, so the
values are forgiving where YAML is surprising (``yes`` reads as a boolean) and
strict where a typo would silently change a score (unknown ids, 0-4 scale).
Checking ids against the content is :mod:`coprod.core.answer_checks`; reading
and writing the file is :mod:`coprod.storage.answers_file`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from coprod.core.notices import Notice
from coprod.core.own import OwnStatement, check_list
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


def _optional_text(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return str(value)
    return value


def _short_reason(text: str) -> str:
    if len(text) > MAX_REASON:
        raise ValueError(
            _("a reason is at most %(max)d characters; this one is %(n)d")
            % {"max": MAX_REASON, "n": len(text)}
        )
    return text


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProjectInfo(_Model):
    name: str = Field(min_length=1)
    stage: str | None = None

    _text = field_validator("name", "stage", mode="before")(_optional_text)


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


def _brings(value: Any) -> Any:
    """``brings: roots`` or ``brings: [analysis, roots]``; blank means none."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


class Respondent(_Model):
    name: str | None = None
    role: str | None = None
    brings: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)

    _text = field_validator("name", "role", mode="before")(_optional_text)
    _normalise_brings = field_validator("brings", mode="before")(_brings)


class Action(_Model):
    """An action someone chose to carry forward; the same ``id`` in every later file."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=60)]
    text: Annotated[str, Field(min_length=1)]
    practice: str | None = None
    statement: str | None = None
    owner: str | None = None
    due: dt.date | None = None
    status: Annotated[ActionStatus, BeforeValidator(parse_status)] = "not-started"
    note: str | None = None

    _text = field_validator("id", "text", "practice", "statement", "owner", "note", mode="before")(
        _optional_text
    )

    @field_validator("due", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(
                    _("must be a date like 2027-01-31 (got %(value)s)") % {"value": repr(value)}
                ) from None
        return value

    @property
    def is_open(self) -> bool:
        """Still to do: open or in progress."""
        return self.status in ("not-started", "in-progress")


class Reflections(_Model):
    why: str | None = None
    bring_and_take: str | None = None

    _text = field_validator("why", "bring_and_take", mode="before")(_optional_text)


class Answers(_Model):
    """One respondent's answers for one project (a draft until ``complete``)."""

    version: int
    project: ProjectInfo
    respondent: Respondent | None = None
    content_version: int | None = None
    mode: Literal["full", "quick"] = "full"
    date: dt.date | None = None
    complete: bool = True
    source: Annotated[Literal["paper"] | None, BeforeValidator(parse_source)] = None
    previous: str | None = None
    criteria: dict[str, Annotated[CriterionAnswer, BeforeValidator(parse_criterion_answer)]] = (
        Field(default_factory=dict)
    )
    own_statements: Annotated[list[OwnStatement], AfterValidator(check_list)] = Field(
        default_factory=list
    )
    ratings: dict[str, Annotated[Rating, BeforeValidator(parse_rating)]] = Field(
        default_factory=dict
    )
    reasons: dict[str, Annotated[str, AfterValidator(_short_reason)]] = Field(default_factory=dict)
    matters_most: list[str] = Field(default_factory=list)
    notes: dict[str, str] = Field(default_factory=dict)
    reflections: Reflections = Field(default_factory=Reflections)
    actions: list[Action] = Field(default_factory=list)

    _previous = field_validator("previous", mode="before")(_optional_text)

    @field_validator("actions", "own_statements", mode="before")
    @classmethod
    def _no_actions(cls, value: Any) -> Any:
        return [] if value is None else value

    @field_validator("actions")
    @classmethod
    def _unique_action_ids(cls, value: list[Action]) -> list[Action]:
        seen: set[str] = set()
        for action in value:
            if action.id in seen:
                raise ValueError(
                    _("action id %(id)s is used more than once") % {"id": repr(action.id)}
                )
            seen.add(action.id)
        return value

    @field_validator("version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != ANSWERS_VERSION:
            raise ValueError(
                _(
                    "answers file version %(version)s is not supported "
                    "(this coprod reads version %(supported)s)"
                )
                % {"version": value, "supported": ANSWERS_VERSION}
            )
        return value

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        """A calendar date; anything else is refused saying what a date looks like."""
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        if isinstance(value, dt.datetime):
            if value.time() == dt.time(0) and value.tzinfo is None:
                return value.date()
        elif isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        shown = value if isinstance(value, (int, float)) else str(value)[:40]
        raise ValueError(
            _("must be a date written YYYY-MM-DD, such as 2026-11-20 (got %(value)s)")
            % {"value": repr(shown)}
        )

    @field_validator("criteria", "ratings", mode="before")
    @classmethod
    def _keys_as_text(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): v for k, v in value.items()}
        return value if value is not None else {}

    @field_validator("notes", mode="before")
    @classmethod
    def _notes(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): _optional_text(v) for k, v in value.items() if v not in (None, "")}
        return value if value is not None else {}

    @field_validator("reasons", mode="before")
    @classmethod
    def _reasons(cls, value: Any) -> Any:
        """``{statement id: text}``; a blank reason is no reason."""
        if isinstance(value, dict):
            texts = {str(k): _optional_text(v) for k, v in value.items()}
            return {k: v.strip() if isinstance(v, str) else v for k, v in texts.items() if v}
        return value if value is not None else {}

    @field_validator("matters_most", mode="before")
    @classmethod
    def _matters_most(cls, value: Any) -> Any:
        """A list of statement ids (one id alone is fine); blank means none."""
        if value is None:
            return []
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return [str(value)]
        if isinstance(value, list):
            return [str(v) if isinstance(v, (str, int)) else v for v in value]
        return value

    @field_validator("matters_most")
    @classmethod
    def _at_most_three(cls, value: list[str]) -> list[str]:
        if len(value) > MAX_MATTERS_MOST:
            raise ValueError(
                _("marks %(n)d statements as mattering most; at most %(max)d may be marked")
                % {"n": len(value), "max": MAX_MATTERS_MOST}
            )
        if len(set(value)) < len(value):
            raise ValueError(_("names the same statement more than once"))
        return value

    @field_validator("reflections", "respondent", mode="before")
    @classmethod
    def _empty_is_default(cls, value: Any) -> Any:
        return {} if value is None else value

    @classmethod
    def new(
        cls,
        mode: Literal["full", "quick"],
        content_version: int,
        project: str = "",
        stage: str | None = None,
    ) -> Answers:
        """An empty draft for today (the project is named later when ``project`` is empty)."""
        info = (
            ProjectInfo(name=project, stage=stage)
            if project
            else ProjectInfo.model_construct(name="", stage=stage)
        )
        return cls(
            version=ANSWERS_VERSION,
            project=info,
            content_version=content_version,
            mode=mode,
            date=dt.date.today(),
            complete=False,
        )

    def to_yaml_data(self) -> dict[str, Any]:
        """The answers as plain data, in the documented key order, empties dropped."""
        data = self.model_dump(mode="json", exclude_none=True)
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


@dataclass
class LoadedAnswers:
    """Answers read from a file, checked against the content, with any notices."""

    answers: Answers
    path: Path | str
    notices: list[Notice] = field(default_factory=list)
    unknown_ids: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
