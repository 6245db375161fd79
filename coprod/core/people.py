"""One person, several files: finding a person who appears more than once in a group (pure).

A folder often holds one person's September and December files; read together they
would count her twice. A person is known by the name they gave (compared without case or
extra spaces) within one project; files without a name cannot be matched, and are
never merged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from coprod.core.answers import LoadedAnswers
from coprod.core.models import slugify
from coprod.errors import CoprodError, Problem
from coprod.i18n import _


@dataclass(frozen=True)
class Repeated:
    """A person named in more than one file: the name as first given, and each file's date."""

    name: str
    files: list[LoadedAnswers]

    @property
    def dates(self) -> list[dt.date | None]:
        return [f.answers.date for f in self.files]


def _key(loaded: LoadedAnswers) -> tuple[str, str] | None:
    person = loaded.answers.respondent
    if person is None or not person.name or not person.name.strip():
        return None
    name = " ".join(person.name.split()).casefold()
    return slugify(loaded.answers.project.name), name


def repeated_people(files: Sequence[LoadedAnswers]) -> list[Repeated]:
    """Everyone named in two or more of ``files``, in the order they first appear."""
    groups: dict[tuple[str, str], list[LoadedAnswers]] = {}
    for loaded in files:
        key = _key(loaded)
        if key is not None:
            groups.setdefault(key, []).append(loaded)
    return [
        Repeated(str(group[0].answers.respondent.name).strip(), group)  # type: ignore[union-attr]
        for group in groups.values()
        if len(group) > 1
    ]


def _when(loaded: LoadedAnswers) -> dt.date:
    return loaded.answers.date or dt.date.min


def latest_per_person(files: Sequence[LoadedAnswers]) -> list[LoadedAnswers]:
    """``files`` with only each named person's newest file (by its date; the later file
    given wins a tie), in the order given; unnamed files are all kept."""
    newest: dict[tuple[str, str], LoadedAnswers] = {}
    for loaded in files:
        key = _key(loaded)
        if key is not None and (key not in newest or _when(loaded) >= _when(newest[key])):
            newest[key] = loaded
    keep = {id(f) for f in newest.values()}
    return [f for f in files if _key(f) is None or id(f) in keep]


def check_same_project(files: list[LoadedAnswers], *, what: str, modes: bool = True) -> None:
    """Reject a mix of projects (or, with ``modes``, of full/quick answers), naming the odd file."""
    first = files[0].answers
    for other in files[1:]:
        a = other.answers
        if slugify(a.project.name) != slugify(first.project.name):
            raise CoprodError(
                Problem(
                    _(
                        "is for project %(project)s, but %(first_file)s is for %(first)s; "
                        "%(command)s reads answers for one project"
                    )
                    % {
                        "project": repr(a.project.name),
                        "first_file": files[0].path,
                        "first": repr(first.project.name),
                        "command": what,
                    },
                    other.path,
                )
            )
        if modes and a.mode != first.mode:
            raise CoprodError(
                Problem(
                    _(
                        "is a %(mode)s assessment, but %(first_file)s is %(first_mode)s; "
                        "%(command)s compares like with like"
                    )
                    % {
                        "mode": a.mode,
                        "first_file": files[0].path,
                        "first_mode": first.mode,
                        "command": what,
                    },
                    other.path,
                )
            )
