"""core.compare: two assessments of one project, OLD then NEW, without a command."""

from __future__ import annotations

import datetime as dt

import pytest

from coprod.core.compare import arrow, compare
from coprod.core.models import Content
from coprod.errors import CoprodError

SAM = {"name": "Sam", "role": "officer"}


def test_practice_changes_statement_moves_and_notes(make_answers, content: Content) -> None:
    old = make_answers(
        "old.yaml",
        respondent=SAM,
        date="2026-01-10",
        ratings={"openness-1": 1, "openness-2": 2},
        notes={"openness": "hard to start"},
    )
    new = make_answers(
        "new.yaml",
        respondent=SAM,
        date="2026-06-10",
        ratings={"openness-1": 4, "openness-2": 2},
        notes={"openness": "much better"},
    )
    comparison = compare(old, new, content)
    assert comparison.over_time and comparison.same_respondent
    change = comparison.practices[0]
    assert (change.old, change.new, change.delta) == (38, 75, 37)
    assert [m.statement.id for m in comparison.moves] == ["openness-1"]
    assert [(n.old, n.new) for n in comparison.notes] == [("hard to start", "much better")]
    assert comparison.notices == []


def test_different_people_and_the_same_date_are_not_change_over_time(
    make_answers, content: Content
) -> None:
    sam = make_answers("sam.yaml", respondent=SAM)
    jo = make_answers("jo.yaml", respondent={"name": "Jo", "role": "resident"})
    assert [n.kind for n in compare(sam, jo, content).notices] == ["different-people"]
    again = make_answers("again.yaml", respondent=SAM)
    assert [n.kind for n in compare(sam, again, content).notices] == ["same-date"]


def test_files_given_newest_first_are_said_to_be(make_answers, content: Content) -> None:
    newer = make_answers("newer.yaml", date="2026-06-10")
    older = make_answers("older.yaml", date="2026-01-10")
    kinds = [n.kind for n in compare(newer, older, content).notices]
    assert "files-out-of-order" in kinds


def test_two_projects_are_refused(make_answers, content: Content) -> None:
    with pytest.raises(CoprodError, match="same project twice"):
        compare(make_answers(), make_answers(project={"name": "Elsewhere"}), content)


def test_actions_are_followed_by_id(make_answers, content: Content) -> None:
    action = {"id": "act-1", "text": "Open the steering group", "due": "2026-03-01"}
    old = make_answers("old.yaml", date="2026-01-10", actions=[action])
    new = make_answers("new.yaml", date="2026-06-10", actions=[{**action, "status": "done"}])
    (review,) = compare(old, new, content, today=dt.date(2026, 6, 10)).actions
    assert (review.then, review.now, review.overdue) == ("not-started", "done", False)
    not_carried = make_answers("new.yaml", date="2026-06-10")
    (review,) = compare(old, not_carried, content, today=dt.date(2026, 6, 10)).actions
    assert review.now is None and review.overdue


def test_arrows() -> None:
    assert [arrow(d) for d in (10, 0, -10, None)] == ["↑", "→", "↓", "–"]
