"""The content read (from the files or the cache) and a scored assessment stay as they were
made: nothing in coprod can change them by accident, and copies compare equal."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle
from pathlib import Path

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


def test_a_copy_of_answers_kept_for_the_live_view_changes_with_nothing(
    content: Content, full_answers: Path
) -> None:
    """The workshop keeps a copy of each participant's answers as written (its live
    view); answering on must not reach into that copy, nor the copy into the answers."""
    from coprod.core.answers import Action
    from coprod.core.own import OwnStatement
    from coprod.storage.answers_file import load_answers

    answers = load_answers(full_answers, content).answers
    answers.own_statements.append(OwnStatement(id="own-x", text="We listen"))
    answers.actions.append(Action(id="a1", text="Meet again", due=dt.date(2027, 1, 31)))
    kept = answers.copy()
    assert kept == answers and kept == copy.deepcopy(answers)
    before = copy.deepcopy(answers)
    first = next(iter(kept.ratings))
    kept.ratings[first] = "na" if answers.ratings[first] != "na" else 0
    kept.notes["extra"] = "a note"
    kept.matters_most.append("own-x")
    assert kept.respondent is not None
    kept.respondent.brings.append("time")
    kept.actions[0].text = "Changed"
    kept.reflections.why = "Changed"
    kept.own_statements[0].text = "Changed"
    kept.project.name = "Changed"
    assert answers == before  # the answers are untouched by what the copy went through
    answers.criteria.clear()
    assert kept.criteria  # and the copy by what the answers go through
