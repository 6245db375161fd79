"""Validate parsed data with pydantic; its errors as :class:`Problem` lists with lines.

pydantic is imported only when something is validated: the content models
(:mod:`coprod.core.models`) are dataclasses that need it for nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from coprod.core.checker import KIND, MISSING, UNKNOWN, brief_repr, field_path
from coprod.errors import MAX_SHOWN, Problem
from coprod.i18n import _

__all__ = ["KIND", "adapter", "field_path", "problems_from", "validate"]

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

    from coprod.core.document import Document

M = TypeVar("M")

_MESSAGES = {
    "extra_forbidden": UNKNOWN,  # a pydantic model's unknown key
    "unexpected_keyword_argument": UNKNOWN,  # a dataclass's (the content models)
    "missing": MISSING,
    "missing_keyword_only_argument": MISSING,
}


def _clean_loc(loc: Sequence[int | str], data: Any = None) -> list[int | str]:
    """Drop pydantic's union/function tags such as "function-after[...]" or "literal['a']".

    A part that is a key of the data at that point is kept, brackets or not: it is
    the name the person wrote (``"x[1]": 3`` given as an unknown field).
    """
    kept: list[int | str] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            kept.append(part)
            node = node[part]
        elif isinstance(part, int) or ("[" not in part and "(" not in part):
            kept.append(part)
            is_index = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
            node = node[part] if is_index else None
    return kept


def problems_from(
    exc: ValidationError, doc: Document, prefix: Sequence[int | str] = ()
) -> list[Problem]:
    """One problem per pydantic error, with the file, line and dotted field."""
    problems = []
    for number, err in enumerate(exc.errors(include_url=False)):
        if number >= MAX_SHOWN:  # counted, never shown: no need to spell it out
            problems.append(Problem(err["msg"], doc.path))
            continue
        loc = [*prefix, *_clean_loc(err["loc"], doc.data if not prefix else None)]
        message = _(_MESSAGES[err["type"]]) if err["type"] in _MESSAGES else err["msg"]
        if err["type"] == "dataclass_type":  # worded as for a pydantic model, as always
            name = (err.get("ctx") or {}).get("class_name", "")
            message = f"Input should be a valid dictionary or instance of {name}"
        if err["type"] == "value_error":
            message = message.removeprefix("Value error, ")  # our own message, already clear
        elif err["type"] not in _MESSAGES and "input" in err and not isinstance(err["input"], dict):
            value = brief_repr(err["input"])  # bounded, even for deep or aliased input
            if len(value) <= 60:
                message += " " + _("(got %(value)s)") % {"value": value}
        problems.append(Problem(message, doc.path, doc.line_of(loc), field_path(loc) or None))
    return problems


def adapter(model: type[M]) -> TypeAdapter[M]:
    """pydantic's validator for ``model`` (a content dataclass or a pydantic model), built once."""
    found = _ADAPTERS.get(model)
    if found is None:
        from pydantic import TypeAdapter

        found = _ADAPTERS[model] = TypeAdapter(model)
    return found


_ADAPTERS: dict[Any, Any] = {}


def validate(model: type[M], doc: Document, data: Any | None = None) -> M | list[Problem]:
    """Validate ``doc.data`` (or ``data``) as ``model``; problems instead of an exception."""
    from pydantic import ValidationError

    try:
        return adapter(model).validate_python(doc.data if data is None else data)
    except ValidationError as exc:
        return problems_from(exc, doc)
