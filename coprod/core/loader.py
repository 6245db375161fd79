"""Load the content folder (``data/``), validate it and cross-check references.

Every problem found is reported with its file, line and field; all of them at
once, so that an organisation adapting the content can fix a folder in one go.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from coprod.core.models import (
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
from coprod.errors import CoprodError, Problem

if TYPE_CHECKING:
    from coprod.core.yamlio import Document

DATA_DIR_ENV = "COPROD_DATA_DIR"


class PracticesFile(Strict):
    practices: list[Practice]


class CasesFile(Strict):
    cases: list[Case]


class MethodsFile(Strict):
    methods: list[Method]


class StrategiesFile(Strict):
    strategies: list[Strategy]


FILES: dict[str, type[BaseModel]] = {
    "meta.yaml": Meta,
    "practices.yaml": PracticesFile,
    "criteria.yaml": Criteria,
    "cases.yaml": CasesFile,
    "methods.yaml": MethodsFile,
    "strategies.yaml": StrategiesFile,
    "background.yaml": Background,
}


def bundled_data_dir() -> Path:
    """The content shipped with coprod: inside the wheel, or ``data/`` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    inside_wheel = package / "_data"
    return inside_wheel if inside_wheel.is_dir() else package.parent / "data"


def resolve_data_dir(option: Path | None = None) -> Path:
    """``--data-dir``, else ``$COPROD_DATA_DIR``, else the bundled content."""
    if option is not None:
        return option
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env) if env else bundled_data_dir()


@dataclass
class _Parsed:
    doc: Document
    model: BaseModel


def _walk_sources(
    obj: Any, loc: tuple[int | str, ...] = ()
) -> Iterator[tuple[tuple[int | str, ...], SourceRef]]:
    """Every :class:`SourceRef` inside a model, with its location."""
    if isinstance(obj, SourceRef):
        yield loc, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _walk_sources(getattr(obj, name), (*loc, name))
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            yield from _walk_sources(item, (*loc, index))


