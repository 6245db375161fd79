"""The content folder's files, and the rules that hold across them (pure: no I/O).

:mod:`coprod.storage.content` reads and validates each file on its own; the rules
here check what no single file can: that every id is unique, every reference
names something that exists, and ``replaces`` names statements of the previous
content version. One function per rule, each returning its problems with the
file, line and field; :func:`check_content` runs them all.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from coprod.core.models import (
    FILE_NAMES,
    Background,
    Case,
    Content,
    Criteria,
    Meta,
    Method,
    Practice,
    SourceRef,
    Strategy,
    Strict,
)
from coprod.core.validation import field_path
from coprod.errors import Problem
from coprod.i18n import N_, _

if TYPE_CHECKING:
    from coprod.core.document import Document

Loc = tuple[int | str, ...]


class PracticesFile(Strict):
    practices: list[Practice]


class CasesFile(Strict):
    cases: list[Case]


class MethodsFile(Strict):
    methods: list[Method]


class StrategiesFile(Strict):
    strategies: list[Strategy]


#: Every file of a content folder, and the model it holds.
FILES: dict[str, type[Strict]] = dict(
    zip(
        FILE_NAMES,
        (Meta, PracticesFile, Criteria, CasesFile, MethodsFile, StrategiesFile, Background),
        strict=True,
    )
)


@dataclass
class Parsed:
    """One content file: the parsed document (for lines) and its validated model."""

    doc: Document
    model: Strict


class _Folder:
    """The parsed files, with typed access and a way to report a problem at a location."""

    def __init__(self, parsed: dict[str, Parsed]) -> None:
        self.parsed = parsed
        self.problems: list[Problem] = []
        self.meta = cast(Meta, parsed["meta.yaml"].model)
        self.practices: list[Practice] = cast(
            PracticesFile, parsed["practices.yaml"].model
        ).practices
        self.criteria = cast(Criteria, parsed["criteria.yaml"].model)
        self.cases: list[Case] = cast(CasesFile, parsed["cases.yaml"].model).cases
        self.methods: list[Method] = cast(MethodsFile, parsed["methods.yaml"].model).methods
        self.strategies: list[Strategy] = cast(
            StrategiesFile, parsed["strategies.yaml"].model
        ).strategies
        self.background = cast(Background, parsed["background.yaml"].model)

    def problem(self, file: str, loc: Loc, message: str) -> None:
        doc = self.parsed[file].doc
        self.problems.append(Problem(message, doc.path, doc.line_of(loc), field_path(loc)))

    def unique(self, file: str, items: Sequence[tuple[Loc, str]], said: str) -> None:
        """``said``: the message (marked with N_), with ``%(id)s`` for the repeated id."""
        counts = Counter(value for _loc, value in items)
        for loc, value in items:
            if counts[value] > 1:
                self.problem(file, loc, _(said) % {"id": repr(value)})
                counts[value] = 0  # report each duplicate once


def _known(ids: set[str] | Sequence[str]) -> str:
    return ", ".join(sorted(ids))


def _unique_ids(f: _Folder) -> None:
    """Each kind of id is given once."""
    practices = f.practices
    f.unique(
        "practices.yaml",
        [(("practices", i, "id"), p.id) for i, p in enumerate(practices)],
        N_("practice id %(id)s is used more than once"),
    )
    f.unique(
        "practices.yaml",
        [
            (("practices", i, "statements", j, "id"), s.id)
            for i, p in enumerate(practices)
            for j, s in enumerate(p.statements)
        ],
        N_("statement id %(id)s is used more than once"),
    )
    f.unique(
        "practices.yaml",
        [
            (("practices", i, "key_points", j, "id"), k.id)
            for i, p in enumerate(practices)
            for j, k in enumerate(p.key_points)
        ],
        N_("key point id %(id)s is used more than once"),
    )
    criterion_locs = [
        ((group, i, "id"), c.id)
        for group in ("favourable", "warning", "caveats")
        for i, c in enumerate(getattr(f.criteria, group))
    ]
    f.unique("criteria.yaml", criterion_locs, N_("criterion id %(id)s is used more than once"))
    f.unique(
        "cases.yaml",
        [(("cases", i, "id"), c.id) for i, c in enumerate(f.cases)],
        N_("case id %(id)s is used more than once"),
    )
    f.unique(
        "methods.yaml",
        [(("methods", i, "id"), m.id) for i, m in enumerate(f.methods)],
        N_("method id %(id)s is used more than once"),
    )
    f.unique(
        "strategies.yaml",
        [(("strategies", i, "id"), s.id) for i, s in enumerate(f.strategies)],
        N_("strategy id %(id)s is used more than once"),
    )


def _numbered_in_order(f: _Folder, i: int, p: Practice) -> None:
    """Practices are numbered 1, 2, 3… in the order they are listed."""
    if p.number != i + 1:
        f.problem(
            "practices.yaml",
            ("practices", i, "number"),
            _("expected %(n)d (practices are listed in order)") % {"n": i + 1},
        )


def _statements_name_key_points(f: _Folder, i: int, p: Practice) -> None:
    """Each statement names a key point of its practice."""
    key_point_ids = {k.id for k in p.key_points}
    for j, s in enumerate(p.statements):
        if s.key_point not in key_point_ids:
            f.problem(
                "practices.yaml",
                ("practices", i, "statements", j, "key_point"),
                _("no key point %(key_point)s in practice %(practice)s")
                % {"key_point": repr(s.key_point), "practice": repr(p.id)},
            )


def _key_points_have_statements(f: _Folder, i: int, p: Practice) -> None:
    """Each key point has at least one statement."""
    covered = {s.key_point for s in p.statements}
    for j, k in enumerate(p.key_points):
        if k.id not in covered:
            f.problem(
                "practices.yaml",
                ("practices", i, "key_points", j),
                _("key point %(id)s has no statement") % {"id": repr(k.id)},
            )


def _case_links_exist(f: _Folder, i: int, p: Practice) -> None:
    """A practice's cases are cases of cases.yaml."""
    case_ids = {c.id for c in f.cases}
    for j, link in enumerate(p.cases):
        if link.case not in case_ids:
            f.problem(
                "practices.yaml",
                ("practices", i, "cases", j, "case"),
                _("unknown case %(id)s (known: %(known)s)")
                % {"id": repr(link.case), "known": _known(case_ids)},
            )


