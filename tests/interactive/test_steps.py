"""Which questions the interview asks, in which order, and how long: no terminal needed."""

from __future__ import annotations

from typing import Literal

import pytest

from coprod.core.answers import Answers
from coprod.core.models import Content
from coprod.interactive.steps import Questionnaire, keys_in_words, minutes


def _answers(content: Content, mode: Literal["full", "quick"] = "full") -> Answers:
    return Answers.new(mode, content.version)


def _no_end_question(progress: str) -> None:
    raise AssertionError("an end question is asked by the interview, not by the steps")


def _answer_required(questions: Questionnaire, upto: int | None = None) -> None:
    """Put an answer to every required question (before ``upto``), as a person would."""
    for step in questions.steps[:upto]:
        if step.required:
            value = step.choices[0][1] if step.choices else "My project"
            step.put(questions.answers, value)


def test_a_full_assessment_asks_the_project_criteria_reflections_then_each_practice(
    content: Content,
) -> None:
    questions = Questionnaire(content, _answers(content))
    keys = [step.key for step in questions.steps]
    criteria = [f"criteria.{c.id}" for c in content.all_criteria()]
    assert keys[:4] == ["project.name", "project.stage", "respondent.name", "respondent.role"]
    assert keys[4 : 4 + len(criteria)] == criteria
    assert keys[4 + len(criteria) : 6 + len(criteria)] == [
        "reflections.why",
        "reflections.bring_and_take",
    ]
    practices = keys[6 + len(criteria) :]
    expected = []
    for practice in content.practices:
        expected += [f"ratings.{s.id}" for s in practice.statements]
        expected.append(f"notes.{practice.id}")
    assert practices == expected


def test_a_quick_assessment_rates_each_practice_once_then_asks_for_a_note(
    content: Content,
) -> None:
    questions = Questionnaire(content, _answers(content, "quick"), ask_project=False)
    ratings = [s.key for s in questions.steps if s.section in ("ratings", "notes")]
    assert ratings == [
        key for p in content.practices for key in (f"ratings.{p.id}", f"notes.{p.id}")
    ]


def test_check_asks_only_the_criteria_and_the_reflections(content: Content) -> None:
    questions = Questionnaire(content, _answers(content), ask_practices=False)
    assert {s.section for s in questions.steps} == {"project", "criteria", "reflections"}
    assert questions.outline().startswith(f"{len(questions.steps)} questions: ")


def test_end_questions_come_last_and_are_counted_in_the_progress(content: Content) -> None:
    end = [("respondent.brings", _no_end_question), ("actions", _no_end_question)]
    questions = Questionnaire(content, _answers(content), end=end)
    assert [s.key for s in questions.steps[-2:]] == ["respondent.brings", "actions"]
    assert all(s.ask is _no_end_question and not s.required for s in questions.steps[-2:])
    total = len(questions.steps)
    assert questions.progress(total - 1).startswith(f"Question {total} of {total} · ")
    assert "Optional: a note on each practice and 2 questions at the end" in questions.outline()


def test_every_rating_offers_the_scale_dont_know_and_not_applicable(content: Content) -> None:
    questions = Questionnaire(content, _answers(content))
    rating = next(s for s in questions.steps if s.section == "ratings")
    assert rating.required and rating.practice is content.practices[0]
    assert [value for _title, value, _key in rating.choices or []] == [
        0,
        1,
        2,
        3,
        4,
        "dont_know",
        "na",
    ]
    assert keys_in_words(rating.choices or []) == "0-4, d or x"


@pytest.mark.parametrize(
    ("keys", "said"),
    [
        (["y", "n", "u"], "y, n or u"),
        (["1", "2"], "1 or 2"),
        (["r"], "r"),
        (["0", "1", "2"], "0-2"),
    ],
)
def test_shortcut_keys_are_said_as_a_person_reads_them(keys: list[str], said: str) -> None:
    assert keys_in_words([(k, k, k) for k in keys]) == said


def test_time_left_shrinks_to_under_a_minute_at_the_last_question(content: Content) -> None:
    questions = Questionnaire(content, _answers(content, "quick"))
    left = [questions.seconds_left(i) for i in range(len(questions.steps))]
    assert left == sorted(left, reverse=True) and left[0] > left[-1] > 0
    assert questions.progress(len(questions.steps) - 1).endswith("under a minute left")
    assert minutes(90) == "about 2 minutes" and minutes(60) == "about 1 minute"


