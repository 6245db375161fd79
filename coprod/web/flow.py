"""The participant's pages in order, and what a posted page changes in their answers.

Pure: no web framework here. A page is posted as plain form fields whose names
are the answers file's ids (``<statement id>`` or, quick, ``<practice id>`` with
``0``-``4``/``dont_know``/``na``; ``<criterion id>`` with ``yes``/``no``/``unsure``);
the other fields are ``respondent_name``, ``respondent_role``, ``brings`` (repeated:
one per characteristic ticked, with ``brings_asked`` saying the boxes were shown), ``note``,
``reflection_why``, ``reflection_bring_and_take`` and the button ``nav``
(``next`` or ``back``; ``save``, from phone.js, saves without moving on). Underscores never occur in content ids, so they cannot clash.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from coprod.core.answers import (
    MAX_MATTERS_MOST,
    MAX_REASON,
    ROLES,
    Answers,
    Reflections,
    Respondent,
)
from coprod.core.kept import Kept
from coprod.core.model_base import Record
from coprod.core.models import Content, Practice
from coprod.core.own import OWN_SECTION, OwnStatement
from coprod.core.scoring import CriterionAnswer, Rating
from coprod.i18n import N_, _
from coprod.render.safe import clean_typed

MAX_TEXT = 2000  # characters in a note or a reflection
MAX_NAME = 100
RATING_VALUES: dict[str, Rating] = {
    "0": 0,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "dont_know": "dont_know",
    "na": "na",
}
CRITERION_VALUES: tuple[CriterionAnswer, ...] = ("yes", "no", "unsure")


@dataclass(frozen=True)
class Page:
    """One page of the participant's flow; ``slug`` is its URL path after the join token."""

    slug: str
    title: str  # English (marked for the catalogue), or a practice's own name
    practice: Practice | None = None

    @property
    def shown_title(self) -> str:
        """The title in the request's language (a practice's is the content's already)."""
        return self.title if self.practice else _(self.title)


OWN_PAGE = "own"  # the group's own statements, when it has any
Own = Sequence[OwnStatement]


def pages(content: Content, own: Own = ()) -> tuple[Page, ...]:
    """Every page in order: about you, the criteria, one per practice, the group's own
    statements (when there are any), reflections, done."""
    kept = _PAGES.get(content, bool(own))  # the pages depend on whether there are any
    if kept is not None:
        return kept
    result = [Page("about", N_("About you")), Page("criteria", N_("When to co-produce?"))]
    result += [
        Page(f"practice/{p.id}", f"{p.number}. {p.name}", practice=p) for p in content.practices
    ]
    if own:
        result.append(Page(OWN_PAGE, OWN_SECTION))
    result += [Page("reflections", N_("Two reflections")), Page("done", N_("Thank you"))]
    return _PAGES.put(content, bool(own), value=tuple(result))


#: The pages of each content (a workshop's, one per language), made once: every request
#: looks its page up.
_PAGES: Kept[tuple[Page, ...]] = Kept(16)


def page_by_slug(content: Content, slug: str, own: Own = ()) -> tuple[int, Page] | None:
    for index, page in enumerate(pages(content, own)):
        if page.slug == slug:
            return index, page
    return None


def rating_ids(practice: Practice, answers: Answers) -> list[str]:
    """The ids a practice's page asks about: its statements, or (quick) the practice."""
    return [practice.id] if answers.mode == "quick" else [s.id for s in practice.statements]


@dataclass(kw_only=True, eq=False, repr=False)
class PageAnswers(Record):
    """What one page shows of a person's answers, and nothing more (a practice's page: its
    ratings, reasons, "matters most" marks and note), so the page is the same for everyone
    who gave the same answers there (see :mod:`coprod.web.page_cache`)."""

    respondent: Respondent | None = None
    criteria: dict[str, CriterionAnswer] = field(default_factory=dict)
    ratings: dict[str, Rating] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    matters_most: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    reflections: Reflections = field(default_factory=Reflections)


def page_answers(answers: Answers, page: Page, own: Own = ()) -> PageAnswers | Answers:
    """The answers ``page`` shows (the last page, which sums them all up: all of them)."""
    if page.practice is not None or page.slug == OWN_PAGE:
        ids = rating_ids(page.practice, answers) if page.practice else [s.id for s in own]
        note = answers.notes.get(page.practice.id) if page.practice else None
        return PageAnswers(
            ratings={i: answers.ratings[i] for i in ids if i in answers.ratings},
            reasons={i: answers.reasons[i] for i in ids if i in answers.reasons},
            matters_most=[i for i in answers.matters_most if i in ids],
            notes={page.practice.id: note} if page.practice and note is not None else {},
        )
    if page.slug == "about":
        return PageAnswers(respondent=answers.respondent)
    if page.slug == "criteria":
        return PageAnswers(criteria=answers.criteria)
    if page.slug == "reflections":
        return PageAnswers(reflections=answers.reflections)
    return answers


