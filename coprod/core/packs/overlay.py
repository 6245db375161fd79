"""Laying a pack over the original content: a pure merge of parsed pack files.

:mod:`coprod.storage.packs` reads and validates a pack's files into a
:class:`PackFiles`; :func:`overlay` checks it against the original and merges
its texts, reporting every problem at once with its file and line.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coprod.core.content_checks import unknown_picture
from coprod.core.document import Document
from coprod.core.models import GlossaryTerm, PackInfo, PackMeta, Strict, field_types
from coprod.core.notices import Notice
from coprod.core.packs.choice import ENGLISH, pack_name
from coprod.core.packs.patches import CaseLinkPatch, GlossaryFile
from coprod.core.validation import field_path
from coprod.errors import CoprodError, Problem
from coprod.i18n import _

if TYPE_CHECKING:
    from coprod.core.models import Content

PICTURE = "picture"  # a pack may name its own picture; leaving it out is no fallback
NOT_TEXTS = ("id", "case", PICTURE)


@dataclass
class PackFiles:
    """A pack's files as read: each parsed and validated (``None`` where it failed or is absent)."""

    name: str
    meta: tuple[Document, PackMeta]
    glossary: tuple[Document, GlossaryFile] | None
    patches: dict[str, tuple[Document, Any] | None]
    absent: set[str] = field(default_factory=set)  # the patch files the folder does not have
    problems: list[Problem] = field(default_factory=list)  # found while reading
    #: the picture ids a ``picture:`` may name (coprod's and the pack's own), and the
    #: pack's own pictures folder (None: it has none); None: pictures are not checked
    pictures: frozenset[str] | None = None
    pictures_folder: str | None = None


PLURALS = {
    "criterion": "criteria",
    "strategy": "strategies",
    "call to action": "calls to action",
    "tyranny": "tyrannies",
}


@dataclass
class Fallback:
    """Texts the pack does not give, so the original's are used."""

    file: str
    what: str
    field: str
    ids: list[str]

    def __str__(self) -> str:
        if not self.ids:
            return f"{self.file}: not in the pack; all its texts come from the original"
        count = len(self.ids)
        items = f"{count} {self.what if count == 1 else PLURALS.get(self.what, self.what + 's')}"
        return f"{self.file}: {self.field} of {items} from the original: {', '.join(self.ids)}"


@dataclass
class PackResult:
    content: Content
    fallbacks: list[Fallback] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    texts: int = 0  # how many texts the pack gives


def _key(item: Any) -> str:
    """An item's id (a case link's case)."""
    return str(getattr(item, "id", None) or item.case)


def _label(item: Any, name: str) -> str:
    """How a fallback names ``item``: its id, or (an object with no id, like ``room``) the field."""
    return _key(item) if hasattr(item, "id") or hasattr(item, "case") else name


