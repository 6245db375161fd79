"""A facilitator's session plan from a group's answers (pure, no I/O).

Timed sections that add up exactly to the minutes given: welcome and purpose,
the when-to-co-produce questions the group split on, the most contested
statements as conversations, the weakest practice with a case to learn from,
who is missing from the room, and choosing up to three actions. The prompts
are coprod's own words, built from the content (statement text, the
practice's summary, the case's questions); nothing is added about the cases.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from coprod.core.actions import practice_name, shared_priorities, status_label
from coprod.core.answers import MAX_ACTIONS, Action, LoadedAnswers
from coprod.core.assessment import Assessment, assess
from coprod.core.models import Case, Content, Practice
from coprod.core.people import check_same_project
from coprod.core.room import coverage_of
from coprod.core.scoring import band_for, round_half_up
from coprod.core.team import DISAGREEMENT_GAP
from coprod.i18n import _, ngettext, report_date
from coprod.i18n.labels import answer_word, band_label

DEFAULT_MINUTES = 90
MIN_MINUTES = 20
MAX_MINUTES = 480
MAX_CONVERSATIONS = 3
MIN_SECTION = 5  # minutes: a shorter section is not worth opening; drop one instead
# Which sections go first when there is too little time (the welcome, the most contested
# conversation and the actions always stay): later conversations first, then these kinds.
DROP_ORDER = ("room", "practice", "sides", "criteria", "matters")
ANSWER_ORDER = ("yes", "unsure", "no")


@dataclass
class Section:
    kind: str
    title: str
    weight: int
    purpose: str
    prompts: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    minutes: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "minutes": self.minutes,
            "kind": self.kind,
            "purpose": self.purpose,
            "prompts": list(self.prompts),
            "items": list(self.items),
        }


@dataclass
class Agenda:
    project: str
    minutes: int
    respondents: int
    sections: list[Section]
    left_out: list[Section] = field(default_factory=list)  # too little time for them

    def to_json(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "minutes": self.minutes,
            "respondents": self.respondents,
            "sections": [s.to_json() for s in self.sections],
            "left_out": [{"kind": s.kind, "title": s.title} for s in self.left_out],
        }

    def starts(self) -> list[int]:
        """Each section's start, in minutes from the beginning."""
        result, at = [], 0
        for s in self.sections:
            result.append(at)
            at += s.minutes
        return result


def largest_remainder(weights: Sequence[int], total: int) -> list[int]:
    """Whole minutes in proportion to ``weights`` that add up exactly to ``total``.

    Each share is rounded down, then the minutes left over go one each to the
    largest remainders (ties: the earlier section). Every section gets at least
    one minute when ``total`` allows it.
    """
    if not weights:
        return []
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    shares = [math.floor(x) for x in exact]
    left = total - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[:left]:
        shares[i] += 1
    # no section without time: take a minute from the largest
    for i, share in enumerate(shares):
        if share == 0 and total >= len(weights):
            biggest = max(range(len(shares)), key=lambda j: shares[j])
            shares[biggest] -= 1
            shares[i] = 1
    return shares


def _counts_text(answers: Sequence[str]) -> str:
    counts = Counter(answers)
    return ", ".join(f"{counts[a]} {answer_word(a)}" for a in ANSWER_ORDER if counts[a])


def _welcome(content: Content) -> Section:
    openness = content.practices[0]
    key_point = openness.key_points[0].text
    return Section(
        "welcome",
        _("Welcome and purpose"),
        10,
        _(
            "Why the group is meeting, and what this session can and cannot change: say "
            "what is already decided (by funding, deadlines or earlier choices) and what is "
            "still open. The report's advice: “%(key_point)s”."
        )
        % {"key_point": key_point},
        [
            _("What is already decided, and who decided it?"),
            _("What can we still shape, today and after today?"),
        ],
    )