def _check_references(parsed: dict[str, _Parsed]) -> list[Problem]:
    problems: list[Problem] = []

    def problem(file: str, loc: tuple[int | str, ...], message: str) -> None:
        from coprod.core.validation import field_path

        doc = parsed[file].doc
        problems.append(Problem(message, doc.path, doc.line_of(loc), field_path(loc)))

    def unique(file: str, items: Sequence[tuple[tuple[int | str, ...], str]], what: str) -> None:
        counts = Counter(value for _, value in items)
        for loc, value in items:
            if counts[value] > 1:
                problem(file, loc, f"{what} id {value!r} is used more than once")
                counts[value] = 0  # report each duplicate once

    meta: Meta = parsed["meta.yaml"].model  # type: ignore[assignment]
    practices: list[Practice] = parsed["practices.yaml"].model.practices  # type: ignore[attr-defined]
    criteria: Criteria = parsed["criteria.yaml"].model  # type: ignore[assignment]
    cases: list[Case] = parsed["cases.yaml"].model.cases  # type: ignore[attr-defined]
    methods: list[Method] = parsed["methods.yaml"].model.methods  # type: ignore[attr-defined]
    strategies: list[Strategy] = parsed["strategies.yaml"].model.strategies  # type: ignore[attr-defined]

    case_ids = {c.id for c in cases}
    method_ids = {m.id for m in methods}
    strategy_ids = {s.id for s in strategies}
    publication_ids = {p.id for p in meta.publications}

    unique(
        "practices.yaml",
        [(("practices", i, "id"), p.id) for i, p in enumerate(practices)],
        "practice",
    )
    unique(
        "practices.yaml",
        [
            (("practices", i, "statements", j, "id"), s.id)
            for i, p in enumerate(practices)
            for j, s in enumerate(p.statements)
        ],
        "statement",
    )
    unique(
        "practices.yaml",
        [
            (("practices", i, "key_points", j, "id"), k.id)
            for i, p in enumerate(practices)
            for j, k in enumerate(p.key_points)
        ],
        "key point",
    )
    criterion_locs = [
        ((group, i, "id"), c.id)
        for group in ("favourable", "warning", "caveats")
        for i, c in enumerate(getattr(criteria, group))
    ]
    unique("criteria.yaml", criterion_locs, "criterion")
    unique("cases.yaml", [(("cases", i, "id"), c.id) for i, c in enumerate(cases)], "case")
    unique("methods.yaml", [(("methods", i, "id"), m.id) for i, m in enumerate(methods)], "method")
    unique(
        "strategies.yaml",
        [(("strategies", i, "id"), s.id) for i, s in enumerate(strategies)],
        "strategy",
    )

    for i, p in enumerate(practices):
        if p.number != i + 1:
            problem(
                "practices.yaml",
                ("practices", i, "number"),
                f"expected {i + 1} (practices are listed in order)",
            )
        key_point_ids = {k.id for k in p.key_points}
        for j, s in enumerate(p.statements):
            if s.key_point not in key_point_ids:
                problem(
                    "practices.yaml",
                    ("practices", i, "statements", j, "key_point"),
                    f"no key point {s.key_point!r} in practice {p.id!r}",
                )
        covered = {s.key_point for s in p.statements}
        for j, k in enumerate(p.key_points):
            if k.id not in covered:
                problem(
                    "practices.yaml",
                    ("practices", i, "key_points", j),
                    f"key point {k.id!r} has no statement",
                )
        for j, link in enumerate(p.cases):
            if link.case not in case_ids:
                problem(
                    "practices.yaml",
                    ("practices", i, "cases", j, "case"),
                    f"unknown case {link.case!r} (known: {', '.join(sorted(case_ids))})",
                )

    for i, c in enumerate(cases):
        for j, mid in enumerate(c.methods):
            if mid not in method_ids:
                problem(
                    "cases.yaml",
                    ("cases", i, "methods", j),
                    f"unknown method {mid!r} (add it to methods.yaml)",
                )
        if c.strategy is not None and c.strategy not in strategy_ids:
            problem(
                "cases.yaml",
                ("cases", i, "strategy"),
                f"unknown strategy {c.strategy!r} (known: {', '.join(sorted(strategy_ids))})",
            )

    problems.extend(_check_history(parsed, meta, practices))
    background: Background = parsed["background.yaml"].model  # type: ignore[assignment]
    from coprod.core.answers import ROLES

    for i, call in enumerate(background.calls_to_action):
        for j, role in enumerate(call.roles):
            if role not in ROLES:
                problem(
                    "background.yaml",
                    ("calls_to_action", i, "roles", j),
                    f"unknown role {role!r} (known: {', '.join(ROLES)})",
                )

    characteristic_ids = {c.id for c in background.arc_characteristics}
    for i, way in enumerate(background.room.ways if background.room else []):
        for j, cid in enumerate(way.characteristics):
            if cid not in characteristic_ids:
                problem(
                    "background.yaml",
                    ("room", "ways", i, "characteristics", j),
                    f"unknown characteristic {cid!r} (known: {', '.join(sorted(characteristic_ids))})",
                )

    for file, item in parsed.items():
        for loc, ref in _walk_sources(item.model):
            if ref.ref not in publication_ids:
                problem(
                    file,
                    (*loc, "ref"),
                    f"unknown publication {ref.ref!r} (declare it in meta.yaml; known: "
                    f"{', '.join(sorted(publication_ids))})",
                )
    return problems


def _check_history(
    parsed: dict[str, _Parsed], meta: Meta, practices: list[Practice]
) -> list[Problem]:
    """``replaces`` must name statements of the previous content version, each once."""
    from coprod.core.validation import field_path

    problems: list[Problem] = []
    doc = parsed["practices.yaml"].doc
    previous = max(
        (v for v in meta.history if v.content_version < meta.content_version),
        key=lambda v: v.content_version,
        default=None,
    )
    current_ids = {s.id for p in practices for s in p.statements}
    for i, p in enumerate(practices):
        for j, s in enumerate(p.statements):
            for k, old in enumerate(s.replaces):
                loc: tuple[int | str, ...] = ("practices", i, "statements", j, "replaces", k)
                message = None
                if previous is None:
                    message = (
                        f"replaces {old!r}, but meta.yaml has no history of an earlier "
                        "content version to check it against"
                    )
                elif old not in previous.statements:
                    message = (
                        f"replaces {old!r}, which content version {previous.content_version} "
                        "did not have (see history in meta.yaml)"
                    )
                elif old in current_ids and old != s.id:
                    message = f"replaces {old!r}, which is still a statement of this version"
                if message:
                    problems.append(Problem(message, doc.path, doc.line_of(loc), field_path(loc)))
    return problems


