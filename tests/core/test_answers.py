"""core.answers: answers written for an older or newer content version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FIXTURES
from helpers.refusals import assert_refused, line_of, replaced

FULL = FIXTURES / "full.yaml"


FULL_TEXT = FULL.read_text(encoding="utf-8")


@pytest.fixture
def content_v2(data_copy: Path) -> Path:
    """Content version 4, in which ``openness-1`` was renamed ``openness-1b``."""
    meta = data_copy / "meta.yaml"
    meta.write_text(replaced("content_version: 3\n", "content_version: 4\n", meta.read_text()))
    practices = data_copy / "practices.yaml"
    practices.write_text(
        replaced("- id: openness-1\n", "- id: openness-1b\n", practices.read_text())
    )
    return data_copy


# Older content versions ------------------------------------------------------------------


def test_old_answers_are_scored_with_a_warning(invoke, content_v2) -> None:
    result = invoke("--data-dir", str(content_v2), "assess", "--answers", str(FULL), "--json")
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "warning:" in err
    left_out = next(line for line in err.splitlines() if "left out" in line)
    assert "openness-1" in left_out
    not_answered = next(line for line in err.splitlines() if "does not answer" in line)
    assert "openness-1b" in not_answered
    data = json.loads(result.stdout)
    openness = next(p for p in data["practices"] if p["id"] == "openness")
    # full.yaml's openness ratings without openness-1's 4: 3 2 1 0 3 (2 don't know) 4 4 4
    assert openness["score"] == 66  # round(100 * 21 / 8 / 4)
    assert data["overall"] is not None

    report = invoke("--data-dir", str(content_v2), "report", str(FULL))
    assert report.exit_code == 0
    assert "openness-1b" in report.stderr and str(FULL) in report.stderr

    terminal = invoke("--data-dir", str(content_v2), "assess", "--answers", str(FULL))
    assert terminal.exit_code == 0
    assert "openness-1b" in terminal.output
    assert "Practice profile" in terminal.stdout


def test_old_answers_warning_goes_to_stderr(invoke, content_v2) -> None:
    result = invoke("--data-dir", str(content_v2), "assess", "--answers", str(FULL))
    assert result.exit_code == 0
    assert "openness-1b" in result.stderr


def test_check_tells_when_an_old_criterion_was_left_out(invoke, data_copy) -> None:
    meta = data_copy / "meta.yaml"
    meta.write_text(replaced("content_version: 3\n", "content_version: 4\n", meta.read_text()))
    criteria = data_copy / "criteria.yaml"
    criteria.write_text(
        replaced("- id: problem-undefined\n", "- id: problem-undefined-2\n", criteria.read_text())
    )
    result = invoke("--data-dir", str(data_copy), "check", "--answers", str(FULL))
    assert result.exit_code == 0
    assert "problem-undefined" in result.output


def test_unknown_id_for_the_current_content_version_is_an_error(
    invoke, content_v2, tmp_path
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(replaced("content_version: 3\n", "content_version: 4\n"))
    result = invoke("--data-dir", str(content_v2), "assess", "--answers", str(path))
    assert_refused(
        result,
        path,
        line=line_of(FULL_TEXT, "openness-1:"),
        field="ratings.openness-1",
        says=("did you mean 'openness-1b'?",),
    )


def test_answers_newer_than_the_content_are_refused(invoke, content_v2, tmp_path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(replaced("content_version: 3\n", "content_version: 5\n"))
    result = invoke("--data-dir", str(content_v2), "assess", "--answers", str(path))
    assert_refused(
        result,
        path,
        line=line_of(FULL_TEXT, "content_version"),
        field="content_version",
        says=("content version 5", "version 4"),
    )
    # and against the built-in content (version 3) a version-4 file is newer too
    path.write_text(replaced("content_version: 3\n", "content_version: 4\n"))
    assert_refused(invoke("report", str(path)), path, says=("newer",))
