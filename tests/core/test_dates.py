"""Due dates typed the way people in the UK and Wales write them."""

from __future__ import annotations

import datetime as dt

import pytest

from coprod.core.actions import parse_due

TODAY = dt.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        ("31/01/2027", dt.date(2027, 1, 31)),
        ("31-1-27", dt.date(2027, 1, 31)),
        ("31.01.2027", dt.date(2027, 1, 31)),
        ("5/3/2027", dt.date(2027, 3, 5)),  # day first: the 5th of March
        ("31 Jan 2027", dt.date(2027, 1, 31)),
        ("31st January 2027", dt.date(2027, 1, 31)),
        ("1 Sept 2027", dt.date(2027, 9, 1)),
        ("31 january", dt.date(2027, 1, 31)),  # no year: the next one to come
        ("25 December", dt.date(2026, 12, 25)),
        ("6 December", dt.date(2026, 12, 6)),  # today counts as to come
        ("5 December", dt.date(2027, 12, 5)),
        ("end of January", dt.date(2027, 1, 31)),
        ("End of February 2028", dt.date(2028, 2, 29)),
        ("end Dec", dt.date(2026, 12, 31)),
        ("31 Ionawr 2027", dt.date(2027, 1, 31)),
        ("diwedd Ionawr", dt.date(2027, 1, 31)),
        ("diwedd mis Mawrth", dt.date(2027, 3, 31)),
        ("diwedd mis Fai", dt.date(2027, 5, 31)),
        ("2027-01-31", dt.date(2027, 1, 31)),
        ("in 4 weeks", dt.date(2027, 1, 3)),
        ("mewn 2 fis", dt.date(2027, 2, 4)),
    ],
)
def test_a_due_date_as_people_write_it(typed: str, due: dt.date) -> None:
    assert parse_due(typed, TODAY) == due


@pytest.mark.parametrize("typed", ["01/31/2027", "31/02/2027", "31 Smarch 2027", "next Tuesday"])
def test_a_date_that_is_not_one_is_refused_with_an_example(typed: str) -> None:
    with pytest.raises(ValueError, match="is not a date: give one like 31/01/2027"):
        parse_due(typed, TODAY)
