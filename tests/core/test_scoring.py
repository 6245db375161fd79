"""Scoring and verdict: the documented rules, and properties that must always hold."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coprod.core.scoring import band_for, overall_score, round_half_up, score_practice, verdict_for

ratings = st.integers(min_value=0, max_value=4)
not_rated = st.sampled_from(["dont_know", "na"])
FAV = ["f1", "f2", "f3", "f4"]
WARN = ["w1", "w2", "w3", "w4"]


def test_score_is_rounded_percentage_of_mean():
    # mean 2.5 of 4 -> 62.5 -> 63 (half up, not banker's 62)
    assert score_practice("p", [2, 3]).score == 63
    assert score_practice("p", [4, 4, 4]).score == 100
    assert score_practice("p", [0]).score == 0
    assert score_practice("p", [1, 2, 2]).score == 42  # 41.67 -> 42


def test_dont_know_and_na_are_counted_not_scored():
    result = score_practice("p", [3, "dont_know", "na", "na"])
    assert (result.score, result.rated, result.dont_know, result.na) == (75, 1, 1, 2)


def test_nothing_rated_is_not_scored_rather_than_zero():
    result = score_practice("p", ["dont_know", "na"])
    assert result.score is None
    assert result.band is None


def test_bands_edges():
    assert [band_for(s) for s in (0, 39, 40, 69, 70, 100)] == [
        "needs attention",
        "needs attention",
        "developing",
        "developing",
        "strong",
        "strong",
    ]


def test_overall_ignores_unscored_practices():
    scores = [score_practice("a", [4]), score_practice("b", [1]), score_practice("c", ["na"])]
    assert overall_score(scores) == 63  # mean of 100 and 25 = 62.5 -> 63
    assert overall_score([score_practice("c", ["na"])]) is None


@given(st.lists(st.one_of(ratings, not_rated), max_size=12))
def test_score_stays_within_0_and_100(values):
    score = score_practice("p", values).score
    assert score is None or 0 <= score <= 100


@given(st.lists(ratings, min_size=1, max_size=10), st.data())
def test_raising_a_rating_never_lowers_the_score(values, data):
    index = data.draw(st.integers(min_value=0, max_value=len(values) - 1))
    raised = list(values)
    raised[index] = data.draw(st.integers(min_value=values[index], max_value=4))
    assert score_practice("p", raised).score >= score_practice("p", values).score


@given(st.lists(ratings, min_size=1, max_size=10), st.lists(not_rated, max_size=6), st.randoms())
def test_dont_know_and_na_never_change_a_score(values, extra, rnd):
    mixed = values + extra
    rnd.shuffle(mixed)
    assert score_practice("p", mixed).score == score_practice("p", values).score


@given(st.floats(min_value=0, max_value=100, allow_nan=False))
def test_round_half_up_is_nearest(value):
    assert abs(round_half_up(value) - value) <= 0.5


def test_any_warning_yes_means_caution_naming_each():
    answers = {"f1": "yes", "f2": "yes", "f3": "yes", "w2": "yes", "w4": "yes"}
    verdict = verdict_for(answers, FAV, WARN)
    assert verdict.kind == "caution"
    assert verdict.warnings == ["w2", "w4"]


def test_two_favourable_without_warnings_is_favourable():
    verdict = verdict_for({"f1": "yes", "f3": "yes", "w1": "no"}, FAV, WARN)
    assert verdict.kind == "favourable"
    assert verdict.favourable == ["f1", "f3"]


def test_one_favourable_is_unclear_and_unsure_listed():
    verdict = verdict_for({"f1": "yes", "f2": "unsure", "w3": "unsure"}, FAV, WARN)
    assert verdict.kind == "unclear"
    assert verdict.unsure == ["f2", "w3"]
    assert "f4" in verdict.unanswered


@given(st.dictionaries(st.sampled_from(FAV + WARN), st.sampled_from(["yes", "no", "unsure"])))
def test_unsure_never_counts_as_yes(answers):
    verdict = verdict_for(answers, FAV, WARN)
    as_no = {k: ("no" if v == "unsure" else v) for k, v in answers.items()}
    assert verdict.kind == verdict_for(as_no, FAV, WARN).kind
