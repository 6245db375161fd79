"""Reading ``DIR/.coprod-workshop.json`` back: validated like any other input.

The state file is ours, but it sits in a folder people open, copy and edit. Whatever
is in it, reading it ends in settings a server can trust, or in a
:class:`~coprod.errors.CoprodError` naming the file, the line and the field (exit 2):
never a traceback, never a server whose phones all get a 500, and never a missing,
short or guessable secret (a ``null`` token once opened ``/f/None/``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprod.errors import CoprodError, Problem
from coprod.i18n import _

if TYPE_CHECKING:
    from coprod.core.models import Content
    from coprod.core.own import OwnStatement

STATE_VERSION = 1
MAX_STATE_BYTES = 16 * 1024 * 1024
MIN_SECRET = 32  # characters of secrets.token_urlsafe(24): 192 bits
SECRET_SHAPE = re.compile(r"[A-Za-z0-9_-]+")
KEY_HASH_SHAPE = re.compile(r"(?:[0-9a-f]{64})?")  # "" for a file found after a crash
FILE_SHAPE = re.compile(r"participant-[0-9]{1,9}(?:-[0-9]{1,9})?\.yaml")
MAX_PARTICIPANTS = 100_000
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L to misread
CODE_LENGTH = 6


@dataclass
class StateData:
    settings: dict[str, Any]  # checked: the fields of coprod.web.state.Settings
    people: list[tuple[int, str, str]]  # number, key hash, file name
    revealed: bool
    wall: dict[str, Any] | None = None  # what the projector page shows (checked when used)


def _line_of(text: str, key: str, nth: int = 0) -> int | None:
    """The line of the ``nth`` ``"key":`` in the file (a guide for the reader)."""
    found = list(re.finditer(r'"' + re.escape(key) + r'"\s*:', text))
    if len(found) <= nth:
        return None
    return text.count("\n", 0, found[nth].start()) + 1


class _Checker:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.problems: list[Problem] = []

    def problem(self, message: str, field: str, key: str, nth: int = 0) -> None:
        self.problems.append(Problem(message, self.path, _line_of(self.text, key, nth), field))

    def whole(self, data: dict[str, Any], name: str, field: str, low: int, high: int) -> None:
        value = data.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(
                _("should be a whole number from %(low)d to %(high)d") % {"low": low, "high": high},
                field,
                name,
            )

    def secret(self, data: dict[str, Any], name: str) -> None:
        value = data.get(name)
        if (
            not isinstance(value, str)
            or len(value) < MIN_SECRET
            or not SECRET_SHAPE.fullmatch(value)
        ):
            self.problem(
                _(
                    "is missing or too short: a secret address is at least %(n)d letters, "
                    "digits, - or _"
                )
                % {"n": MIN_SECRET},
                f"settings.{name}",
                name,
            )


def read_state(path: Path) -> StateData:
    """The state file's settings, participants and Reveal, checked; else a clear error."""
    from coprod.core.answers import STAGES
    from coprod.storage.yamlio import read_text

    text = read_text(path, what=_("a coprod workshop state file"), max_bytes=MAX_STATE_BYTES)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _unreadable(
            Problem(_("is not valid JSON: %(error)s") % {"error": exc.msg}, path, exc.lineno)
        ) from None
    except RecursionError:
        raise _unreadable(
            Problem(_("is nested too deeply to be a workshop state file"), path)
        ) from None
    check = _Checker(path, text)
    if not isinstance(data, dict):
        raise _unreadable(
            Problem(_("should hold one JSON object (version, settings, people)"), path, 1)
        )
    if data.get("version") != STATE_VERSION:
        check.problem(
            _("should be %(version)d (this coprod's workshop state version)")
            % {"version": STATE_VERSION},
            "version",
            "version",
        )
        raise _unreadable(*check.problems)
    settings = data.get("settings")
    if not isinstance(settings, dict):
        check.problem(_("should be an object with the workshop's settings"), "settings", "settings")
        raise _unreadable(*check.problems)
    s: dict[str, Any] = settings
    if not isinstance(s.get("project"), str) or not s["project"].strip():
        check.problem(_("should be the project's name (text)"), "settings.project", "project")
    if s.get("stage") is not None and s.get("stage") not in STAGES:
        check.problem(
            _("should be one of %(choices)s, or null") % {"choices": ", ".join(STAGES)},
            "settings.stage",
            "stage",
        )
    if s.get("mode") not in ("full", "quick"):
        check.problem(
            _("should be one of %(choices)s") % {"choices": "full, quick"}, "settings.mode", "mode"
        )
    if not isinstance(s.get("anonymous"), bool):
        check.problem(_("should be true or false"), "settings.anonymous", "anonymous")
    check.whole(s, "max_participants", "settings.max_participants", 1, MAX_PARTICIPANTS)
    check.secret(s, "join_token")
    check.secret(s, "facilitator_token")
    if s.get("join_token") == s.get("facilitator_token") and isinstance(s.get("join_token"), str):
        check.problem(
            _("is the same as the participants' secret: the two must differ"),
            "settings.facilitator_token",
            "facilitator_token",
        )
    if s.get("projector_token") not in (None, ""):  # an older folder: made when opened
        check.secret(s, "projector_token")
        if s.get("projector_token") in (s.get("join_token"), s.get("facilitator_token")):
            check.problem(
                _("is the same as another secret: the three must differ"),
                "settings.projector_token",
                "projector_token",
            )
    if s.get("port") is not None:
        check.whole(s, "port", "settings.port", 1, 65535)
    code = s.get("code")
    if code not in (None, "") and (
        not isinstance(code, str)
        or len(code) != CODE_LENGTH
        or any(ch not in CODE_ALPHABET for ch in code)
    ):
        check.problem(
            _("should be %(n)d capital letters and digits (or left out for a new one)")
            % {"n": CODE_LENGTH},
            "settings.code",
            "code",
        )
    if not isinstance(s.get("created", ""), str):
        check.problem(_("should be a date (text)"), "settings.created", "created")
    revealed = data.get("revealed", False)
    if not isinstance(revealed, bool):
        check.problem(_("should be true or false"), "revealed", "revealed")
    people = _people(check, data.get("people"))
    if check.problems:
        raise _unreadable(*check.problems)
    wall = data.get("wall")
    return StateData(s, people, revealed, wall if isinstance(wall, dict) else None)


