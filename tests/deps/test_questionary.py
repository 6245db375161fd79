"""questionary: coprod relies on two of its internals.

* The list question's ``InquirerControl``, found by walking the question's layout: on a
  question with no answer yet, the list starts on a neutral line where a stray Enter
  records nothing and says so (coprod rewrites that choice's ``title``).
* The English text a checkbox shows once answered, ``done`` or ``done (2 selections)``,
  which coprod parses and says in the chosen language (``2 chosen``).

Should either change, coprod falls back quietly (Enter on the neutral line returns no
answer at once; questionary's English stays): these tests name the break.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput
from prompt_toolkit.output.vt100 import Vt100_Output

from coprod import i18n
from coprod.i18n import _
from coprod.interactive import end_questions, prompts

ENTER = "\r"
DOWN = "\x1b[B"
SPACE = " "
FRUIT = [("apples", "a", False), ("pears", "p", False), ("plums", "u", False)]


@pytest.fixture
def screen(pipe_input: PipeInput) -> Iterator[io.StringIO]:
    """What a terminal would show (escape sequences removed by ``shown``)."""
    written = io.StringIO()
    output = Vt100_Output(written, lambda: Size(rows=24, columns=80), term="xterm")
    with create_app_session(input=pipe_input, output=output):
        yield written


def shown(screen: io.StringIO) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())


def last_line(screen: io.StringIO) -> str:
    return shown(screen).replace("\r", "").rstrip("\n").split("\n")[-1]


@pytest.mark.parametrize(
    ("keys", "chosen", "words"),
    [
        (SPACE + DOWN + SPACE + ENTER, ["a", "p"], "2 chosen"),
        (ENTER, [], "nothing chosen"),
    ],
)
def test_questionary_done_text(
    pipe_input: PipeInput, screen: io.StringIO, keys: str, chosen: list[str], words: str
) -> None:
    pipe_input.send_text(keys)
    assert end_questions.checkbox("Which fruit?", FRUIT) == chosen
    assert last_line(screen).endswith(f"Which fruit? {words}")
    assert "done" not in last_line(screen)


def test_questionary_done_text_in_welsh(pipe_input: PipeInput, screen: io.StringIO) -> None:
    with i18n.override("cy"):
        words = _("nothing chosen")
        pipe_input.send_text(ENTER)
        assert end_questions.checkbox("Pa ffrwyth?", FRUIT) == []
    assert words != "nothing chosen"
    assert last_line(screen).endswith(f"Pa ffrwyth? {words}")


def test_questionary_inquirer_control_neutral_line_waits(pipe_input: PipeInput) -> None:
    """Enter on the neutral first line records nothing: the list waits for an answer.

    (Without the control, that first Enter would return "no answer" at once.)
    """
    choices = [("Yes", "yes", "y"), ("No", "no", "n")]
    pipe_input.send_text(ENTER + "n" + ENTER)
    answer = prompts.select(
        "Is it raining?", choices, default=None, back=False, instruction="", neutral="press y or n"
    )
    assert answer == "no"


def test_questionary_text_passes_erase_when_done_to_prompt_toolkit() -> None:
    """interactive/prompts.py erases a text question once answered and shows it again with
    the answer wrapped between words; questionary must still hand the option on."""
    import questionary

    question = questionary.text("Your name", erase_when_done=True)
    assert question.application.erase_when_done
