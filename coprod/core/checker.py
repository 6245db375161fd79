"""A small, pure validator for the files a person writes by hand (answers, statements).

The answers and statements models are plain dataclasses; their files are read by
hand-written functions (:mod:`coprod.core.answers_read`, :mod:`coprod.core.own`) that
use what is here: a :class:`Checker` that collects every problem of a document with its
line and dotted field, and the value readers for the kinds of value those files hold,
each raising :class:`ValueError` with coprod's own words in the user's language (so a
Welsh run reads Welsh, which pydantic's English-only messages never did). pydantic
stays for the content files (:mod:`coprod.core.validation`).
"""

from __future__ import annotations

import datetime as dt
import reprlib
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any, TypeVar

from coprod.errors import MAX_SHOWN, Problem
from coprod.i18n import N_, _

if TYPE_CHECKING:
    from coprod.core.document import Document

T = TypeVar("T")

UNKNOWN = N_("unknown field (check the spelling; see `coprod data validate`)")
MISSING = N_("required field is missing")

_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlevel = 2
_SHORT.maxlist = _SHORT.maxdict = 4


#: What a value is, as a message names it ("is a list; expected …").
KIND = {
    "str": N_("a piece of text"),
    "int": N_("a number"),
    "float": N_("a number"),
    "list": N_("a list"),
    "bool": N_("yes/no"),
    "NoneType": N_("empty"),
}


def brief_repr(value: object) -> str:
    """A value's repr, bounded even for deep or aliased input (it may still be long)."""
    return _SHORT.repr(value)


def shown(value: object) -> str:
    """A value as a message shows it: its repr, at most 60 characters."""
    text = _SHORT.repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def field_path(loc: Collection[int | str]) -> str:
    """``("practices", 2, "statements", 0, "id")`` -> ``practices[2].statements[0].id``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


class Bad:
    """What a reader gives for a value with a problem (the problem is already noted)."""


BAD = Bad()


class Checker:
    """Every problem of one document, each with its file, line and dotted field.

    The first :data:`~coprod.errors.MAX_SHOWN` problems are located (a message shows only
    those); the rest are counted, so a file of thousands of problems costs no more.
    """

    __slots__ = ("doc", "problems")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def fail(self, loc: tuple[int | str, ...], message: str) -> None:
        """Note the problem ``message`` with the value at ``loc``."""
        if len(self.problems) >= MAX_SHOWN:
            self.problems.append(Problem(message, self.doc.path))
            return
        where = field_path(loc) or None
        self.problems.append(Problem(message, self.doc.path, self.doc.line_of(loc), where))

    def read(self, loc: tuple[int | str, ...], reader: Callable[[Any], T], value: Any) -> T | Bad:
        """``reader(value)``, or :data:`BAD` with the reader's problem noted at ``loc``."""
        try:
            return reader(value)
        except ValueError as exc:
            self.fail(loc, str(exc))
            return BAD

    def read_list(
        self,
        loc: tuple[int | str, ...],
        value: Any,
        read_one: Callable[[Checker, Any, tuple[int | str, ...]], T | None],
        whole: Callable[[list[T]], str | None],
    ) -> list[T]:
        """A list read item by item (those without a problem kept), then checked as a whole
        by ``whole`` (a message, or ``None``). The whole's problem is said only of a list
        whose items are all fine, and sets the list aside (an empty list is returned)."""
        listed = self.read(loc, items, value)
        if isinstance(listed, Bad):
            return []
        count = len(self.problems)
        found = [read_one(self, v, (*loc, i)) for i, v in enumerate(listed)]
        kept = [item for item in found if item is not None]
        problem = whole(kept)
        if problem is not None:
            if len(self.problems) == count:
                self.fail(loc, problem)
            return []
        return kept

    def fields(
        self,
        value: Any,
        loc: tuple[int | str, ...],
        known: Collection[str],
        required: tuple[str, ...] = (),
    ) -> dict[Any, Any] | None:
        """``value`` as a mapping of the ``known`` fields; ``None`` if it is not a mapping.

        An unknown key and a missing ``required`` field are problems; the known fields
        that are given are for the caller to read.
        """
        if not isinstance(value, dict):
            self.fail(loc, must_be_pairs(value))
            return None
        for key in value:
            if key not in known:
                self.fail((*loc, str(key)), _(UNKNOWN))
        for name in required:
            if name not in value:
                self.fail((*loc, name), _(MISSING))
        return value


def must_be_pairs(value: Any) -> str:
    return _("must be key: value pairs (got %(value)s)") % {"value": shown(value)}


def required_text(value: Any) -> str:
    """A piece of text (a blank one is refused: it says nothing)."""
    if isinstance(value, str):
        if not value:
            raise ValueError(_("must not be empty"))
        return value
    if value is None:
        raise ValueError(_("must not be empty"))
    raise ValueError(_("must be a piece of text (got %(value)s)") % {"value": shown(value)})


def any_text(value: Any) -> str:
    """A piece of text, blank or not."""
    if isinstance(value, str):
        return value
    return required_text(value)


def as_text(value: Any) -> Any:
    """A number or a date written where text is wanted, as the text it was written as."""
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return str(value)
    return value


def optional_text(value: Any) -> str | None:
    """Text, or nothing; a number or a date is the text it was written as."""
    if value is None:
        return None
    return any_text(as_text(value))


def whole_number(value: Any) -> int:
    """A whole number: ``3``, ``3.0`` or ``"3"``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, str):
        word = value.strip()
        digits = word[1:] if word[:1] in ("+", "-") else word
        if digits.isdecimal() and digits.isascii() and len(digits) <= 15:
            return int(word)
    raise ValueError(_("must be a whole number (got %(value)s)") % {"value": shown(value)})


_YES = frozenset({"yes", "y", "true", "t", "on", "1"})
_NO = frozenset({"no", "n", "false", "f", "off", "0"})


def yes_or_no(value: Any) -> bool:
    """Yes or no: YAML's booleans, the words yes/no, true/false, on/off, or 1/0."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
    raise ValueError(_("must be yes or no (got %(value)s)") % {"value": shown(value)})


def items(value: Any) -> list[Any]:
    """A list (a blank value is an empty list)."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    raise ValueError(_("must be a list (got %(value)s)") % {"value": shown(value)})
