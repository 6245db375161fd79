"""The answers file: its model, and checking it against the content it answered.

An answers file is plain YAML that a person may write or edit by hand, so the
values are forgiving where YAML is surprising (``yes`` reads as a boolean) and
strict where a typo would silently change a score (unknown ids, 0-4 scale).
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from coprod.core.models import Content
from coprod.core.scoring import CriterionAnswer, Rating
from coprod.core.validation import field_path, validate
from coprod.errors import MAX_SHOWN, CoprodError, Problem
from coprod.i18n import N_, _, ngettext
from coprod.storage.yamlio import Document, load_yaml_file, parse_yaml

ANSWERS_VERSION = 1
DRAFT_WARNING = N_("this is a draft: the assessment was not finished (use --resume to carry on)")
MAX_ANSWERS_BYTES = 1_000_000
MAX_ANSWERS_LINES = 20_000  # a full answers file has about 100, long notes included
STAGES = ("agenda-setting", "design", "delivery", "review", "other")
ROLES = ("resident", "community-sector", "officer", "councillor", "researcher", "other")
# How a report shows the stages and roles: coprod.i18n.labels (one table per kind).


ACTION_STATUSES = ("open", "in-progress", "done", "dropped")
ActionStatus = Literal["open", "in-progress", "done", "dropped"]
MAX_ACTIONS = 3  # chosen at the end of an assessment; a file may hold more carried forward
_STATUS_WORDS: dict[str, ActionStatus] = {
    "open": "open",
    "not started": "open",
    "not-started": "open",
    "todo": "open",
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


def _optional_text(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return str(value)
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProjectInfo(_Model):
    name: str = Field(min_length=1)
    stage: str | None = None

    _text = field_validator("name", "stage", mode="before")(_optional_text)


def parse_status(value: Any) -> ActionStatus:
    """An action's status: open, in-progress, done or dropped ("in progress" is fine)."""
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
    status: Annotated[ActionStatus, BeforeValidator(parse_status)] = "open"
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
        return self.status in ("open", "in-progress")


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
    previous: str | None = None
    criteria: dict[str, Annotated[CriterionAnswer, BeforeValidator(parse_criterion_answer)]] = (
        Field(default_factory=dict)
    )
    ratings: dict[str, Annotated[Rating, BeforeValidator(parse_rating)]] = Field(
        default_factory=dict
    )
    notes: dict[str, str] = Field(default_factory=dict)
    reflections: Reflections = Field(default_factory=Reflections)
    actions: list[Action] = Field(default_factory=list)

    _previous = field_validator("previous", mode="before")(_optional_text)

    @field_validator("actions", mode="before")
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

    @field_validator("reflections", "respondent", mode="before")
    @classmethod
    def _empty_is_default(cls, value: Any) -> Any:
        return {} if value is None else value

    def to_yaml_data(self) -> dict[str, Any]:
        """The answers as plain data, in the documented key order, empties dropped."""
        data = self.model_dump(mode="json", exclude_none=True)
        respondent = data.get("respondent")
        if isinstance(respondent, dict) and not respondent.get("brings"):
            respondent.pop("brings", None)
        for key in ("respondent", "reflections", "actions"):
            if not data.get(key):
                data.pop(key, None)
        return data


@dataclass
class LoadedAnswers:
    """Answers read from a file, checked against the content, with any warnings."""

    answers: Answers
    path: Path | str
    warnings: list[str] = field(default_factory=list)
    unknown_ids: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)


#: The message for an id the content does not have, by what kind of id it is.
_UNKNOWN_ID = {
    "criterion": N_("unknown criterion id %(id)s%(suggestion)s"),
    "statement": N_("unknown statement id %(id)s%(suggestion)s"),
    "practice": N_("unknown practice id %(id)s%(suggestion)s"),
}


def _closest(value: str, options: list[str]) -> str:
    if len(value) > 200:  # not a typo of an id; and fuzzy matching it would be slow
        return ""
    match = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return _("; did you mean %(id)s?") % {"id": repr(match[0])} if match else ""


def _location(section: str, key: str) -> tuple[str | int, ...]:
    """Where an unknown id sits: ``ratings.x`` is a key, ``actions.0.practice`` a value."""
    if section.startswith("actions."):
        _, index, kind = section.split(".")
        return ("actions", int(index), kind)
    return (section, key)


def _shown(key: str) -> str:
    """An id for a message: quoted, and cut short if it is long."""
    return repr(key) if len(key) <= 60 else repr(key[:60]) + "…"


