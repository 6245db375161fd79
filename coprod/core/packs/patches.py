"""What a content pack may hold: the patch models, one per file, and the list of pack files.

A patch names an item of the original by its id and gives only the texts it
changes; facts that are not text cannot be given (see :mod:`coprod.core.packs`).
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from coprod.core.models import Check, GlossaryTerm, Slug, Strict, Text

Opt = Text | None


class Patch(Strict):
    """An item of a pack: the id of an item of the original and the texts it changes."""

    key: ClassVar[str] = "id"
    what: ClassVar[str] = "item"
    quoted: ClassVar[tuple[str, ...]] = ()  # fields that quote the report
    #: fields only a pack gives (the original has none): easy read's "This means: ..."
    #: beside a quote of the report
    adds: ClassVar[tuple[str, ...]] = ()

    id: Slug


class KeyPointPatch(Patch):
    what = "key point"
    quoted = ("text",)
    adds = ("means",)
    text: Opt = None
    translates: Opt = None
    means: Opt = None


class StatementPatch(Patch):
    what = "statement"
    text: Opt = None
    next_step: Opt = None
    picture: Slug | None = None  # not a text: the pack's own picture (coprod.pictures)


class CaseLinkPatch(Strict):
    key: ClassVar[str] = "case"
    what: ClassVar[str] = "case link"
    quoted: ClassVar[tuple[str, ...]] = ()
    case: Slug
    why: Opt = None


class PracticePatch(Patch):
    what = "practice"
    quoted = ("name",)
    adds = ("name_means",)
    name: Opt = None
    name_translates: Opt = None
    name_means: Opt = None
    summary: Opt = None
    key_points: list[KeyPointPatch] | None = None
    statements: list[StatementPatch] | None = None
    cases: list[CaseLinkPatch] | None = None
    picture: Slug | None = None


class CriterionPatch(Patch):
    what = "criterion"
    text: Opt = None
    question: Opt = None
    why: Opt = None
    picture: Slug | None = None


class NotePatch(Patch):
    what = "note"
    text: Opt = None


class CasePatch(Patch):
    what = "case"
    name: Opt = None
    description: Annotated[str, Check(min_length=1, max_length=140)] | None = None
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


class PassagePatch(Patch):
    """The vision, the calls' framing, what changed: our words; the quote stays the report's."""

    what = "passage"
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
    terms: Annotated[list[GlossaryTerm], Check(min_length=1)]


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
    vision: list[PassagePatch] | None = None
    calls_framing: list[PassagePatch] | None = None
    what_changed: list[PassagePatch] | None = None
    assessment_framing: list[NotePatch] | None = None
    challenges: list[ChallengePatch] | None = None
    arc_characteristics: list[CharacteristicPatch] | None = None
    tyrannies: list[TyrannyPatch] | None = None
    leadership_viewpoints: list[ViewpointPatch] | None = None
    room: RoomPatch | None = None


#: The files that patch the original, and the model of each.
PACK_FILES: dict[str, type[Strict]] = {
    "practices.yaml": PracticesPatch,
    "criteria.yaml": CriteriaPatch,
    "cases.yaml": CasesPatch,
    "methods.yaml": MethodsPatch,
    "strategies.yaml": StrategiesPatch,
    "background.yaml": BackgroundPatch,
}
#: The files of a pack besides those that patch the original (meta.yaml is required).
OTHER_FILES = ("meta.yaml", "glossary.yaml")
#: Every file a pack may hold: the one list (the cache key reads whatever the folder holds).
PACK_FILE_NAMES = (*OTHER_FILES, *PACK_FILES)
