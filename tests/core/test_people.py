"""One person's September and December files are one person, not two."""

from __future__ import annotations

import datetime as dt

from coprod.core.answers import Answers, LoadedAnswers, ProjectInfo, Respondent
from coprod.core.people import latest_per_person, repeated_people


def loaded(name: str | None, date: str, project: str = "Space in Common") -> LoadedAnswers:
    answers = Answers(
        version=1,
        project=ProjectInfo(name=project),
        date=dt.date.fromisoformat(date),
        respondent=None if name is None else Respondent(name=name),
    )
    return LoadedAnswers(answers, f"{name}-{date}.yaml")


def test_the_same_name_in_two_files_is_one_person_appearing_twice() -> None:
    files = [loaded("Sam", "2026-09-01"), loaded("Jo", "2026-09-01"), loaded(" sam ", "2026-12-06")]
    (repeat,) = repeated_people(files)
    assert repeat.name == "Sam"
    assert repeat.dates == [dt.date(2026, 9, 1), dt.date(2026, 12, 6)]


def test_files_without_a_name_are_never_taken_for_one_person() -> None:
    files = [loaded(None, "2026-09-01"), loaded(None, "2026-12-06")]
    assert repeated_people(files) == []
    assert latest_per_person(files) == files


def test_the_same_name_in_another_project_is_another_person() -> None:
    files = [loaded("Sam", "2026-09-01"), loaded("Sam", "2026-12-06", project="Other")]
    assert repeated_people(files) == []


def test_latest_keeps_each_persons_newest_file_in_the_order_given() -> None:
    december, september = loaded("Sam", "2026-12-06"), loaded("Sam", "2026-09-01")
    jo, unnamed = loaded("Jo", "2026-10-01"), loaded(None, "2026-01-01")
    assert latest_per_person([december, jo, september, unnamed]) == [december, jo, unnamed]
