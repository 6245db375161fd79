"""The interactive assessment: one question at a time, saved after every answer.

The interview is a list of steps walked with an index, so "Back" is just a step
to the previous index, and resuming a draft starts at the first required
question it has not answered. questionary is imported here only, on first use.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coprod.core.answers import ROLES, STAGES, Answers, Respondent
from coprod.core.models import Content, Practice
from coprod.core.scoring import SCALE
from coprod.render.text import terminal_safe

BACK = "__back__"
Save = Callable[[Answers], None]

STAGE_LABELS = {
    "agenda-setting": "Agenda-setting: deciding what the issue is",
    "design": "Design: shaping the policy or service",
    "delivery": "Delivery: putting it into practice",
    "review": "Review: looking back, learning",
    "other": "Other",
}
ROLE_LABELS = {
    "resident": "Resident / citizen",
    "community-sector": "Community or voluntary sector",
    "officer": "Council or public-sector officer",
    "councillor": "Councillor / elected member",
    "researcher": "Researcher",
    "other": "Other",
}


def stdin_is_terminal() -> bool:
    """Whether a person can answer prompts here (tests replace this)."""
    return sys.stdin.isatty()


@dataclass
class Step:
    """One question: how to ask it, where its answer goes, whether it must be answered."""

    key: str
    ask: Callable[[Any, bool], Any]
    get: Callable[[Answers], Any]
    put: Callable[[Answers, Any], None]
    required: bool
    practice: Practice | None = None


def _select(
    message: str, choices: list[tuple[str, Any, str]], default: Any, back: bool, instruction: str
) -> Any:
    import questionary

    message = terminal_safe(message)  # content text: no escapes reach the terminal

    options = [
        questionary.Choice(title, value=value, shortcut_key=key) for title, value, key in choices
    ]
    if back:
        options.append(
            questionary.Choice("← Back to the previous question", value=BACK, shortcut_key="b")
        )
    chosen = next((o for o in options if o.value == default), None)
    question = questionary.select(
        message,
        choices=options,
        default=chosen,
        use_shortcuts=True,
        use_arrow_keys=True,
        instruction=instruction,
    )
    _end_of_input_stops(question)
    return question.unsafe_ask()


def _end_of_input_stops(question: Any) -> None:
    """Ctrl-D in a list prompt stops the interview, as it does in a text prompt."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _stop(event: Any) -> None:
        event.app.exit(exception=EOFError(), style="class:aborting")

    @bindings.add("<sigint>", eager=True)
    def _interrupted(event: Any) -> None:
        """SIGINT from `kill -INT` stops the interview as the Ctrl-C key does."""
        event.app.exit(exception=KeyboardInterrupt(), style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, bindings])


def _text(message: str, default: Any, back: bool, *, required: bool = False) -> Any:
    import questionary

    message = terminal_safe(message)  # content text: no escapes reach the terminal

    hints = []
    if not required:
        hints.append("Enter to skip")
    if back:
        hints.append("'<' to go back")
    instruction = f"({', '.join(hints)})" if hints else ""

    def valid(text: str) -> bool | str:
        if required and not text.strip():
            return "Please give a name (you can change it later in the answers file)."
        return True

    value = questionary.text(
        f"{message} {instruction}".strip(), default=default or "", validate=valid
    ).unsafe_ask()
    if back and value.strip() == "<":
        return BACK
    return value.strip() or None