def load_content_uncached(data_dir: Path) -> Content:
    """Read, validate and cross-check every file of a content folder."""
    from coprod.core.validation import validate
    from coprod.core.yamlio import load_yaml_file

    if not data_dir.exists():
        raise CoprodError(Problem("content folder does not exist", data_dir))
    if not data_dir.is_dir():
        raise CoprodError(
            Problem("is not a folder; expected a content folder like data/", data_dir)
        )
    problems: list[Problem] = []
    parsed: dict[str, _Parsed] = {}
    for name, model in FILES.items():
        path = data_dir / name
        try:
            doc = load_yaml_file(path, what=f"the content file {name}")
        except CoprodError as exc:
            problems.extend(exc.problems)
            continue
        if not isinstance(doc.data, dict):
            from coprod.core.validation import KIND

            kind = KIND.get(type(doc.data).__name__, f"a {type(doc.data).__name__}")
            problems.append(
                Problem(f"is {kind}; expected a mapping (key: value)", path, doc.line_of(()))
            )
            continue
        result = validate(model, doc)
        if isinstance(result, list):
            problems.extend(result)
        else:
            parsed[name] = _Parsed(doc, result)
    if not problems:
        problems = _check_references(parsed)
    if problems:
        raise CoprodError(problems, hint=None)
    return Content(
        meta=parsed["meta.yaml"].model,
        practices=parsed["practices.yaml"].model.practices,  # type: ignore[attr-defined]
        criteria=parsed["criteria.yaml"].model,
        cases=parsed["cases.yaml"].model.cases,  # type: ignore[attr-defined]
        methods=parsed["methods.yaml"].model.methods,  # type: ignore[attr-defined]
        strategies=parsed["strategies.yaml"].model.strategies,  # type: ignore[attr-defined]
        background=parsed["background.yaml"].model,
    )


def cache_dir() -> Path | None:
    """Where validated content is cached: ``$COPROD_CACHE_DIR``, else the user cache folder.

    ``COPROD_CACHE_DIR=""`` turns the cache off.
    """
    explicit = os.environ.get("COPROD_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "coprod"


def _fingerprint(data_dir: Path) -> str | None:
    """Changes whenever coprod or any content file changes (size or modification time)."""
    from coprod import __version__

    parts = [__version__, str(data_dir)]
    for name in FILES:
        try:
            stat = (data_dir / name).stat()
        except OSError:
            return None  # let the uncached load report the problem
        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def _load_via_cache(data_dir: Path) -> Content:
    """Validated content from the cache when its files are unchanged; else load and cache it.

    The cache only ever holds content that passed validation, so errors are always
    reported from the files themselves. Any problem with the cache is ignored.
    """
    folder = cache_dir()
    key = _fingerprint(data_dir) if folder is not None else None
    if folder is None or key is None:
        return load_content_uncached(data_dir)
    cached = folder / f"content-{zlib.crc32(key.encode()):08x}.pickle"
    try:
        status = cached.stat()
        if status.st_uid != os.getuid() or status.st_mode & 0o022:
            raise PermissionError("cache file not private to this user: not trusted")
        stored_key, content = pickle.loads(cached.read_bytes())
        if stored_key == key and isinstance(content, Content):
            return content
    except Exception:  # missing, stale format, unreadable: rebuild
        pass
    content = load_content_uncached(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".content-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((key, content), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError:
        pass
    return content


@lru_cache(maxsize=4)
def _load_cached(resolved: str) -> Content:
    return _load_via_cache(Path(resolved))


def load_content(data_dir: Path | None = None) -> Content:
    """The content from ``data_dir`` (see :func:`resolve_data_dir`), loaded once per process."""
    return _load_cached(str(resolve_data_dir(data_dir).resolve()))