#: The rules for one practice, run practice by practice (so its problems stay together).
PRACTICE_RULES: tuple[Callable[[_Folder, int, Practice], None], ...] = (
    _numbered_in_order,
    _statements_name_key_points,
    _key_points_have_statements,
    _case_links_exist,
)


def _each_practice(f: _Folder) -> None:
    for i, p in enumerate(f.practices):
        for rule in PRACTICE_RULES:
            rule(f, i, p)


def _case_methods_and_strategies_exist(f: _Folder) -> None:
    """A case's methods and strategy are declared in methods.yaml and strategies.yaml."""
    method_ids = {m.id for m in f.methods}
    strategy_ids = {s.id for s in f.strategies}
    for i, c in enumerate(f.cases):
        for j, mid in enumerate(c.methods):
            if mid not in method_ids:
                f.problem(
                    "cases.yaml",
                    ("cases", i, "methods", j),
                    _("unknown method %(id)s (add it to %(file)s)")
                    % {"id": repr(mid), "file": "methods.yaml"},
                )
        if c.strategy is not None and c.strategy not in strategy_ids:
            f.problem(
                "cases.yaml",
                ("cases", i, "strategy"),
                _("unknown strategy %(id)s (known: %(known)s)")
                % {"id": repr(c.strategy), "known": _known(strategy_ids)},
            )


def _history(f: _Folder) -> None:
    """``replaces`` names statements of an earlier content version, none still asked.

    A statement may take over ids of any earlier version in ``history``: a statement
    kept from the previous version keeps the older ids it replaced, so answers of every
    earlier version still load naming what replaced them.
    """
    meta = f.meta
    earlier = [v for v in meta.history if v.content_version < meta.content_version]
    known = {old for v in earlier for old in v.statements}
    versions = ", ".join(str(v.content_version) for v in earlier)
    current_ids = {s.id for p in f.practices for s in p.statements}
    for i, p in enumerate(f.practices):
        for j, s in enumerate(p.statements):
            for k, old in enumerate(s.replaces):
                loc: Loc = ("practices", i, "statements", j, "replaces", k)
                message = None
                if not earlier:
                    message = _(
                        "replaces %(id)s, but %(file)s has no history of an earlier "
                        "content version to check it against"
                    ) % {"id": repr(old), "file": "meta.yaml"}
                elif old not in known:
                    message = _(
                        "replaces %(id)s, which content version %(version)s "
                        "did not have (see history in %(file)s)"
                    ) % {"id": repr(old), "version": versions, "file": "meta.yaml"}
                elif old in current_ids and old != s.id:
                    message = _("replaces %(id)s, which is still a statement of this version") % {
                        "id": repr(old)
                    }
                if message:
                    f.problem("practices.yaml", loc, message)


def _call_to_action_roles(f: _Folder) -> None:
    """A call to action speaks to roles an answers file can give."""
    from coprod.core.answers import ROLES

    for i, call in enumerate(f.background.calls_to_action):
        for j, role in enumerate(call.roles):
            if role not in ROLES:
                f.problem(
                    "background.yaml",
                    ("calls_to_action", i, "roles", j),
                    _("unknown role %(id)s (known: %(known)s)")
                    % {"id": repr(role), "known": ", ".join(ROLES)},
                )


