"""`coprod assess --statements FILE`: the group's own statements, asked after the practices."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from interactive.test_why_key import ENTER, rest_keys, start_keys

pytestmark = pytest.mark.slow  # driven through prompt_toolkit's pipe input

STATEMENTS = """version: 1
statements:
  - id: own-listened
    text: Residents are listened to.
    practice: voice-values
  - id: own-fun
    text: Meetings are fun.
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ours.yaml").write_text(STATEMENTS, encoding="utf-8")
    return tmp_path


def test_own_statements_are_rated_after_the_practices_with_why_on_w(
    invoke, pipe_input, content, workdir
):
    keys = rest_keys(content, skip=0)
    end = 3  # the end questions, each skipped with Enter: what matters most, brings, actions
    before_end = keys[: -end * len(ENTER)]  # the practices; then ours, then the end
    own = "w" + "Not yet." + ENTER + "1" + ENTER + "d" + ENTER
    pipe_input.send_text(start_keys(content) + before_end + own + ENTER * end)
    result = invoke("assess", "--save", "a.yaml", "--statements", "ours.yaml")
    assert result.exit_code == 0, result.output
    outline = " ".join(result.output.replace("│", " ").split())
    assert "2 of the group's own statements" in outline  # said up front
    saved = yaml.safe_load((workdir / "a.yaml").read_text())
    assert saved["own_statements"] == [
        {"id": "own-listened", "text": "Residents are listened to.", "practice": "voice-values"},
        {"id": "own-fun", "text": "Meetings are fun."},
    ]
    assert saved["ratings"]["own-listened"] == 1 and saved["ratings"]["own-fun"] == "dont_know"
    assert saved["reasons"] == {"own-listened": "Not yet."}
    # the full report: in their own section
    report = " ".join(invoke("report", "a.yaml").stdout.split())
    assert "Our own statements" in report
    assert "Residents are listened to. (" in report and "— 1 A little" in report