def _people(check: _Checker, people: object) -> list[tuple[int, str, str]]:
    if not isinstance(people, list):
        check.problem(_("should be a list of participants"), "people", "people")
        return []
    records: list[tuple[int, str, str]] = []
    numbers: set[int] = set()
    for i, person in enumerate(people):
        field = f"people[{i}]"
        if not isinstance(person, dict):
            check.problem(_("should be an object with number, key and file"), field, "people")
            continue
        number, key, file = person.get("number"), person.get("key"), person.get("file")
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number < 10**9:
            check.problem(_("should be a whole number from 1"), f"{field}.number", "number", i)
            continue
        if number in numbers:
            check.problem(_("is given twice"), f"{field}.number", "number", i)
        if not isinstance(key, str) or not KEY_HASH_SHAPE.fullmatch(key):
            check.problem(
                _("should be the SHA-256 of the participant's key (64 hex digits)"),
                f"{field}.key",
                "key",
                i,
            )
        if not isinstance(file, str) or not FILE_SHAPE.fullmatch(file):
            check.problem(
                _("should be a file name in the workshop's folder, like participant-001.yaml"),
                f"{field}.file",
                "file",
                i,
            )
        if isinstance(key, str) and isinstance(file, str):
            records.append((number, key, file))
        numbers.add(number)
    return records


def _unreadable(*problems: Problem) -> CoprodError:
    return CoprodError(
        list(problems),
        hint=_(
            "This is the workshop's own state file: put back the copy you changed, or start "
            "a new workshop with another --out folder."
        ),
    )


def folder_is_anonymous(folder: Path) -> bool:
    """Whether ``folder`` holds an ``--anonymous`` workshop (its state file says so).

    A state file that cannot be read says nothing either way: then it is treated as
    anonymous, the safe side (names can be asked for with ``--named``).
    """
    path = folder / ".coprod-workshop.json"
    try:
        if not path.is_file():
            return False
        with path.open("rb") as handle:
            data = json.loads(handle.read(MAX_STATE_BYTES))
        settings = data.get("settings") if isinstance(data, dict) else None
        return not (isinstance(settings, dict) and settings.get("anonymous") is False)
    except (OSError, ValueError, RecursionError):
        return True


OWN_FILE = ".coprod-statements.yaml"  # hidden: never one of DIR/*.yaml's answers files


def read_own(folder: Path, content: Content) -> list[OwnStatement]:
    """The group's own statements kept in the workshop's folder (``--statements`` and the
    console's): an ordinary statements file, checked like one (its line on a problem)."""
    if not (folder / OWN_FILE).exists():
        return []
    from coprod.storage.inputs import load_statements

    return load_statements(folder / OWN_FILE, content)
