"""The content read (from the files or the cache) and a scored assessment stay as they were
made: nothing in coprod can change them by accident, and copies compare equal."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from coprod.core.assessment import assess
from coprod.core.models import Content


def test_content_cannot_be_changed_once_read(content: Content) -> None:
    practice = content.practices[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        practice.name = "Something else"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        practice.invented = 1  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del practice.name  # type: ignore[misc]
    assert practice.name == content.practices[0].name


def test_content_copies_and_replacements_behave_as_dataclasses(content: Content) -> None:
    statement = content.practices[0].statements[0]
    assert copy.deepcopy(statement) == statement
    assert pickle.loads(pickle.dumps(statement)) == statement
    changed = dataclasses.replace(statement, text="New words")
    assert changed.text == "New words" and statement.text != "New words"
    assert changed != statement


def test_a_scored_assessment_cannot_be_altered(content: Content) -> None:
    from coprod.core.answers import Answers

    answers = Answers.new("full", content.version, "Riverside")
    statement = content.practices[0].statements[0]
    answers.ratings[statement.id] = 3
    result = assess(answers, content).practices[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.note = "changed"  # type: ignore[misc]
    assert result.statements[0].rating == 3
    assert result == assess(answers, content).practices[0]
