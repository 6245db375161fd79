"""The models of the content under ``data/``: frozen dataclasses, validated by pydantic.

The models only describe; reading files is the loader's job, and validating a
file is :func:`coprod.core.validation.validate` (pydantic, imported only then:
content read back from the cache is rebuilt without it). Every model forbids
unknown keys so that a typo in an organisation's adapted copy is reported
instead of silently ignored. What every model shares (the base class, the
constraints pydantic reads, dumping to JSON data) is :mod:`coprod.core.model_base`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Literal

from coprod.core.kept import Kept
from coprod.core.model_base import (
    SLUG,
    Before,
    Check,
    Slug,
    Strict,
    Text,
    dump,
    field_types,
    partial_date,
    slugify,
)
from coprod.i18n import ENGLISH_MONTHS

__all__ = ["SLUG", "Before", "Check", "Slug", "Strict", "Text", "dump", "field_types", "slugify"]


class Publication(Strict):
    """A publication that content items cite (declared once in meta.yaml)."""

    id: Slug
    citation: Text
    url: str | None = None


class SourceRef(Strict):
    """Where a reader can check an item: a publication (by id) and its section."""

    ref: Slug
    section: Text
    page: int | None = None


def _as_list(value: object) -> object:
    """Allow ``source:`` to be one reference or a list of them."""
    if isinstance(value, dict):
        return [value]
    return value


class Sourced(Strict):
    """An item that carries at least one source reference."""

    source: Annotated[list[SourceRef], Check(min_length=1), Before(_as_list)]


class PastVersion(Strict):
    """The statement ids an earlier content version had (what ``replaces`` may name)."""

    content_version: Annotated[int, Check(ge=1)]
    statements: Annotated[list[Slug], Check(min_length=1)]


class Meta(Strict):
    """data/meta.yaml: the content's own version and the publications it cites."""

    content_version: Annotated[int, Check(ge=1)]
    title: Text
    description: Text
    publications: Annotated[list[Publication], Check(min_length=1)]
    history: list[PastVersion] = dataclasses.field(default_factory=list)


class KeyPoint(Strict):
    """One of the report's Key Points for a practice (quoted, it is short).

    ``means``: an easy-read line shown beside the quote ("This means: ..."), never
    instead of it; only an easy-read pack gives one.
    """

    id: Slug
    text: Text
    means: Text | None = None


class Statement(Strict):
    """A first-person self-assessment statement, rated 0-4.

    ``replaces`` names the statement ids of the previous content version whose
    answers this statement takes over (a split or a change of meaning gives a new id).
    """

    id: Slug
    key_point: Slug
    text: Text
    next_step: Text
    replaces: list[Slug] = dataclasses.field(default_factory=list)
    picture: Slug | None = None  # shown beside it in easy read (coprod/pictures)
    # where in the report the statement is grounded (the practice's section)
    source: Annotated[list[SourceRef], Before(_as_list)] = dataclasses.field(default_factory=list)


class CaseLink(Strict):
    """A case study that the report uses to illustrate a practice."""

    case: Slug
    role: Literal["example", "caution"]
    why: Text


class Practice(Sourced):
    """One of the seven practices of co-production."""

    id: Slug
    number: Annotated[int, Check(ge=1)]
    name: Text
    name_means: Text | None = None  # easy read's line beside the quoted title (a pack's)
    summary: Text
    key_points: Annotated[list[KeyPoint], Check(min_length=1)]
    statements: Annotated[list[Statement], Check(min_length=1)]
    cases: list[CaseLink] = dataclasses.field(default_factory=list)
    picture: Slug | None = None  # beside its heading in easy read


class Criterion(Sourced):
    """A condition from "When to co-produce?" asked as a yes / no / not sure question."""

    id: Slug
    text: Text
    question: Text
    why: Text
    picture: Slug | None = None  # beside its question in easy read


class Note(Sourced):
    """A short piece of guidance with a stable id (a caveat, the starting point)."""

    id: Slug
    text: Text


class Criteria(Strict):
    """data/criteria.yaml: when co-production helps, when it is unlikely to deliver."""

    favourable: Annotated[list[Criterion], Check(min_length=1)]
    warning: Annotated[list[Criterion], Check(min_length=1)]
    starting_point: Note
    caveats: Annotated[list[Note], Check(min_length=1)]


class Method(Sourced):
    """A method in the normalised vocabulary that cases use."""

    id: Slug
    name: Text
    description: Text


class OtherFigure(Strict):
    """A figure for the same thing that another source gives differently."""

    value: int | float | str
    source: Annotated[list[SourceRef], Check(min_length=1), Before(_as_list)]
    note: str | None = None


class Figure(Strict):
    """A number a case reports, with where it comes from; other sources' figures kept."""

    label: Text
    value: int | float | str
    source: Annotated[list[SourceRef], Check(min_length=1), Before(_as_list)]
    other_figures: list[OtherFigure] = dataclasses.field(default_factory=list)


class Claim(Sourced):
    """One output, impact or lesson of a case, with where a reader can check it."""

    text: Text