class _Overlay:
    def __init__(
        self, meta: PackMeta, doc: Document, file: str, pictures: frozenset[str] | None = None
    ) -> None:
        self.pictures = pictures
        self.meta = meta
        self.doc = doc
        self.file = file
        self.problems: list[Problem] = []
        self.missing: dict[tuple[str, str], list[str]] = {}
        self.texts = 0

    def problem(self, loc: tuple[int | str, ...], message: str) -> None:
        self.problems.append(
            Problem(message, self.doc.path, self.doc.line_of(loc), field_path(loc))
        )

    def fallback(self, what: str, name: str, label: str) -> None:
        self.missing.setdefault((what, name), []).append(label)

    def all_fall_back(self, original: Strict, patch_type: type[Strict], label: str) -> None:
        """Every text of ``original`` (and of its items) comes from the original."""
        for name, annotation in field_types(patch_type).items():
            if name in NOT_TEXTS or name.endswith("translates"):
                continue
            value = getattr(original, name)
            inner = _list_item_type(annotation)
            if value is None:
                continue  # the original has none either: nothing falls back
            if inner is not None:
                for item in value:
                    self.all_fall_back(
                        item,
                        inner,
                        f"{label}/{_key(item)}" if inner is CaseLinkPatch else _key(item),
                    )
            elif isinstance(value, Strict):
                self.all_fall_back(value, _nested_type(annotation), _label(value, name))
            elif not self.keeps(patch_type, name):
                self.fallback(getattr(patch_type, "what", "item"), name, label)

    def keeps(self, patch_type: type[Strict], name: str) -> bool:
        """An English pack keeps the report's quoted words: not a fallback to list."""
        return self.meta.language == ENGLISH and name in getattr(patch_type, "quoted", ())

    def item(
        self, original: Strict, patch: Strict, loc: tuple[int | str, ...], label: str
    ) -> Strict:
        updates: dict[str, Any] = {}
        what = getattr(patch, "what", "item")
        quoted = getattr(patch, "quoted", ())
        for name, annotation in field_types(type(patch)).items():
            if name == PICTURE and getattr(patch, name) is not None:
                updates[name] = getattr(patch, name)  # a pack's own picture: not a text
                if self.pictures is not None and updates[name] not in self.pictures:
                    self.problem((*loc, name), unknown_picture(updates[name], self.pictures))
            if name in NOT_TEXTS or name.endswith("translates"):
                continue
            value = getattr(patch, name)
            here = (*loc, name)
            inner = _list_item_type(annotation)
            if name in getattr(patch, "adds", ()):
                if value is not None and not self.meta.easy_read:
                    self.problem(here, f"only an easy-read pack gives {name}")
                elif value is not None:
                    self.texts += 1
                    updates[name] = value
                continue
            if inner is not None:
                originals = getattr(original, name)
                if value is None:
                    for item in originals:
                        sub = f"{label}/{_key(item)}" if inner is CaseLinkPatch else _key(item)
                        self.all_fall_back(item, inner, sub)
                else:
                    updates[name] = self.items(originals, value, inner, here, label)
            elif getattr(original, name, None) is None:
                if value is not None:  # nothing in the original to translate
                    self.problem(here, _("the original has no %(field)s") % {"field": name})
            elif isinstance(value, Strict) and "id" not in field_types(type(value)):
                updates[name] = self.item(getattr(original, name), value, here, name)
            elif isinstance(value, Strict):
                updates[name] = self.keyed_one(getattr(original, name), value, here)
            elif isinstance(getattr(original, name, None), Strict):
                nested = getattr(original, name)
                self.all_fall_back(nested, _nested_type(annotation), _label(nested, name))
            elif value is None:
                if not self.keeps(type(patch), name):
                    self.fallback(what, name, label)
            else:
                self.texts += 1
                if name in quoted:
                    self.check_quote(original, patch, name, here)
                updates[name] = value
        return dataclasses.replace(original, **updates)

    def check_quote(
        self, original: Strict, patch: Strict, name: str, loc: tuple[int | str, ...]
    ) -> None:
        """The report's own words: English packs keep them; translations name what they translate."""
        what = getattr(patch, "what", "item")
        marker = "translates" if name == "text" else f"{name}_translates"
        english = getattr(original, name)
        if self.meta.language == ENGLISH:
            self.problem(
                loc,
                f"the {what} {name} quotes the report; an English pack keeps the report's words "
                "(change the summary or the statements instead)",
            )
        elif getattr(patch, marker) is None:
            self.problem(
                loc,
                f"the {what} {name} quotes the report: mark the translation with "
                f"{marker}: the English it translates ({english!r})",
            )
        elif " ".join(str(getattr(patch, marker)).split()) != " ".join(english.split()):
            self.problem(
                (*loc[:-1], marker),
                f"{marker} does not match the original's {name} ({english!r}): "
                "the original has changed; check the translation",
            )

    def keyed_one(self, original: Strict, patch: Strict, loc: tuple[int | str, ...]) -> Strict:
        key = _key(patch)
        if key != _key(original):
            self.problem(
                (*loc, "id"),
                f"unknown {getattr(patch, 'what', 'item')} id {key!r}: the original {self.file} "
                f"has {_key(original)!r} here",
            )
            return original
        return self.item(original, patch, loc, key)

    def items(
        self,
        originals: list[Any],
        patches: list[Any],
        patch_type: type[Strict],
        loc: tuple[int | str, ...],
        parent: str,
    ) -> list[Any]:
        by_key = {_key(o): o for o in originals}
        given: dict[str, Any] = {}
        what = getattr(patch_type, "what", "item")
        key_field = getattr(patch_type, "key", "id")
        for index, patch in enumerate(patches):
            key = _key(patch)
            here = (*loc, index)
            if key not in by_key:
                inside = f" in {parent}" if parent else ""
                self.problem(
                    (*here, key_field),
                    f"unknown {what} id {key!r}: the original {self.file} has no such "
                    f"{what}{inside}; a pack can only change the texts of items the original has",
                )
            elif key in given:
                self.problem((*here, key_field), f"{what} {key!r} is given more than once")
            else:
                given[key] = (here, patch)
        result = []
        for original in originals:
            key = _key(original)
            label = f"{parent}/{key}" if patch_type is CaseLinkPatch else key
            if key in given:
                here, patch = given[key]
                result.append(self.item(original, patch, here, label))
            else:
                self.all_fall_back(original, patch_type, label)
                result.append(original)
        return result


