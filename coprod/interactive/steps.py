"""Which questions the interview asks, in which order, and about how long they take.

Pure: no terminal, no prompts. :class:`Questionnaire` builds the list of
:class:`Step` for a mode (the project, the criteria and reflections, then one
rating per statement or, quick, per practice, each practice followed by a note)
and answers the questions asked about that list: where to start, how far along a
question is, how long is left, what is ahead. :mod:`coprod.interactive.interview`
walks the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from coprod.core.answers import ROLES, STAGES, Answers, Respondent
from coprod.core.models import Content, Practice
from coprod.core.scoring import SCALE
from coprod.i18n import _, ngettext
from coprod.i18n.labels import answer_label, role_label, stage_label

# A question asked after the interview's own (what you bring, the actions): it is
# given the progress line to show, asks, and saves what it is told.
AskEnd = Callable[[str], None]
Section = Literal["project", "criteria", "reflections", "ratings", "notes", "own", "end"]
#: A list question's choices: ``(title, value, shortcut key)``.
Choices = list[tuple[str, Any, str]]

# About how long each kind of question takes, in seconds: for "about N minutes".
SECONDS: dict[Section, int] = {
    "project": 8,
    "criteria": 15,
    "reflections": 40,
    "ratings": 15,
    "notes": 20,
    "own": 15,
    "end": 45,
}


def minutes(seconds: int) -> str:
    """``about 9 minutes`` / ``about 1 minute`` / ``under a minute``."""
    count = round(seconds / 60)
    if count < 1:
        return _("under a minute")
    return ngettext("about %(n)d minute", "about %(n)d minutes", count) % {"n": count}


@dataclass
class Step:
    """One question: how to ask it, where its answer goes, whether it must be answered."""

    key: str
    section: Section
    message: str
    get: Callable[[Answers], Any]
    put: Callable[[Answers, Any], None]
    required: bool
    choices: Choices | None = None  # None: a text question
    instruction: str = ""
    practice: Practice | None = None
    ask: AskEnd | None = None  # asked by its own code (the end questions), not as a prompt

    @property
    def seconds(self) -> int:
        return SECONDS[self.section]


class Questionnaire:
    """The steps of one interview, in order, and where a person is among them."""

    def __init__(
        self,
        content: Content,
        answers: Answers,
        *,
        ask_project: bool = True,
        ask_practices: bool = True,
        end: list[tuple[str, AskEnd]] | None = None,
    ) -> None:
        """``end``: questions asked after the rest, ``(key, ask)``, counted with them."""
        self.content = content
        self.answers = answers
        self.steps: list[Step] = []
        if ask_project:
            self._project_steps()
        self._criteria_steps()
        if ask_practices:
            if answers.mode == "quick":
                self._quick_steps()
            else:
                self._full_steps()
            self._own_steps()
        for key, ask in end or []:
            self.steps.append(
                Step(key, "end", "", lambda a: None, lambda a, v: None, required=False, ask=ask)
            )

    # Building the steps -------------------------------------------------------

    def _project_steps(self) -> None:
        # the label tables stay in interview.py until they move to one labels module

        def put_name(a: Answers, v: Any) -> None:
            a.project.name = v

        def put_stage(a: Answers, v: Any) -> None:
            a.project.stage = v

        def respondent(a: Answers) -> Respondent:
            if a.respondent is None:
                a.respondent = Respondent()
            return a.respondent

        def put_person(a: Answers, v: Any) -> None:
            respondent(a).name = v

        def put_role(a: Answers, v: Any) -> None:
            respondent(a).role = v or None

        stages = [(stage_label(s, choice=True), s, str(i + 1)) for i, s in enumerate(STAGES)]
        roles = [(role_label(r, choice=True), r, str(i + 1)) for i, r in enumerate(ROLES)]
        roles.append((_("Prefer not to say"), "", "0"))
        self.steps += [
            Step(
                "project.name",
                "project",
                _("What is the project called?"),
                lambda a: a.project.name or None,
                put_name,
                required=True,
            ),
            Step(
                "project.stage",
                "project",
                _("What stage is it at?"),
                lambda a: a.project.stage,
                put_stage,
                required=True,
                choices=stages,
                instruction=f"(1-{len(stages)}, Enter)",
            ),
            Step(
                "respondent.name",
                "project",
                _("Your name (optional; leave out to stay anonymous)"),
                lambda a: a.respondent.name if a.respondent else None,
                put_person,
                required=False,
            ),
            Step(
                "respondent.role",
                "project",
                _("Which best describes your role?"),
                lambda a: a.respondent.role if a.respondent else None,
                put_role,
                required=False,
                choices=roles,
                instruction=f"(0-{len(roles) - 1}, Enter)",
            ),
        ]

    def _criteria_steps(self) -> None:
        choices = [(answer_label(a), a, a[0]) for a in ("yes", "no", "unsure")]
        criteria = self.content.all_criteria()
        for number, criterion in enumerate(criteria, start=1):

            def put(a: Answers, v: Any, cid: str = criterion.id) -> None:
                a.criteria[cid] = v

            def get(a: Answers, cid: str = criterion.id) -> Any:
                return a.criteria.get(cid)

            self.steps.append(
                Step(
                    f"criteria.{criterion.id}",
                    "criteria",
                    _("[When to co-produce %(n)d/%(total)d]")
                    % {"n": number, "total": len(criteria)}
                    + f" {criterion.question}",
                    get,
                    put,
                    required=True,
                    choices=choices,
                    instruction="(y/n/u)",
                )
            )

        def put_why(a: Answers, v: Any) -> None:
            a.reflections.why = v

        def put_bring(a: Answers, v: Any) -> None:
            a.reflections.bring_and_take = v

        self.steps += [
            Step(
                "reflections.why",
                "reflections",
                _("Why is co-production needed here, rather than another approach?"),
                lambda a: a.reflections.why,
                put_why,
                required=False,
            ),
            Step(
                "reflections.bring_and_take",
                "reflections",
                _("What can participants bring to it, and take from it?"),
                lambda a: a.reflections.bring_and_take,
                put_bring,
                required=False,
            ),
        ]

    def _rating_choices(self) -> Choices:
        # the shortcut key is shown before each ("0) Not at all"): the title is the word
        scale = [(_(label), n, str(n)) for n, label in SCALE.items()]
        return [*scale, (_("Don't know"), "dont_know", "d"), (_("Not applicable"), "na", "x")]

    def _note_step(self, practice: Practice) -> Step:
        def put(a: Answers, v: Any) -> None:
            if v:
                a.notes[practice.id] = v
            else:
                a.notes.pop(practice.id, None)

        return Step(
            f"notes.{practice.id}",
            "notes",
            _("Any note or evidence for “%(practice)s”?") % {"practice": practice.name},
            lambda a: a.notes.get(practice.id),
            put,
            required=False,
            practice=practice,
        )

    def _rating_step(self, key: str, message: str, practice: Practice | None) -> Step:
        def put(a: Answers, v: Any) -> None:
            a.ratings[key] = v

        return Step(
            f"ratings.{key}",
            "ratings",
            message,
            lambda a: a.ratings.get(key),
            put,
            required=True,
            choices=self._rating_choices(),
            instruction="(0-4, d, x; w: why)",
            practice=practice,
        )

    def _full_steps(self) -> None:
        count = len(self.content.practices)
        for practice in self.content.practices:
            n = len(practice.statements)
            for i, statement in enumerate(practice.statements, start=1):
                where = _("[Practice %(number)d of %(count)d · statement %(i)d of %(n)d]") % {
                    "number": practice.number,
                    "count": count,
                    "i": i,
                    "n": n,
                }
                message = f"{where} {statement.text}"
                self.steps.append(self._rating_step(statement.id, message, practice))
            self.steps.append(self._note_step(practice))

    def _own_steps(self) -> None:
        """The group's own statements the answers hold, after the practices: rated alike."""
        own = self.answers.own_statements
        for i, statement in enumerate(own, start=1):
            where = _("[Our own statements · %(i)d of %(n)d]") % {"i": i, "n": len(own)}
            step = self._rating_step(statement.id, f"{where} {statement.text}", None)
            step.key, step.section = f"own.{statement.id}", "own"
            self.steps.append(step)

    def _quick_steps(self) -> None:
        count = len(self.content.practices)
        for practice in self.content.practices:
            message = _(
                "[Practice %(number)d of %(count)d] Overall, how far does the project do "
                "this: %(practice)s?"
            ) % {"number": practice.number, "count": count, "practice": practice.name}
            self.steps.append(self._rating_step(practice.id, message, practice))
            self.steps.append(self._note_step(practice))

    # Where the person is ------------------------------------------------------

    def seconds_left(self, index: int) -> int:
        """About how long the questions from ``index`` on take."""
        return sum(step.seconds for step in self.steps[index:])

    def progress(self, index: int) -> str:
        """``Question 23 of 63 · about 9 minutes left``."""
        return _("Question %(n)d of %(total)d · %(time)s left") % {
            "n": index + 1,
            "total": len(self.steps),
            "time": minutes(self.seconds_left(index)),
        }

    def outline(self) -> str:
        """What is ahead, counted from the steps: ``63 questions: 4 about …. About 17 minutes.``"""
        counts: dict[Section, int] = {}
        for step in self.steps:
            counts[step.section] = counts.get(step.section, 0) + 1
        practices = len(self.content.practices)
        parts = []
        if counts.get("project"):
            parts.append(_("%(n)d about the project and you") % {"n": counts["project"]})
        parts.append(_("%(n)d on when to co-produce") % {"n": counts.get("criteria", 0)})
        if counts.get("reflections"):
            parts.append(_("%(n)d to reflect on") % {"n": counts["reflections"]})
        if counts.get("ratings"):
            if self.answers.mode == "quick":
                parts.append(
                    _("%(n)d overall ratings, one for each practice") % {"n": counts["ratings"]}
                )
            else:
                parts.append(
                    _("%(n)d statements across the %(practices)d practices")
                    % {"n": counts["ratings"], "practices": practices}
                )
        if counts.get("own"):
            parts.append(_("%(n)d of the group's own statements") % {"n": counts["own"]})
        optional = []  # said apart, in a sentence of their own
        if counts.get("notes"):
            optional.append(_("a note on each practice"))
        if counts.get("end"):
            optional.append(
                ngettext(
                    "%(n)d question at the end (what matters most to you, what you bring, "
                    "and what to do next)",
                    "%(n)d questions at the end (what matters most to you, what you bring, "
                    "and what to do next)",
                    counts["end"],
                )
                % {"n": counts["end"]}
            )
        listed = (
            ", ".join(parts[:-1]) + " " + _("and") + f" {parts[-1]}" if len(parts) > 1 else parts[0]
        )
        if optional:
            chosen = " " + _("and") + " "
            listed += ". " + _("Optional: %(items)s") % {"items": chosen.join(optional)}
        total = len(self.steps)

        questions = ngettext("%(n)d question", "%(n)d questions", total) % {"n": total}
        return _("%(questions)s: %(listed)s. %(time)s.") % {
            "questions": questions,
            "listed": listed,
            "time": minutes(self.seconds_left(0)).capitalize(),
        }

    def first_step(self) -> int:
        """Where to start: the first required question not yet answered; or, when that
        is the first after the questions about the person (their name and role, optional)
        and those were left blank, at them: a draft saved at "Your name" starts there (a
        file cannot tell a question skipped from one not reached, and who answered is
        worth asking again; the optional reflections and notes are not asked again)."""
        start = self._first_required_unanswered()
        while (
            start > 0
            and self.steps[start - 1].section == "project"
            and not self.steps[start - 1].required
            and self.steps[start - 1].get(self.answers) is None
        ):
            start -= 1
        return start

    def _first_required_unanswered(self) -> int:
        last_answered = -1
        for index, step in enumerate(self.steps):
            if step.required:
                if step.get(self.answers) is None:
                    return index
                last_answered = index
        return last_answered + 1 if last_answered >= 0 else 0

    def all_required_answered(self) -> bool:
        return all(step.get(self.answers) is not None for step in self.steps if step.required)


def keys_in_words(choices: Choices) -> str:
    """The shortcut keys as a person reads them: ``0-4, d or x``, ``y, n or u``."""
    keys = [key for _title, _value, key in choices]
    groups: list[str] = []
    run: list[str] = []
    for key in keys:
        if key.isdigit() and run and run[-1].isdigit() and int(key) == int(run[-1]) + 1:
            run.append(key)
            continue
        if run:
            groups.append(f"{run[0]}-{run[-1]}" if len(run) > 2 else ", ".join(run))
        run = [key]
    if run:
        groups.append(f"{run[0]}-{run[-1]}" if len(run) > 2 else ", ".join(run))
    words = ", ".join(groups).split(", ")
    if len(words) == 1:
        return words[0]
    return _("%(keys)s or %(last)s") % {"keys": ", ".join(words[:-1]), "last": words[-1]}