def _criteria(files: Sequence[LoadedAnswers], content: Content) -> Section | None:
    items = []
    for criterion in content.all_criteria():
        given = [
            f.answers.criteria[criterion.id] for f in files if criterion.id in f.answers.criteria
        ]
        split = len(set(given)) > 1
        unsure = len(files) == 1 and given == ["unsure"]
        if split or unsure:
            items.append(f"{criterion.question} ({_counts_text(given)})")
    if not items:
        return None
    return Section(
        "criteria",
        _("When to co-produce: where we differ")
        if len(files) > 1
        else _("When to co-produce: what to find out"),
        10,
        _(
            "The questions from the report's “When to co-produce?” that were answered "
            "differently (or with “not sure”): is co-production the right approach here?"
        ),
        [_("What do we each know that leads to our answer?"), _("What would we need to find out?")],
        items,
    )


@dataclass(frozen=True)
class _Contested:
    practice: Practice
    text: str
    low: int
    high: int
    ratings: int


def _contested(files: Sequence[LoadedAnswers], content: Content) -> list[_Contested]:
    quick = files[0].answers.mode == "quick"
    keyed = (
        [(p, p.name, p.id) for p in content.practices]
        if quick
        else [(p, s.text, s.id) for p, s in content.statements()]
    )
    found = []
    for practice, text, key in keyed:
        values = [
            r
            for f in files
            if isinstance(r := f.answers.ratings.get(key), int) and not isinstance(r, bool)
        ]
        if not values:
            continue
        low, high = min(values), max(values)
        if len(files) > 1 and high - low >= DISAGREEMENT_GAP:
            found.append(_Contested(practice, text, low, high, len(values)))
        elif len(files) == 1 and high <= 1:
            found.append(_Contested(practice, text, low, high, 1))
    found.sort(key=lambda c: (-(c.high - c.low), c.low, c.practice.number))
    return found[:MAX_CONVERSATIONS]


def _conversation(item: _Contested, single: bool, *, summary: bool) -> Section:
    from coprod.core.scoring import SCALE

    text = item.text.rstrip(".")
    if single:
        spread = _("Rated %(low)d (%(low_word)s).") % {
            "low": item.low,
            "low_word": _(SCALE[item.low]),
        }
        prompts = [
            _("How would each of you rate this: “%(text)s”?") % {"text": text},
            _("What would have to change for it to be true here?"),
        ]
    else:
        spread = _("Ratings ran from %(low)d (%(low_word)s) to %(high)d (%(high_word)s).") % {
            "low": item.low,
            "low_word": _(SCALE[item.low]),
            "high": item.high,
            "high_word": _(SCALE[item.high]),
        }
        prompts = [
            _("“%(text)s”: what have you each seen that leads to your rating?") % {"text": text},
            _("Where do we agree, and what would we need to know to settle the rest?"),
        ]
    practice = {"practice": item.practice.name, "summary": item.practice.summary}
    source = (
        _("From “%(practice)s”: %(summary)s") % practice
        if summary
        else _("From “%(practice)s”.") % practice
    )
    return Section(
        "conversation",
        _("Conversation: %(text)s") % {"text": item.text},
        15,
        f"{spread} {source}",
        prompts,
    )


def _case_for(practice: Practice, content: Content) -> Case | None:
    links = sorted(practice.cases, key=lambda link: link.role != "example")
    return content.case(links[0].case) if links else None


