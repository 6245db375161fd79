"""Pages made once for the same values, and served again while nothing they show changes.

A page is a function of its template, the values given to it, and the language of the
request alone: the templates' other names (``_()``, the label tables, the statement
blocks) follow the language and nothing else. So where every value can be frozen into a
key, the page is kept under it:

* text and numbers as they are (with their type: ``True``, ``1`` and ``1.0`` are equal
  in Python, not on a page);
* lists, tuples and mappings, records (the answers file's models) and frozen dataclasses
  item by item, by value;
* content models (frozen, held by the server for its whole life) by identity.

A page given anything else (a function, an unknown type) is rendered as usual, and so is
any page not served with 200: what a phone typed and had refused is never kept. Routes
give a page only what it shows (a practice page, that practice's answers), so in a room
where most phones see each page blank, in one of a few languages, a page is made once
per language rather than once per phone.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import jinja2
from markupsafe import Markup
from starlette.responses import HTMLResponse, Response

from coprod import i18n
from coprod.core.model_base import Record, Strict

#: Pages kept (most recently served first out last): ten pages in a few languages, the
#: same pages with the answers people commonly give, and the console's. About 20 KB each.
MAX_KEPT_PAGES = 256


class _Unkeyable(Exception):
    """A value that cannot be part of a key: the page is rendered, not kept."""


class _Same:
    """A content model in a key: equal only to itself (and kept alive by the key)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value

    def __hash__(self) -> int:
        return id(self.value)


class Choices(tuple[tuple[str, str], ...]):
    """A page's choices, ``(value, label)`` text pairs: a key as they are (the labels
    differ between languages, and are made once per language)."""

    __slots__ = ()

    def __new__(cls, pairs: Iterable[tuple[str, str]]) -> Choices:
        made = super().__new__(cls, pairs)
        if not all(type(v) is str and type(label) is str for v, label in made):
            raise TypeError("choices are (value, label) text pairs")
        return made


def freeze(value: Any) -> Any:
    """``value`` as a key: equal keys for values a template cannot tell apart."""
    kind = type(value)
    if kind in _AS_IT_IS:
        return value
    if kind is int or kind is bool or kind is float:
        return (kind, value)
    if kind is list or kind is tuple:
        return (kind, *[v if type(v) in _AS_IT_IS else freeze(v) for v in value])
    if kind is dict:
        return (
            dict,
            *[
                (
                    k if type(k) is str else freeze(k),
                    v if type(v) in _AS_IT_IS else freeze(v),
                )
                for k, v in value.items()
            ],
        )
    if isinstance(value, Strict):
        return _Same(value)
    if isinstance(value, Record) or (
        dataclasses.is_dataclass(value) and kind.__dataclass_params__.frozen
    ):
        return (kind, *[freeze(getattr(value, name)) for name in value.__dataclass_fields__])
    if kind is Markup:
        return (Markup, str(value))
    raise _Unkeyable(kind)


#: Values that are keys as they are (text, nothing, choices made of text).
_AS_IT_IS = frozenset({str, type(None), Choices})


class PageCache:
    """Renders templates from ``env``, keeping each rendering for the same values (the
    ``size`` most recently used): whole pages served with 200, and parts of pages (a
    practice page's statement blocks, ``coprod.web.pages``)."""

    def __init__(self, env: jinja2.Environment, size: int = MAX_KEPT_PAGES) -> None:
        self.env = env
        self.size = size
        self._kept: OrderedDict[tuple[Any, ...], str] = OrderedDict()

    def key(self, name: str, values: dict[str, Any]) -> tuple[Any, ...] | None:
        """The page's key, or ``None`` where a value cannot be part of one."""
        try:
            frozen = freeze(values)
        except _Unkeyable:
            return None
        return (name, i18n.language(), i18n.second_language(), i18n.easy_read(), frozen)

    def html(self, name: str, values: dict[str, Any], *, keep: bool = True) -> str:
        """``name`` rendered with ``values`` in the request's language: the rendering kept
        for the same values, unless ``keep`` is false (on the event loop only: what is
        kept is not shared with other threads)."""
        key = self.key(name, values) if keep else None
        text = self._kept.get(key) if key is not None else None
        if text is not None:
            self._kept.move_to_end(key)  # type: ignore[arg-type]
            return text
        text = self.env.get_template(name).render(values)
        if key is not None:
            self._kept[key] = text
            if len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return text

    def render(self, name: str, values: dict[str, Any], status: int = 200) -> Response:
        """The page ``name`` with ``values`` as a response (kept only when served with
        200: what a phone typed and had refused is never kept)."""
        return HTMLResponse(self.html(name, values, keep=status == 200), status)
