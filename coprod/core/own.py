"""The group's own statements: what a group itself values, rated like the report's (pure).

A statements file (``version: 1``, ``statements: [{id, text, practice?}]``) names up to
:data:`MAX_OWN` statements, each id starting ``own-``. People rate them like the report's
statements (0-4, Don't know, Not applicable); an answers file keeps the definitions it
answered (``own_statements``) and the ratings under their ids in ``ratings``, so it reads
on its own. Own statements are shown in their own section, counted in agreement, the sides
of the table and what matters most, and never in the seven practices' scores.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coprod.core.checker import BAD, Bad, Checker, any_text, field_path, whole_number
from coprod.core.document import Document
from coprod.core.model_base import Record, dump
from coprod.core.models import Content
from coprod.core.scoring import Rating, round_half_up
from coprod.errors import CoprodError, Problem
from coprod.i18n import N_, _

STATEMENTS_VERSION = 1
MAX_OWN = 20  # statements in one file, and in one workshop
MAX_OWN_TEXT = 200  # characters in one statement
MAX_OWN_ID = 60
PREFIX = "own-"
OWN_SECTION = N_("Our own statements")

STATEMENTS_EXAMPLE = N_("""A statements file looks like this:
  version: 1
  statements:
    - id: own-listened
      text: Residents' ideas change what the council does.
      practice: participation   # optional: the practice it belongs with""")


def is_own(key: str) -> bool:
    """Whether ``key`` is an own statement's id (``own-…``)."""
    return key.startswith(PREFIX)


def check_id(value: Any) -> str:
    """An own statement's id: ``own-`` then letters, digits, - or _ (a number is its text)."""
    key = any_text(_as_text(value))
    rest = key.removeprefix(PREFIX)
    allowed = rest and rest[0].isascii() and rest[0].isalnum()
    if (
        not key.startswith(PREFIX)
        or not allowed
        or len(key) > MAX_OWN_ID
        or not all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in rest)
    ):
        raise ValueError(
            _(
                "must start with own- and go on with letters, digits, - or _ (at most "
                "%(max)d characters), such as own-listened (got %(value)s)"
            )
            % {"max": MAX_OWN_ID, "value": repr(key[:70])}
        )
    return key


def statement_words(value: Any) -> str:
    """A statement's words, on one line: at most :data:`MAX_OWN_TEXT` characters."""
    words = " ".join(any_text(_as_text(value)).split())
    if not words:
        raise ValueError(_("must be the statement's words (it is empty)"))
    if len(words) > MAX_OWN_TEXT:
        raise ValueError(
            _("is %(n)d characters long; a statement is at most %(max)d")
            % {"n": len(words), "max": MAX_OWN_TEXT}
        )
    return words


def _practice(value: Any) -> str | None:
    value = _as_text(value)
    if value is None:
        return None
    return any_text(value).strip() or None


