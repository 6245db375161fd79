"""Content packs: another version of the content (easy read, a translation) laid over it.

A pack is a folder ``packs/<name>/`` inside a content folder, with the same file
names and the same ids as the original, holding only the texts it changes. Every
text it lacks falls back to the original; facts that are not text (numbers,
sources, roles, case figures) always come from the original and a pack cannot
give them. A pack naming an id the original does not have is refused, with the
file and line.

Pack names follow the choice a user makes: ``cy`` for Welsh, ``easy-read`` for
English easy read, ``cy-easy-read`` for Welsh easy read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import BaseModel, Field

from coprod.core.models import GlossaryTerm, PackInfo, PackMeta, Strict, Text
from coprod.core.packchoice import (
    EASY_READ,
    ENGLISH,
    LANGUAGE_NAMES,
    PACKS_FOLDER,
    Choice,
    available_packs,
    choose_pack,
    normalise_language,
    pack_fingerprint,
    pack_name,
)
from coprod.errors import CoprodError, Problem
from coprod.i18n import _

__all__ = [
    "EASY_READ",
    "ENGLISH",
    "LANGUAGE_NAMES",
    "PACKS_FOLDER",
    "Choice",
    "apply_pack",
    "available_packs",
    "choose_pack",
    "normalise_language",
    "pack_fingerprint",
    "pack_name",
]

if TYPE_CHECKING:
    from coprod.core.models import Content
    from coprod.storage.yamlio import Document

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=60)]
Opt = Text | None


# --- what a pack may hold -------------------------------------------------------------


class Patch(Strict):
    """An item of a pack: the id of an item of the original and the texts it changes."""

    key: ClassVar[str] = "id"
    what: ClassVar[str] = "item"
    quoted: ClassVar[tuple[str, ...]] = ()  # fields that quote the report

    id: Slug


class KeyPointPatch(Patch):
    what = "key point"
    quoted = ("text",)
    text: Opt = None
    translates: Opt = None


class StatementPatch(Patch):
    what = "statement"
    text: Opt = None
    next_step: Opt = None


class CaseLinkPatch(Strict):
    key: ClassVar[str] = "case"
    what: ClassVar[str] = "case link"
    quoted: ClassVar[tuple[str, ...]] = ()
    case: Slug
    why: Opt = None


class PracticePatch(Patch):
    what = "practice"
    quoted = ("name",)
    name: Opt = None
    name_translates: Opt = None
    summary: Opt = None
    key_points: list[KeyPointPatch] | None = None
    statements: list[StatementPatch] | None = None
    cases: list[CaseLinkPatch] | None = None


class CriterionPatch(Patch):
    what = "criterion"
    text: Opt = None
    question: Opt = None
    why: Opt = None


class NotePatch(Patch):
    what = "note"
    text: Opt = None


class CasePatch(Patch):
    what = "case"
    name: Opt = None
    description: Annotated[str, Field(min_length=1, max_length=140)] | None = None
    summary: Opt = None


class NamedPatch(Patch):
    """Methods, strategies, ARC characteristics, tyrannies."""

    name: Opt = None
    description: Opt = None


class MethodPatch(NamedPatch):
    what = "method"


class StrategyPatch(NamedPatch):
    what = "strategy"


class CharacteristicPatch(NamedPatch):
    what = "characteristic"


class TyrannyPatch(NamedPatch):
    what = "tyranny"


class FindingPatch(Patch):
    what = "finding"
    name: Opt = None
    text: Opt = None


class CallToActionPatch(Patch):
    what = "call to action"
    reader: Opt = None
    text: Opt = None


class ChallengePatch(Patch):
    what = "challenge"
    name: Opt = None
    question: Opt = None
    description: Opt = None


class ViewpointPatch(Patch):
    what = "viewpoint"
    description: Opt = None


class WayPatch(Patch):
    what = "way"
    text: Opt = None


class RoomPatch(Strict):
    """Who is in the room (background.yaml's ``room:``): one object, not a list, so no id."""

    noticing: NotePatch | None = None
    ways: list[WayPatch] | None = None
    caution: NotePatch | None = None


class GlossaryFile(Strict):
    terms: list[GlossaryTerm] = Field(min_length=1)


class PracticesPatch(Strict):
    practices: list[PracticePatch] | None = None


class CriteriaPatch(Strict):
    favourable: list[CriterionPatch] | None = None
    warning: list[CriterionPatch] | None = None
    starting_point: NotePatch | None = None
    caveats: list[NotePatch] | None = None


class CasesPatch(Strict):
    cases: list[CasePatch] | None = None


class MethodsPatch(Strict):
    methods: list[MethodPatch] | None = None


class StrategiesPatch(Strict):
    strategies: list[StrategyPatch] | None = None


class BackgroundPatch(Strict):
    what_it_is: list[FindingPatch] | None = None
    contributions: list[FindingPatch] | None = None
    limits: list[FindingPatch] | None = None
    calls_to_action: list[CallToActionPatch] | None = None
    assessment_framing: list[NotePatch] | None = None
    challenges: list[ChallengePatch] | None = None
    arc_characteristics: list[CharacteristicPatch] | None = None
    tyrannies: list[TyrannyPatch] | None = None
    leadership_viewpoints: list[ViewpointPatch] | None = None
    room: RoomPatch | None = None


PACK_FILES: dict[str, type[BaseModel]] = {
    "practices.yaml": PracticesPatch,
    "criteria.yaml": CriteriaPatch,
    "cases.yaml": CasesPatch,
    "methods.yaml": MethodsPatch,
    "strategies.yaml": StrategiesPatch,
    "background.yaml": BackgroundPatch,
}
OTHER_FILES = ("meta.yaml", "glossary.yaml")


# --- laying a pack over the original --------------------------------------------------


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
    warnings: list[str] = field(default_factory=list)
    texts: int = 0  # how many texts the pack gives


def _key(item: Any) -> str:
    """An item's id (a case link's case)."""
    return str(getattr(item, "id", None) or item.case)


def _label(item: Any, name: str) -> str:
    """How a fallback names ``item``: its id, or (an object with no id, like ``room``) the field."""
    return _key(item) if hasattr(item, "id") or hasattr(item, "case") else name


class _Overlay:
    def __init__(self, meta: PackMeta, doc: Document, file: str) -> None:
        from coprod.core.validation import field_path

        self.meta = meta
        self.doc = doc
        self.file = file
        self.problems: list[Problem] = []
        self.missing: dict[tuple[str, str], list[str]] = {}
        self.texts = 0
        self._field_path = field_path

    def problem(self, loc: tuple[int | str, ...], message: str) -> None:
        self.problems.append(
            Problem(message, self.doc.path, self.doc.line_of(loc), self._field_path(loc))
        )

    def fallback(self, what: str, name: str, label: str) -> None:
        self.missing.setdefault((what, name), []).append(label)

    def all_fall_back(self, original: BaseModel, patch_type: type[BaseModel], label: str) -> None:
        """Every text of ``original`` (and of its items) comes from the original."""
        for name, info in patch_type.model_fields.items():
            if name in ("id", "case") or name.endswith("translates"):
                continue
            value = getattr(original, name)
            inner = _list_item_type(info.annotation)
            if value is None:
                continue  # the original has none either: nothing falls back
            if inner is not None:
                for item in value:
                    self.all_fall_back(
                        item,
                        inner,
                        f"{label}/{_key(item)}" if inner is CaseLinkPatch else _key(item),
                    )
            elif isinstance(value, BaseModel):
                self.all_fall_back(value, _nested_type(info.annotation), _label(value, name))
            elif not self.keeps(patch_type, name):
                self.fallback(getattr(patch_type, "what", "item"), name, label)

    def keeps(self, patch_type: type[BaseModel], name: str) -> bool:
        """An English pack keeps the report's quoted words: not a fallback to list."""
        return self.meta.language == ENGLISH and name in getattr(patch_type, "quoted", ())

    def item(
        self, original: BaseModel, patch: BaseModel, loc: tuple[int | str, ...], label: str
    ) -> BaseModel:
        updates: dict[str, Any] = {}
        what = getattr(patch, "what", "item")
        quoted = getattr(patch, "quoted", ())
        for name, info in type(patch).model_fields.items():
            if name in ("id", "case") or name.endswith("translates"):
                continue
            value = getattr(patch, name)
            here = (*loc, name)
            inner = _list_item_type(info.annotation)
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
            elif isinstance(value, BaseModel) and "id" not in type(value).model_fields:
                updates[name] = self.item(getattr(original, name), value, here, name)
            elif isinstance(value, BaseModel):
                updates[name] = self.keyed_one(getattr(original, name), value, here)
            elif isinstance(getattr(original, name, None), BaseModel):
                nested = getattr(original, name)
                self.all_fall_back(nested, _nested_type(info.annotation), _label(nested, name))
            elif value is None:
                if not self.keeps(type(patch), name):
                    self.fallback(what, name, label)
            else:
                self.texts += 1
                if name in quoted:
                    self.check_quote(original, patch, name, here)
                updates[name] = value
        return original.model_copy(update=updates)

    def check_quote(
        self, original: BaseModel, patch: BaseModel, name: str, loc: tuple[int | str, ...]
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

    def keyed_one(
        self, original: BaseModel, patch: BaseModel, loc: tuple[int | str, ...]
    ) -> BaseModel:
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
        patch_type: type[BaseModel],
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


def _list_item_type(annotation: Any) -> type[BaseModel] | None:
    """``list[X] | None`` -> X (a patch model), else None."""
    import typing

    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is list:
            (inner,) = typing.get_args(arg)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def _nested_type(annotation: Any) -> type[BaseModel]:
    import typing

    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    raise TypeError(annotation)  # pragma: no cover - the patch models are fixed


_TARGET = {
    "practices.yaml": "practices",
    "cases.yaml": "cases",
    "methods.yaml": "methods",
    "strategies.yaml": "strategies",
}


def _iter_files(folder: Path) -> Iterator[Path]:
    return iter(sorted(p for p in folder.iterdir() if not p.name.startswith(".")))


def apply_pack(data_dir: Path, name: str, content: Content) -> PackResult:
    """Lay the pack ``packs/<name>/`` over ``content``; every problem at once, with lines."""
    from coprod.core.validation import field_path, validate
    from coprod.storage.yamlio import load_yaml_file

    folder = data_dir / PACKS_FOLDER / name
    if not folder.is_dir():
        raise CoprodError(Problem(_("no such pack folder"), folder))
    problems: list[Problem] = []
    for path in _iter_files(folder):
        if path.name not in PACK_FILES and path.name not in OTHER_FILES:
            known = ", ".join([*OTHER_FILES, *PACK_FILES])
            problems.append(
                Problem(_("is not a pack file (a pack holds %(files)s)") % {"files": known}, path)
            )

    def read(file: str, model: type[BaseModel], required: bool) -> tuple[Document, Any] | None:
        path = folder / file
        if not path.exists() and not required:
            return None
        try:
            doc = load_yaml_file(path, what=_("the pack file %(name)s") % {"name": file})
        except CoprodError as exc:
            problems.extend(exc.problems)
            return None
        if not isinstance(doc.data, dict):
            problems.append(Problem(_("expected a mapping (key: value)"), path, doc.line_of(())))
            return None
        result = validate(model, doc)
        if isinstance(result, list):
            problems.extend(result)
            return None
        return doc, result

    meta_read = read("meta.yaml", PackMeta, True)
    glossary_read = read("glossary.yaml", GlossaryFile, False)
    patches = {file: read(file, model, False) for file, model in PACK_FILES.items()}
    if meta_read is None:
        raise CoprodError(problems, hint=None)
    meta_doc, meta = meta_read
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
    warnings: list[str] = []
    if meta.content_version != content.version:
        warnings.append(
            _(
                "%(file)s: written for content version %(written)s; the content is version "
                "%(current)s: check that its texts still match"
            )
            % {"file": meta_doc.path, "written": meta.content_version, "current": content.version}
        )

    publication_ids = {p.id for p in content.meta.publications}
    glossary: list[GlossaryTerm] = []
    if glossary_read is not None:
        gdoc, gfile = glossary_read
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
    for file, item in patches.items():
        overlay: _Overlay | None = None
        if item is None:
            if not (folder / file).exists():
                fallbacks.append(Fallback(file, "", "", []))
            continue
        doc, patch = item
        overlay = _Overlay(meta, doc, file)
        if file in _TARGET:
            attr = _TARGET[file]
            inner = _list_item_type(type(patch).model_fields[attr].annotation)
            assert inner is not None
            value = getattr(patch, attr)
            originals = getattr(content, attr)
            if value is None:
                for original in originals:
                    overlay.all_fall_back(original, inner, _key(original))
                continue
            updates[attr] = overlay.items(originals, value, inner, (attr,), "")
        else:
            target = "criteria" if file == "criteria.yaml" else "background"
            updates[target] = overlay.item(getattr(content, target), patch, (), "")
        problems.extend(overlay.problems)
        texts += overlay.texts
        fallbacks.extend(
            Fallback(file, what, name_, ids) for (what, name_), ids in overlay.missing.items()
        )
    if problems:
        raise CoprodError(problems, hint=None)
    info = PackInfo(meta=meta, glossary=glossary)
    merged = content.model_copy(update={**updates, "pack": info})
    return PackResult(merged, fallbacks, warnings, texts)
