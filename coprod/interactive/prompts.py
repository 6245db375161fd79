"""The two kinds of question the interview asks (a list and a line of text), via questionary.

prompt_toolkit wraps a long prompt at the terminal's last column, in the middle of
a word; here every message and choice is wrapped at word boundaries first, for the
width of the terminal the question is asked in. A list question with no earlier
answer starts on a neutral line, so a stray Enter records nothing. Ctrl-C in a text
question keeps what was typed. questionary is imported on first use only.
"""

from __future__ import annotations

import textwrap
from enum import Enum
from typing import Any

from coprod.i18n import N_


class Reply(Enum):
    """What a question returns that is not an answer."""

    BACK = "back"  # "← Back" chosen, or '<' typed: go to the previous question
    UNSET = "unset"  # Enter on the neutral first line of a list question: nothing recorded
    WHY = "why"  # 'w' pressed on a rating: give a reason for it, then the rating again


class Placeholder(str, Enum):
    """Characters that stand in for text while a prompt is laid out."""

    INSTRUCTION = "\x00"  # the instruction questionary adds after the message


BACK_TITLE = N_("← Back to the previous question")  # shown with _()


class TypedSoFar(KeyboardInterrupt):
    """Ctrl-C in a text question: carries what had been typed, so it can be kept."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


def terminal_width() -> int:
    """Columns of the terminal the questions are asked in (prompt_toolkit's own view)."""
    from prompt_toolkit.application.current import get_app_session

    try:
        columns = get_app_session().output.get_size().columns
    except Exception:  # an output that cannot tell: a safe guess
        columns = 80
    return max(columns, 20)


def wrap_prompt(message: str, width: int, *, after: str = "", room: int = 0) -> str:
    """``message`` wrapped at word boundaries for questionary's ``? message after`` line.

    Words, paths and commands are never split (a word longer than the line gets a
    line of its own). Continuation lines are indented under the text. ``after`` is
    what questionary prints after the message (the instruction), kept whole on the
    last line; ``room`` keeps that many columns free there for the answer shown once
    the question is answered. Lines in ``message`` stay separate lines.
    """
    line = max(width - 1, 10)
    paragraphs = message.split("\n")
    wrapped: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        last = number == len(paragraphs) - 1
        hold = max(len(after), room) if last else 0
        held = Placeholder.INSTRUCTION.value * hold
        text = f"{paragraph} {held}" if hold else paragraph
        lines = textwrap.wrap(
            text,
            width=line,
            initial_indent="? " if number == 0 else "  ",
            subsequent_indent="  ",
            break_long_words=False,
            break_on_hyphens=False,
        ) or ["? " if number == 0 else "  "]
        if hold:
            tail = lines[-1]
            if tail.strip() == held:  # the instruction goes on a line of its own
                lines[-1] = " "  # questionary adds one more space before it
            else:
                lines[-1] = tail[: -(hold + 1)]
        wrapped += lines
    return "\n".join(wrapped)[2:]  # questionary prints the "? " itself


def wrap_title(title: str, width: int, indent: int = 6) -> str:
    """A choice's title wrapped to fit after the pointer and shortcut (`` » 1) ``)."""
    lines = textwrap.wrap(
        title,
        width=max(width - 1 - indent, 10),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return ("\n" + " " * indent).join(lines) if lines else title


def echo(shown: str, typed: str, *, own_line: bool) -> None:
    """A text question as it stays on screen once answered: ``? message`` and the answer.

    prompt_toolkit wraps what was typed at the last column, in the middle of a word
    (``fami|lies``); the question is erased when done and written again here, the
    answer wrapped between words, on a line of its own (``own_line``, free text) or
    after the question when it fits.
    """
    from prompt_toolkit.application.current import get_app_session

    from coprod.render.safe import terminal_safe
    from coprod.terminal.lines import wrap

    width = terminal_width()
    question = "? " + shown.rstrip()
    answer = " ".join(terminal_safe(typed).split())
    last = question.rsplit("\n", 1)[-1]
    if not answer:
        text = question
    elif not own_line and len(last) + 1 + len(answer) < width:
        text = f"{question} {answer}"
    else:
        text = question + "\n" + wrap("  " + answer, width)
    output = get_app_session().output
    output.write(text + "\n")
    output.flush()


def build_default_bindings_once() -> None:
    """Build prompt_toolkit's default key bindings once, not once a question.

    Every prompt_toolkit Application builds its default bindings (emacs, vi, mouse:
    thousands of them) when it is made, and questionary makes one a question: about
    20 ms before each of an interview's eighty questions appears. The bindings depend
    on no application (their filters ask the one running), so one set serves every
    question, as prompt_toolkit's own PromptSession reuses its application.
    tests/deps/test_prompt_toolkit.py checks Application still builds them through
    these two module functions.
    """
    import importlib

    application: Any = importlib.import_module("prompt_toolkit.application.application")
    if getattr(application.load_key_bindings, "built_once", False):
        return
    keys, pages = application.load_key_bindings(), application.load_page_navigation_bindings()

    def load_key_bindings() -> Any:
        return keys

    def load_page_navigation_bindings() -> Any:
        return pages

    load_key_bindings.built_once = True  # type: ignore[attr-defined]
    application.load_key_bindings = load_key_bindings
    application.load_page_navigation_bindings = load_page_navigation_bindings


def _merge_bindings(question: Any, bindings: Any) -> None:
    from prompt_toolkit.key_binding import merge_key_bindings

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, bindings])


