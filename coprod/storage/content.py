"""Read a content folder (``data/``): each file parsed and validated, then checked together.

Every problem found is reported with its file, line and field; all of them at
once, so that an organisation adapting the content can fix a folder in one go.
The rules across files are :mod:`coprod.core.content_checks`; the cache of
validated content is :mod:`coprod.storage.content_cache`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from coprod.core.models import Content
from coprod.errors import CoprodError, Problem
from coprod.i18n import _


def bundled_data_dir() -> Path:
    """The content shipped with coprod: inside the wheel, or ``data/`` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    inside_wheel = package / "_data"
    return inside_wheel if inside_wheel.is_dir() else package.parent / "data"


def resolve_data_dir(option: Path | None = None) -> Path:
    """``--data-dir`` (the CLI reads ``$COPROD_DATA_DIR`` into it), else the bundled content."""
    return option if option is not None else bundled_data_dir()


def load_content_uncached(data_dir: Path, pack: str | None = None) -> Content:
    """Read, validate and cross-check every file of a content folder (and lay ``pack`` over it)."""
    from coprod.core.content_checks import FILES, Parsed, assemble, check_content
    from coprod.core.validation import KIND, validate
    from coprod.storage.yamlio import load_yaml_file

    if not data_dir.exists():
        raise CoprodError(Problem(_("content folder does not exist"), data_dir))
    if not data_dir.is_dir():
        raise CoprodError(
            Problem(_("is not a folder; expected a content folder like data/"), data_dir)
        )
    problems: list[Problem] = []
    parsed: dict[str, Parsed] = {}
    for name, model in FILES.items():
        path = data_dir / name
        try:
            doc = load_yaml_file(path, what=_("the content file %(name)s") % {"name": name})
        except CoprodError as exc:
            problems.extend(exc.problems)
            continue
        if not isinstance(doc.data, dict):
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
            parsed[name] = Parsed(doc, result)
    if not problems:
        from coprod.pictures import shipped

        problems = check_content(parsed, shipped())
    if problems:
        raise CoprodError(problems, hint=None)
    content = assemble(parsed)
    if pack is None:
        return content
    from coprod.storage.packs import apply_pack

    return apply_pack(data_dir, pack, content).content


@lru_cache(maxsize=4)
def _load_cached(resolved: str, pack: str | None = None) -> Content:
    from coprod.storage.content_cache import load_via_cache

    return load_via_cache(Path(resolved), pack)


def load_content(data_dir: Path | None = None, pack: str | None = None) -> Content:
    """The content from ``data_dir`` (see :func:`resolve_data_dir`), loaded once per process.

    ``pack`` names a content pack (``cy``, ``easy-read``) to lay over it; see
    :mod:`coprod.core.packs`.
    """
    return _load_cached(str(resolve_data_dir(data_dir).resolve()), pack)


def forget_loaded() -> None:
    """Forget the content loaded in this process (the files are read again next time)."""
    _load_cached.cache_clear()