MONTHS = ENGLISH_MONTHS  # coprod.i18n: month names in English, for dates as written


class SentenceSource(Sourced):
    """Where one sentence of a case's description or summary comes from.

    ``starts`` gives the sentence's first words; a case lists its sentences' sources in
    the order the sentences come, the description's first (see core/sentences.py).
    """

    starts: Text


class Case(Sourced):
    """One of the ten Jam and Justice action research projects."""

    id: Slug
    name: Text
    description: Annotated[str, Check(min_length=1, max_length=140)]
    questions: Annotated[list[Text], Check(min_length=1)]
    summary: Text
    partners: list[Text] = dataclasses.field(default_factory=list)
    methods: list[Slug] = dataclasses.field(default_factory=list)
    themes: list[Text] = dataclasses.field(default_factory=list)
    started: Annotated[str | None, Before(partial_date)] = None
    figures: list[Figure] = dataclasses.field(default_factory=list)
    outputs: list[Claim] = dataclasses.field(default_factory=list)
    impacts: list[Claim] = dataclasses.field(default_factory=list)
    strategy: Slug | None = None
    lessons: list[Claim] = dataclasses.field(default_factory=list)
    sentence_sources: list[SentenceSource] = dataclasses.field(default_factory=list)

    @property
    def started_key(self) -> str:
        """For sorting by start: a month sorts before the days in it; unknown last."""
        return self.started or "9999"

    @property
    def started_label(self) -> str | None:
        """``"16 March 2018"`` or, for a month, ``"May 2018"``."""
        if not self.started:
            return None
        parts = [int(p) for p in self.started.split("-")]
        month = MONTHS[parts[1] - 1]
        return f"{parts[2]} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"

    @property
    def started_month(self) -> str | None:
        """``"Mar 2018"``: the short form for listings."""
        if not self.started:
            return None
        year, month = self.started.split("-")[:2]
        return f"{MONTHS[int(month) - 1][:3]} {year}"


class Strategy(Sourced):
    """A social innovation strategy the report assigns to ARC projects."""

    id: Slug
    name: Text
    description: Text


class Characteristic(Sourced):
    """An Action Research Collective characteristic (Analysis, Vision, ...)."""

    id: Slug
    name: Text
    description: Text


class Tyranny(Sourced):
    """A tyranny of participation the report names."""

    id: Slug
    name: Text
    description: Text


class Viewpoint(Sourced):
    """One of the four viewpoints on good leadership in co-production."""

    id: Slug
    number: Annotated[int, Check(ge=1)]
    description: Text


class Challenge(Sourced):
    """One of the three urban challenges (democratic, knowledge, justice)."""

    id: Slug
    name: Text
    question: Text
    description: Text


class ReachingWay(Sourced):
    """A way the report's projects reached people a group was missing."""

    id: Slug
    characteristics: Annotated[list[Slug], Check(min_length=1)]
    text: Text


class RoomGuidance(Strict):
    """Who is in the room: noticing gaps, ways to reach people, and the caution."""

    noticing: Note
    ways: Annotated[list[ReachingWay], Check(min_length=1)]
    caution: Note


class Finding(Sourced):
    """One of the report's headline findings: what co-production is, adds, cannot do."""

    id: Slug
    name: Text
    text: Text


class CallToAction(Sourced):
    """What the report asks of one kind of reader, and the respondent roles it speaks to;
    ``quote`` is the call in the report's own words."""

    id: Slug
    reader: Text
    roles: Annotated[list[Slug], Check(min_length=1)]
    text: Text
    quote: Text | None = None


class Passage(Finding):
    """What the report says that coprod carries as it says it: our words (``text``) and
    the report's own (``quote``, verbatim): its vision, how it frames its calls to action,
    its headlines of what changed."""

    quote: Text


class Background(Strict):
    """data/background.yaml: the report's wider ideas, for reference."""

    what_it_is: Annotated[list[Finding], Check(min_length=1)]
    contributions: Annotated[list[Finding], Check(min_length=1)]
    limits: Annotated[list[Finding], Check(min_length=1)]
    calls_to_action: Annotated[list[CallToAction], Check(min_length=1)]
    vision: list[Passage] = dataclasses.field(default_factory=list)
    calls_framing: list[Passage] = dataclasses.field(default_factory=list)
    what_changed: list[Passage] = dataclasses.field(default_factory=list)
    assessment_framing: Annotated[list[Note], Check(min_length=1)]
    challenges: Annotated[list[Challenge], Check(min_length=1)]
    arc_characteristics: Annotated[list[Characteristic], Check(min_length=1)]
    tyrannies: Annotated[list[Tyranny], Check(min_length=1)]
    leadership_viewpoints: Annotated[list[Viewpoint], Check(min_length=1)]
    room: RoomGuidance | None = None


# --- content packs (see coprod/core/packs/) ---


