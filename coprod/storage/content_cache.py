"""The content cache: validated content kept as JSON, keyed on everything that shapes it.

Loading the content folder (parsing YAML, validating with pydantic, checking
references) takes most of a command's start-up; the cache keeps the result in
the user's cache folder and rebuilds the models from it without validating
again. Every read and write is on file descriptors opened without following
links, in a folder only this user can write to, so the cache cannot be swapped
or planted; any problem with it means the content is loaded from its files.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coprod.core.models import FILE_NAMES, Content, Strict, dump, field_types

#: The source of every module that shapes what the loaded content is (relative to the
#: package): the models and their validation, the YAML reading, the checks across
#: files, the pack overlay, and the cache's own reconstruction. Each file's size and
#: modification time are part of the key, so content cached by other code is never
#: read (a checkout keeps its version number while its code changes). tests/storage/test_content_cache.py checks
#: that loading content imports no other module of core/ or storage/.
SHAPING_SOURCES: tuple[str, ...] = (
    "core/models.py",
    "core/model_base.py",
    "core/kept.py",  # (imported by models: what is worked out once per content)
    "core/validation.py",
    "core/checker.py",  # (imported by validation: the messages' words, how a value is shown)
    "core/document.py",
    "core/content_checks.py",
    "core/sentences.py",  # a case's sentences and their sources
    "core/answers.py",  # the roles a call to action may name
    "core/scoring.py",  # (imported by answers)
    "core/own.py",  # (imported by answers: the own statements an answers file defines)
    "core/notices.py",  # a pack's notices
    "core/packs/choice.py",
    "core/packs/patches.py",
    "core/packs/overlay.py",
    "storage/yamlio.py",
    "storage/content.py",
    "storage/packs.py",
    "storage/content_cache.py",
)


def cache_dir() -> Path | None:
    """Where validated content is cached: ``$COPROD_CACHE_DIR``, else the user cache folder
    (``~/.cache/coprod``; on Windows ``%LOCALAPPDATA%\\coprod\\cache``).

    ``COPROD_CACHE_DIR=""`` turns the cache off.
    """
    explicit = os.environ.get("COPROD_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None
    if not _by_descriptor() and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "coprod" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "coprod"


def _by_descriptor() -> bool:
    """Whether files can be opened relative to an open folder and their owner checked
    (Linux, macOS): then the cache is read and written through descriptors. Windows has
    neither; there the cache is used only inside the user's own profile folder, which
    Windows keeps private to the user, and read and written by path."""
    return os.open in os.supports_dir_fd and hasattr(os, "getuid")


def fingerprint(data_dir: Path, pack: str | None = None) -> str | None:
    """A hash of coprod's version and code, the folder, every content and pack file's bytes.

    Keyed on the content itself (not sizes and times, which ``cp -p``, tar and
    unzip keep), so what is shown is always what is on disk; and on the source of
    the code that shapes it (:data:`SHAPING_SOURCES`). Reading the content's bytes
    costs well under a millisecond; parsing and validating it is what the
    cache saves. The code is known by each file's size and modification time (an
    edit, a checkout or an install changes them): ten times cheaper than its bytes.
    """
    try:
        from _blake2 import blake2b  # hashlib's own, without loading OpenSSL (2 ms)
    except ImportError:  # pragma: no cover - another Python
        from hashlib import blake2b

    from coprod import __version__
    from coprod.storage.packs import pack_fingerprint

    digest = blake2b(
        f"{__version__}\0{data_dir}\0{pack_fingerprint(data_dir, pack)}\0".encode(),
        digest_size=32,
    )
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for source in SHAPING_SOURCES:
        try:
            status = os.stat(os.path.join(package, source))
            code = f"{status.st_size}:{status.st_mtime_ns}"
        except OSError:  # not installed as source: the version alone says which code
            code = "missing"
        digest.update(f"{source}\0{code}\0".encode())
    for name in FILE_NAMES:
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


def _construct(model: type[Strict], data: Any) -> Strict:
    """The model from its JSON dump, without validating it again.

    The cache holds only content that passed validation, written by this user into
    a folder only they can write to, under a key that is the hash of the content
    and of the models: so it is rebuilt with the models' own constructors (plain
    dataclasses), field by field from their types, and pydantic is not even
    imported. A file that does not fit the models raises (an unknown or missing
    field, a value of the wrong shape), and the content is then loaded from its files.
    """
    if not isinstance(data, dict):
        raise ValueError(f"expected an object for {model.__name__}")
    converters = _CONVERTERS.get(model) or _plan(model)
    values = {
        name: (value if converters.get(name) is None else converters[name](value))  # type: ignore[misc]
        for name, value in data.items()
    }
    return model(**values)  # unknown or missing fields: TypeError


_CONVERTERS: dict[type[Strict], dict[str, Callable[[Any], Any] | None]] = {}


def _plan(model: type[Strict]) -> dict[str, Callable[[Any], Any] | None]:
    """How to rebuild each field of ``model`` (worked out once per model)."""
    plan = {name: _converter(annotation) for name, annotation in field_types(model).items()}
    _CONVERTERS[model] = plan
    return plan


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Strict)


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
        dumped = dump(content)
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


def _in_profile(folder: Path) -> bool:
    """Whether ``folder`` is inside the user's own profile folder (Windows keeps it private)."""
    try:
        folder.resolve().relative_to(Path.home().resolve())
    except (OSError, ValueError, RuntimeError):
        return False
    return True


def _load_by_path(folder: Path, name: str, key: str, data_dir: Path, pack: str | None) -> Content:
    """As :func:`load_via_cache`, where folders cannot be opened (Windows): by path, and
    only in the user's own profile folder."""
    import json

    from coprod.storage.content import load_content_uncached

    if not _in_profile(folder):
        return load_content_uncached(data_dir, pack)
    path = folder / name
    try:
        with open(path, "rb") as handle:
            stored = json.loads(handle.read(MAX_CACHE_BYTES + 1))
        if isinstance(stored, dict) and stored.get("key") == key:
            content = _construct(Content, stored["content"])
            if isinstance(content, Content):
                return content
    except Exception:  # absent, unreadable, truncated, an older format: rebuild
        pass
    content = load_content_uncached(data_dir, pack)
    tmp = path.with_name(f".{name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({"key": key, "content": dump(content)}), encoding="utf-8")
        os.replace(tmp, path)
    except (OSError, ValueError, TypeError):
        with contextlib.suppress(OSError):
            tmp.unlink()
    return content


def load_via_cache(data_dir: Path, pack: str | None = None) -> Content:
    """Validated content from the cache when its files are unchanged; else load and cache it.

    The cache only ever holds content that passed validation, so errors are always
    reported from the files themselves. Any problem with the cache is ignored.
    """
    from coprod.storage.content import load_content_uncached

    folder = cache_dir()
    key = fingerprint(data_dir, pack) if folder is not None else None
    if folder is None or key is None:
        return load_content_uncached(data_dir, pack)
    name = f"content-{key[:32]}.json"
    if not _by_descriptor():
        return _load_by_path(folder, name, key, data_dir, pack)
    folder_fd = _open_cache_folder(folder)
    if folder_fd is None:
        return load_content_uncached(data_dir, pack)
    try:
        content = _read_cached(folder_fd, name, key)
        if content is None:
            content = load_content_uncached(data_dir, pack)
            _write_cached(folder_fd, name, key, content)
        return content
    finally:
        os.close(folder_fd)
