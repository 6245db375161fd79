"""A hand-written answers file: every problem reported in one run (issue 22, item 12).

Problems found while reading (a key given twice, a date that does not exist), in the
answers' shape (a rating of 7, an unknown status) and against the content (an unknown id,
an unknown characteristic) used to come in rounds: fix two, run again, meet two more.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

FOUR_AND_MORE = """\
version: 1
project:
  name: Riverside
date: 2026-02-30
criteria:
  problem-undefined: yes
  problem-undefinde: no
ratings:
  openness-1: 3
  openness-2: 7
  opennes-3: 2
  openness-1: 2
respondent:
  brings: [analysis, rootz]
actions:
  - id: a1
    text: Do it
    practice: opennes
    status: sideways
"""


def problem_lines(stderr: str, path: Path) -> list[tuple[int, str]]:
    return [
        (int(m[1]), m[2])
        for m in re.finditer(rf"^  {re.escape(str(path))}:(\d+): (.*)$", stderr, re.M)
    ]


def test_every_kind_of_problem_is_reported_in_one_run(invoke: Any, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(FOUR_AND_MORE, encoding="utf-8")
    result = invoke("report", str(path))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: 8 problems:")
    found = problem_lines(result.stderr, path)
    assert [line for line, _ in found] == [4, 7, 10, 11, 12, 14, 18, 19]  # the file's order
    said = dict(found)
    assert "cannot read '2026-02-30' as a date" in said[4]
    assert said[7].startswith("criteria.problem-undefinde: unknown criterion id")
    assert said[10].startswith("ratings.openness-2: must be a whole number 0-4")
    assert "did you mean 'openness-3'?" in said[11]
    assert "duplicate key 'openness-1' (first given on line 9)" in said[12]
    assert "unknown characteristic 'rootz'; did you mean 'roots'?" in said[14]
    assert said[18].startswith("actions[0].practice: unknown practice id 'opennes'")
    assert said[19].startswith("actions[0].status: must be one of")
    assert "Valid ids are listed by" in result.stderr


def test_fixing_what_was_reported_leaves_nothing_to_find(invoke: Any, tmp_path: Path) -> None:
    fixed = (
        FOUR_AND_MORE.replace("2026-02-30", "2026-02-28")
        .replace("  problem-undefinde: no\n", "")
        .replace("openness-2: 7", "openness-2: 4")
        .replace("opennes-3", "openness-3")
        .replace("  openness-1: 2\n", "")
        .replace("rootz", "roots")
        .replace("practice: opennes", "practice: openness")
        .replace("sideways", "done")
    )
    path = tmp_path / "answers.yaml"
    path.write_text(fixed, encoding="utf-8")
    result = invoke("report", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr


def test_past_twenty_problems_the_rest_are_counted(invoke: Any, tmp_path: Path) -> None:
    ratings = "".join(f"  openness-{n}: 9\n" for n in range(1, 9))
    ratings += "".join(f"  made-up-{n}: 2\n" for n in range(1, 20))
    path = tmp_path / "answers.yaml"
    path.write_text(f"version: 1\nproject: {{name: X}}\nratings:\n{ratings}", encoding="utf-8")
    result = invoke("report", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: 27 problems:")
    shown = problem_lines(result.stderr, path)
    assert len(shown) == 20
    assert [line for line, _ in shown] == list(range(4, 24))
    assert "… and 7 more (fix these and run it again)" in result.stderr


def test_content_files_still_stop_at_their_reading_problems(tmp_path: Path) -> None:
    """Only answers files go on past a duplicate key; a content file's are all raised."""
    import pytest

    from coprod.errors import CoprodError
    from coprod.storage.yamlio import parse_yaml

    with pytest.raises(CoprodError) as caught:
        parse_yaml("a: 1\na: 2\nb: 2026-02-30\n", "content.yaml")
    message = str(caught.value)
    assert "2 problems" in message
    assert "duplicate key 'a'" in message and "'2026-02-30' as a date" in message