class GlossaryTerm(Strict):
    """A word the pack keeps (``co-production``) and what it means, in plain words."""

    id: Slug
    word: Text
    meaning: Text
    also: list[Text] = dataclasses.field(
        default_factory=list
    )  # other forms: "co-produce", "co-producing"
    source: Annotated[list[SourceRef], Check(min_length=1), Before(_as_list)]

    def forms(self) -> list[str]:
        return [self.word, *self.also]


class PackMeta(Strict):
    """``packs/<name>/meta.yaml``: what the pack is, how it was made, who reviewed it."""

    name: Slug
    language: Annotated[str, Check(pattern=r"^[a-z]{2,3}$")]
    easy_read: bool = False
    title: Text
    description: Text
    content_version: Annotated[int, Check(ge=1)]
    adaptation: Text | None = None
    status: Literal["draft", "reviewed"]
    machine_assisted: bool = False
    reviewed_by: Text | None = None
    reviewed_on: date | None = None
    draft_notice: Text | None = None
    translation_note: Text | None = None  # shown on every report: the quotes are translations

    def __post_init__(self) -> None:
        if self.status == "reviewed" and (not self.reviewed_by or self.reviewed_on is None):
            raise ValueError("status reviewed needs reviewed_by (who) and reviewed_on (when)")
        if self.status == "draft" and self.language != "en" and not self.draft_notice:
            raise ValueError(
                "a draft translation needs draft_notice: the line every report shows while "
                "the translation is a draft"
            )
        if self.language != "en" and not self.translation_note:
            raise ValueError(
                "a translation needs translation_note: the line every report shows to say "
                "that the practice titles and Key Points translate the report's English words"
            )


class PackInfo(Strict):
    """The pack a piece of content was read with (kept with the content)."""

    meta: PackMeta
    glossary: list[GlossaryTerm] = dataclasses.field(default_factory=list)
    pictures_folder: str | None = None  # the pack's own pictures/ (coprod.pictures), if any

    @property
    def draft_line(self) -> str | None:
        """The line to show on every page and report while the pack is a draft."""
        return self.meta.draft_notice if self.meta.status == "draft" else None


#: Every file of a content folder, in the order they are read (the models of each:
#: :data:`coprod.core.content_checks.FILES`; named here for the cache, which needs no model).
FILE_NAMES = (
    "meta.yaml",
    "practices.yaml",
    "criteria.yaml",
    "cases.yaml",
    "methods.yaml",
    "strategies.yaml",
    "background.yaml",
)


class Content(Strict):
    """Everything under data/, loaded and cross-checked."""

    meta: Meta
    practices: list[Practice]
    criteria: Criteria
    cases: list[Case]
    methods: list[Method]
    strategies: list[Strategy]
    background: Background
    pack: PackInfo | None = None  # the pack laid over the original (--lang, --easy-read)

    @property
    def language(self) -> str:
        """The language of the texts: the pack's, else English."""
        return self.pack.meta.language if self.pack else "en"

    @property
    def version(self) -> int:
        return self.meta.content_version

    @property
    def easy_read(self) -> bool:
        """Easy read: the texts are plain words, with a picture beside each point."""
        return bool(self.pack and self.pack.meta.easy_read)

    @property
    def pictures_folder(self) -> str | None:
        """Where this content's own pictures are (its pack's ``pictures/``), if anywhere."""
        return self.pack.pictures_folder if self.pack else None

    def practice(self, practice_id: str) -> Practice:
        return next(p for p in self.practices if p.id == practice_id)

    def case(self, case_id: str) -> Case:
        by_id = _CASES_BY_ID.get(self)
        if by_id is None:  # looked up for every practice of every assessment
            by_id = _CASES_BY_ID.put(self, value={c.id: c for c in self.cases})
        return by_id[case_id]

    def practices_of(self, case_id: str) -> list[str]:
        """Ids of the practices that use a case as an illustration (from practices.yaml)."""
        return [p.id for p in self.practices if any(link.case == case_id for link in p.cases)]

    def statements(self) -> list[tuple[Practice, Statement]]:
        return [(p, s) for p in self.practices for s in p.statements]

    def all_criteria(self) -> list[Criterion]:
        return [*self.criteria.favourable, *self.criteria.warning]

    def calls_to_action(self, roles: Iterable[str | None] = ()) -> list[CallToAction]:
        """The report's calls to action for these respondent roles, in the report's order.

        All four when no role is given, or when any role is unknown (``None``) or
        ``other``; otherwise those that speak to at least one of the roles.
        """
        wanted = list(roles)
        calls = self.background.calls_to_action
        if not wanted or any(r in (None, "other") for r in wanted):
            return list(calls)
        return [c for c in calls if set(wanted) & set(c.roles)]

    def replaced_by(self) -> dict[str, list[str]]:
        """Old statement id -> the current statement ids that replace it."""
        mapping: dict[str, list[str]] = {}
        for _, statement in self.statements():
            for old in statement.replaces:
                mapping.setdefault(old, []).append(statement.id)
        return mapping


_CASES_BY_ID: Kept[dict[str, Case]] = Kept(16)