def _listed(items: list[str], separator: str = ", ") -> str:
    """``a, b, c``; past :data:`MAX_SHOWN` items, the rest counted."""
    shown = separator.join(items[:MAX_SHOWN])
    if len(items) <= MAX_SHOWN:
        return shown
    return _("%(items)s and %(n)d more") % {"items": shown, "n": len(items) - MAX_SHOWN}


def check_against_content(answers: Answers, doc: Document, content: Content) -> LoadedAnswers:
    """Check ids against the content; old content versions warn, typos are errors."""
    current = content.version
    answered_version = current if answers.content_version is None else answers.content_version
    if answered_version < 1:
        # Only a real earlier version may turn unknown ids into warnings: a typo'd
        # or made-up version would silently drop ratings.
        raise CoprodError(
            Problem(
                _("must be a content version, a whole number from 1 to %(current)s (got %(value)s)")
                % {"current": current, "value": answered_version},
                doc.path,
                doc.line_of(("content_version",)),
                "content_version",
            )
        )
    if answered_version > current:
        raise CoprodError(
            Problem(
                _(
                    "answers were given against content version %(answered)s, newer than this "
                    "content (version %(current)s); update coprod or use that content with "
                    "--data-dir"
                )
                % {"answered": answered_version, "current": current},
                doc.path,
                doc.line_of(("content_version",)),
                "content_version",
            )
        )
    past = {h.content_version: set(h.statements) for h in content.meta.history}
    criterion_ids = [c.id for c in content.all_criteria()]
    practice_ids = [p.id for p in content.practices]
    if answers.mode == "quick":
        rating_ids, rating_kind = practice_ids, "practice"
    else:
        rating_ids, rating_kind = [s.id for _, s in content.statements()], "statement"

    unknown: list[tuple[str, str, str, list[str]]] = []
    for section, given, kind, known in (
        ("criteria", answers.criteria, "criterion", criterion_ids),
        ("ratings", answers.ratings, rating_kind, rating_ids),
        ("notes", answers.notes, "practice", practice_ids),
    ):
        known_set = set(known)
        unknown += [(section, key, kind, known) for key in given if key not in known_set]
    characteristic_ids = [c.id for c in content.background.arc_characteristics]
    bad_brings = []
    for i, key in enumerate(answers.respondent.brings if answers.respondent else []):
        if key not in characteristic_ids:
            bad_brings.append(
                Problem(
                    _("unknown characteristic %(id)s%(suggestion)s (one of: %(ids)s)")
                    % {
                        "id": repr(key),
                        "suggestion": _closest(key, characteristic_ids),
                        "ids": ", ".join(characteristic_ids),
                    },
                    doc.path,
                    doc.line_of(("respondent", "brings", i)),
                    field_path(("respondent", "brings", i)),
                )
            )
    statement_ids = [s.id for _, s in content.statements()]
    for i, action in enumerate(answers.actions):
        for value, options, kind in (
            (action.practice, practice_ids, "practice"),
            (action.statement, statement_ids, "statement"),
        ):
            if value is not None and value not in options:
                unknown.append((f"actions.{i}.{kind}", value, kind, options))
    if bad_brings:
        raise CoprodError(bad_brings)

    loaded = LoadedAnswers(answers, doc.path)
    errors = unknown if answered_version == current else []
    if answered_version in past and rating_kind == "statement":
        # An old file's ids are excused only if that version had them: a typo is a typo.
        errors = [u for u in unknown if u[0] == "ratings" and u[1] not in past[answered_version]]
    if errors:
        # Suggestions cost a fuzzy match each: only for the problems the message shows.
        problems = [
            Problem(
                _(_UNKNOWN_ID[kind])
                % {
                    "id": _shown(key),
                    "suggestion": _closest(key, options) if number < MAX_SHOWN else "",
                },
                doc.path,
                doc.line_of(_location(section, key)) if number < MAX_SHOWN else None,
                field_path(_location(section, key))
                if section.startswith("actions.")
                else f"{section}.{key if len(key) <= 60 else key[:60] + '…'}",
            )
            for number, (section, key, kind, options) in enumerate(errors)
        ]
        raise CoprodError(
            problems,
            hint=_(
                "Valid ids are listed by `coprod practices --json` and `coprod criteria --json`."
            ),
        )
    if unknown:
        loaded.unknown_ids = [key for _, key, _, _ in unknown]
        replaced = content.replaced_by() if rating_kind == "statement" else {}
        gone = [key for key in loaded.unknown_ids if key not in replaced]
        if gone:
            loaded.warnings.append(
                _(
                    "answered against content version %(answered)s (now %(current)s); these ids "
                    "no longer exist and were left out: %(ids)s"
                )
                % {"answered": answered_version, "current": current, "ids": _listed(gone)}
            )
        moved = [key for key in loaded.unknown_ids if key in replaced]
        if moved:
            loaded.warnings.append(
                _(
                    "answered against content version %(answered)s (now %(current)s); these "
                    "statements were reworded or split and were left out (rate the new ones to "
                    "include them): %(ids)s"
                )
                % {
                    "answered": answered_version,
                    "current": current,
                    "ids": _listed([f"{key} → {', '.join(replaced[key])}" for key in moved], "; "),
                }
            )
    missing = [i for i in rating_ids if i not in answers.ratings]
    if answered_version < current and missing:
        loaded.unanswered = missing
        unanswered = (
            ngettext(
                "content version %(current)s has %(n)d statement this file does not answer "
                "(scored on what matches): %(ids)s",
                "content version %(current)s has %(n)d statements this file does not answer "
                "(scored on what matches): %(ids)s",
                len(missing),
            )
            if rating_kind == "statement"
            else ngettext(
                "content version %(current)s has %(n)d practice this file does not answer "
                "(scored on what matches): %(ids)s",
                "content version %(current)s has %(n)d practices this file does not answer "
                "(scored on what matches): %(ids)s",
                len(missing),
            )
        )
        loaded.warnings.append(
            unanswered % {"current": current, "n": len(missing), "ids": _listed(missing)}
        )
    if not answers.complete:
        loaded.warnings.append(DRAFT_WARNING)  # shown translated; compared as is
    return loaded


