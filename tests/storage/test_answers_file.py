"""storage.answers_file: one reader, one writer with one header, whoever writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import FIXTURES

from coprod.core.answers import Answers
from coprod.core.models import Content
from coprod.errors import CoprodError
from coprod.storage.answers_file import HEADER, dumps, load_answers, parse_answers_text


def test_a_new_draft_is_empty_incomplete_and_dated_today(content: Content) -> None:
    draft = Answers.new("quick", content.version)
    assert (draft.mode, draft.complete, draft.date) == ("quick", False, dt.date.today())
    assert draft.project.name == "" and not draft.ratings
    named = Answers.new("full", content.version, "Riverside", "design")
    assert (named.project.name, named.project.stage) == ("Riverside", "design")


def test_what_is_written_reads_back_the_same(content: Content) -> None:
    loaded = load_answers(FIXTURES / "full.yaml", content)
    text = dumps(loaded.answers)
    assert text.startswith(HEADER)
    again = parse_answers_text(text, content)
    assert again.answers == loaded.answers
    assert again.notices == []


def test_a_draft_written_and_read_back_is_a_draft(content: Content) -> None:
    draft = Answers.new("full", content.version, "Riverside")
    draft.ratings["openness-1"] = 3
    text = dumps(draft)
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0] not in "# "]
    assert keys[:3] == ["version", "project", "content_version"]  # the documented order
    loaded = parse_answers_text(text, content)
    assert [n.kind for n in loaded.notices] == ["draft"]
    assert loaded.answers.ratings == {"openness-1": 3}


def test_a_content_file_is_not_an_answers_file(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "meta.yaml"
    path.write_text("title: x\npublications: []\n", encoding="utf-8")
    with pytest.raises(CoprodError) as caught:
        load_answers(path, content)
    assert "not a coprod answers file" in str(caught.value)
    assert caught.value.hint and "coprod assess" in caught.value.hint
