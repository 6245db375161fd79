"""The summary's words fit the scores: a strength is strong, or clearly above the rest."""

from __future__ import annotations

from coprod.core.answers import Answers, ProjectInfo
from coprod.core.assessment import assess
from coprod.core.models import Content


def quick(content: Content, ratings: list[int]) -> Answers:
    return Answers(
        version=1,
        project=ProjectInfo(name="Space in Common"),
        mode="quick",
        ratings={p.id: r for p, r in zip(content.practices, ratings, strict=False)},
    )


def test_a_developing_second_highest_of_a_low_profile_is_not_called_a_strength(
    content: Content,
) -> None:
    # scores 50, 50, 50, 25, 25, 25, 25: the mean is 36, so 50 is not clearly above it
    result = assess(quick(content, [2, 2, 2, 1, 1, 1, 1]), content)
    assert result.strengths == []
    assert [r.score.score for r in result.relatively_strongest] == [50]
    assert result.to_json()["strengths"] == []


def test_a_developing_practice_clearly_above_the_rest_is_a_strength(content: Content) -> None:
    # 50 against a mean of 29: clearly above
    result = assess(quick(content, [2, 1, 1, 1, 1, 1, 1]), content)
    assert [r.score.score for r in result.strengths] == [50]
    assert result.relatively_strongest == []


def test_a_strong_practice_is_always_a_strength(content: Content) -> None:
    result = assess(quick(content, [3, 3, 3, 3, 3, 3, 3]), content)
    assert [r.score.score for r in result.strengths] == [75, 75]


def test_the_reports_say_relatively_strongest_rather_than_strength(
    invoke, tmp_path, content
) -> None:
    import yaml

    path = tmp_path / "low.yaml"
    path.write_text(yaml.safe_dump(quick(content, [2, 2, 2, 1, 1, 1, 1]).to_yaml_data()))
    terminal = invoke("assess", "--answers", str(path)).stdout
    assert "Relatively strongest:" in terminal and "Strengths:" not in terminal
    markdown = invoke("report", str(path), "--format", "md").stdout
    assert "Relatively strongest" in markdown
    assert "none yet: no practice is strong, or clearly above your other scores" in markdown


def test_assessing_again_after_a_change_shows_the_change(content: Content) -> None:
    """A workshop assesses each person again as they answer: a practice's result is the
    one for its ratings and note as they are now, and the other practices' are unchanged."""
    answers = quick(content, [2, 2, 2, 1, 1, 1, 1])
    before = assess(answers, content)
    first = content.practices[0].id
    answers.ratings[first] = 4
    answers.notes[first] = "We changed how we meet"
    after = assess(answers, content)
    assert [r.score.score for r in before.practices][:2] == [50, 50]
    assert [r.score.score for r in after.practices][:2] == [100, 50]
    assert (before.practices[0].note, after.practices[0].note) == (None, answers.notes[first])
    answers.ratings[first] = 2
    del answers.notes[first]
    assert assess(answers, content).practices == before.practices


def test_the_same_ratings_against_welsh_content_give_welsh_results(content: Content) -> None:
    from coprod.storage.content import bundled_data_dir
    from coprod.web.language import load_choices

    welsh = load_choices(bundled_data_dir())["cy"]
    answers = quick(content, [3, 2, 1, 0, 4, 3, 2])
    english = assess(answers, content)
    cymraeg = assess(answers, welsh)
    assert [r.score.score for r in english.practices] == [r.score.score for r in cymraeg.practices]
    assert [r.practice.name for r in cymraeg.practices] == [p.name for p in welsh.practices]
    assert english.practices[0].practice.name != cymraeg.practices[0].practice.name
