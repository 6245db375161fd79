"""core.team: several respondents' answers read together, without a command."""

from __future__ import annotations

from collections import Counter

import pytest

from coprod.core.models import Content
from coprod.core.people import check_same_project
from coprod.core.team import anonymous_role_counts, team_view
from coprod.errors import CoprodError


def test_practice_spread_and_disagreements(make_answers, content: Content) -> None:
    sam = make_answers(
        "sam.yaml",
        respondent={"name": "Sam", "role": "officer"},
        ratings={"openness-1": 4, "openness-2": 3},
    )
    jo = make_answers(
        "jo.yaml",
        respondent={"name": "Jo", "role": "resident"},
        ratings={"openness-1": 1, "openness-2": 3},
    )
    view = team_view([sam, jo], content)
    openness = view.practices[0]
    assert openness.practice.id == "openness"
    assert openness.scores == [88, 50]  # round(100 * 3.5 / 4), round(100 * 2 / 4)
    assert (openness.low, openness.high, openness.spread, openness.mean) == (50, 88, 38, 69)
    assert openness.band == "developing"
    (apart,) = view.disagreements  # openness-2 is agreed; openness-1 is 3 points apart
    assert apart.statement is not None and apart.statement.id == "openness-1"
    assert apart.gap == 3
    assert [person.role for person, _rating in apart.ratings] == ["officer", "resident"]


def test_split_criteria_are_those_answered_differently(make_answers, content: Content) -> None:
    a = make_answers("a.yaml", criteria={"problem-undefined": "yes", "fixed-process": "no"})
    b = make_answers("b.yaml", criteria={"problem-undefined": "yes", "fixed-process": "unsure"})
    view = team_view([a, b], content)
    assert [s.criterion.id for s in view.criteria_splits] == ["fixed-process"]


def test_the_anonymous_view_names_nobody(make_answers, content: Content) -> None:
    sam = make_answers("sam.yaml", respondent={"name": "Sam", "role": "officer"})
    jo = make_answers("jo.yaml", respondent={"name": "Jo", "role": "officer"})
    view = team_view([sam, jo], content, anonymous=True)
    labels = [person.label for person in view.respondents]
    assert all("Sam" not in label and "Jo" not in label for label in labels)
    assert len(set(labels)) == 2


def test_one_file_is_not_a_team(make_answers, content: Content) -> None:
    with pytest.raises(CoprodError, match="two or more"):
        team_view([make_answers()], content)


def test_files_must_be_one_project_and_one_mode(make_answers) -> None:
    first = make_answers("first.yaml")
    other = make_answers("other.yaml", project={"name": "Another project"})
    with pytest.raises(CoprodError) as caught:
        check_same_project([first, other], what="coprod team")
    assert caught.value.problems[0].path == "other.yaml"
    quick = make_answers("quick.yaml", mode="quick")
    with pytest.raises(CoprodError, match="compares like with like"):
        check_same_project([first, quick], what="coprod team")
    check_same_project([first, quick], what="coprod agenda", modes=False)  # allowed


# anonymous: no role breakdown of fewer than three people ---------------------------------


@pytest.mark.parametrize(
    ("roles", "shown"),
    [
        ({"officer": 1, "resident": 1, "councillor": 1}, {}),
        ({"officer": 2}, {}),
        ({"officer": 3}, {"officer": 3}),
        ({"officer": 3, "resident": 1}, {}),  # "3 officer" would tell the fourth is not one
        ({"officer": 4, "resident": 1, "councillor": 2}, {"officer": 4, "other roles": 3}),
        ({"officer": 3, "resident": 3, "councillor": 1}, {"resident": 3, "other roles": 4}),
        ({"officer": 5, "resident": 3}, {"officer": 5, "resident": 3}),
    ],
)
def test_anonymous_role_counts_never_count_fewer_than_three(
    roles: dict[str, int], shown: dict[str, int]
) -> None:
    counts = anonymous_role_counts(Counter(roles))
    assert dict(counts) == shown
    assert all(n >= 3 for n in counts.values())
