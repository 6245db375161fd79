"""Safe YAML reading that remembers where things are.

Only the safe loader is used (``CSafeLoader`` when libyaml is available), so a
``!!python/object`` tag is an error, never code. Duplicate mapping keys, which
PyYAML silently accepts, are errors too: in a hand-edited answers file they are
almost always a mistake. The composed node tree is kept so that a validation
error can be reported with the line it comes from.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any, ClassVar

import yaml

from coprod.core.document import Document
from coprod.errors import CoprodError, Problem
from coprod.i18n import _

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - libyaml missing
    _BaseLoader = yaml.SafeLoader


_MERGE = "tag:yaml.org,2002:merge"

#: The most entries one mapping may have (an answers file has a few dozen at most).
MAX_ENTRIES = 5_000

# Plain scalars' tags and values, remembered by their text for the rest of the process:
# a group's thousand answers files repeat the same ids, ratings and words, and resolving
# and constructing each again was a third of reading them. Only the standard scalars'
# values (immutable: text, numbers, yes/no, null, dates) read without a problem, short
# ones, and at most so many.
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "timestamp")
)
_MAX_REMEMBERED = 100  # characters
_MAX_REMEMBERED_VALUES = 50_000
_TAGS: dict[str, str] = {}
_VALUES: dict[tuple[str, str], Any] = {}
_UNSEEN = object()
_SCALAR = yaml.ScalarNode


def _value_problem(node: yaml.Node, exc: Exception) -> str:
    """PyYAML's own constructors raise ValueError and the like for values such as
    2026-02-30 or !!int abc: said in words."""
    shown = node.value if isinstance(node, yaml.ScalarNode) else node.tag
    kind = node.tag.rsplit(":", 1)[-1]
    if kind == "timestamp":  # PyYAML's own reasons here mean nothing to a person
        reason = "not a date" if isinstance(exc, (AttributeError, TypeError)) else exc
        return (
            f"cannot read {shown!r} as a date ({reason}); write a date as "
            "YYYY-MM-DD, such as 2026-11-20"
        )
    return f"cannot read {shown!r} as {kind} ({exc})"


def _reporting(constructor: Any) -> Any:
    """``constructor``, its errors kept as problems with the value's line (each value's own
    constructor is wrapped, rather than every call to ``construct_object``: faster).

    The reading carries on with the text as written (later checks skip that line), so
    every such problem in a file is reported in one run.
    """

    def construct(loader: Any, node: yaml.Node) -> Any:
        try:
            return constructor(loader, node)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
            loader.problems.append((node.start_mark.line + 1, _value_problem(node, exc)))
            return node.value if isinstance(node, yaml.ScalarNode) else None

    return construct


class _StrictLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, refusing duplicate keys and reporting bad values with their line.

    A duplicate key or a value PyYAML cannot read (2026-02-30) does not stop the reading:
    each is kept in :attr:`problems` with its line (the first value of a key given twice
    is kept, an unreadable value is kept as its text), so every such problem in a file is
    reported in one run, beside the ones found after reading.
    """

    yaml_constructors: ClassVar[dict[Any, Any]] = {
        tag: _reporting(constructor) for tag, constructor in _BaseLoader.yaml_constructors.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.problems: list[tuple[int, str]] = []

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """The tag of a plain scalar, worked out once per text (the same ids, ratings and
        words come back in every answers file of a group)."""
        if kind is not _SCALAR or not implicit[0]:
            return super().resolve(kind, value, implicit)
        tag = _TAGS.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(value) <= _MAX_REMEMBERED and len(_TAGS) < _MAX_REMEMBERED_VALUES:
                _TAGS[value] = tag
        return tag

    def _value(self, node: yaml.Node, deep: bool) -> Any:
        """``construct_object(node)``, a plain scalar's value read once per text."""
        if node.__class__ is not _SCALAR or node.tag not in _PLAIN_TAGS:
            return self.construct_object(node, deep=deep)
        key = (node.tag, node.value)
        found = _VALUES.get(key, _UNSEEN)
        if found is not _UNSEEN:
            return found
        count = len(self.problems)
        data = self.construct_object(node, deep=deep)
        if (
            len(self.problems) == count  # read without a problem (its line is reported)
            and len(node.value) <= _MAX_REMEMBERED
            and len(_VALUES) < _MAX_REMEMBERED_VALUES
        ):
            _VALUES[key] = data
        return data

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Like PyYAML's, building each key once, but a key given twice is a problem.

        Keys brought in by a ``<<`` merge may be overridden, as YAML allows. Of a key
        given twice, the first value is kept.
        """
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping for {node.tag}", node.start_mark
            )
        if len(node.value) > MAX_ENTRIES:
            # Refused before building anything: such a file is not one coprod wrote or
            # reads, and building and checking 80,000 entries only takes time.
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"has {len(node.value):,} entries in one mapping; no coprod file has more "
                f"than {MAX_ENTRIES:,}",
                node.start_mark,
            )
        if not any(key_node.tag == _MERGE for key_node, _ in node.value):
            # The common case, no ``<<`` merge: build it at once; had a key been given
            # twice the mapping would be shorter, and the slow path below says which.
            value = self._value
            try:
                built = {
                    value(key_node, deep): value(value_node, deep)
                    for key_node, value_node in node.value
                }
            except TypeError:  # an unhashable key: reported below
                built = None
            if built is not None and len(built) == len(node.value):
                return built
        own_keys = {id(key_node) for key_node, _ in node.value}
        self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found an unhashable key",
                    key_node.start_mark,
                ) from None
            if key in lines and id(key_node) in own_keys:
                self.problems.append(
                    (
                        key_node.start_mark.line + 1,
                        f"duplicate key {key!r} (first given on line {lines[key]})",
                    )
                )
                continue
            if id(key_node) in own_keys:
                lines[key] = key_node.start_mark.line + 1
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def parse_yaml(text: str, path: Path | str, *, keep_going: bool = False) -> Document:
    """Parse one YAML document; a syntax error becomes a :class:`CoprodError`.

    Duplicate keys and unreadable values are all reported together; with
    ``keep_going`` they are not raised but left in the document's ``problems``, for the
    caller to report beside the problems its own checks find.
    """
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or "not valid YAML"
        if "nesting depth" in what:  # libyaml's own depth limit: say it in coprod's words
            raise CoprodError(
                Problem(_("is nested too deeply to be a coprod file"), path, line)
            ) from None
        if exc.context and "duplicate" not in what:
            what = f"{exc.context}, {what}"
        raise CoprodError(
            Problem(_("not valid YAML: %(problem)s") % {"problem": what}, path, line)
        ) from None
    except yaml.YAMLError as exc:
        raise CoprodError(
            Problem(_("not valid YAML: %(problem)s") % {"problem": exc}, path)
        ) from None
    except RecursionError:
        raise CoprodError(Problem(_("is nested too deeply to be a coprod file"), path)) from None
    finally:
        loader.dispose()
    problems = [
        Problem(_("not valid YAML: %(problem)s") % {"problem": message}, path, line)
        for line, message in loader.problems
    ]
    if problems and not keep_going:
        raise CoprodError(problems)
    document = Document(data, node, path)
    document.problems = problems
    return document


def _open_regular(path: Path, what: str) -> int:
    """Open ``path`` for reading only if it is a regular file; never block on the way.

    ``O_NONBLOCK`` makes opening a FIFO return at once (rather than wait for a
    writer), and the check is made with ``fstat`` on what was opened, so the file
    cannot be swapped for another between the check and the read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise CoprodError(
                Problem(_("is a directory; expected %(what)s") % {"what": what}, path)
            )
        if not stat.S_ISREG(status.st_mode):
            message = (
                _("is a named pipe (FIFO); expected %(what)s (a regular file)")
                if stat.S_ISFIFO(status.st_mode)
                else _("is not a regular file; expected %(what)s (a regular file)")
            )
            raise CoprodError(Problem(message % {"what": what}, path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    _inputs.add(_identity(status))
    return fd


_inputs: set[tuple[int, int, int]] = set()


def _identity(status: os.stat_result) -> tuple[int, int, int]:
    # The change time too: an inode number is reused once its file is deleted.
    return (status.st_dev, status.st_ino, status.st_ctime_ns)


def was_read(status: os.stat_result) -> bool:
    """Whether this command has read the file: output must not replace it."""
    return _identity(status) in _inputs


def forget_inputs() -> None:
    """Forget the files read so far (at each command's start and end)."""
    _inputs.clear()


def read_text(path: Path, *, what: str, max_bytes: int) -> str:
    """Read a UTF-8 text file, turning every way it can fail into one clear message.

    Only a regular file is read: a FIFO, a device or a directory is refused before
    any byte is read (a FIFO would otherwise wait forever).
    """
    try:
        fd = _open_regular(path, what)
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise CoprodError(
            Problem(_("is a directory; expected %(what)s") % {"what": what}, path)
        ) from None
    except FileNotFoundError:
        raise CoprodError(
            Problem(_("no such file (expected %(what)s)") % {"what": what}, path)
        ) from None
    except PermissionError:
        raise CoprodError(Problem(_("cannot be read: permission denied"), path)) from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise CoprodError(Problem(_("the path is too long to be a file here"), path)) from None
        raise CoprodError(
            Problem(_("cannot be read: %(reason)s") % {"reason": exc.strerror or exc}, path)
        ) from None
    if len(raw) > max_bytes:
        limit = f"{max_bytes // 1_000_000} MB" if max_bytes >= 1_000_000 else f"{max_bytes} bytes"
        raise CoprodError(
            Problem(
                _("is larger than %(limit)s; this does not look like %(what)s")
                % {"limit": limit, "what": what},
                path,
            )
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CoprodError(
            Problem(_("is not UTF-8 text (save it as UTF-8 and try again)"), path, line)
        ) from None


def load_yaml_file(
    path: Path,
    *,
    what: str,
    max_bytes: int = 5_000_000,
    max_lines: int | None = None,
    keep_going: bool = False,
) -> Document:
    """Read and parse a YAML file (refusing, before parsing, one of more than ``max_lines``);
    ``keep_going`` as for :func:`parse_yaml`."""
    text = read_text(path, what=what, max_bytes=max_bytes)
    if max_lines is not None and text.count("\n") > max_lines:
        # Counting lines takes a millisecond; parsing 80,000 of them most of a second.
        raise CoprodError(
            Problem(
                _("has more than %(lines)s lines; this does not look like %(what)s")
                % {"lines": f"{max_lines:,}", "what": what},
                path,
            )
        )
    return parse_yaml(text, path, keep_going=keep_going)


def dump_yaml(data: Any) -> str:
    """YAML text for data coprod writes (block style, keys in the given order).

    A mapping is written key by key: what PyYAML would write plainly is written directly
    (:mod:`coprod.storage.yaml_plain`, the same text, faster), the rest by PyYAML.
    """
    from coprod.storage.yaml_plain import block

    if type(data) is not dict or not data:
        return _pyyaml(data)
    parts = []
    for key, value in data.items():
        text = block(key, value)
        parts.append(text if text is not None else _pyyaml({key: value}))
    return "".join(parts)


def _pyyaml(data: Any) -> str:
    try:
        dumper: type[yaml.SafeDumper] = yaml.CSafeDumper  # type: ignore[assignment]
    except AttributeError:  # pragma: no cover
        dumper = yaml.SafeDumper
    return yaml.dump(
        data, Dumper=dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=88
    )
