"""Reading an answers file's data into :class:`~coprod.core.answers.Answers` (pure).

Every problem of the file's shape is found in one run, each with its line and dotted
field (``ratings.openness-2``, ``actions[0].due``), in coprod's own words. What has a
problem is set aside, and the rest is read as it was written, so that it can still be
checked against the content (:mod:`coprod.core.answer_checks`): a bad value in a mapping
or a list is left out, a bad field is left at its default, and a bad ``version`` or
``project`` gets a stand-in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from coprod.core.answers import (
    ANSWERS_VERSION,
    MAX_MATTERS_MOST,
    Action,
    Answers,
    ProjectInfo,
    Reflections,
    Respondent,
    _short_reason,
    parse_criterion_answer,
    parse_date,
    parse_due,
    parse_rating,
    parse_source,
    parse_status,
)
from coprod.core.checker import (
    BAD,
    Bad,
    Checker,
    any_text,
    as_text,
    items,
    must_be_pairs,
    optional_text,
    required_text,
    shown,
    whole_number,
    yes_or_no,
)
from coprod.core.own import read_statements
from coprod.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable

    from coprod.core.document import Document
    from coprod.errors import Problem

Loc = tuple[int | str, ...]

_FIELDS = frozenset(
    {
        "version",
        "project",
        "respondent",
        "content_version",
        "mode",
        "date",
        "complete",
        "source",
        "previous",
        "criteria",
        "own_statements",
        "ratings",
        "reasons",
        "matters_most",
        "notes",
        "reflections",
        "actions",
    }
)
_PROJECT = frozenset({"name", "stage"})
_RESPONDENT = frozenset({"name", "role", "brings"})
_REFLECTIONS = frozenset({"why", "bring_and_take"})
_ACTION = frozenset({"id", "text", "practice", "statement", "owner", "due", "status", "note"})
MAX_ACTION_ID = 60


def read_answers(doc: Document) -> tuple[Answers, list[Problem]]:
    """The answers in ``doc.data`` (a mapping) and every problem of their shape.

    With problems, the answers hold what is valid, for the rest to be checked.
    """
    c = Checker(doc)
    data = c.fields(doc.data, (), _FIELDS, required=("version", "project"))
    if data is None:
        return Answers(version=ANSWERS_VERSION, project=ProjectInfo(name="-")), c.problems
    answers = Answers(
        version=_version(c, data),
        project=_project(c, data),
        respondent=_respondent(c, data),
    )
    get = data.get
    if "content_version" in data:
        found = c.read(("content_version",), _optional_number, data["content_version"])
        answers.content_version = None if isinstance(found, Bad) else found
    if "mode" in data:
        mode = c.read(("mode",), _mode, data["mode"])
        answers.mode = "full" if isinstance(mode, Bad) else mode
    if "date" in data:
        date = c.read(("date",), parse_date, data["date"])
        answers.date = None if isinstance(date, Bad) else date
    if "complete" in data:
        answers.complete = c.read(("complete",), yes_or_no, data["complete"]) is not False
    if "source" in data:
        source = c.read(("source",), parse_source, data["source"])
        answers.source = None if isinstance(source, Bad) else source
    if "previous" in data:
        previous = c.read(("previous",), optional_text, data["previous"])
        answers.previous = None if isinstance(previous, Bad) else previous
    answers.criteria = _mapping(c, "criteria", get("criteria"), parse_criterion_answer)
    answers.own_statements = read_statements(c, get("own_statements"), ("own_statements",))
    answers.ratings = _mapping(c, "ratings", get("ratings"), parse_rating)
    answers.reasons = _reasons(c, get("reasons"))
    answers.matters_most = _matters_most(c, get("matters_most"))
    answers.notes = _notes(c, get("notes"))
    if data.get("reflections") is not None:
        answers.reflections = _reflections(c, data["reflections"])
    answers.actions = _actions(c, get("actions"))
    return answers, c.problems


def _version(c: Checker, data: dict[Any, Any]) -> int:
    if "version" not in data:
        return ANSWERS_VERSION  # a stand-in: the file's problem is noted
    version = c.read(("version",), whole_number, data["version"])
    if isinstance(version, Bad):
        return ANSWERS_VERSION
    if version != ANSWERS_VERSION:
        c.fail(
            ("version",),
            _(
                "answers file version %(version)s is not supported "
                "(this coprod reads version %(supported)s)"
            )
            % {"version": version, "supported": ANSWERS_VERSION},
        )
        return ANSWERS_VERSION
    return version


def _project(c: Checker, data: dict[Any, Any]) -> ProjectInfo:
    stand_in = ProjectInfo(name="-")
    if "project" not in data:
        return stand_in
    project = c.fields(data["project"], ("project",), _PROJECT, required=("name",))
    if project is None or "name" not in project:
        return stand_in
    name = c.read(("project", "name"), _name, project["name"])
    stage = c.read(("project", "stage"), optional_text, project.get("stage"))
    if isinstance(name, Bad):
        return stand_in
    return ProjectInfo(name=name, stage=None if isinstance(stage, Bad) else stage)


def _respondent(c: Checker, data: dict[Any, Any]) -> Respondent | None:
    if "respondent" not in data:
        return None
    value = data["respondent"]
    if value is None:
        return Respondent()
    loc: Loc = ("respondent",)
    respondent = c.fields(value, loc, _RESPONDENT)
    if respondent is None:
        return None
    name = c.read((*loc, "name"), optional_text, respondent.get("name"))
    role = c.read((*loc, "role"), optional_text, respondent.get("role"))
    return Respondent(
        name=None if isinstance(name, Bad) else name,
        role=None if isinstance(role, Bad) else role,
        brings=_brings(c, respondent.get("brings")),
    )


def _brings(c: Checker, value: Any) -> list[str]:
    """``brings: roots`` or ``brings: [analysis, roots]``; blank means none."""
    if isinstance(value, str):
        value = [value]
    loc: Loc = ("respondent", "brings")
    listed = c.read(loc, items, value)
    if isinstance(listed, Bad):
        return []
    found = [c.read((*loc, i), required_text, v) for i, v in enumerate(listed)]
    return [v for v in found if not isinstance(v, Bad)]


def _name(value: Any) -> str:
    return required_text(as_text(value))


def _optional_number(value: Any) -> int | None:
    return None if value is None else whole_number(value)


def _mode(value: Any) -> Literal["full", "quick"]:
    if value == "full" or value == "quick":
        return "full" if value == "full" else "quick"
    raise ValueError(_("must be full or quick (got %(value)s)") % {"value": shown(value)})


def _mapping(c: Checker, key: str, value: Any, parse: Callable[[Any], Any]) -> dict[str, Any]:
    """``{id: value}``, each value read by ``parse``; those with a problem left out."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        c.fail((key,), must_be_pairs(value))
        return {}
    result = {}
    for k, v in value.items():
        name = k if isinstance(k, str) else str(k)
        try:
            result[name] = parse(v)
        except ValueError as exc:
            c.fail((key, name), str(exc))
    return result