def _room_characteristics(f: _Folder) -> None:
    """The room's ways name ARC characteristics of background.yaml."""
    background = f.background
    characteristic_ids = {c.id for c in background.arc_characteristics}
    for i, way in enumerate(background.room.ways if background.room else []):
        for j, cid in enumerate(way.characteristics):
            if cid not in characteristic_ids:
                f.problem(
                    "background.yaml",
                    ("room", "ways", i, "characteristics", j),
                    _("unknown characteristic %(id)s (known: %(known)s)")
                    % {"id": repr(cid), "known": _known(characteristic_ids)},
                )


def _walk_sources(obj: Any, loc: Loc = ()) -> Iterator[tuple[Loc, SourceRef]]:
    """Every :class:`SourceRef` inside a model, with its location."""
    if isinstance(obj, SourceRef):
        yield loc, obj
    elif isinstance(obj, Strict):
        for item in dataclasses.fields(obj):
            yield from _walk_sources(getattr(obj, item.name), (*loc, item.name))
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            yield from _walk_sources(item, (*loc, index))


def _sources_declared(f: _Folder) -> None:
    """Every source cites a publication declared in meta.yaml."""
    publication_ids = {p.id for p in f.meta.publications}
    for file, item in f.parsed.items():
        for loc, ref in _walk_sources(item.model):
            if ref.ref not in publication_ids:
                f.problem(
                    file,
                    (*loc, "ref"),
                    _("unknown publication %(id)s (declare it in %(file)s; known: %(known)s)")
                    % {"id": repr(ref.ref), "file": "meta.yaml", "known": _known(publication_ids)},
                )


def _case_sentences_sourced(f: _Folder) -> None:
    """Every sentence of a case's description and summary has its own source."""
    from coprod.core.sentences import sentence_problems

    for i, case in enumerate(f.cases):
        for problem in sentence_problems(case):
            shown = (problem.sentence or "")[:60]
            if problem.starts is None:
                f.problem(
                    "cases.yaml",
                    ("cases", i, problem.field),
                    _(
                        "sentence %(n)d (“%(sentence)s…”) has no source: give it one under "
                        "sentence_sources, in the order the sentences come"
                    )
                    % {"n": problem.index + 1, "sentence": shown},
                )
            elif problem.sentence is None:
                f.problem(
                    "cases.yaml",
                    ("cases", i, "sentence_sources", problem.index),
                    _("names no sentence: the description and the summary have only %(n)d")
                    % {"n": problem.index},
                )
            else:
                f.problem(
                    "cases.yaml",
                    ("cases", i, "sentence_sources", problem.index, "starts"),
                    _("%(starts)s does not begin sentence %(n)d (“%(sentence)s…”)")
                    % {"starts": repr(problem.starts), "n": problem.index + 1, "sentence": shown},
                )


#: The rules, in the order their problems are listed.
RULES: tuple[Callable[[_Folder], None], ...] = (
    _unique_ids,
    _each_practice,
    _case_methods_and_strategies_exist,
    _history,
    _call_to_action_roles,
    _room_characteristics,
    _sources_declared,
    _case_sentences_sourced,
)


def _walk_pictures(obj: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every ``picture:`` in a model, with where it is."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for name in (f.name for f in dataclasses.fields(obj)):
            value = getattr(obj, name)
            if name == "picture" and isinstance(value, str):
                yield (*loc, name), value
            else:
                yield from _walk_pictures(value, (*loc, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _walk_pictures(item, (*loc, i))


def unknown_picture(picture: str, known: frozenset[str]) -> str:
    """The problem with a ``picture:`` that names no picture coprod or the pack has."""
    return _(
        "unknown picture %(id)s: the pictures are %(known)s (a pack may add its own, as "
        "%(file)s in its pictures/ folder)"
    ) % {"id": repr(picture), "known": ", ".join(sorted(known)), "file": f"{picture}.svg"}


def _pictures_exist(f: _Folder, known: frozenset[str]) -> None:
    for file, parsed in f.parsed.items():
        for loc, picture in _walk_pictures(parsed.model):
            if picture not in known:
                f.problem(file, loc, unknown_picture(picture, known))


def check_content(
    parsed: dict[str, Parsed], pictures: frozenset[str] | None = None
) -> list[Problem]:
    """Every problem across the files of a content folder (each file already valid);
    ``pictures``: the picture ids a ``picture:`` may name (None: not checked)."""
    folder = _Folder(parsed)
    for rule in RULES:
        rule(folder)
    if pictures is not None:
        _pictures_exist(folder, pictures)
    return folder.problems


def assemble(parsed: dict[str, Parsed]) -> Content:
    """The content from its checked files."""
    f = _Folder(parsed)
    return Content(
        meta=f.meta,
        practices=f.practices,
        criteria=f.criteria,
        cases=f.cases,
        methods=f.methods,
        strategies=f.strategies,
        background=f.background,
    )
