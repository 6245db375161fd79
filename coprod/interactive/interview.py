"""The interactive assessment: one question at a time, saved after every answer.

The interview walks the list of steps (:mod:`coprod.interactive.steps`) with an
index, so "Back" is just a step to the previous index, and resuming a draft starts
at the first required question it has not answered. Each question shows where the
person is in the whole interview and about how long is left. The prompts
themselves (and questionary, imported on first use) live in
:mod:`coprod.interactive.prompts`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from coprod.core.answers import MAX_REASON, Answers
from coprod.core.models import Content, Practice
from coprod.core.own import OWN_SECTION
from coprod.core.scoring import SCALE
from coprod.i18n import _
from coprod.interactive import prompts
from coprod.interactive.prompts import Reply
from coprod.interactive.steps import AskEnd, Questionnaire, Step, keys_in_words

Save = Callable[[Answers], None]
# Called once the project's name is given, before it is saved: may show where the
# answers will go and return Reply.BACK to ask the name again.
ConfirmTarget = Callable[[Answers], Any]


def _means(practice: Practice) -> str:
    """Easy read: after the quoted title, "(the report's words)" and a line saying what it means."""
    from rich.markup import escape

    from coprod.render.text import REPORTS_WORDS, means_line

    if not practice.name_means:
        return ""
    return f" [dim]({escape(_(REPORTS_WORDS))})[/dim]\n" + escape(means_line(practice.name_means))


def stdin_is_terminal() -> bool:
    """Whether a person can answer prompts here (tests replace this)."""
    return sys.stdin.isatty()


def stdout_is_terminal() -> bool:
    """Whether a person sees the prompts (not a pipe or a file; tests replace this)."""
    return sys.stdout.isatty()


class Interview(Questionnaire):
    """Walks the steps of a :class:`Questionnaire`, saving after each answer."""

    def __init__(
        self,
        content: Content,
        answers: Answers,
        save: Save,
        print_line: Callable[[str], None],
        *,
        ask_project: bool = True,
        ask_practices: bool = True,
        confirm_target: ConfirmTarget | None = None,
        end: list[tuple[str, AskEnd]] | None = None,
    ) -> None:
        """``end``: questions asked after the rest, ``(key, ask)``, counted with them."""
        super().__init__(
            content, answers, ask_project=ask_project, ask_practices=ask_practices, end=end
        )
        self.save = save
        self.print_line = print_line
        self.confirm_target = confirm_target

    def _heading(self, practice: Practice) -> None:
        from rich.markup import escape

        if self.answers.mode == "quick":
            text = (
                f"\n[bold]{practice.number}. {escape(practice.name)}[/bold]{_means(practice)}\n"
                f"[dim]{escape(practice.summary)}[/dim]"
            )
        else:
            title = _("Practice %(number)d of %(count)d: %(practice)s") % {
                "number": practice.number,
                "count": len(self.content.practices),
                "practice": practice.name,
            }
            scale = " · ".join(f"{n} {_(label)}" for n, label in SCALE.items())
            text = (
                f"\n[bold]{escape(title)}[/bold]{_means(practice)}\n"
                f"[dim]{escape(practice.summary)}[/dim]\n"
                + escape(_("Rate each statement: %(scale)s") % {"scale": scale})
            )
        self.print_line(text)

    def _ask(self, index: int) -> Any:
        step = self.steps[index]
        message = f"{self.progress(index)}\n{step.message}"
        current = step.get(self.answers)
        back = index > 0
        if step.choices is None:
            typed = prompts.text(message, current, back, required=step.required)
            return Reply.BACK if typed == "<" else typed  # '<' is never a name or a note
        return prompts.select(
            message,
            step.choices,
            current,
            back,
            step.instruction,
            neutral=_("press %(keys)s") % {"keys": keys_in_words(step.choices)},
            why=step.section in ("ratings", "own"),
        )

    def _ask_why(self, step: Step) -> None:
        """A reason for a rating, asked only when the person pressed ``w``."""
        from rich.markup import escape

        key = step.key.split(".", 1)[1]
        while True:
            message = _("Why this rating? (up to %(n)d characters)") % {"n": MAX_REASON}
            reason = prompts.text(message, self.answers.reasons.get(key), False)
            if reason is None or len(reason) <= MAX_REASON:
                break
            said = _("That is %(length)d characters; please keep it to %(n)d.")
            self.print_line(escape(said % {"length": len(reason), "n": MAX_REASON}))
        if reason:
            self.answers.reasons[key] = reason
        else:
            self.answers.reasons.pop(key, None)
        self.save(self.answers)

    def _keep_typed(self, step: Step, typed: str) -> None:
        """Ctrl-C while typing: what was typed is an answer like any other."""
        text = typed.strip()
        if text and text != "<":
            step.put(self.answers, text)
            self.save(self.answers)

    def run(self, start: int | None = None) -> Answers:
        """Ask every step from ``start`` (default :meth:`first_step`).

        Raises KeyboardInterrupt/EOFError when the person stops; anything typed in
        the question they stopped at is saved first.
        """
        from rich.markup import escape

        index = self.first_step() if start is None else start
        shown: Practice | None = None
        criteria_shown = own_shown = False
        while index < len(self.steps):
            step = self.steps[index]
            if step.ask is not None:  # an end question: it asks and saves itself
                step.ask(self.progress(index))
                index += 1
                continue
            if step.section == "criteria" and not criteria_shown:
                heading = escape(_("When to co-produce?"))
                said = escape(_("Answer for your project as it is now."))
                self.print_line(f"\n[bold]{heading}[/bold] {said}")
                criteria_shown = True
            if step.practice is not None and step.practice is not shown:
                self._heading(step.practice)
                shown = step.practice
            if step.section == "own" and not own_shown:
                self.print_line(f"\n[bold]{escape(_(OWN_SECTION))}[/bold]")
                own_shown = True
            try:
                value = self._ask(index)
            except prompts.TypedSoFar as stopped:
                self._keep_typed(step, stopped.text)
                raise
            if value is Reply.UNSET:  # Enter on the neutral line: nothing recorded
                self.print_line(escape(_("Nothing recorded yet: choose one of the answers.")))
                continue
            if value is Reply.BACK and index == 0:
                said = _("This is the first question: there is nothing to go back to.")
                self.print_line(escape(said))
                continue
            if value is Reply.BACK:
                index -= 1
                continue
            if value is Reply.WHY:  # then the same rating again
                self._ask_why(step)
                continue
            step.put(self.answers, value)
            confirm = self.confirm_target if step.key == "project.name" else None
            if confirm is not None and confirm(self.answers) is Reply.BACK:
                continue
            self.save(self.answers)
            index += 1
        return self.answers
