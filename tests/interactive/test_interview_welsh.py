"""The interview in Welsh (``--lang cy``): every string a person sees while answering.

The questions are drawn by prompt_toolkit on a real VT100 output (played into a
terminal emulator, pyte, to read the screen as a person does), inside CliRunner;
what rich prints (banners, the report) is the command's stdout.
"""

from __future__ import annotations

import io
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyte
import pytest
import yaml
from helpers import FIXTURES
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from coprod import i18n

# Driven through prompt_toolkit's pipe input, 1-2 s a test: left out of the fast loop
# (docs/development.md).
pytestmark = pytest.mark.slow

ENTER = "\r"
CTRL_C = "\x03"
COLUMNS, ROWS = 100, 2000
END_QUESTIONS = 3  # what matters most, what you bring, the actions: asked (and counted) at the end


@dataclass
class Terminal:
    """Keys in, and everything prompt_toolkit drew."""

    pipe: PipeInput
    drawn: io.StringIO

    def screen(self) -> str:
        """What is on the screen at the end, one line of words."""
        screen = pyte.Screen(COLUMNS, ROWS)
        pyte.Stream(screen).feed(self.drawn.getvalue())
        return " ".join(" ".join(line.rstrip() for line in screen.display).split())

    def feed(self, steps: list[tuple[str, str]]) -> None:
        """Send each step's keys once its text has been drawn (so a list is seen open)."""

        def run() -> None:
            for wait, keys in steps:
                deadline = time.monotonic() + 10
                while wait not in self.everything() and time.monotonic() < deadline:
                    time.sleep(0.02)
                self.pipe.send_text(keys)

        threading.Thread(target=run, daemon=True).start()

    def everything(self) -> str:
        """All text ever drawn, erased or not (a list disappears once it is answered)."""
        return re.sub(
            r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-B]|[\x00-\x1f]", "", self.drawn.getvalue()
        )


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Terminal]:
    monkeypatch.setenv("PROMPT_TOOLKIT_NO_CPR", "1")
    drawn = io.StringIO()
    output = Vt100_Output(drawn, lambda: Size(rows=ROWS, columns=COLUMNS), term="xterm")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
        yield Terminal(pipe, drawn)