def _as_text(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


@dataclass(kw_only=True, eq=False, repr=False)
class OwnStatement(Record):
    """One of the group's own statements: its id, its words, and the practice it sits with."""

    id: str
    text: str
    practice: str | None = None

    @classmethod
    def checked(cls, *, id: Any, text: Any, practice: Any = None) -> OwnStatement:
        """A statement from values given, checked and tidied (a :class:`ValueError` if not)."""
        return cls(id=check_id(id), text=statement_words(text), practice=_practice(practice))


_FIELDS = frozenset({"id", "text", "practice"})


def read_statement(c: Checker, value: Any, loc: tuple[int | str, ...]) -> OwnStatement | None:
    """One statement of a file (a statements file's, an answers file's), its problems noted
    in ``c``; ``None`` without a good id and words (a bad ``practice`` is left out)."""
    data = c.fields(value, loc, _FIELDS, required=("id", "text"))
    if data is None:
        return None
    key = c.read((*loc, "id"), check_id, data["id"]) if "id" in data else BAD
    words = c.read((*loc, "text"), statement_words, data["text"]) if "text" in data else BAD
    practice = c.read((*loc, "practice"), _practice, data.get("practice"))
    if isinstance(key, Bad) or isinstance(words, Bad):
        return None
    return OwnStatement(
        id=key, text=words, practice=None if isinstance(practice, Bad) else practice
    )


def list_problem(statements: Sequence[OwnStatement]) -> str | None:
    """What is wrong with a list of statements as a whole: more than :data:`MAX_OWN`, or an
    id used twice."""
    if len(statements) > MAX_OWN:
        return _("has %(n)d statements; at most %(max)d may be given") % {
            "n": len(statements),
            "max": MAX_OWN,
        }
    seen: set[str] = set()
    for statement in statements:
        if statement.id in seen:
            return _("statement id %(id)s is used more than once") % {"id": statement.id}
        seen.add(statement.id)
    return None


def read_statements(c: Checker, value: Any, loc: tuple[int | str, ...]) -> list[OwnStatement]:
    """A list of statements (blank is none): those without a problem; every problem in ``c``.

    The list as a whole is checked once its statements are (and, with a problem, set aside).
    """
    return c.read_list(loc, value, read_statement, list_problem)


def unknown_practices(
    statements: Sequence[OwnStatement], content: Content, doc: Document, where: str
) -> list[Problem]:
    """A problem for each statement whose ``practice`` the content does not have."""
    ids = [p.id for p in content.practices]
    return [
        Problem(
            _("unknown practice id %(id)s (one of: %(ids)s)")
            % {"id": repr(s.practice), "ids": ", ".join(ids)},
            doc.path,
            doc.line_of((where, i, "practice")),
            field_path((where, i, "practice")),
        )
        for i, s in enumerate(statements)
        if s.practice is not None and s.practice not in ids
    ]


def statements_from_document(doc: Document, content: Content) -> list[OwnStatement]:
    """A statements file's statements, checked; else every problem with its line and field."""
    if not isinstance(doc.data, dict) or "statements" not in doc.data:
        raise CoprodError(
            Problem(
                _("not a statements file: it needs version: 1 and a list of statements"),
                doc.path,
                doc.line_of(()),
            ),
            hint=_(STATEMENTS_EXAMPLE),
        )
    c = Checker(doc)
    data = c.fields(doc.data, (), ("version", "statements"), required=("version",))
    assert data is not None
    if "version" in data:
        version = c.read(("version",), whole_number, data["version"])
        if not isinstance(version, Bad) and version != STATEMENTS_VERSION:
            c.fail(
                ("version",),
                _("must be %(version)d (the statements file's version)")
                % {"version": STATEMENTS_VERSION},
            )
    count = len(c.problems)
    statements = read_statements(c, data["statements"], ("statements",))
    if not statements and len(c.problems) == count:
        c.fail(("statements",), _("must list at least one statement"))
    if c.problems:
        raise CoprodError(c.problems, hint=_(STATEMENTS_EXAMPLE))
    problems = unknown_practices(statements, content, doc, "statements")
    if problems:
        raise CoprodError(problems)
    return statements


def statements_yaml(statements: Sequence[OwnStatement]) -> dict[str, Any]:
    """A statements file's data (the workshop keeps its own statements as one)."""
    return {
        "version": STATEMENTS_VERSION,
        "statements": [dump(s, exclude_none=True) for s in statements],
    }


def merge(
    defined: Sequence[tuple[Path | str, Sequence[OwnStatement]]],
) -> tuple[list[OwnStatement], list[str]]:
    """Definitions from several files merged by id, in first-seen order.

    The same id with different words keeps the first file's and says so, naming both files.
    """
    found: dict[str, tuple[OwnStatement, Path | str]] = {}
    warnings: list[str] = []
    for path, statements in defined:
        for statement in statements:
            first = found.get(statement.id)
            if first is None:
                found[statement.id] = (statement, path)
            elif first[0].text != statement.text:
                warnings.append(
                    _(
                        "own statement %(id)s has different words in %(file)s and in "
                        "%(first)s; the words in %(first)s are shown"
                    )
                    % {"id": statement.id, "file": path, "first": first[1]}
                )
    return [s for s, _path in found.values()], warnings


def add_statement(
    statements: Sequence[OwnStatement], text: str, practice: str | None = None
) -> OwnStatement:
    """A new statement with an id made from its words, unused in ``statements``."""
    from coprod.core.models import slugify

    taken = {s.id for s in statements}
    slug = slugify(text)[:40].rstrip("-")
    if slug == "project" and "project" not in text.casefold():  # slugify's word for none
        slug = "statement"
    stem = PREFIX + slug
    key, n = stem, 2
    while key in taken:
        key = f"{stem}-{n}"
        n += 1
    return OwnStatement.checked(id=key, text=text, practice=practice)


@dataclass(frozen=True)
class OwnScore:
    """How a group rated one own statement: counts only, never who."""

    statement: OwnStatement
    ratings: tuple[Rating, ...]

    @property
    def scale(self) -> list[int]:
        return [r for r in self.ratings if isinstance(r, int) and not isinstance(r, bool)]

    @property
    def n(self) -> int:
        return len(self.scale)

    @property
    def mean(self) -> float | None:
        return (
            round_half_up(math.fsum(self.scale) / len(self.scale) * 10) / 10 if self.scale else None
        )

    @property
    def low(self) -> int | None:
        return min(self.scale) if self.scale else None

    @property
    def high(self) -> int | None:
        return max(self.scale) if self.scale else None

    @property
    def dont_know(self) -> int:
        return sum(r == "dont_know" for r in self.ratings)

    @property
    def na(self) -> int:
        return sum(r == "na" for r in self.ratings)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.statement.id,
            "text": self.statement.text,
            "practice": self.statement.practice,
            "n": self.n,
            "mean": self.mean,
            "low": self.low,
            "high": self.high,
            "dont_know": self.dont_know,
            "na": self.na,
        }


def scores(
    statements: Sequence[OwnStatement], ratings: Sequence[dict[str, Rating]]
) -> list[OwnScore]:
    """Each own statement's ratings across people, in the statements' order."""
    return [OwnScore(s, tuple(r[s.id] for r in ratings if s.id in r)) for s in statements]
