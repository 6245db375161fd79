"""core.actions: due dates, overdue actions and the list across files."""

from __future__ import annotations

import datetime as dt

import pytest

from coprod.core.actions import list_actions, new_action_id, parse_due, shared_priorities
from coprod.core.answers import Action

TODAY = dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("typed", "days"),
    [("in 4 weeks", 28), ("in 10 days", 10), ("In 2 Months", 60), ("mewn 2 fis", 60)],
)
def test_relative_due_dates(typed: str, days: int) -> None:
    assert parse_due(typed, TODAY) == TODAY + dt.timedelta(days=days)


def test_a_date_blank_or_nonsense() -> None:
    assert parse_due(" 2027-01-31 ", TODAY) == dt.date(2027, 1, 31)
    assert parse_due("  ", TODAY) is None
    with pytest.raises(ValueError, match="31/01/2027"):
        parse_due("next tuesday", TODAY)


def test_new_ids_avoid_those_taken() -> None:
    taken = {new_action_id() for _ in range(50)}
    assert new_action_id(taken) not in taken


def test_an_action_carried_forward_is_listed_once_as_latest(make_answers) -> None:
    action = {"id": "act-1", "text": "Open the steering group", "due": "2026-10-01"}
    older = make_answers("older.yaml", date="2026-01-10", actions=[action])
    newer = make_answers(
        "newer.yaml",
        date="2026-06-10",
        actions=[{**action, "status": "in-progress"}, {"id": "act-2", "text": "Undated"}],
    )
    items = list_actions([newer, older], TODAY)  # the order given does not matter
    assert [(i.action.id, i.action.status, i.path) for i in items] == [
        ("act-1", "in-progress", "newer.yaml"),
        ("act-2", "not-started", "newer.yaml"),  # undated last
    ]
    assert items[0].overdue and not items[1].overdue


def test_shared_priorities_are_the_same_words_or_statement() -> None:
    a = Action(id="a", text="Share the budget!", statement=None)
    b = Action(id="b", text="share the  budget", statement=None)
    c = Action(id="c", text="Something else", statement="openness-1")
    d = Action(id="d", text="Different words", statement="openness-1")
    shared, keys = shared_priorities([("Sam", [a, c]), ("Jo", [b, d])])
    assert sorted(s.count for s in shared) == [2, 2]
    assert {tuple(s.people) for s in shared} == {("Sam", "Jo")}
    assert len(keys) == 2
