"""Load the content folder (``data/``), validate it and cross-check references.

Every problem found is reported with its file, line and field; all of them at
once, so that an organisation adapting the content can fix a folder in one go.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

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
from coprod.core.packchoice import pack_fingerprint
from coprod.errors import CoprodError, Problem
from coprod.i18n import N_, _

if TYPE_CHECKING:
    from coprod.storage.yamlio import Document

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

    def unique(file: str, items: Sequence[tuple[tuple[int | str, ...], str]], said: str) -> None:
        """``said``: the message (marked with N_), with ``%(id)s`` for the repeated id."""
        counts = Counter(value for _loc, value in items)
        for loc, value in items:
            if counts[value] > 1:
                problem(file, loc, _(said) % {"id": repr(value)})
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
        N_("practice id %(id)s is used more than once"),
    )
    unique(
        "practices.yaml",
        [
            (("practices", i, "statements", j, "id"), s.id)
            for i, p in enumerate(practices)
            for j, s in enumerate(p.statements)
        ],
        N_("statement id %(id)s is used more than once"),
    )
    unique(
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
        for i, c in enumerate(getattr(criteria, group))
    ]
    unique("criteria.yaml", criterion_locs, N_("criterion id %(id)s is used more than once"))
    unique(
        "cases.yaml",
        [(("cases", i, "id"), c.id) for i, c in enumerate(cases)],
        N_("case id %(id)s is used more than once"),
    )
    unique(
        "methods.yaml",
        [(("methods", i, "id"), m.id) for i, m in enumerate(methods)],
        N_("method id %(id)s is used more than once"),
    )
    unique(
        "strategies.yaml",
        [(("strategies", i, "id"), s.id) for i, s in enumerate(strategies)],
        N_("strategy id %(id)s is used more than once"),
    )

    for i, p in enumerate(practices):
        if p.number != i + 1:
            problem(
                "practices.yaml",
                ("practices", i, "number"),
                _("expected %(n)d (practices are listed in order)") % {"n": i + 1},
            )
        key_point_ids = {k.id for k in p.key_points}
        for j, s in enumerate(p.statements):
            if s.key_point not in key_point_ids:
                problem(
                    "practices.yaml",
                    ("practices", i, "statements", j, "key_point"),
                    _("no key point %(key_point)s in practice %(practice)s")
                    % {"key_point": repr(s.key_point), "practice": repr(p.id)},
                )
        covered = {s.key_point for s in p.statements}
        for j, k in enumerate(p.key_points):
            if k.id not in covered:
                problem(
                    "practices.yaml",
                    ("practices", i, "key_points", j),
                    _("key point %(id)s has no statement") % {"id": repr(k.id)},
                )
        for j, link in enumerate(p.cases):
            if link.case not in case_ids:
                problem(
                    "practices.yaml",
                    ("practices", i, "cases", j, "case"),
                    _("unknown case %(id)s (known: %(known)s)")
                    % {"id": repr(link.case), "known": ", ".join(sorted(case_ids))},
                )

    for i, c in enumerate(cases):
        for j, mid in enumerate(c.methods):
            if mid not in method_ids:
                problem(
                    "cases.yaml",
                    ("cases", i, "methods", j),
                    _("unknown method %(id)s (add it to %(file)s)")
                    % {"id": repr(mid), "file": "methods.yaml"},
                )
        if c.strategy is not None and c.strategy not in strategy_ids:
            problem(
                "cases.yaml",
                ("cases", i, "strategy"),
                _("unknown strategy %(id)s (known: %(known)s)")
                % {"id": repr(c.strategy), "known": ", ".join(sorted(strategy_ids))},
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
                    _("unknown role %(id)s (known: %(known)s)")
                    % {"id": repr(role), "known": ", ".join(ROLES)},
                )

    characteristic_ids = {c.id for c in background.arc_characteristics}
    for i, way in enumerate(background.room.ways if background.room else []):
        for j, cid in enumerate(way.characteristics):
            if cid not in characteristic_ids:
                problem(
                    "background.yaml",
                    ("room", "ways", i, "characteristics", j),
                    _("unknown characteristic %(id)s (known: %(known)s)")
                    % {"id": repr(cid), "known": ", ".join(sorted(characteristic_ids))},
                )

    for file, item in parsed.items():
        for loc, ref in _walk_sources(item.model):
            if ref.ref not in publication_ids:
                problem(
                    file,
                    (*loc, "ref"),
                    _("unknown publication %(id)s (declare it in %(file)s; known: %(known)s)")
                    % {
                        "id": repr(ref.ref),
                        "file": "meta.yaml",
                        "known": ", ".join(sorted(publication_ids)),
                    },
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
                    message = _(
                        "replaces %(id)s, but %(file)s has no history of an earlier "
                        "content version to check it against"
                    ) % {"id": repr(old), "file": "meta.yaml"}
                elif old not in previous.statements:
                    message = _(
                        "replaces %(id)s, which content version %(version)s "
                        "did not have (see history in %(file)s)"
                    ) % {"id": repr(old), "version": previous.content_version, "file": "meta.yaml"}
                elif old in current_ids and old != s.id:
                    message = _("replaces %(id)s, which is still a statement of this version") % {
                        "id": repr(old)
                    }
                if message:
                    problems.append(Problem(message, doc.path, doc.line_of(loc), field_path(loc)))
    return problems


def load_content_uncached(data_dir: Path, pack: str | None = None) -> Content:
    """Read, validate and cross-check every file of a content folder (and lay ``pack`` over it)."""
    from coprod.core.validation import validate
    from coprod.storage.yamlio import load_yaml_file

    if not data_dir.exists():
        raise CoprodError(Problem(_("content folder does not exist"), data_dir))
    if not data_dir.is_dir():
        raise CoprodError(
            Problem(_("is not a folder; expected a content folder like data/"), data_dir)
        )
    problems: list[Problem] = []
    parsed: dict[str, _Parsed] = {}
    for name, model in FILES.items():
        path = data_dir / name
        try:
            doc = load_yaml_file(path, what=_("the content file %(name)s") % {"name": name})
        except CoprodError as exc:
            problems.extend(exc.problems)
            continue
        if not isinstance(doc.data, dict):
            from coprod.core.validation import KIND

            type_name = type(doc.data).__name__
            kind = _(KIND[type_name]) if type_name in KIND else f"a {type_name}"
            problems.append(
                Problem(
                    _("is %(kind)s; expected a mapping (key: value)") % {"kind": kind},
                    path,
                    doc.line_of(()),
                )
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
    content = Content(
        meta=parsed["meta.yaml"].model,
        practices=parsed["practices.yaml"].model.practices,  # type: ignore[attr-defined]
        criteria=parsed["criteria.yaml"].model,
        cases=parsed["cases.yaml"].model.cases,  # type: ignore[attr-defined]
        methods=parsed["methods.yaml"].model.methods,  # type: ignore[attr-defined]
        strategies=parsed["strategies.yaml"].model.strategies,  # type: ignore[attr-defined]
        background=parsed["background.yaml"].model,
    )
    if pack is None:
        return content
    from coprod.core.packs import apply_pack

    return apply_pack(data_dir, pack, content).content


def cache_dir() -> Path | None:
    """Where validated content is cached: ``$COPROD_CACHE_DIR``, else the user cache folder.

    ``COPROD_CACHE_DIR=""`` turns the cache off.
    """
    explicit = os.environ.get("COPROD_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "coprod"


def _fingerprint(data_dir: Path, pack: str | None = None) -> str | None:
    """A hash of coprod's version, the folder and every content file's bytes.

    Keyed on the content itself (not sizes and times, which ``cp -p``, tar and
    unzip keep), so what is shown is always what is on disk. Reading the files'
    bytes costs well under a millisecond; parsing and validating them is what the
    cache saves.
    """
    import hashlib

    import coprod.core.models
    from coprod import __version__

    digest = hashlib.sha256(
        f"{__version__}\0{data_dir}\0{pack_fingerprint(data_dir, pack)}\0".encode()
    )
    # The models too: a cache written for other models is never read into these.
    digest.update(Path(coprod.core.models.__file__).read_bytes())
    for name in FILES:
        try:
            raw = (data_dir / name).read_bytes()
        except OSError:
            return None  # let the uncached load report the problem
        digest.update(f"{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


def _private(status: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _open_cache_folder(folder: Path) -> int | None:
    """The cache folder, opened without following a link, if only this user can write to it.

    Created (mode 0700) when missing. A folder others can write to (a shared
    ``COPROD_CACHE_DIR``) is not used at all: anyone could plant or swap files in it.
    """
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(folder, flags)
    except OSError:
        return None
    if _private(os.fstat(fd)):
        return fd
    os.close(fd)
    return None


def _read_cached(folder_fd: int, name: str, key: str) -> Content | None:
    """Cached content, or None. The file is JSON: reading it can never run code.

    It is opened once, without following links and without blocking, and checked
    with ``fstat`` on that same open file (a regular file, private to this user),
    so it cannot be swapped between the check and the read; the content is then
    validated again by the models, and must carry this key.
    """
    import json
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(name, flags, dir_fd=folder_fd)
    except OSError:
        return None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or not _private(status):
            return None
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            stored = json.loads(handle.read(MAX_CACHE_BYTES + 1))
        if not isinstance(stored, dict) or stored.get("key") != key:
            return None
        content = _construct(Content, stored["content"])
        return content if isinstance(content, Content) else None
    except Exception:  # unreadable, truncated, an older format: rebuild
        return None
    finally:
        if fd >= 0:
            os.close(fd)


def _construct(model: type[BaseModel], data: Any) -> BaseModel:
    """The model from its JSON dump, without validating it again.

    The cache holds only content that passed validation, written by this user into
    a folder only they can write to, under a key that is the hash of the content
    and of the models: so it is rebuilt the way unpickling rebuilds a model
    (``__setstate__``), field by field from the models' annotations. Validating it
    again would first build the models' validators (they defer building them),
    which took 30 ms at every start-up. A file that does not fit the models raises,
    and the content is then loaded from its files.
    """
    if not isinstance(data, dict):
        raise ValueError(f"expected an object for {model.__name__}")
    plan = _PLANS.get(model) or _plan(model)
    if not data.keys() <= plan.names:
        raise ValueError(f"unknown fields for {model.__name__}")
    values: dict[str, Any] = {}
    for name, convert, info in plan.fields:
        if name in data:
            value = data[name]
            values[name] = value if convert is None else convert(value)
        elif info.is_required():
            raise ValueError(f"{model.__name__}.{name} is missing")
        elif info.default_factory in _PLAIN_FACTORIES:
            # (pydantic's get_default inspects the factory's signature: 11 ms in all)
            values[name] = info.default_factory()  # type: ignore[call-arg,misc]
        else:
            values[name] = info.get_default(call_default_factory=True, validated_data=values)
    instance = model.__new__(model)
    instance.__setstate__(
        {
            "__dict__": values,
            "__pydantic_fields_set__": set(data),
            "__pydantic_extra__": None,
            "__pydantic_private__": None,
        }
    )
    return instance


@dataclass
class _Plan:
    names: frozenset[str]
    fields: list[tuple[str, Callable[[Any], Any] | None, FieldInfo]]


_PLANS: dict[type[BaseModel], _Plan] = {}
_PLAIN_FACTORIES: tuple[Any, ...] = (list, dict, set)


def _plan(model: type[BaseModel]) -> _Plan:
    """How to rebuild each field of ``model`` (worked out once per model)."""
    fields = [(n, _converter(i.annotation), i) for n, i in model.model_fields.items()]
    plan = _Plan(frozenset(model.model_fields), fields)
    _PLANS[model] = plan
    return plan


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _converter(annotation: Any) -> Callable[[Any], Any] | None:
    """JSON value -> field value for ``annotation``; None where the JSON value is it."""
    import datetime as dt
    import types
    import typing

    def to_date(value: Any) -> Any:
        return dt.date.fromisoformat(value) if isinstance(value, str) else value

    def as_list(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise ValueError("expected a list")
        return value

    origin = typing.get_origin(annotation)
    if _is_model(annotation):
        return lambda value: _construct(annotation, value)
    if annotation is dt.date:
        return to_date
    if origin is list:
        item = _converter(typing.get_args(annotation)[0])
        if item is None:
            return as_list
        return lambda value: [item(v) for v in as_list(value)]
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(annotation)
        models = [o for o in options if _is_model(o)]
        dates = dt.date in options  # (no model has a union of a date and text)
        if not models and not dates:
            return None

        def either(value: Any) -> Any:
            if models and isinstance(value, dict):
                return _construct(models[0], value)
            return to_date(value) if dates else value

        return either
    return None


def _write_cached(folder_fd: int, name: str, key: str, content: Content) -> None:
    """Store the content (mode 0600, atomically); any failure just means no cache."""
    import json
    import secrets

    tmp = f".{name}.{secrets.token_hex(6)}.tmp"
    try:
        dumped = content.model_dump(mode="json", exclude_unset=True)
        data = json.dumps({"key": key, "content": dumped})
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(tmp, flags, 0o600, dir_fd=folder_fd)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
            os.replace(tmp, name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
        finally:
            with contextlib.suppress(OSError):  # gone once replaced
                os.unlink(tmp, dir_fd=folder_fd)
    except (OSError, ValueError, TypeError):
        pass


MAX_CACHE_BYTES = 20_000_000


def _load_via_cache(data_dir: Path, pack: str | None = None) -> Content:
    """Validated content from the cache when its files are unchanged; else load and cache it.

    The cache only ever holds content that passed validation, so errors are always
    reported from the files themselves. Any problem with the cache is ignored.
    """
    folder = cache_dir()
    key = _fingerprint(data_dir, pack) if folder is not None else None
    if folder is None or key is None:
        return load_content_uncached(data_dir, pack)
    folder_fd = _open_cache_folder(folder)
    if folder_fd is None:
        return load_content_uncached(data_dir, pack)
    try:
        name = f"content-{key[:32]}.json"
        content = _read_cached(folder_fd, name, key)
        if content is None:
            content = load_content_uncached(data_dir, pack)
            _write_cached(folder_fd, name, key, content)
        return content
    finally:
        os.close(folder_fd)


@lru_cache(maxsize=4)
def _load_cached(resolved: str, pack: str | None = None) -> Content:
    return _load_via_cache(Path(resolved), pack)


def load_content(data_dir: Path | None = None, pack: str | None = None) -> Content:
    """The content from ``data_dir`` (see :func:`resolve_data_dir`), loaded once per process.

    ``pack`` names a content pack (``cy``, ``easy-read``) to lay over it; see
    :mod:`coprod.core.packs`.
    """
    return _load_cached(str(resolve_data_dir(data_dir).resolve()), pack)
