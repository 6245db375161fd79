"""core/answers_read.py: an answers file's shape, every problem at once, in the user's words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from helpers.refusals import FULL_TEXT, line_of, replaced

from coprod.core.models import Content
from coprod.errors import CoprodError
from coprod.storage.answers_file import dumps, parse_answers_text

# One hand-edited file with a wrong kind of value in each part of an answers file.
EVERY_KIND = """\
version: 1
project:
  name: Riverside
  stage: [design]
content_version: three
mode: slow
complete: perhaps
respondent:
  name: Sam
  brings: [analysis, 7]
  age: 40
criteria: [problem-undefined]
ratings:
  openness-1: 3
reasons:
  openness-1: [because]
notes:
  openness: {a: b}
reflections: just a sentence
matters_most: {openness-1: yes}
actions:
  - id: -share
    text: Share the budget
  - id: ok
    text: ''
    status: sideways
"""

EXPECTED = {
    4: ("project.stage", "must be a piece of text (got ['design'])"),
    5: ("content_version", "must be a whole number (got 'three')"),
    6: ("mode", "must be full or quick (got 'slow')"),
    7: ("complete", "must be yes or no (got 'perhaps')"),
    10: ("respondent.brings[1]", "must be a piece of text (got 7)"),
    11: ("respondent.age", "unknown field"),
    12: ("criteria", "must be key: value pairs (got ['problem-undefined'])"),
    16: ("reasons.openness-1", "must be a piece of text (got ['because'])"),
    18: ("notes.openness", "must be a piece of text (got {'a': 'b'})"),
    19: ("reflections", "must be key: value pairs (got 'just a sentence')"),
    20: ("matters_most", "must be a list (got {'openness-1': True})"),
    22: ("actions[0].id", "must start with a letter or a digit"),
    25: ("actions[1].text", "must not be empty"),
    26: ("actions[1].status", "must be one of not-started, in-progress, done, dropped"),
}


def problems(text: str, content: Content) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(CoprodError) as caught:
        parse_answers_text(text, content, "answers.yaml")
    return [(p.line, p.field, p.message) for p in caught.value.problems]


def test_every_wrong_value_is_named_with_its_line_and_field_in_one_run(content: Content) -> None:
    found = problems(EVERY_KIND, content)
    assert [line for line, _field, _message in found] == sorted(EXPECTED)  # the file's order
    for line, field, message in found:
        assert line is not None
        want_field, want_words = EXPECTED[line]
        assert field == want_field
        assert message.startswith(want_words), (field, message)


def test_the_welsh_run_says_each_problem_in_welsh(invoke: Any, tmp_path: Path) -> None:
    path = tmp_path / "atebion.yaml"
    path.write_text(EVERY_KIND, encoding="utf-8")
    result = invoke("--lang", "cy", "assess", "--answers", str(path))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    said = dict(
        (int(m[1]), m[2])
        for m in re.finditer(rf"{re.escape(str(path))}:(\d+): (.*)", result.stderr)
    )
    assert said[5] == "content_version: rhaid iddo fod yn rhif cyfan (cafwyd 'three')"
    assert said[6] == "mode: rhaid iddo fod yn full neu quick (cafwyd 'slow')"
    assert said[7] == "complete: rhaid iddo fod yn yes neu no (cafwyd 'perhaps')"
    assert said[10] == "respondent.brings[1]: rhaid iddo fod yn ddarn o destun (cafwyd 7)"
    assert said[12].startswith("criteria: rhaid iddo fod yn barau allwedd: gwerth")
    assert said[20].startswith("matters_most: rhaid iddo fod yn rhestr")
    assert said[25] == "actions[1].text: rhaid iddo beidio â bod yn wag"
    assert "must be" not in result.stderr  # no English left in a Welsh run


def test_a_missing_name_and_a_missing_version_are_both_said(content: Content) -> None:
    found = problems("project:\n  stage: design\nratings:\n  openness-1: 3\n", content)
    assert ("version", "required field is missing") in [(f, m) for _, f, m in found]
    assert (1, "project.name", "required field is missing") in found


def test_a_bad_value_is_set_aside_and_the_rest_still_checked(content: Content) -> None:
    text = replaced("  openness-1: 4", "  openness-1: 9\n  opennes-2: 1")
    found = problems(text, content)
    fields = [field for _line, field, _message in found]
    assert fields == ["ratings.openness-1", "ratings.opennes-2"]  # the typo found too
    assert "did you mean 'openness-2'?" in found[1][2]


def test_an_action_with_a_bad_status_still_has_its_practice_checked(content: Content) -> None:
    assert "\nactions:" not in FULL_TEXT
    text = FULL_TEXT + (
        "actions:\n  - id: a1\n    text: Do it\n    practice: opennes\n    status: sideways\n"
    )
    found = problems(text, content)
    assert [field for _line, field, _message in found] == [
        "actions[0].practice",
        "actions[0].status",
    ]


def test_forgiving_values_are_read_as_their_meaning(content: Content) -> None:
    assert "\ncomplete:" not in FULL_TEXT
    text = FULL_TEXT + "complete: 'yes'\n"
    text = text.replace("  openness-2: 3", "  openness-2: 'Don’t know'", 1)
    answers = parse_answers_text(text, content).answers
    assert answers.complete is True
    assert answers.ratings["openness-2"] == "dont_know"


def test_a_file_read_and_written_again_is_the_same_text(content: Content) -> None:
    written = dumps(parse_answers_text(FULL_TEXT, content).answers)
    assert dumps(parse_answers_text(written, content).answers) == written
    assert line_of(written, "version: 1") < line_of(written, "project:")
