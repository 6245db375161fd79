"""Is it an answers file? Content files and other YAML are named for what they are; a broken answers file is still one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coprod.core.content_checks import FILES
from coprod.storage.content import bundled_data_dir

CONTENT_FILES = sorted(FILES)


READERS = {
    "report": ["report"],
    "assess": ["assess", "--answers"],
    "check": ["check", "--answers"],
}


# not an answers file ---------------------------------------------------------------------


@pytest.mark.parametrize("reader", list(READERS))
@pytest.mark.parametrize("name", CONTENT_FILES)
def test_a_content_file_is_not_an_answers_file(invoke, reader, name) -> None:
    path = bundled_data_dir() / name
    result = invoke(*READERS[reader], str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    err = result.stderr
    assert f"{path}:" in err
    assert "not a coprod answers file" in err
    for key in ("version", "project", "ratings"):
        assert re.search(rf"^\s+{key}:", err, re.MULTILINE), key  # what one looks like
    assert "coprod assess" in err
    assert "unknown field" not in err


def test_any_other_yaml_mapping_is_not_an_answers_file(invoke, tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("title: My notes\nitems: [a, b]\n", encoding="utf-8")
    result = invoke("report", str(path))
    assert result.exit_code == 2
    assert f"{path}:1:" in result.stderr
    assert "not a coprod answers file" in result.stderr
    assert "title" in result.stderr  # what the file has instead


def test_an_answers_file_with_a_typo_is_still_an_answers_file(
    invoke, tmp_path: Path, full_answers: Path
) -> None:
    path = tmp_path / "answers.yaml"
    text = full_answers.read_text(encoding="utf-8")
    path.write_text(text + "titel: oops\n", encoding="utf-8")
    result = invoke("report", str(path))
    assert result.exit_code == 2
    line = len(text.splitlines()) + 1
    assert f"{path}:{line}: titel:" in result.stderr
    assert "not a coprod answers file" not in result.stderr


# hints work as printed -------------------------------------------------------------------


def test_a_broken_answers_file_is_still_called_an_answers_file(invoke, tmp_path: Path) -> None:
    """Answers keys without a project: the missing field is named, with its line."""
    path = tmp_path / "answers.yaml"
    path.write_text("version: 1\nrespondent: {name: Sam}\n", encoding="utf-8")
    result = invoke("report", str(path))
    assert result.exit_code == 2
    assert f"{path}:" in result.stderr and "project:" in result.stderr
    assert "not a coprod answers file" not in result.stderr


def test_the_keys_it_names_carry_no_terminal_escapes(invoke, tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text('"\\e[31mred\\e]0;title\\a": 1\n', encoding="utf-8")
    result = invoke("report", str(path))
    assert result.exit_code == 2
    assert "not a coprod answers file" in result.stderr
    assert "red" in result.stderr
    assert "\x1b" not in result.stderr and "\a" not in result.stderr