def flat(text: str) -> str:
    """Output as one line of words: panel borders and line breaks removed."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def folder(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / name
    path.mkdir()
    monkeypatch.chdir(path)
    return path


def quick_keys(content) -> str:
    keys = f"Prosiect Glan yr Afon{ENTER}2{ENTER}{ENTER}3{ENTER}"  # name, stage, no name, role
    keys += "".join(("y" if i == 0 else "n") + ENTER for i, _c in enumerate(content.all_criteria()))
    keys += ENTER + ENTER  # no reflections
    keys += "".join(f"{n % 5}{ENTER}{ENTER}" for n in range(len(content.practices)))
    return keys + ENTER * 3  # nothing matters most, brings nothing, no actions


def asked_count(content, mode: str) -> int:
    ratings = len(content.practices)
    if mode == "full":
        ratings = sum(len(p.statements) for p in content.practices)
    notes = len(content.practices)
    return 4 + len(content.all_criteria()) + 2 + ratings + notes + END_QUESTIONS


def test_a_welsh_quick_assessment_is_welsh_throughout(
    invoke, content, terminal, tmp_path, monkeypatch
):
    here = folder(tmp_path, "cy", monkeypatch)
    keys = quick_keys(content)
    name, stage = len(f"Prosiect Glan yr Afon{ENTER}"), len(f"2{ENTER}{ENTER}3{ENTER}")
    criteria = len(("n" + ENTER) * len(content.all_criteria()))
    terminal.feed(  # each list is seen open before it is answered
        [
            ("Beth yw enw’r prosiect?", keys[:name]),
            ("cwestiwn blaenorol", keys[name : name + stage]),
            ("pwyswch y, n neu u", keys[name + stage : name + stage + criteria]),
            ("Pam mae angen", keys[name + stage + criteria : -2]),
            ("Space i ddewis", keys[-2:]),
        ]
    )
    result = invoke("--lang", "cy", "assess", "--quick")
    assert result.exit_code == 0, result.output
    total = asked_count(content, "quick")

    shown = flat(result.stdout)
    # the banner, the end questions' headings, the save lines, then the report: Welsh
    for welsh in (
        "hunanasesiad coprod",
        "nid gradd",
        f"{total} cwestiwn:",
        "Dewisol: nodyn ar bob arfer a 3 chwestiwn ar y diwedd",
        "Mae Ctrl-C yn ddiogel",
        "Pryd i gydgynhyrchu?",
        "Beth sydd bwysicaf?",
        "Pwy sydd yn yr ystafell?",
        "Beth nesaf?",
        "Atebion wedi’u cadw yn",
        "Rhannwch ef fel tudalen we:",
        "Proffil yr arferion",
    ):
        assert welsh in shown, welsh
    for english in (
        "self-assessment",
        "not a grade",
        "questions:",
        "Ctrl-C is safe",
        "Who is in the room",
        "What next?",
        "Answers saved to",
        "Share it as a web page",
        "Practice profile",
    ):
        assert english not in shown, english

    # the questions themselves: progress, hints, choice labels from code, questionary's "done"
    screen = terminal.screen()
    assert f"Cwestiwn 1 o {total} · tua " in screen
    assert f"Cwestiwn {total} o {total} · " in screen
    assert "Beth yw enw’r prosiect?" in screen
    assert "Dylunio: llunio’r polisi neu’r gwasanaeth" in screen  # the stage chosen
    assert "(Enter i hepgor, '<' i fynd yn ôl)" in screen
    assert "Pa rai o’r rhain rydych chi’n eu cyfrannu?" in screen
    assert "Pa gamau gweithredu? (hyd at 3) dim wedi’i ddewis" in screen
    drawn = terminal.everything()
    assert "Yn ôl i’r cwestiwn blaenorol" in drawn  # the Back choice, while a list is open
    assert "dim ateb eto: pwyswch y, n neu u" in drawn  # the neutral first line
    assert "(Space i ddewis, Enter ar ôl gorffen; Enter yn unig i hepgor)" in drawn
    for english in ("Question ", "Enter to skip", "Back to the previous", "no answer yet", "done"):
        assert english not in drawn, english

    # the file holds ids only: answered in English with the same keys, it is the same file
    welsh_file = next(here.glob("coprod-*.yaml"))
    i18n.activate("en")
    there = folder(tmp_path, "en", monkeypatch)
    terminal.pipe.send_text(quick_keys(content))
    english = invoke("assess", "--quick")
    assert english.exit_code == 0, english.output
    assert "Answers saved to" in english.stdout and "Atebion" not in english.stdout
    english_file = there / welsh_file.name
    assert english_file.read_text() == welsh_file.read_text()
    saved = yaml.safe_load(welsh_file.read_text())
    assert saved["project"]["stage"] == "design" and saved["respondent"] == {"role": "officer"}
    assert list(saved["ratings"]) == [p.id for p in content.practices]


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("mode", ["quick", "full"])
def test_the_count_shown_is_the_number_of_questions_asked(
    invoke, content, terminal, tmp_path, monkeypatch, lang, mode
):
    folder(tmp_path, "here", monkeypatch)
    keys = f"Count{ENTER}1{ENTER}{ENTER}1{ENTER}"
    keys += ("n" + ENTER) * len(content.all_criteria()) + ENTER + ENTER
    for practice in content.practices:
        keys += ("2" + ENTER) * (1 if mode == "quick" else len(practice.statements)) + ENTER
    terminal.pipe.send_text(keys + ENTER * 3)  # the end: matters most, brings, actions
    args = ["--lang", lang, "assess", *(["--quick"] if mode == "quick" else [])]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    word = "cwestiwn" if lang == "cy" else "questions"
    banner = re.search(rf"(\d+) {word}:", flat(result.stdout))
    assert banner is not None
    total = int(banner[1])
    assert total == asked_count(content, mode)
    label = "Cwestiwn" if lang == "cy" else "Question"
    of = "o" if lang == "cy" else "of"
    numbers = [
        (int(n), int(t)) for n, t in re.findall(rf"{label} (\d+) {of} (\d+) · ", terminal.screen())
    ]
    assert numbers == [(n, total) for n in range(1, total + 1)]  # each question once, in order


def test_ctrl_c_and_resume_in_welsh(invoke, content, terminal, tmp_path, monkeypatch):
    here = folder(tmp_path, "here", monkeypatch)
    terminal.pipe.send_text(f"Enw{ENTER}2{ENTER}{ENTER}3{ENTER}y{ENTER}{CTRL_C}")
    stopped = invoke("--lang", "cy", "assess")
    assert stopped.exit_code == 130
    said = " ".join(stopped.stderr.split())
    assert "Wedi stopio. Mae eich atebion hyd yma wedi’u cadw yn:" in said
    assert "Parhewch o’r man lle gwnaethoch adael gyda:" in said
    assert "Stopped" not in said and "Carry on" not in said
    draft = next(here.glob("coprod-*.yaml"))
    assert yaml.safe_load(draft.read_text())["project"] == {"name": "Enw", "stage": "design"}
    # the command to carry on keeps the language, so typing it as printed stays in Welsh
    assert f"coprod --lang cy assess --resume {draft.name}" in said

    terminal.pipe.send_text(CTRL_C)
    resumed = invoke("--lang", "cy", "assess", "--resume", str(draft))
    shown = flat(resumed.stdout)
    total = asked_count(content, "full")
    assert "Parhau â’ch hunanasesiad" in shown
    assert f"Fe gyrhaeddoch gwestiwn 6 o {total};" in shown
    assert "Resuming" not in shown and "as far as" not in shown


def test_ctrl_c_before_anything_is_saved_in_welsh(invoke, terminal, tmp_path, monkeypatch):
    folder(tmp_path, "here", monkeypatch)
    terminal.pipe.send_text(CTRL_C)
    result = invoke("--lang", "cy", "assess", "--quick")
    assert result.exit_code == 130
    said = " ".join(result.stderr.split())
    assert "Wedi stopio; ni chadwyd dim." in said and "Dechreuwch eto gyda:" in said
    assert "coprod --lang cy assess --quick" in said  # typed as printed, it stays in Welsh
    assert "nothing was saved" not in said


def test_check_in_welsh(invoke, content, terminal, tmp_path, monkeypatch):
    here = folder(tmp_path, "here", monkeypatch)
    keys = f"Gwirio{ENTER}1{ENTER}{ENTER}0{ENTER}"  # role 0: prefer not to say
    keys += ("n" + ENTER) * len(content.all_criteria()) + ENTER + ENTER
    terminal.pipe.send_text(keys)
    result = invoke("--lang", "cy", "check")
    assert result.exit_code == 0, result.output
    shown = flat(result.stdout)
    total = 4 + len(content.all_criteria()) + 2
    assert "coprod check: pryd i gydgynhyrchu" in shown
    assert f"{total} cwestiwn:" in shown and "Dim sgoriau" in shown
    assert "Mae eich atebion wedi’u cadw yn" in shown
    assert "Ewch ymlaen at y saith arfer gyda:" in shown
    assert "Cofiwch" in shown
    assert "Your answers are saved" not in shown and "Go on to the seven" not in shown
    assert f"Cwestiwn {total} o {total}" in terminal.screen()
    assert "Gwell gennyf beidio â dweud" in terminal.screen()  # a choice label from code
    assert next(here.glob("coprod-*.yaml")).is_file()


def test_no_terminal_is_refused_in_welsh(invoke, monkeypatch):
    monkeypatch.setattr("coprod.interactive.interview.stdin_is_terminal", lambda: False)
    for command in ("assess", "check"):
        result = invoke("--lang", "cy", command)
        assert result.exit_code == 2
        said = " ".join(result.stderr.split())
        assert f"Mae coprod {command} yn gofyn cwestiynau" in said
        assert f"coprod {command} --answers FILE" in said
        assert "not a terminal" not in said


def test_a_taken_file_name_is_said_in_welsh(invoke, content, terminal, tmp_path, monkeypatch):
    here = folder(tmp_path, "here", monkeypatch)
    from datetime import date

    taken = here / f"coprod-enw-{date.today().isoformat()}.yaml"
    taken.write_text("keep me")
    terminal.pipe.send_text(f"Enw{ENTER}3{ENTER}")  # 3: stop, to carry on with that file
    result = invoke("--lang", "cy", "assess")
    assert result.exit_code == 0
    assert "Mae ffeil ar gyfer y prosiect a’r diwrnod hwn yn bodoli eisoes" in result.stdout
    assert "Ble dylai eich atebion fynd?" in terminal.screen()
    assert "Parhewch gyda’r ffeil sy’n bodoli:" in " ".join(result.stderr.split())
    assert taken.read_text() == "keep me"


def test_last_times_actions_are_reviewed_in_welsh(invoke, content, terminal, tmp_path, monkeypatch):
    here = folder(tmp_path, "here", monkeypatch)
    old = yaml.safe_load((FIXTURES / "full.yaml").read_text())
    old["actions"] = [
        {"id": "act-aaa111", "text": "Anfon nodyn", "owner": "Sam", "status": "open"},
        {"id": "act-bbb222", "text": "Trefnu adolygiad", "status": "in-progress"},
    ]
    previous = here / "old.yaml"
    previous.write_text(yaml.safe_dump(old, sort_keys=False))
    review = f"d{ENTER}Wedi’i anfon{ENTER}x{ENTER}{ENTER}"  # done with a note; dropped
    terminal.feed([("pwyswch d, i, n neu x", review), ("Beth yw enw’r prosiect?", CTRL_C)])
    args = ["--lang", "cy", "assess", "--quick", "--previous", str(previous)]
    result = invoke(*args, "--save", str(here / "new.yaml"))
    assert result.exit_code == 130
    shown = flat(result.stdout)
    assert "Cyn hynny, 2 gam gweithredu agored o’r tro diwethaf i’w hadolygu." in shown
    assert "Camau gweithredu’r tro diwethaf" in shown and "2 yn dal ar agor" in shown
    assert "Last time's actions" not in shown and "still open" not in shown
    screen = terminal.screen()
    assert "[Cam gweithredu 1 o 2] Anfon nodyn (roedd heb ddechrau, perchennog: Sam)" in screen
    assert "[Cam gweithredu 2 o 2] Trefnu adolygiad (roedd ar y gweill)" in screen
    assert "Nodyn amdano?" in screen and "Wedi’i ollwng" in screen
    drawn = terminal.everything()
    assert "Heb ddechrau" in drawn and "Ar y gweill" in drawn  # the status choices
    assert "was not started" not in drawn and "owner:" not in drawn
    # the statuses are saved as ids, whatever the language
    actions = yaml.safe_load((here / "new.yaml").read_text())["actions"]
    assert [(a["id"], a["status"], a.get("note")) for a in actions] == [
        ("act-aaa111", "done", "Wedi’i anfon"),
        ("act-bbb222", "dropped", None),
    ]
