"""The cycle's questions in ``coprod assess``: last time's actions, who you are, what next.

* before the assessment (``--previous OLD.yaml``, or ``--resume`` of a file that
  names one): each open action from last time, done / in progress / not started /
  dropped, and a note; copied into the new file with the same id;
* after it: up to three of the statements they rated that matter most to them, which
  of the six characteristics the person brings (optional, several may be chosen),
  then up to three actions, from the next steps suggested for the
  priority practices or in the person's own words, each with an optional owner
  and due date.

Everything is saved after each answer, like the rest of the interview.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Any

from coprod.core.actions import new_action_id, parse_due
from coprod.core.answers import MAX_ACTIONS, MAX_MATTERS_MOST, Action, Answers, Respondent
from coprod.core.assessment import assess
from coprod.core.models import Content
from coprod.i18n import N_
from coprod.i18n.labels import action_status_label
from coprod.interactive import prompts
from coprod.render.safe import escape_markup

Save = Callable[[Answers], None]
Say = Callable[[str], None]


class Pick(Enum):
    """A choice among the actions that is not a suggested next step."""

    OWN_WORDS = "own words"  # the person writes the action themselves


# (label, status, key): the labels are shown with _() in the chosen language.
STATUS_CHOICES: list[tuple[str, Any, str]] = [
    (N_("Done"), "done", "d"),
    (N_("In progress"), "in-progress", "i"),
    (N_("Not started"), "not-started", "n"),
    (N_("Dropped"), "dropped", "x"),
]


def _with_progress(message: str, progress: str | None) -> str:
    return f"{progress}\n{message}" if progress else message


def checkbox(
    message: str,
    choices: list[tuple[str, Any, bool]],
    *,
    most: int | None = None,
    instruction: str | None = None,
) -> list[Any]:
    """Several answers from a list (``(title, value, checked)``); none is fine."""
    import questionary
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    prompts.build_default_bindings_once()

    from coprod.i18n import _, ngettext

    if instruction is None:
        instruction = _("(Space to choose, Enter when done; Enter alone to skip)")
    width = prompts.terminal_width()
    options = [
        questionary.Choice(prompts.wrap_title(title, width, 5), value=value, checked=checked)
        for title, value, checked in choices
    ]

    def valid(chosen: list[Any]) -> bool | str:
        if most is not None and len(chosen) > most:
            return ngettext(
                "Choose up to %(n)d (you have chosen %(chosen)d).",
                "Choose up to %(n)d (you have chosen %(chosen)d).",
                most,
            ) % {"n": most, "chosen": len(chosen)}
        return True

    question = questionary.checkbox(
        # room on the last line for what is shown once answered ("3 chosen")
        prompts.wrap_prompt(message, width, after=instruction, room=len(_done_in_words("done"))),
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
    _translate_done(question)
    return list(question.unsafe_ask() or [])


def _translate_done(question: Any) -> None:
    """What questionary shows once a checkbox is answered ("done", "done (2 selections)"),
    said as what was chosen, in the chosen language. Where questionary is not laid out as
    expected, its own English stays."""
    from prompt_toolkit.formatted_text import to_formatted_text
    from prompt_toolkit.shortcuts import PromptSession

    for window in question.application.layout.find_all_windows():
        session = getattr(getattr(window.content, "text", None), "__self__", None)
        if isinstance(session, PromptSession) and callable(session.message):
            original = session.message

            def translated(original: Callable[[], Any] = original) -> Any:
                return [
                    (style, _done_in_words(text) if style == "class:answer" else text, *rest)
                    for style, text, *rest in to_formatted_text(original())
                ]

            session.message = translated
            return


def _done_in_words(text: str) -> str:
    import re

    from coprod.i18n import _, ngettext

    if text == "done":
        return _("nothing chosen")
    several = re.fullmatch(r"done \((\d+) selections\)", text)
    if several:
        n = int(several[1])
        return ngettext("%(n)d chosen", "%(n)d chosen", n) % {"n": n}
    return text


# --- before: last time's actions --------------------------------------------------


def still_to_review(answers: Answers, previous: Answers) -> list[Action]:
    """The open actions of ``previous`` not yet carried into ``answers``."""
    carried = {a.id for a in answers.actions}
    return [a for a in previous.actions if a.is_open and a.id not in carried]


def review_previous(answers: Answers, previous: Answers, save: Save, say: Say) -> None:
    """Ask about each open action of ``previous`` not yet carried into ``answers``."""
    from coprod.i18n import _, ngettext
    from coprod.interactive.steps import keys_in_words

    todo = still_to_review(answers, previous)
    if not todo:
        return
    heading = _("Last time's actions")
    if previous.date:
        heading = _("%(heading)s (%(date)s)") % {
            "heading": heading,
            "date": previous.date.isoformat(),
        }
    still = ngettext(
        "%(n)d still open. How did it go?", "%(n)d still open. How did each one go?", len(todo)
    ) % {"n": len(todo)}
    say(f"\n[bold]{escape_markup(heading)}[/bold]: {escape_markup(still)}")
    choices = [(_(label), status, key) for label, status, key in STATUS_CHOICES]
    for n, action in enumerate(todo, start=1):
        details = [action_status_label(action.status or "not-started", was=True)]
        if action.owner:
            details.append(_("owner: %(owner)s") % {"owner": action.owner})
        if action.due:
            details.append(_("due %(date)s") % {"date": action.due.isoformat()})
        status: Any = prompts.Reply.UNSET
        while status is prompts.Reply.UNSET:
            status = prompts.select(
                _("[Action %(n)d of %(total)d] %(action)s (%(details)s)")
                % {
                    "n": n,
                    "total": len(todo),
                    "action": action.text,
                    "details": ", ".join(details),
                },
                choices,
                None,
                False,
                "(d/i/n/x)",
                neutral=_("press %(keys)s") % {"keys": keys_in_words(choices)},
            )
        reviewed = dataclasses.replace(action, status=status, note=None)
        answers.actions.append(reviewed)
        save(answers)
        reviewed.note = _kept_text(_("A note on it?"), answers, save, partial(_set_note, reviewed))
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


def ask_brings(
    answers: Answers, content: Content, save: Save, say: Say, *, progress: str | None = None
) -> None:
    """Which of the six characteristics the person brings (optional, several allowed).

    ``progress`` (``Question 62 of 63 · …``) is shown above the question.
    """
    from coprod.i18n import _

    if answers.respondent is None:
        answers.respondent = Respondent()
    current = set(answers.respondent.brings)
    heading = escape_markup(_("Who is in the room?"))
    said = escape_markup(
        _(
            "The Action Research Collective was put together so that, between them, its "
            "members brought six characteristics."
        )
    )
    say(f"\n[bold]{heading}[/bold] {said}")
    chosen = checkbox(
        _with_progress(_("Which of these do you bring? (optional: choose any, or none)"), progress),
        [
            (f"{c.name}: {c.description}", c.id, c.id in current)
            for c in content.background.arc_characteristics
        ],
    )
    answers.respondent.brings = [str(c) for c in chosen]
    save(answers)


def ask_matters_most(
    answers: Answers, content: Content, save: Save, say: Say, *, progress: str | None = None
) -> None:
    """Up to three of the statements the person rated (quick: practices) that matter most
    to them; optional (Enter alone skips), a fourth refused. Those marked before (a resumed
    draft) come ticked. Nothing rated 0-4 and nothing marked: not asked."""
    from coprod.i18n import _
    from coprod.i18n.labels import rating_label

    if answers.mode == "quick":
        items = [(p.id, f"{p.number}. {p.name}") for p in content.practices]
    else:
        items = [(s.id, s.text) for _p, s in content.statements()]
    items += [(s.id, s.text) for s in answers.own_statements]  # the group's own too
    marked = answers.matters_most
    choices: list[tuple[str, Any, bool]] = []
    for key, text in items:
        rating = answers.ratings.get(key)
        if isinstance(rating, int) or key in marked:
            shown = f"{text} ({rating_label(rating)})" if rating is not None else text
            choices.append((shown, key, key in marked))
    if not choices:
        return
    heading = escape_markup(_("What matters most?"))
    said = escape_markup(
        _("When several people answer, the group sees how many marked each one, never who.")
    )
    say(f"\n[bold]{heading}[/bold] {said}")
    message = _("What matters most to you? Pick up to three")
    chosen = checkbox(_with_progress(message, progress), choices, most=MAX_MATTERS_MOST)
    answers.matters_most = [str(c) for c in chosen]
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
    from coprod.i18n import _

    # parse_due reads day-first dates, month names, 'end of January', 'in 4 weeks' and,
    # in Welsh, 'diwedd Ionawr' and 'mewn 4 wythnos'
    message = _("Due by? (a date like %(date)s, or %(relative)s)") % {
        "date": "31/01/2027",
        "relative": _("'in 4 weeks'"),
    }
    while True:
        typed = prompts.text(message, None, False)
        try:
            return parse_due(typed or "", today)
        except ValueError as exc:
            from coprod.terminal.console import err

            err().print(f"[yellow]{escape_markup(str(exc))}[/yellow]")


def choose_actions(
    answers: Answers,
    content: Content,
    save: Save,
    say: Say,
    *,
    today: dt.date | None = None,
    previous_ids: set[str] | None = None,
    suggestions: list[tuple[str | None, str | None, str]] | None = None,
    progress: str | None = None,
) -> None:
    """Up to three new actions: suggested next steps or own words, owner and due date.

    ``suggestions`` (practice id, statement id, text) replace the next steps of this
    person's priority practices (``coprod team`` passes the group's). ``progress``
    (``Question 63 of 63 · …``) is shown above the question.
    """
    from coprod.i18n import _, ngettext

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
    heading = escape_markup(_("What next?"))
    said = ngettext(
        "Choose up to %(n)d action to carry forward: the next time you (or your group) "
        "assess, it is reviewed.",
        "Choose up to %(n)d actions to carry forward: the next time you (or your group) "
        "assess, they are reviewed.",
        room,
    ) % {"n": room}
    say(f"\n[bold]{heading}[/bold] {escape_markup(said)}")
    choices: list[tuple[str, Any, bool]] = [
        (f"{step} ({names[pid]})" if pid in names else step, (pid, sid, step), False)
        for pid, sid, step in suggestions
    ]
    choices.append((_("Something in my own words"), Pick.OWN_WORDS, False))
    which = _("Which actions? (up to %(n)d)") % {"n": room}  # the instruction says how to skip
    picked = checkbox(_with_progress(which, progress), choices, most=room)
    taken = {a.id for a in answers.actions}
    for item in picked:
        action = Action(id=new_action_id(taken), text="?")
        if item is Pick.OWN_WORDS:

            def keep_words(typed: str, action: Action = action) -> None:
                action.text = typed
                answers.actions.append(action)

            text = _kept_text(_("The action, in your own words"), answers, save, keep_words)
            if not text:
                continue
            action.text = text
        else:
            action.practice, action.statement, action.text = item
            say(f"[bold]{escape_markup(action.text)}[/bold]")  # typed words are on screen
        taken.add(action.id)
        answers.actions.append(action)
        save(answers)

        def keep_owner(typed: str, action: Action = action) -> None:
            action.owner = typed

        action.owner = _kept_text(_("Who will do it? (optional)"), answers, save, keep_owner)
        save(answers)
        action.due = _due(today)
        save(answers)
