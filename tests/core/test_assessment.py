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
