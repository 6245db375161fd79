"""`coprod assess`: a reason for a rating on the `w` key, never an extra prompt for everyone."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow  # driven through prompt_toolkit's pipe input

ENTER = "\r"


def start_keys(content) -> str:  # type: ignore[no-untyped-def]
    # project name, stage 2, no name, role 3, every criterion "no", no reflection
    keys = f"Riverside{ENTER}2{ENTER}{ENTER}3{ENTER}"
    keys += "".join("n" + ENTER for _ in content.all_criteria())
    return keys + ENTER + ENTER


def rest_keys(content, skip: int) -> str:  # type: ignore[no-untyped-def]
    """Every statement rated 3 after the first ``skip``, no notes, nothing at the end."""
    keys, done = "", 0
    for practice in content.practices:
        for _statement in practice.statements:
            if done >= skip:
                keys += "3" + ENTER
            done += 1
        keys += ENTER  # no note
    return keys + ENTER * 3  # what matters most, brings, actions


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_w_on_a_rating_asks_why_then_the_rating_again(invoke, pipe_input, content, workdir):
    first = content.practices[0].statements[0].id
    keys = start_keys(content) + "w" + "We were asked late." + ENTER + "1" + ENTER
    pipe_input.send_text(keys + rest_keys(content, skip=1))
    result = invoke("assess", "--save", "a.yaml")
    assert result.exit_code == 0, result.output
    saved = yaml.safe_load((workdir / "a.yaml").read_text())
    assert saved["ratings"][first] == 1
    assert saved["reasons"] == {first: "We were asked late."}


def test_without_w_nobody_is_asked_why(invoke, pipe_input, content, workdir):
    # the same keys as before there were reasons: no extra question to answer
    pipe_input.send_text(start_keys(content) + rest_keys(content, skip=0))
    result = invoke("assess", "--save", "a.yaml")
    assert result.exit_code == 0, result.output
    saved = yaml.safe_load((workdir / "a.yaml").read_text())
    assert "reasons" not in saved and saved["complete"] is True


def test_a_reason_over_280_characters_is_asked_again(invoke, pipe_input, content, workdir):
    first = content.practices[0].statements[0].id
    keys = start_keys(content) + "w" + "x" * 281 + ENTER + "Short." + ENTER + "2" + ENTER
    pipe_input.send_text(keys + rest_keys(content, skip=1))
    result = invoke("assess", "--save", "a.yaml")
    assert result.exit_code == 0, result.output
    assert "please keep it to 280" in " ".join(result.stdout.split())
    assert yaml.safe_load((workdir / "a.yaml").read_text())["reasons"] == {first: "Short."}
