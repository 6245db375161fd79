"""The cycle's questions in ``coprod assess``: last time's actions, who you are, what next.

* before the assessment (``--previous OLD.yaml``, or ``--resume`` of a file that
  names one): each open action from last time, done / in progress / not started /
  dropped, and a note; copied into the new file with the same id;
* after it: which of the six characteristics the person brings (optional, several
  may be chosen), then up to three actions, from the next steps suggested for the
  priority practices or in the person's own words, each with an optional owner
  and due date.

Everything is saved after each answer, like the rest of the interview.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from coprod import prompts
from coprod.core.actions import new_action_id, parse_due, status_label
from coprod.core.answers import MAX_ACTIONS, Action, Answers, Respondent
from coprod.core.assessment import assess
from coprod.core.models import Content

Save = Callable[[Answers], None]
Say = Callable[[str], None]
OWN_WORDS = "__own__"
STATUS_CHOICES: list[tuple[str, Any, str]] = [
    ("Done", "done", "d"),
    ("In progress", "in-progress", "i"),
    ("Not started", "open", "n"),
    ("Dropped", "dropped", "x"),
]


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(" ".join(text.split()))


def checkbox(
    message: str,
    choices: list[tuple[str, Any, bool]],
    *,
    most: int | None = None,
    instruction: str = "(Space to choose, Enter when done; Enter alone to skip)",
) -> list[Any]:
    """Several answers from a list (``(title, value, checked)``); none is fine."""
    import questionary
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    width = prompts.terminal_width()
    options = [
        questionary.Choice(prompts.wrap_title(title, width, 5), value=value, checked=checked)
        for title, value, checked in choices
    ]

    def valid(chosen: list[Any]) -> bool | str:
        if most is not None and len(chosen) > most:
            return f"Choose up to {most} (you have chosen {len(chosen)})."
        return True

    question = questionary.checkbox(
        prompts.wrap_prompt(message, width),
        choices=options,
        validate=valid,
        instruction=instruction,
    )
    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _stop(event: Any) -> None:  # Ctrl-D stops, as in the other questions
        event.app.exit(exception=EOFError(), style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([b for b in (app.key_bindings, bindings) if b])
    return list(question.unsafe_ask() or [])


# --- before: last time's actions --------------------------------------------------


def review_previous(answers: Answers, previous: Answers, save: Save, say: Say) -> None:
    """Ask about each open action of ``previous`` not yet carried into ``answers``."""
    carried = {a.id for a in answers.actions}
    todo = [a for a in previous.actions if a.is_open and a.id not in carried]
    if not todo:
        return
    when = f" ({previous.date.isoformat()})" if previous.date else ""
    say(
        f"\n[bold]Last time's actions[/bold]{_escape(when)}: {len(todo)} still open. "
        "How did each one go?"
    )
    for n, action in enumerate(todo, start=1):
        details = [f"was {status_label(action.status)}"]
        if action.owner:
            details.append(f"owner: {action.owner}")
        if action.due:
            details.append(f"due {action.due.isoformat()}")
        status = prompts.UNSET
        while status == prompts.UNSET:
            status = prompts.select(
                f"[Action {n} of {len(todo)}] {action.text} ({', '.join(details)})",
                STATUS_CHOICES,
                None,
                False,
                "(d/i/n/x)",
                neutral="press d, i, n or x",
            )
        reviewed = action.model_copy(update={"status": status, "note": None})
        answers.actions.append(reviewed)
        save(answers)
        reviewed.note = _kept_text("A note on it?", answers, save, partial(_set_note, reviewed))
        save(answers)


def _set_note(action: Action, text: str) -> None:
    action.note = text


def _kept_text(message: str, answers: Answers, save: Save, keep: Callable[[str], None]) -> Any:
    """A text question whose words, should the person press Ctrl-C, are kept and saved."""
    try:
        return prompts.text(message, None, False)
    except prompts.TypedSoFar as stopped:
        if stopped.text.strip():
            keep(stopped.text.strip())
            save(answers)
        raise


def previous_path(answers: Answers, this_file: Path | None) -> Path | None:
    """Where the file named by ``previous:`` is: as written, else beside this file."""
    if not answers.previous:
        return None
    given = Path(answers.previous)
    if given.is_absolute() or this_file is None or given.exists():
        return given
    return this_file.parent / given


# --- after: who you are, what next -----------------------------------------------


def ask_brings(answers: Answers, content: Content, save: Save, say: Say) -> None:
    """Which of the six characteristics the person brings (optional, several allowed)."""
    if answers.respondent is None:
        answers.respondent = Respondent()
    current = set(answers.respondent.brings)
    say(
        "\n[bold]Who is in the room?[/bold] The Action Research Collective was put together "
        "so that, between them, its members brought six characteristics."
    )
    chosen = checkbox(
        "Which of these do you bring? (optional: choose any, or none)",
        [
            (f"{c.name}: {c.description}", c.id, c.id in current)
            for c in content.background.arc_characteristics
        ],
    )
    answers.respondent.brings = [str(c) for c in chosen]
    save(answers)


def _suggestions(answers: Answers, content: Content) -> list[tuple[str | None, str | None, str]]:
    """(practice id, statement id, next step) for the priority practices, each once."""
    result = assess(answers, content)
    chosen = {a.statement for a in answers.actions if a.statement}
    seen: set[str] = set()
    items: list[tuple[str | None, str | None, str]] = []
    for priority in result.priorities:
        for step in priority.next_steps:
            sid = step.statement.id
            if sid in chosen or sid in seen:
                continue
            seen.add(sid)
            items.append((priority.result.practice.id, sid, step.statement.next_step))
    return items


def _due(today: dt.date) -> dt.date | None:
    while True:
        typed = prompts.text("Due by? (a date like 2027-01-31, or 'in 4 weeks')", None, False)
        try:
            return parse_due(typed or "", today)
        except ValueError as exc:
            from coprod.console import err

            err().print(f"[yellow]{_escape(str(exc))}[/yellow]")


def choose_actions(
    answers: Answers,
    content: Content,
    save: Save,
    say: Say,
    *,
    today: dt.date | None = None,
    previous_ids: set[str] | None = None,
    suggestions: list[tuple[str | None, str | None, str]] | None = None,
) -> None:
    """Up to three new actions: suggested next steps or own words, owner and due date.

    ``suggestions`` (practice id, statement id, text) replace the next steps of this
    person's priority practices (``coprod team`` passes the group's).
    """
    today = today or dt.date.today()
    carried = previous_ids or set()
    new = [a for a in answers.actions if a.id not in carried]
    room = MAX_ACTIONS - len(new)
    if room <= 0:
        return
    names = {p.id: p.name for p in content.practices}
    if suggestions is None:
        suggestions = list(_suggestions(answers, content))
    chosen = {a.statement for a in answers.actions if a.statement}
    chosen_text = {a.text for a in answers.actions}
    suggestions = [s for s in suggestions if s[1] not in chosen and s[2] not in chosen_text]
    say(
        f"\n[bold]What next?[/bold] Choose up to {room} action{'s' if room != 1 else ''} to "
        "carry forward: the next time you (or your group) assess, they are reviewed."
    )
    choices: list[tuple[str, Any, bool]] = [
        (f"{step} ({names[pid]})" if pid in names else step, (pid, sid, step), False)
        for pid, sid, step in suggestions
    ]
    choices.append(("Something in my own words", OWN_WORDS, False))
    picked = checkbox(f"Which actions? (up to {room}; Enter alone to skip)", choices, most=room)
    taken = {a.id for a in answers.actions}
    for item in picked:
        action = Action(id=new_action_id(taken), text="?")
        if item == OWN_WORDS:

            def keep_words(typed: str, action: Action = action) -> None:
                action.text = typed
                answers.actions.append(action)

            text = _kept_text("The action, in your own words", answers, save, keep_words)
            if not text:
                continue
            action.text = text
        else:
            action.practice, action.statement, action.text = item
        taken.add(action.id)
        answers.actions.append(action)
        save(answers)
        say(f"[bold]{_escape(action.text)}[/bold]")

        def keep_owner(typed: str, action: Action = action) -> None:
            action.owner = typed

        action.owner = _kept_text("Who will do it? (optional)", answers, save, keep_owner)
        save(answers)
        action.due = _due(today)
        save(answers)