def _reason(value: Any) -> str:
    return _short_reason(any_text(value))


def _reasons(c: Checker, value: Any) -> dict[str, str]:
    """``{statement id: text}``; a blank reason is no reason."""
    if isinstance(value, dict):
        texts = {str(k): as_text(v) for k, v in value.items()}
        value = {k: v.strip() if isinstance(v, str) else v for k, v in texts.items() if v}
    return _mapping(c, "reasons", value, _reason)


def _notes(c: Checker, value: Any) -> dict[str, str]:
    """``{practice id: text}``; a blank note is no note."""
    if isinstance(value, dict):
        value = {str(k): as_text(v) for k, v in value.items() if v not in (None, "")}
    return _mapping(c, "notes", value, any_text)


def _matters_most(c: Checker, value: Any) -> list[str]:
    """A list of statement ids (one id alone is fine); blank means none."""
    loc: Loc = ("matters_most",)
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        value = [str(value)]
    listed = c.read(loc, items, value)
    if isinstance(listed, Bad):
        return []
    count = len(c.problems)
    found = [
        str(v) if isinstance(v, (str, int)) else c.read((*loc, i), any_text, v)
        for i, v in enumerate(listed)
    ]
    keys = [v for v in found if not isinstance(v, Bad)]
    problem = None
    if len(keys) > MAX_MATTERS_MOST:
        problem = _("marks %(n)d statements as mattering most; at most %(max)d may be marked") % {
            "n": len(keys),
            "max": MAX_MATTERS_MOST,
        }
    elif len(set(keys)) < len(keys):
        problem = _("names the same statement more than once")
    if problem is not None:
        if len(c.problems) == count:  # said only of a list whose ids are all fine
            c.fail(loc, problem)
        return []
    return keys


def _reflections(c: Checker, value: Any) -> Reflections:
    loc: Loc = ("reflections",)
    data = c.fields(value, loc, _REFLECTIONS)
    if data is None:
        return Reflections()
    why = c.read((*loc, "why"), optional_text, data.get("why"))
    bring = c.read((*loc, "bring_and_take"), optional_text, data.get("bring_and_take"))
    return Reflections(
        why=None if isinstance(why, Bad) else why,
        bring_and_take=None if isinstance(bring, Bad) else bring,
    )


def action_id(value: Any) -> str:
    """An action's id: a letter or digit, then letters, digits, - or _ (at most 60)."""
    key = required_text(as_text(value))
    if (
        len(key) > MAX_ACTION_ID
        or not (key[0].isascii() and key[0].isalnum())
        or not all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in key)
    ):
        raise ValueError(
            _(
                "must start with a letter or a digit and go on with letters, digits, - or _ "
                "(at most %(max)d characters), such as share-budget (got %(value)s)"
            )
            % {"max": MAX_ACTION_ID, "value": shown(key)}
        )
    return key


def _action(c: Checker, value: Any, loc: Loc) -> Action | None:
    """One action; ``None`` without its id or words (a field with a problem is left out)."""
    data = c.fields(value, loc, _ACTION, required=("id", "text"))
    if data is None:
        return None
    get = data.get
    key = c.read((*loc, "id"), action_id, data["id"]) if "id" in data else BAD
    words = c.read((*loc, "text"), _name, data["text"]) if "text" in data else BAD
    values = {
        name: c.read((*loc, name), optional_text, get(name))
        for name in ("practice", "statement", "owner", "note")
    }
    due = c.read((*loc, "due"), parse_due, get("due"))
    status = c.read((*loc, "status"), parse_status, data["status"]) if "status" in data else None
    if isinstance(key, Bad) or isinstance(words, Bad):
        return None
    action = Action(id=key, text=words, due=None if isinstance(due, Bad) else due)
    for name, found in values.items():
        if not isinstance(found, Bad):
            setattr(action, name, found)
    if status is not None and not isinstance(status, Bad):
        action.status = status
    return action


def _actions(c: Checker, value: Any) -> list[Action]:
    return c.read_list(("actions",), value, _action, _repeated_action_id)


def _repeated_action_id(actions: list[Action]) -> str | None:
    seen: set[str] = set()
    for action in actions:
        if action.id in seen:
            return _("action id %(id)s is used more than once") % {"id": repr(action.id)}
        seen.add(action.id)
    return None