def _list_item_type(annotation: Any) -> type[Strict] | None:
    """``list[X] | None`` -> X (a patch model), else None."""
    import typing

    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is list:
            (inner,) = typing.get_args(arg)
            if isinstance(inner, type) and issubclass(inner, Strict):
                return inner
    return None


def _nested_type(annotation: Any) -> type[Strict]:
    import typing

    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, Strict):
            return arg
    raise TypeError(annotation)  # pragma: no cover - the patch models are fixed


_TARGET = {
    "practices.yaml": "practices",
    "cases.yaml": "cases",
    "methods.yaml": "methods",
    "strategies.yaml": "strategies",
}


def overlay(pack: PackFiles, content: Content) -> PackResult:
    """Lay the pack over ``content``; every problem at once, with lines."""
    problems = list(pack.problems)
    meta_doc, meta = pack.meta
    name = pack.name
    if meta.name != name:
        problems.append(
            Problem(
                _("name %(name)s is not the folder's name %(folder)s")
                % {"name": repr(meta.name), "folder": repr(name)},
                meta_doc.path,
                meta_doc.line_of(("name",)),
                "name",
            )
        )
    expected = pack_name(meta.language, meta.easy_read)
    if expected != name:
        problems.append(
            Problem(
                (
                    _(
                        "an easy-read pack for language %(language)s must be in a folder named %(folder)s"
                    )
                    if meta.easy_read
                    else _("a pack for language %(language)s must be in a folder named %(folder)s")
                )
                % {"language": repr(meta.language), "folder": repr(expected)},
                meta_doc.path,
                meta_doc.line_of(("language",)),
                "language",
            )
        )
    notices: list[Notice] = []
    if meta.content_version != content.version:
        notices.append(
            Notice(
                "pack-content-version",
                {
                    "file": meta_doc.path,
                    "written": meta.content_version,
                    "current": content.version,
                },
            )
        )

    publication_ids = {p.id for p in content.meta.publications}
    glossary: list[GlossaryTerm] = []
    if pack.glossary is not None:
        gdoc, gfile = pack.glossary
        glossary = list(gfile.terms)
        for i, term in enumerate(glossary):
            for j, ref in enumerate(term.source):
                if ref.ref not in publication_ids:
                    loc: tuple[int | str, ...] = ("terms", i, "source", j, "ref")
                    problems.append(
                        Problem(
                            _(
                                "unknown publication %(id)s (the original's meta.yaml "
                                "declares the publications)"
                            )
                            % {"id": repr(ref.ref)},
                            gdoc.path,
                            gdoc.line_of(loc),
                            field_path(loc),
                        )
                    )

    updates: dict[str, Any] = {}
    fallbacks: list[Fallback] = []
    texts = 0
    for file, item in pack.patches.items():
        if item is None:
            if file in pack.absent:
                fallbacks.append(Fallback(file, "", "", []))
            continue
        doc, patch = item
        merger = _Overlay(meta, doc, file, pack.pictures)
        if file in _TARGET:
            attr = _TARGET[file]
            inner = _list_item_type(field_types(type(patch))[attr])
            assert inner is not None
            value = getattr(patch, attr)
            originals = getattr(content, attr)
            if value is None:
                for original in originals:
                    merger.all_fall_back(original, inner, _key(original))
                continue
            updates[attr] = merger.items(originals, value, inner, (attr,), "")
        else:
            target = "criteria" if file == "criteria.yaml" else "background"
            updates[target] = merger.item(getattr(content, target), patch, (), "")
        problems.extend(merger.problems)
        texts += merger.texts
        fallbacks.extend(
            Fallback(file, what, name_, ids) for (what, name_), ids in merger.missing.items()
        )
    if problems:
        raise CoprodError(problems, hint=None)
    info = PackInfo(meta=meta, glossary=glossary, pictures_folder=pack.pictures_folder)
    merged = dataclasses.replace(content, **updates, pack=info)
    return PackResult(merged, fallbacks, notices, texts)