@dataclass
class Outcome:
    """What applying a posted page did: any messages, and text not saved (shown again)."""

    errors: dict[str, str] = field(default_factory=dict)
    kept: dict[str, str] = field(default_factory=dict)


# What a text field too long says, per field (whole sentences, for the translators).
TOO_LONG = {
    "respondent_name": N_(
        "The name is %(length)s characters long; the limit is %(limit)s. Please shorten it: "
        "your other answers on this page are saved."
    ),
    "note": N_(
        "The note is %(length)s characters long; the limit is %(limit)s. Please shorten it: "
        "your other answers on this page are saved."
    ),
    "reflection_why": N_(
        "The first answer is %(length)s characters long; the limit is %(limit)s. Please "
        "shorten it: your other answers on this page are saved."
    ),
    "reflection_bring_and_take": N_(
        "The second answer is %(length)s characters long; the limit is %(limit)s. Please "
        "shorten it: your other answers on this page are saved."
    ),
    "why": N_(
        "The reason is %(length)s characters long; the limit is %(limit)s. Please shorten "
        "it: your other answers on this page are saved."
    ),
}
MATTERS_FULL = N_(
    "You have already marked %(n)d statements as mattering most to you. Untick one (the "
    "Thank you page lists them) before marking another: your other answers are saved."
)
WHY = ".why"  # a reason's field: the statement id, then this


def why_field(key: str) -> str:
    """The form field for the reason given with a rating: ``openness-1.why``."""
    return key + WHY


def _text_field(
    form: Mapping[str, str], name: str, limit: int, outcome: Outcome
) -> tuple[bool, str | None]:
    """(present, value) for a text field; too long: not saved, kept to show again."""
    if name not in form:
        return False, None
    text = clean_typed(form[name])
    if len(text) > limit:
        outcome.errors[name] = _(TOO_LONG[name.rpartition(".")[2]]) % {
            "length": f"{len(text):,}",
            "limit": f"{limit:,}",
        }
        outcome.kept[name] = text
        return False, None
    return True, text or None


def apply(
    page: Page,
    form: Mapping[str, str],
    answers: Answers,
    content: Content,
    brings: Sequence[str] = (),
    matters: Sequence[str] = (),
    own: Own = (),
) -> Outcome:
    """Change ``answers`` by what was posted on ``page``; unknown fields and values are ignored.

    ``brings`` and ``matters`` are every value of the repeated ``brings`` and
    ``matters_most`` checkbox fields; ``own``, the group's own statements; messages are in the language of the request
    (coprod.i18n).
    """
    outcome = Outcome()
    if page.slug == "about":
        present, name = _text_field(form, "respondent_name", MAX_NAME, outcome)
        role = form.get("respondent_role")
        person = answers.respondent or Respondent()
        if present:
            person.name = name
        if role is not None and (role in ROLES or role == ""):
            person.role = role or None
        if "brings_asked" in form:  # the boxes were shown: none ticked means none
            from coprod.core.room import known_brings

            person.brings = known_brings(brings, content)
        answers.respondent = person if (person.name or person.role or person.brings) else None
    elif page.slug == "criteria":
        for criterion in content.all_criteria():
            value = form.get(criterion.id)
            if value in CRITERION_VALUES:
                answers.criteria[criterion.id] = value
    elif page.practice is not None:
        _rate(rating_ids(page.practice, answers), form, answers, outcome)
        if "matters_most_asked" in form:
            _mark(rating_ids(page.practice, answers), matters, answers, outcome)
        present, note = _text_field(form, "note", MAX_TEXT, outcome)
        if present:
            if note:
                answers.notes[page.practice.id] = note
            else:
                answers.notes.pop(page.practice.id, None)
    elif page.slug == OWN_PAGE:
        # those the page showed (a statement added since waits for the next look); the
        # answers file keeps the words it answered, so that it reads on its own
        shown = [s for s in own if s.id in form or why_field(s.id) in form]
        defined = {s.id for s in answers.own_statements}
        answers.own_statements += [s for s in shown if s.id not in defined]
        _rate([s.id for s in shown], form, answers, outcome)
        if "matters_most_asked" in form:
            _mark([s.id for s in shown], matters, answers, outcome)
    elif page.slug == "reflections":
        present, why = _text_field(form, "reflection_why", MAX_TEXT, outcome)
        if present:
            answers.reflections.why = why
        present, bring = _text_field(form, "reflection_bring_and_take", MAX_TEXT, outcome)
        if present:
            answers.reflections.bring_and_take = bring
    return outcome