def _weakest(assessments: Sequence[Assessment], content: Content) -> Section | None:
    means: list[tuple[int, int, Practice]] = []
    for i, practice in enumerate(content.practices):
        scores = [s for a in assessments if (s := a.practices[i].score.score) is not None]
        if scores:
            means.append((round_half_up(sum(scores) / len(scores)), practice.number, practice))
    if not means:
        return None
    score, _number, practice = min(means)
    band = band_for(score)
    case = _case_for(practice, content)
    items = []
    prompts = [
        _("Where do we see “%(practice)s” working, and where not?") % {"practice": practice.name}
    ]
    if case is not None:
        link = next(link for link in practice.cases if link.case == case.id)
        items.append(_("Case: %(case)s. %(why)s") % {"case": case.name, "why": link.why})
        items += [_("It asked: “%(question)s”") % {"question": q} for q in case.questions]
        found = [c.text for c in case.lessons[:1]] or [case.summary]
        items += [_("What it found: %(text)s") % {"text": text} for text in found]
        prompts.append(
            _("What could we borrow from %(case)s, and what would not fit here?")
            % {"case": case.name}
        )
    return Section(
        "practice",
        _("The weakest practice: %(practice)s (%(score)d, %(band)s)")
        % {"practice": practice.name, "score": score, "band": band_label(band) if band else ""},
        15,
        _("The lowest-scored practice, with a Jam and Justice case to learn from.")
        + f" {practice.summary}",
        prompts,
        items,
    )


def _sides(assessments: Sequence[Assessment], content: Content, mode: str) -> Section | None:
    """The gaps between the two sides of the table (core/sense.py), when any is marked."""
    from coprod.core.sense import people_of, sides, with_own

    rated = with_own(content, mode, assessments)  # the group's own statements too
    statements = [i for i in rated if i.id != i.practice_id]  # quick: only its own
    result = sides([p.id for p in content.practices], statements, people_of(assessments))
    texts = {p.id: p.name for p in content.practices} | {i.id: i.text for i in rated}
    marked = [g for g in (*result.practices, *result.statements) if g.flagged]
    if not marked:
        return None
    items = [
        _("%(text)s: community %(community)s, institutions %(institutions)s")
        % {
            "text": texts.get(g.id, g.id),
            "community": f"{g.community:g}",
            "institutions": f"{g.institutions:g}",
        }
        for g in marked
    ]
    return Section(
        "sides",
        _("Seen differently from the two sides of the table"),
        15,
        _(
            "Where residents and community groups see the project differently from council "
            "staff and elected members. Neither side is right or wrong: the gap is the "
            "conversation."
        ),
        [
            _("What does each side see that the other may not?"),
            _("What would it take for the side that rates it lower to rate it higher?"),
        ],
        items,
    )


def _missing(files: Sequence[LoadedAnswers], content: Content) -> Section:
    cov = coverage_of([f.answers for f in files], content)
    names = ", ".join(c.name for c in content.background.arc_characteristics)
    items: list[str] = []
    if cov.answered == 0:
        purpose = _(
            "Nobody has said yet which characteristics they bring (%(names)s): go round "
            "the group and count, then look at the gaps."
        ) % {"names": names}
    else:
        purpose = _(
            "Which of the six characteristics the Action Research Collective was built "
            "for are thin or missing here, and how the report's projects reached people."
        )
        for gap in cov.gaps:
            c = gap.count
            items.append(
                f"{c.characteristic.name}: {c.status_text} ({c.characteristic.description})"
            )
        ways = [*cov.general_ways, *{w.id: w for g in cov.gaps for w in g.ways}.values()]
        items += [_("A way in: %(text)s") % {"text": w.text} for w in ways[:3]]
    if cov.caution:
        items.append(_("A caution: %(text)s") % {"text": cov.caution.text})
    return Section(
        "room",
        _("Who is missing from the room"),
        10,
        purpose,
        [_("Who is affected by this and not here?"), _("Who could invite them, and how?")],
        items,
    )


