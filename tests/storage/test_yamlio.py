"""storage.yamlio: safe YAML with lines, and the set of files this run has read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coprod.errors import CoprodError
from coprod.storage import yamlio


def test_lines_are_kept_for_every_value() -> None:
    doc = yamlio.parse_yaml("a: 1\nitems:\n  - x: 1\n  - x: 2\n", "f.yaml")
    assert doc.line_of(("items", 1, "x")) == 4
    assert doc.line_of(("items", 9)) == 2  # the nearest parent that exists


def test_a_key_given_twice_is_an_error_with_both_lines() -> None:
    with pytest.raises(CoprodError) as caught:
        yamlio.parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 3 and "first given on line 1" in problem.message


def test_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(CoprodError, match="not valid YAML"):
        yamlio.parse_yaml(text, "f.yaml")
    assert not marker.exists()


def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(CoprodError, match="named pipe"):
        yamlio.load_yaml_file(fifo, what="an answers file")


def test_files_read_are_remembered_until_the_run_ends(tmp_path: Path) -> None:
    from coprod import runtime

    path = tmp_path / "a.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert not yamlio.was_read(path.stat())
    yamlio.load_yaml_file(path, what="a file")
    assert yamlio.was_read(path.stat())
    runtime.reset()
    assert not yamlio.was_read(path.stat())
