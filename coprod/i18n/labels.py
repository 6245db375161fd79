"""What a person sees for an id: one table per kind, used by the terminal, files and web alike.

Each table maps the id an answers file, a JSON document or a form field holds to its
label in English, marked for the catalogue with ``N_``; the ``*_label`` functions give
it in the language of the moment (:mod:`coprod.i18n`'s ContextVar, set per command and
per web request). So a label shown on a Welsh phone and one printed by an English
command at the same moment each come out in their own language, from the one table.

Text that is not a known id (an answers file may hold any role or stage) is shown as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from coprod.i18n import N_, _

#: What the pictures beside headings show (coprod.pictures), as their alt text; a picture
#: beside a statement or a question has alt="": the words beside it say everything.
PICTURE_NAMES = {
    "open-door": N_("An open door"),
    "people-together": N_("Two people holding hands"),
    "puzzle": N_("A piece of a jigsaw puzzle"),
    "heart": N_("A heart"),
    "megaphone": N_("A megaphone"),
    "town-hall": N_("A town hall"),
    "holding-hands": N_("Two open hands"),
    "hello": N_("A hand waving hello"),
    "thinking": N_("A thinking face"),
    "writing": N_("A pencil writing on paper"),
    "thumbs-up": N_("A thumbs up"),
}


def picture_alt(picture: str | None) -> str:
    """A heading picture's alt text in the language of the moment ("" for one not named)."""
    if picture is None or picture not in PICTURE_NAMES:
        return ""
    return _(PICTURE_NAMES[picture])


