"""core.agenda: a session plan from answers files, without a command."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod.core.agenda import build_agenda, largest_remainder
from coprod.core.models import Content


@given(
    st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=10),
    st.integers(min_value=0, max_value=600),
)
def test_minutes_always_add_up_and_follow_the_weights(weights: list[int], total: int) -> None:
    shares = largest_remainder(weights, total)
    assert sum(shares) == total
    assert len(shares) == len(weights)
    if total >= len(weights):
        assert min(shares) >= 1  # no section without time
    exact = [total * w / sum(weights) for w in weights]
    if min(exact) >= 1:  # no section lifted to one minute at another's cost: close to exact
        assert all(abs(s - x) < 2 for s, x in zip(shares, exact, strict=True))


def test_largest_remainder_gives_leftovers_to_the_largest_remainders() -> None:
    assert largest_remainder([1, 1, 1], 10) == [4, 3, 3]  # ties: the earlier section
    assert largest_remainder([], 10) == []


def test_the_plan_fills_the_session_and_starts_with_a_welcome(
    make_answers, content: Content
) -> None:
    sam = make_answers(
        "sam.yaml",
        respondent={"name": "Sam", "role": "officer"},
        criteria={"problem-undefined": "yes"},
        ratings={"openness-1": 4},
    )
    jo = make_answers(
        "jo.yaml",
        respondent={"name": "Jo", "role": "resident"},
        criteria={"problem-undefined": "no"},
        ratings={"openness-1": 0},
    )
    agenda = build_agenda([sam, jo], content, 90)
    kinds = [s.kind for s in agenda.sections]
    # the split criterion and the statement rated 4 and 0 each get their conversation
    assert kinds == ["welcome", "criteria", "conversation", "practice", "room", "actions"]
    assert sum(s.minutes for s in agenda.sections) == 90
    assert agenda.starts()[:2] == [0, agenda.sections[0].minutes]
    assert agenda.respondents == 2
    (split,) = agenda.sections[1].items
    assert "(1 yes, 1 no)" in split
    statement = content.practices[0].statements[0]
    assert statement.text in agenda.sections[2].title


def test_an_agenda_needs_answers(content: Content) -> None:
    with pytest.raises(ValueError):
        build_agenda([], content, 90)
