"""Block YAML for plain data, written directly where PyYAML would write it plainly.

A workshop writes a participant's answers file after every page, and most of it is ids
and small numbers (``ratings: {participation-1: 3, ...}``). PyYAML builds a node for
every value in Python before its C emitter writes it; for that kind of data this module
writes the very same text itself. Anything it is not sure PyYAML would write plainly (a
quoted or folded string, a date-like or yes-like word, non-ASCII text, a long line, a
nested list) is left to PyYAML: a text in a mapping (a note, a reason, a reflection)
is written by PyYAML on its own, at its place (:func:`_by_pyyaml`); for anything else
:func:`block` returns ``None`` and :func:`coprod.storage.yamlio.dump_yaml` dumps that
top-level key with PyYAML. Tests compare the two writers' output on generated data
(``tests/storage/test_yaml_plain.py``).
"""

from __future__ import annotations

import functools
import io
from typing import Any

import yaml

#: PyYAML's line width for coprod's files (``width=88``): PyYAML breaks a line at a space
#: only once the line has gone past it, so a line that fits is written whole by both.
WIDTH = 88
_MAX_LINE = WIDTH
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_ANALYSER = yaml.emitter.Emitter(io.StringIO(), allow_unicode=True)
_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@functools.lru_cache(maxsize=8192)
def shown(text: str) -> str | None:
    """``text`` as PyYAML writes it on one line (a mapping's value): as it is where YAML
    reads it back as text, else in single quotes (``'yes'``, ``'a: b'``, ``''``); ``None``
    where PyYAML would need double quotes or more than one line, or for non-ASCII text."""
    if len(text) > _MAX_LINE or not (text.isascii() and text.isprintable()):
        return None
    analysis = _ANALYSER.analyze_scalar(text)  # PyYAML's own choice of style
    if analysis.multiline:
        return None
    is_text = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR  # type: ignore[no-untyped-call]
    if analysis.allow_block_plain and not analysis.empty and is_text:
        return text
    if analysis.allow_single_quoted:
        return "'" + text.replace("'", "''") + "'"
    return None


def plain(text: str) -> bool:
    """Whether PyYAML writes ``text`` as it is (a mapping's key must be)."""
    return shown(text) == text


def _scalar(value: Any) -> str | None:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return str(value)
    if type(value) is str:
        return shown(value)
    return None


def block(key: str, value: Any) -> str | None:
    """``key: value`` at the top level as PyYAML writes it, or ``None`` to leave it to PyYAML."""
    lines: list[str] = []
    if type(key) is not str or not _entry(lines, "", key, value):
        return None
    lines.append("")
    return "\n".join(lines)


def _entry(lines: list[str], indent: str, key: str, value: Any, in_mappings: bool = True) -> bool:
    """Append ``key: value`` (a mapping's entry) at ``indent``; False where unsure.

    ``in_mappings``: every level above is a mapping (no list), so a text this module does
    not write can be left to PyYAML alone (:func:`_by_pyyaml`)."""
    if type(value) in _ONE_LINE:
        line = _line(indent, key, value)
        if line is not None:
            lines.append(line)
            return True
    if not plain(key):
        return False
    head = f"{indent}{key}:"
    if type(value) is dict:
        if not value:
            lines.append(head + " {}")
            return True
        lines.append(head)
        return _mapping(lines, indent + "  ", value, in_mappings)
    if type(value) is list:
        if not value:
            lines.append(head + " []")
            return True
        lines.append(head)
        return _sequence(lines, indent, value)  # PyYAML's sequences in a mapping: not indented
    text = _scalar(value)
    if text is None or len(head) + 1 + len(text) > _MAX_LINE:
        if not (in_mappings and type(value) is str):
            return False
        lines.extend(_by_pyyaml(len(indent) // 2, key, value))
        return True
    lines.append(f"{head} {text}")
    return True


def _mapping(
    lines: list[str], indent: str, value: dict[Any, Any], in_mappings: bool = False
) -> bool:
    for k, v in value.items():
        if type(v) in _ONE_LINE and type(k) is str:  # most entries: one line, made once
            line = _line(indent, k, v)
            if line is not None:
                lines.append(line)
                continue
        if type(k) is not str or not _entry(lines, indent, k, v, in_mappings):
            return False
    return True


_ONE_LINE = frozenset({str, int, bool, type(None)})


@functools.lru_cache(maxsize=8192, typed=True)  # ids and ratings recur in every file
def _line(indent: str, key: str, value: str | int | bool | None) -> str | None:
    """``key: value`` on one line at ``indent`` as PyYAML writes it; ``None`` where unsure."""
    text = _scalar(value)
    if text is None or not plain(key):
        return None
    line = f"{indent}{key}: {text}"
    return line if len(line) <= _MAX_LINE else None


@functools.lru_cache(
    maxsize=8192
)  # a town hall's notes and reflections, each rewritten at every page
def _by_pyyaml(depth: int, key: str, text: str) -> tuple[str, ...]:
    """``key: text`` as PyYAML writes it in a mapping ``depth`` mappings deep: quoted, or
    folded over several lines. An entry of a block mapping is written the same whatever
    its neighbours, so it is written here on its own, inside ``depth`` one-key mappings
    whose lines are then dropped (a workshop rewrites a participant's notes at every
    page: each is worked out once)."""
    data: dict[str, Any] = {key: text}
    for _ in range(depth):
        data = {"k": data}
    written = yaml.dump(
        data,
        Dumper=_DUMPER,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=WIDTH,
    ).splitlines()
    return tuple(written[depth:])


def _sequence(lines: list[str], indent: str, items: list[Any]) -> bool:
    for item in items:
        if type(item) is dict and item:
            first, *rest = item.items()
            start = len(lines)
            if not _mapping(lines, indent + "  ", dict([first, *rest])):
                return False
            lines[start] = indent + "- " + lines[start][len(indent) + 2 :]
            continue
        text = _scalar(item)
        if text is None or len(indent) + 2 + len(text) > _MAX_LINE:
            return False  # a nested list, an empty mapping, an unsure scalar
        lines.append(f"{indent}- {text}")
    return True