#: Stages of a project, as a report names them in a sentence ("Stage: design").
STAGE_NAMES = {
    "agenda-setting": N_("setting the agenda"),
    "design": N_("design"),
    "delivery": N_("delivery"),
    "review": N_("review"),
    "other": N_("other"),
}
#: Stages as a person chooses among them (the interview, the phone's welcome page).
STAGE_CHOICES = {
    "agenda-setting": N_("Agenda-setting: deciding what the issue is"),
    "design": N_("Design: shaping the policy or service"),
    "delivery": N_("Delivery: putting it into practice"),
    "review": N_("Review: looking back, learning"),
    "other": N_("Other"),
}
#: Roles, as a report counts them ("2 officer").
ROLE_NAMES = {
    "resident": N_("resident"),
    "community-sector": N_("community or voluntary sector"),
    "officer": N_("officer"),
    "councillor": N_("councillor"),
    "researcher": N_("researcher"),
    "other": N_("other"),
    "other roles": N_("other roles"),  # the pooled small roles of a shared view
}
#: Roles as a person chooses among them.
ROLE_CHOICES = {
    "resident": N_("Resident / citizen"),
    "community-sector": N_("Community or voluntary sector"),
    "officer": N_("Council or public-sector officer"),
    "councillor": N_("Councillor / elected member"),
    "researcher": N_("Researcher"),
    "other": N_("Other"),
}
NO_ROLE_CHOICE = N_("Prefer not to say")
#: The rating scale's words (0-4) and the two answers that are not ratings.
SCALE_WORDS = {
    0: N_("Not at all"),
    1: N_("A little"),
    2: N_("Partly"),
    3: N_("Mostly"),
    4: N_("Fully"),
}
NOT_RATED_WORDS = {"dont_know": N_("Don't know"), "na": N_("Not applicable")}
#: Score bands.
BAND_NAMES = {
    "strong": N_("strong"),
    "developing": N_("developing"),
    "needs attention": N_("needs attention"),
}
#: A criterion's answer, as a choice ("Not sure") and inside a sentence ("not sure").
ANSWER_CHOICES = {"yes": N_("Yes"), "no": N_("No"), "unsure": N_("Not sure")}
ANSWER_WORDS = {"yes": N_("yes"), "unsure": N_("not sure"), "no": N_("no")}
#: How many gave each answer ("2 yes · 1 not sure").
ANSWER_COUNTS = {"yes": N_("%(n)d yes"), "no": N_("%(n)d no"), "unsure": N_("%(n)d not sure")}
#: An action's status now, and as it was last time ("was not started").
ACTION_STATUS = {
    "not-started": N_("not started"),
    "in-progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}
ACTION_STATUS_WAS = {
    "not-started": N_("was not started"),
    "in-progress": N_("was in progress"),
    "done": N_("was done"),
    "dropped": N_("was dropped"),
}
#: Who is in the room: how well each of the six characteristics is covered.
ROOM_STATUS = {
    "present": N_("present"),
    "thin": N_("thin: one person"),
    "missing": N_("missing"),
    "unknown": N_("not known"),  # no one said what they bring
}

#: The publications the content cites (meta.yaml's ids), as a numbered reference names them.
PUBLICATION_NAMES = {
    "report": N_("The report"),
    "ukri-outcomes": N_("The research outcomes record (UKRI Gateway to Research)"),
    "website": N_("The project website"),
}


def _label(table: dict[str, str], key: str) -> str:
    return _(table[key]) if key in table else key


def stage_label(stage: str, *, choice: bool = False) -> str:
    """A stage as a report shows it (``choice``: as offered to choose); other text as is."""
    return _label(STAGE_CHOICES if choice else STAGE_NAMES, stage)


def role_label(role: str, *, choice: bool = False) -> str:
    """A role as a report counts it (``choice``: as offered to choose); other text as is."""
    return _label(ROLE_CHOICES if choice else ROLE_NAMES, role)


def band_label(band: str | None) -> str:
    """A score band; ``None`` -> ``"not scored"``."""
    return _label(BAND_NAMES, band) if band else _("not scored")


def rating_label(rating: int | str | None) -> str:
    """``3`` -> ``"3 Mostly"``; ``"na"`` -> ``"Not applicable"``; ``None`` -> ``"not answered"``."""
    if rating is None:
        return _("not answered")
    if isinstance(rating, int):
        return f"{rating} {_(SCALE_WORDS[rating])}"
    return _label(NOT_RATED_WORDS, rating)


def rating_counts_text(counts: Iterable[tuple[int | str, int]]) -> str:
    """``[(0, 2), (4, 1)]`` -> ``"2 × 0 Not at all, 1 × 4 Fully"``: ratings without who."""
    return ", ".join(f"{n} × {rating_label(rating)}" for rating, n in counts)


def answer_label(answer: str | None) -> str:
    """``"unsure"`` -> ``"Not sure"``; ``None`` -> ``"Not answered"``."""
    if answer is None:
        return _("Not answered")
    return _label(ANSWER_CHOICES, answer)


def answer_word(answer: str) -> str:
    """An answer inside a sentence: ``"unsure"`` -> ``"not sure"``."""
    return _label(ANSWER_WORDS, answer)


def answer_counts(counts: dict[str, int]) -> str:
    """``"2 yes · 1 not sure"``: how a criterion was answered, without who."""
    return " · ".join(
        _(ANSWER_COUNTS[a]) % {"n": counts[a]} for a in ANSWER_COUNTS if counts.get(a)
    )


def action_status_label(status: str | None, *, was: bool = False) -> str:
    """``"in-progress"`` -> ``"in progress"`` (``was``: ``"was in progress"``);
    ``None`` -> ``"not reviewed"``."""
    if status is None:
        return _("not reviewed")
    return _label(ACTION_STATUS_WAS if was else ACTION_STATUS, status)


def room_status_label(status: str) -> str:
    """``"thin"`` -> ``"thin: one person"``."""
    return _label(ROOM_STATUS, status)


def choices(table: dict[str, str]) -> list[tuple[str, str]]:
    """``(id, label)`` pairs of a table, in its order, in the language of the moment."""
    return [(key, _(label)) for key, label in table.items()]


def publication_label(ref: str, citation: str) -> str:
    """A cited publication in short (``"The report"``); its citation when not a known id."""
    return _(PUBLICATION_NAMES[ref]) if ref in PUBLICATION_NAMES else citation