def test_a_new_draft_starts_at_the_first_question(content: Content) -> None:
    questions = Questionnaire(content, _answers(content))
    assert questions.first_step() == 0
    assert not questions.all_required_answered()


def test_a_draft_resumes_at_the_first_required_question_not_answered(content: Content) -> None:
    questions = Questionnaire(content, _answers(content))
    first_rating = next(i for i, s in enumerate(questions.steps) if s.section == "ratings")
    _answer_required(questions, upto=first_rating)
    assert questions.first_step() == first_rating  # the optional reflections before it: not again


def test_a_draft_saved_at_the_optional_name_resumes_there(content: Content) -> None:
    """Stopped at "Your name" (after the project's name and stage): asked it again, and
    the role, rather than starting at the first criterion."""
    questions = Questionnaire(content, _answers(content))
    name = [step.key for step in questions.steps].index("respondent.name")
    _answer_required(questions, upto=name)
    assert questions.first_step() == name
    questions.steps[name].put(questions.answers, "Sam")  # a name given, the role left
    assert questions.first_step() == name + 1


def test_a_finished_draft_resumes_after_its_last_required_question(content: Content) -> None:
    questions = Questionnaire(content, _answers(content))
    _answer_required(questions)
    last_required = max(i for i, s in enumerate(questions.steps) if s.required)
    assert questions.all_required_answered()
    assert questions.first_step() == last_required + 1  # the last practice's note


def test_answers_go_where_the_answers_file_keeps_them(content: Content) -> None:
    answers = _answers(content)
    steps = {s.key: s for s in Questionnaire(content, answers).steps}
    steps["respondent.role"].put(answers, "")  # "Prefer not to say"
    assert answers.respondent is not None and answers.respondent.role is None
    practice = content.practices[0]
    note = steps[f"notes.{practice.id}"]
    note.put(answers, "We met twice")
    assert answers.notes == {practice.id: "We met twice"} and note.get(answers) == "We met twice"
    note.put(answers, None)  # skipped when asked again: no note kept
    assert answers.notes == {}


# issue 22, item 9: the interview's wording ------------------------------------------------


def test_the_outline_says_what_is_optional_in_a_sentence_of_its_own(content: Content) -> None:
    end = [("respondent.brings", _no_end_question), ("actions", _no_end_question)]
    outline = Questionnaire(content, _answers(content), end=end).outline()
    required, optional = outline.split(". Optional: ")
    assert "optional" not in required.lower() and "note" not in required
    assert optional.startswith(
        "a note on each practice and 2 questions at the end (what matters most to you, what you "
        "bring, and what to do next)."
    )


def test_a_rating_is_numbered_once_by_its_key(content: Content) -> None:
    questions = Questionnaire(content, _answers(content))
    rating = next(s for s in questions.steps if s.section == "ratings")
    assert [(title, key) for title, _value, key in rating.choices or []] == [
        ("Not at all", "0"),
        ("A little", "1"),
        ("Partly", "2"),
        ("Mostly", "3"),
        ("Fully", "4"),
        ("Don't know", "d"),
        ("Not applicable", "x"),
    ]


def test_choosing_actions_says_how_to_skip_once(content: Content, monkeypatch) -> None:
    from coprod.interactive import end_questions

    asked: list[str] = []

    def checkbox(message: str, choices: object, **options: object) -> list[object]:
        asked.append(message)
        return []

    monkeypatch.setattr(end_questions, "checkbox", checkbox)
    answers = _answers(content)
    end_questions.choose_actions(answers, content, lambda a: None, lambda line: None)
    (message,) = asked
    assert message.startswith("Which actions? (up to 3)")
    assert "skip" not in message  # the list's own instruction says it: "Enter alone to skip"


def test_the_instrumental_goal_criterion_is_asked_in_plain_words(content: Content) -> None:
    criterion = next(c for c in content.all_criteria() if c.id == "instrumental-goal")
    assert "instrumental" not in criterion.question
    assert criterion.question.startswith("Is the result already set")
    assert "instrumental goal" in criterion.text  # the report's own words, shown as such


def test_the_framing_gives_the_resume_command_in_full(content: Content, tmp_path) -> None:
    """Issue 22, item 19: not "carry on later with --resume" alone."""
    from rich.console import Console

    from coprod.interactive.framing import assess_framing

    console = Console(record=True, width=300)
    path = tmp_path / "my file.yaml"
    assess_framing(console, Questionnaire(content, _answers(content)), "new", path)
    said = " ".join(console.export_text().split())
    assert f"Ctrl-C is safe: carry on later with coprod assess --resume '{path}'." in said