def _list_control(question: Any) -> Any:
    """questionary's list control inside the question's layout, or None if not found."""
    from questionary.prompts.common import InquirerControl

    for window in question.application.layout.find_all_windows():
        if isinstance(window.content, InquirerControl):
            return window.content
    return None


def select(
    message: str,
    choices: list[tuple[str, Any, str]],
    default: Any,
    back: bool,
    instruction: str,
    *,
    neutral: str | None = None,
    why: bool = False,
) -> Any:
    """One answer from a list: ``(title, value, shortcut key)`` choices, plus Back.

    With ``neutral`` (how to answer: ``press y, n or u``) and no ``default`` the
    list starts on a line that is not an answer: Enter there records nothing (the line says so, and waits);
    should the list control not be found, Enter there returns :attr:`Reply.UNSET` instead.
    With ``why``, the ``w`` key returns :attr:`Reply.WHY` (a reason for the rating).
    """
    import questionary
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings

    from coprod.i18n import _
    from coprod.render.safe import terminal_safe

    build_default_bindings_once()

    message = terminal_safe(message)  # content text: no escapes reach the terminal
    width = terminal_width()
    options = [
        questionary.Choice(wrap_title(title, width), value=value, shortcut_key=key)
        for title, value, key in choices
    ]
    if back:
        options.append(questionary.Choice(_(BACK_TITLE), value=Reply.BACK, shortcut_key="b"))
    chosen = None if default is None else next((o for o in options if o.value == default), None)
    how = {"how": neutral}
    if neutral is not None and chosen is None:
        options.insert(
            0,
            questionary.Choice(
                [("class:instruction", wrap_title(_("(no answer yet: %(how)s)") % how, width, 3))],
                value=Reply.UNSET,
                shortcut_key=False,
            ),
        )
    longest = max(len(title) for title, _, _ in choices)
    room = longest if longest <= width - 10 else width // 2  # for the answer, once given
    question = questionary.select(
        wrap_prompt(message, width, after=instruction, room=room),
        choices=options,
        default=chosen,
        use_shortcuts=True,
        use_arrow_keys=True,
        instruction=instruction,
    )
    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _stop(event: Any) -> None:  # Ctrl-D stops the interview, as in a text question
        event.app.exit(exception=EOFError(), style="class:aborting")

    @bindings.add("<sigint>", eager=True)
    def _interrupted(event: Any) -> None:  # `kill -INT` stops it as the Ctrl-C key does
        event.app.exit(exception=KeyboardInterrupt(), style="class:aborting")

    if why:

        @bindings.add("w", eager=True)
        def _why(event: Any) -> None:  # a reason, asked only of who asks to give one
            event.app.exit(result=Reply.WHY)

    control = _list_control(question)
    if control is not None and neutral is not None and chosen is None:

        @Condition
        def on_neutral() -> bool:
            return bool(control.get_pointed_at().value is Reply.UNSET)

        @bindings.add("enter", filter=on_neutral, eager=True)
        def _wait(event: Any) -> None:  # the neutral line itself says why nothing happened
            said = _("Nothing recorded yet: %(how)s, then Enter") % how
            control.get_pointed_at().title = [("class:instruction", wrap_title(said, width, 3))]

    _merge_bindings(question, bindings)
    return question.unsafe_ask()


def text(message: str, default: Any, back: bool, *, required: bool = False) -> Any:
    """A line of text: Enter skips it (unless ``required``), '<' goes back."""
    import questionary
    from prompt_toolkit.key_binding import KeyBindings

    from coprod.i18n import _

    build_default_bindings_once()

    if back and not required:
        instruction = _("(Enter to skip, '<' to go back)")
    elif back:
        instruction = _("('<' to go back)")
    elif not required:
        instruction = _("(Enter to skip)")
    else:
        instruction = ""

    def valid(typed: str) -> bool | str:
        if required and not typed.strip():
            return _("Please give a name (you can change it later in the answers file).")
        return True

    from coprod.render.safe import terminal_safe

    message = terminal_safe(message)  # content text: no escapes reach the terminal
    shown = wrap_prompt(f"{message} {instruction}".strip(), terminal_width())
    if not required:  # free text (notes, reflections) is typed on a line of its own
        shown += "\n "  # questionary adds one more space: the answer starts under the text
    question = questionary.text(
        shown,
        default=default or "",
        validate=valid,
        prompt_continuation="  ",
        erase_when_done=True,  # then shown again by echo(), the answer wrapped between words
    )
    bindings = KeyBindings()

    @bindings.add("c-c", eager=True)
    @bindings.add("<sigint>", eager=True)  # `kill -INT`: as the Ctrl-C key
    def _keep(event: Any) -> None:
        event.app.exit(exception=TypedSoFar(event.app.current_buffer.text), style="class:aborting")

    _merge_bindings(question, bindings)
    try:
        value = question.unsafe_ask()
    except TypedSoFar as stopped:
        echo(shown, stopped.text, own_line=not required)
        raise
    echo(shown, value, own_line=not required)
    if back and value.strip() == "<":
        return Reply.BACK
    return value.strip() or None