def _rate(keys: Sequence[str], form: Mapping[str, str], answers: Answers, outcome: Outcome) -> None:
    """The ratings posted for ``keys``, and the reason given with each."""
    for key in keys:
        value = form.get(key)
        if value is not None and value in RATING_VALUES:
            answers.ratings[key] = RATING_VALUES[value]
        present, why = _text_field(form, why_field(key), MAX_REASON, outcome)
        if present:
            if why:
                answers.reasons[key] = why
            else:
                answers.reasons.pop(key, None)


def _mark(ids: Sequence[str], ticked: Sequence[str], answers: Answers, outcome: Outcome) -> None:
    """This page's "matters most to me" boxes; one past the limit is refused, the rest kept."""
    marked = [m for m in answers.matters_most if m not in ids or m in ticked]
    for key in ids:
        if key in ticked and key not in marked:
            if len(marked) >= MAX_MATTERS_MOST:
                outcome.errors["matters_most"] = _(MATTERS_FULL) % {"n": MAX_MATTERS_MOST}
                continue
            marked.append(key)
    answers.matters_most = marked


@dataclass(frozen=True)
class Skipped:
    """An unanswered question on the done page, with the page and anchor to go back to."""

    page: Page
    anchor: str
    text: str


def skipped(answers: Answers, content: Content, own: Own = ()) -> list[Skipped]:
    """Criteria and ratings not answered, in page order (own statements never shown to
    this phone are :func:`new_own`, not skipped)."""
    by_slug = {p.slug: p for p in pages(content, own)}
    result = [
        Skipped(by_slug["criteria"], c.id, c.question)
        for c in content.all_criteria()
        if c.id not in answers.criteria
    ]
    for practice in content.practices:
        page = by_slug[f"practice/{practice.id}"]
        if answers.mode == "quick":
            if practice.id not in answers.ratings:
                result.append(Skipped(page, practice.id, _("the overall rating")))
        else:
            result += [
                Skipped(page, s.id, s.text)
                for s in practice.statements
                if s.id not in answers.ratings
            ]
    defined = {s.id for s in answers.own_statements}
    result += [
        Skipped(by_slug[OWN_PAGE], s.id, s.text)
        for s in own
        if s.id in defined and s.id not in answers.ratings
    ]
    return result


def new_own(answers: Answers, own: Own) -> list[OwnStatement]:
    """The group's own statements added since this phone last saw their page."""
    defined = {s.id for s in answers.own_statements}
    return [s for s in own if s.id not in defined]


def matters_most(answers: Answers, content: Content, own: Own = ()) -> list[Skipped]:
    """The statements marked as mattering most, with the page and anchor to change them."""
    by_slug = {p.slug: p for p in pages(content, own)}
    texts = {p.id: (by_slug[f"practice/{p.id}"], p.name) for p in content.practices}
    texts |= {s.id: (by_slug[f"practice/{p.id}"], s.text) for p, s in content.statements()}
    texts |= {s.id: (by_slug[OWN_PAGE], s.text) for s in own}
    return [
        Skipped(texts[key][0], key, texts[key][1]) for key in answers.matters_most if key in texts
    ]


def resume_page(answers: Answers, content: Content, own: Own = ()) -> Page:
    """Where opening the join URL again goes: the first page with a question unanswered."""
    all_pages = pages(content, own)
    if answers.complete:
        return all_pages[-1]
    for page in all_pages:
        if page.slug == "criteria" and any(
            c.id not in answers.criteria for c in content.all_criteria()
        ):
            return page
        if page.practice is not None and any(
            key not in answers.ratings for key in rating_ids(page.practice, answers)
        ):
            return page
        if page.slug == OWN_PAGE and any(s.id not in answers.ratings for s in own):
            return page
    return next(p for p in all_pages if p.slug == "reflections")


def practice_progress(answers: Answers, practice: Practice) -> bool:
    """Whether this participant has rated anything in this practice."""
    return any(key in answers.ratings for key in rating_ids(practice, answers))