class Interview:
    """Builds the steps for a mode and walks them, saving after each answer."""

    def __init__(
        self,
        content: Content,
        answers: Answers,
        save: Save,
        print_line: Callable[[str], None],
        *,
        ask_project: bool = True,
        ask_practices: bool = True,
    ) -> None:
        self.content = content
        self.answers = answers
        self.save = save
        self.print_line = print_line
        self.steps: list[Step] = []
        if ask_project:
            self._project_steps()
        self._criteria_steps()
        if ask_practices:
            if answers.mode == "quick":
                self._quick_steps()
            else:
                self._full_steps()

    # Building the steps -------------------------------------------------------

    def _project_steps(self) -> None:
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

        stages = [(STAGE_LABELS[s], s, str(i + 1)) for i, s in enumerate(STAGES)]
        roles = [(ROLE_LABELS[r], r, str(i + 1)) for i, r in enumerate(ROLES)]
        roles.append(("Prefer not to say", "", "0"))
        self.steps += [
            Step(
                "project.name",
                lambda cur, back: _text("What is the project called?", cur, back, required=True),
                lambda a: a.project.name or None,
                put_name,
                required=True,
            ),
            Step(
                "project.stage",
                lambda cur, back: _select(
                    "What stage is it at?", stages, cur, back, "(1-5, Enter)"
                ),
                lambda a: a.project.stage,
                put_stage,
                required=True,
            ),
            Step(
                "respondent.name",
                lambda cur, back: _text(
                    "Your name (optional; leave out to stay anonymous)", cur, back
                ),
                lambda a: a.respondent.name if a.respondent else None,
                put_person,
                required=False,
            ),
            Step(
                "respondent.role",
                lambda cur, back: _select(
                    "Which best describes your role?", roles, cur, back, "(0-6, Enter)"
                ),
                lambda a: a.respondent.role if a.respondent else None,
                put_role,
                required=False,
            ),
        ]

    def _criteria_steps(self) -> None:
        choices = [("Yes", "yes", "y"), ("No", "no", "n"), ("Not sure", "unsure", "u")]
        criteria = self.content.all_criteria()
        for number, criterion in enumerate(criteria, start=1):
            message = f"[When to co-produce {number}/{len(criteria)}] {criterion.question}"

            def ask(cur: Any, back: bool, message: str = message) -> Any:
                return _select(message, choices, cur, back, "(y/n/u)")

            def put(a: Answers, v: Any, cid: str = criterion.id) -> None:
                a.criteria[cid] = v

            def get(a: Answers, cid: str = criterion.id) -> Any:
                return a.criteria.get(cid)

            self.steps.append(
                Step(
                    f"criteria.{criterion.id}",
                    ask,
                    get,
                    put,
                    required=True,
                )
            )

        def put_why(a: Answers, v: Any) -> None:
            a.reflections.why = v

        def put_bring(a: Answers, v: Any) -> None:
            a.reflections.bring_and_take = v

        self.steps += [
            Step(
                "reflections.why",
                lambda cur, back: _text(
                    "Why is co-production needed here, rather than another approach?", cur, back
                ),
                lambda a: a.reflections.why,
                put_why,
                required=False,
            ),
            Step(
                "reflections.bring_and_take",
                lambda cur, back: _text(
                    "What can participants bring to it, and take from it?", cur, back
                ),
                lambda a: a.reflections.bring_and_take,
                put_bring,
                required=False,
            ),
        ]

    def _rating_choices(self) -> list[tuple[str, Any, str]]:
        scale = [(f"{n}  {label}", n, str(n)) for n, label in SCALE.items()]
        return [*scale, ("?  Don't know", "dont_know", "d"), ("–  Not applicable", "na", "x")]

    def _note_step(self, practice: Practice) -> Step:
        def put(a: Answers, v: Any) -> None:
            if v:
                a.notes[practice.id] = v
            else:
                a.notes.pop(practice.id, None)

        return Step(
            f"notes.{practice.id}",
            lambda cur, back: _text(f"Any note or evidence for “{practice.name}”?", cur, back),
            lambda a: a.notes.get(practice.id),
            put,
            required=False,
            practice=practice,
        )

    def _rating_step(self, key: str, message: str, practice: Practice) -> Step:
        choices = self._rating_choices()

        def put(a: Answers, v: Any) -> None:
            a.ratings[key] = v

        return Step(
            f"ratings.{key}",
            lambda cur, back: _select(message, choices, cur, back, "(0-4, d, x)"),
            lambda a: a.ratings.get(key),
            put,
            required=True,
            practice=practice,
        )

    def _full_steps(self) -> None:
        count = len(self.content.practices)
        for practice in self.content.practices:
            n = len(practice.statements)
            for i, statement in enumerate(practice.statements, start=1):
                message = f"[Practice {practice.number} of {count} · statement {i} of {n}] {statement.text}"
                self.steps.append(self._rating_step(statement.id, message, practice))
            self.steps.append(self._note_step(practice))

    def _quick_steps(self) -> None:
        count = len(self.content.practices)
        for practice in self.content.practices:
            message = (
                f"[Practice {practice.number} of {count}] Overall, how far does the project "
                f"do this: {practice.name}?"
            )
            self.steps.append(self._rating_step(practice.id, message, practice))
            self.steps.append(self._note_step(practice))

    # Walking the steps --------------------------------------------------------

    def first_step(self) -> int:
        """Where to start: the first required question not yet answered."""
        last_answered = -1
        for index, step in enumerate(self.steps):
            if step.required:
                if step.get(self.answers) is None:
                    return index
                last_answered = index
        return last_answered + 1 if last_answered >= 0 else 0

    def _heading(self, practice: Practice) -> None:
        from rich.markup import escape

        if self.answers.mode == "quick":
            text = (
                f"\n[bold]{practice.number}. {escape(practice.name)}[/bold]\n"
                f"[dim]{escape(practice.summary)}[/dim]"
            )
        else:
            text = (
                f"\n[bold]Practice {practice.number} of {len(self.content.practices)}: "
                f"{escape(practice.name)}[/bold]\n[dim]{escape(practice.summary)}[/dim]\n"
                "Rate each statement: 0 Not at all · 1 A little · 2 Partly · 3 Mostly · 4 Fully"
            )
        self.print_line(text)

    def run(self) -> Answers:
        """Ask every step from :meth:`first_step`; raises KeyboardInterrupt/EOFError."""
        index = self.first_step()
        shown: Practice | None = None
        criteria_shown = False
        while index < len(self.steps):
            step = self.steps[index]
            if step.key.startswith("criteria.") and not criteria_shown:
                self.print_line(
                    "\n[bold]When to co-produce?[/bold] Answer for your project as it is now."
                )
                criteria_shown = True
            if step.practice is not None and step.practice is not shown:
                self._heading(step.practice)
                shown = step.practice
            value = step.ask(step.get(self.answers), index > 0)
            if value == BACK:
                index -= 1
                continue
            step.put(self.answers, value)
            self.save(self.answers)
            index += 1
        return self.answers
