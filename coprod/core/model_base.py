"""What every content model shares: a frozen dataclass base, its constraints, JSON data.

The content models (:mod:`coprod.core.models`) are plain dataclasses, so content
read back from the cache is rebuilt without pydantic; pydantic validates them when
a file is read (:func:`coprod.core.validation.validate`), reading ``__pydantic_config__``
(unknown keys are errors) and the ``Annotated`` metadata here (:class:`Check`,
:class:`Before`), which speak pydantic's schema protocol without importing it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, ClassVar, Self, dataclass_transform

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Check:
    """A field's constraints, checked when pydantic validates: ``Check(min_length=1)``.

    The keys are pydantic-core's (``min_length``, ``max_length``, ``pattern``, ``ge``),
    so the messages are pydantic's own, as with ``Field(min_length=1)``.
    """

    def __init__(self, **constraints: object) -> None:
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        schema = handler(source)
        schema.update(self.constraints)
        return schema


class Before:
    """A function applied to a field's value before it is validated (``mode="before"``)."""

    def __init__(self, function: Callable[[object], object]) -> None:
        self.function = function

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.function, handler(source))


Slug = Annotated[str, Check(min_length=1, max_length=60, pattern=SLUG)]
Text = Annotated[str, Check(min_length=1)]


class _ByFields:
    """Equal when their fields are, shown with their fields: written once here for the
    content models and the answers file's, each made with ``dataclass(eq=False,
    repr=False)`` (quicker to import than generated code for each)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]  # (set on each model by dataclass)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__)
        return f"{type(self).__name__}({shown})"


@dataclass_transform(
    kw_only_default=True, frozen_default=True, field_specifiers=(dataclasses.field,)
)
class Strict(_ByFields):
    """Base for every content model: a frozen dataclass built by keyword; unknown keys are
    errors.

    Comparing, showing and freezing a model are written once, here, not generated for each
    of the forty models when the module is imported (that took 15 ms at start-up): the
    dataclass writes only each model's ``__init__``. (The assessment's results, made by
    the thousand, keep dataclass's own frozen code: its ``__init__`` sets fields without
    calling a ``__setattr__``.)
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}
    __dataclass_fields__: ClassVar[dict[str, Any]]  # (set on each model by dataclass)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(kw_only=True, eq=False, repr=False)(cls)

    def __setattr__(self, name: str, value: Any) -> None:
        # Frozen: each field is set once, by __init__; nothing is changed or added after.
        if name in self.__dict__ or name not in self.__dataclass_fields__:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(self._values())


class Record(_ByFields):
    """Base for the answers file's models (mutable dataclasses): equal when their fields
    are, shown with their fields, never hashed."""

    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    def copy(self) -> Self:
        """A copy that shares nothing that can change: its mappings, lists and records are
        copied; text, numbers, dates and content models (frozen) are shared. What
        ``copy.deepcopy`` gives for these models, five times faster (a workshop keeps a
        copy of a participant's answers at every save)."""
        new = object.__new__(type(self))
        new.__dict__.update({name: _copied(value) for name, value in self.__dict__.items()})
        return new


_IMMUTABLE = frozenset({str, int, float, bool, type(None), date})


def _copied(value: Any) -> Any:
    kind = type(value)
    if kind in _IMMUTABLE or isinstance(value, Strict):
        return value
    if kind is dict:
        return {k: v if type(v) in _IMMUTABLE else _copied(v) for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _IMMUTABLE else _copied(v) for v in value]
    if isinstance(value, Record):
        return value.copy()
    import copy

    return copy.deepcopy(value)  # anything else (none in the models today)


def dump(value: Any, *, exclude_none: bool = False) -> Any:
    """A model (a content model, an answers file's; or a list or mapping of them) as JSON
    data: dicts, lists, text, numbers; dates as text. ``exclude_none`` leaves out a
    model's fields that are ``None`` (a mapping's values are kept as they are)."""
    kind: type = type(value)
    if kind in _PLAIN:
        return value
    if kind is dict:
        return {
            k: v if type(v) in _PLAIN else dump(v, exclude_none=exclude_none)
            for k, v in value.items()
        }
    if kind is list or kind is tuple:
        return [v if type(v) in _PLAIN else dump(v, exclude_none=exclude_none) for v in value]
    names = _field_names(kind)
    if names is not None:
        data = {}
        for name in names:
            inner = getattr(value, name)
            if inner is None and exclude_none:
                continue
            data[name] = inner if type(inner) in _PLAIN else dump(inner, exclude_none=exclude_none)
        return data
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [dump(v, exclude_none=exclude_none) for v in value]
    if isinstance(value, dict):
        return {k: dump(v, exclude_none=exclude_none) for k, v in value.items()}
    return value


_PLAIN = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names in order; ``None`` for any other type."""
    if not dataclasses.is_dataclass(kind):
        return None
    return tuple(item.name for item in dataclasses.fields(kind))


def field_types(model: type[Strict]) -> dict[str, Any]:
    """A model's fields and their types (``Annotated`` metadata left out), in order.

    As ``typing.get_type_hints`` reads them, but each annotation's text is evaluated once
    for all the models of a module (forty models share fifty annotations: reading the
    cached content spent 8 ms compiling the same ones again).
    """
    found = _FIELD_TYPES.get(model)
    if found is None:
        import sys

        namespace = vars(sys.modules[model.__module__])
        found = {}
        for item in dataclasses.fields(model):
            annotation = item.type
            if isinstance(annotation, str):
                key = (model.__module__, annotation)
                if key not in _EVALUATED:
                    _EVALUATED[key] = _strip(eval(annotation, namespace))  # as get_type_hints does
                annotation = _EVALUATED[key]
            found[item.name] = annotation
        _FIELD_TYPES[model] = found
    return found


def _strip(annotation: Any) -> Any:
    """``annotation`` without its ``Annotated`` metadata, at any depth."""
    import types
    import typing

    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _strip(typing.get_args(annotation)[0])
    args = typing.get_args(annotation)
    if not args or origin is typing.Literal:
        return annotation
    stripped = tuple(_strip(arg) for arg in args)
    if stripped == args:
        return annotation
    if origin in (typing.Union, types.UnionType):
        import operator

        return functools.reduce(operator.or_, stripped)
    return typing.cast(Any, origin)[stripped if len(stripped) > 1 else stripped[0]]


_FIELD_TYPES: dict[type[Strict], dict[str, Any]] = {}
_EVALUATED: dict[tuple[str, str], Any] = {}


@functools.lru_cache(maxsize=1024)  # a room's project name, slugified for every file
def slugify(text: str) -> str:
    """A filename- and id-safe slug: ``"Space in Common!"`` -> ``"space-in-common"``."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "project"


def partial_date(value: object) -> object:
    """``2018-03-16`` (YAML date or text) or ``2018-05`` (a month): kept as written."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
        if not match:
            raise ValueError("expected a date as YYYY-MM-DD or a month as YYYY-MM")
        year, month, day = match.groups()
        try:
            date(int(year), int(month), int(day or 1))
        except ValueError as exc:
            raise ValueError(f"not a real date: {exc}") from None
    return value