def answers_from_document(doc: Document, content: Content) -> LoadedAnswers:
    """Validate a parsed answers document and check it against the content."""
    if not isinstance(doc.data, dict):
        from coprod.core.validation import KIND

        name = type(doc.data).__name__
        kind = _(KIND[name]) if name in KIND else f"a {name}"
        raise CoprodError(
            Problem(
                _(
                    "is %(kind)s; expected an answers file (a mapping with version, project, "
                    "criteria and ratings)"
                )
                % {"kind": kind},
                doc.path,
                doc.line_of(()),
            )
        )
    if not _ANSWERS_KEYS & {str(k) for k in doc.data}:
        raise not_an_answers_file(doc)
    result = validate(Answers, doc)
    if isinstance(result, list):
        raise CoprodError(result)
    return check_against_content(result, doc, content)


# An answers file has at least one of these; content files and other YAML have none
# (``version`` and ``content_version`` are too common to tell).
_ANSWERS_KEYS = frozenset(
    {"project", "respondent", "mode", "complete", "criteria", "ratings", "notes", "reflections"}
)

ANSWERS_EXAMPLE = N_("""An answers file looks like this (coprod assess writes one as you answer):
  version: 1
  project: {name: Riverside Food Partnership, stage: design}
  criteria: {problem-undefined: yes, fixed-process: unsure}
  ratings: {openness-1: 3, openness-2: dont_know}""")


def not_an_answers_file(doc: Document) -> CoprodError:
    """The error for YAML that is not an answers file at all (a content file, say)."""
    # The file's own keys, shown to say what it is: printable characters only, kept short.
    keys = [
        "".join(ch for ch in str(k) if ch.isprintable())[:40]
        for k in (doc.data if isinstance(doc.data, dict) else [])
    ]
    listed = ", ".join(keys[:6]) + (", …" if len(keys) > 6 else "")
    has = " " + _("(it has %(keys)s)") % {"keys": listed} if keys else ""
    return CoprodError(
        Problem(
            _(
                "not a coprod answers file: it has none of the keys project, criteria, "
                "ratings or notes%(has)s"
            )
            % {"has": has},
            doc.path,
            doc.line_of(()),
        ),
        hint=_(ANSWERS_EXAMPLE) + "\n" + _("To make one, run: coprod assess"),
    )


def load_answers(path: Path, content: Content) -> LoadedAnswers:
    """Read, validate and check an answers file."""
    doc = load_yaml_file(
        path,
        what=_("a coprod answers file (YAML)"),
        max_bytes=MAX_ANSWERS_BYTES,
        max_lines=MAX_ANSWERS_LINES,
    )
    return answers_from_document(doc, content)


def parse_answers_text(text: str, content: Content, name: str = "<answers>") -> LoadedAnswers:
    """Validate answers given as YAML text (used by tests and fuzzing)."""
    return answers_from_document(parse_yaml(text, name), content)