def _actions(
    files: Sequence[LoadedAnswers], assessments: Sequence[Assessment], anonymous: bool = False
) -> Section:
    items = []
    open_actions: list[Action] = [a for f in files for a in f.answers.actions if a.is_open]
    seen: set[str] = set()
    for action in open_actions:
        if action.id in seen:
            continue
        seen.add(action.id)
        due = ", " + _("due %(date)s") % {"date": report_date(action.due)} if action.due else ""
        owner = f", {action.owner}" if action.owner and not anonymous else ""
        items.append(
            _("Still open: %(text)s (%(details)s)")
            % {"text": action.text, "details": f"{status_label(action.status)}{owner}{due}"}
        )
    shared, _rest = shared_priorities([(str(i), f.answers.actions) for i, f in enumerate(files)])
    items += [
        ngettext("Chosen by %(n)d person: %(text)s", "Chosen by %(n)d people: %(text)s", s.count)
        % {"n": s.count, "text": s.text}
        for s in shared
    ]
    content = assessments[0].content if assessments else None
    suggested = []
    for a in assessments:
        for p in a.priorities[:1]:
            for step in p.next_steps[:1]:
                suggested.append((p.result.practice.id, step.statement.next_step))
    for practice_id, text in list(dict.fromkeys(suggested))[:3]:
        items.append(
            _("A suggested next step (%(practice)s): %(text)s")
            % {"practice": practice_name(practice_id, content), "text": text}
        )
    return Section(
        "actions",
        _("Choosing up to %(n)d actions, with owners") % {"n": MAX_ACTIONS},
        15,
        _(
            "Agree up to %(n)d actions, each with an owner and a date, and when the "
            "group will look at them again. Review the open ones first."
        )
        % {"n": MAX_ACTIONS},
        [_("Which of these matters most to us now?"), _("Who will do it, and by when?")],
        items,
    )


def build_agenda(
    files: Sequence[LoadedAnswers], content: Content, minutes: int, *, anonymous: bool = False
) -> Agenda:
    """A session plan whose section minutes add up exactly to ``minutes`` (``anonymous``:
    no action's owner named)."""
    if not files:
        raise ValueError("an agenda needs at least one answers file")
    check_same_project(list(files), what="coprod agenda")
    assessments = [assess(f.answers, content, f.notices) for f in files]
    single = len(files) == 1
    from coprod.core.agenda_sense import matters_section

    sections: list[Section] = [_welcome(content)]
    matters = matters_section(assessments, content) if not single else None
    if matters:  # what matters most and splits the room comes first
        sections.append(matters)
    criteria = _criteria(files, content)
    if criteria:
        sections.append(criteria)
    summarised: set[str] = set()
    for item in _contested(files, content):
        sections.append(_conversation(item, single, summary=item.practice.id not in summarised))
        summarised.add(item.practice.id)
    weakest = _weakest(assessments, content)
    if weakest:
        sections.append(weakest)
    sides = _sides(assessments, content, files[0].answers.mode)
    if sides:
        sections.append(sides)
    sections.append(_missing(files, content))
    sections.append(_actions(files, assessments, anonymous))
    kept, left_out = fit(sections, minutes)
    return Agenda(files[0].answers.project.name, minutes, len(files), kept, left_out)


def _least_useful(sections: Sequence[Section]) -> int | None:
    """The index of the section to drop next, or None when only the essentials are left."""
    conversations = [i for i, s in enumerate(sections) if s.kind == "conversation"]
    if len(conversations) > 1:
        return conversations[-1]
    for kind in DROP_ORDER:
        found = [i for i, s in enumerate(sections) if s.kind == kind]
        if found:
            return found[-1]
    return None


def fit(sections: list[Section], minutes: int) -> tuple[list[Section], list[Section]]:
    """Share ``minutes`` among the sections, dropping the least useful until each has at
    least :data:`MIN_SECTION` minutes (or only the essentials are left)."""
    kept, left_out = list(sections), []
    while True:
        shares = largest_remainder([s.weight for s in kept], minutes)
        if min(shares) >= MIN_SECTION:
            break
        drop = _least_useful(kept)
        if drop is None:
            break
        left_out.append(kept.pop(drop))
    for section, share in zip(kept, shares, strict=True):
        section.minutes = share
    return kept, left_out
