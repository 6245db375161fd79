"""Due dates as people in the UK and Wales type them (pure; today is given).

``2027-01-31``; day first: ``31/01/2027``, ``31-1-27``, ``31.01.2027``; with a month's name,
English or Welsh, in full or short: ``31 Jan 2027``, ``31st January``, ``31 Ionawr 2027``;
the end of a month: ``end of January``, ``end Jan 2027``, ``diwedd Ionawr``,
``diwedd mis Mawrth``; and counted from today: ``in 4 weeks``, ``in 10 days``, ``in 2 months``
(months as 30 days), ``mewn 4 wythnos``, ``mewn 10 diwrnod``, ``mewn 2 fis``.
A date without a year is the next one on or after today. Never month first: ``01/31/2027``
is refused, not read as the 31st of January.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_RELATIVE = re.compile(
    r"^(?:in|mewn)\s+(\d{1,3})\s+"
    r"(day|days|week|weeks|month|months|diwrnod|ddiwrnod|niwrnod|wythnos|mis|fis)$"
)
# days per unit, English and Welsh (with the mutations a number brings: 2 ddiwrnod, 2 fis)
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30}
_UNIT_DAYS |= {"diwrnod": 1, "ddiwrnod": 1, "niwrnod": 1, "wythnos": 7, "mis": 30, "fis": 30}

_ENGLISH = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
# Welsh month names, with the forms a mutation gives them after "mis" (mis Fawrth, mis Fai)
_WELSH = {
    "ionawr": 1,
    "chwefror": 2,
    "mawrth": 3,
    "fawrth": 3,
    "ebrill": 4,
    "mai": 5,
    "fai": 5,
    "mehefin": 6,
    "fehefin": 6,
    "gorffennaf": 7,
    "orffennaf": 7,
    "awst": 8,
    "medi": 9,
    "fedi": 9,
    "hydref": 10,
    "tachwedd": 11,
    "dachwedd": 11,
    "rhagfyr": 12,
}
MONTHS: dict[str, int] = {**_WELSH}
for _number, _name in enumerate(_ENGLISH, start=1):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9

_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_NAMED = re.compile(
    r"^(\d{1,2})(?:st|nd|rd|th|af|ain|ed|fed)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?$"
)
_END = re.compile(
    r"^(?:the\s+)?(?:end\s+(?:of\s+)?|diwedd\s+(?:mis\s+)?)([a-z]+)\.?(?:\s+(\d{4}))?$"
)


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year


def _next_on_or_after(today: dt.date, month: int, day: int | None) -> dt.date:
    """That day (``None``: the month's last) this year, or next year once it is past."""
    for year in (today.year, today.year + 1):
        last = calendar.monthrange(year, month)[1]
        wanted = last if day is None else day
        if wanted <= last:
            candidate = dt.date(year, month, wanted)
            if candidate >= today:
                return candidate
    raise ValueError(f"no day {day} in month {month}")


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """``text`` as a date, or ``None`` when it is not one of the forms above.

    A form that is recognised but impossible (``31/02/2027``) raises ``ValueError``.
    """
    words = " ".join(text.strip().lower().split())
    match = _RELATIVE.match(words)
    if match:
        return today + dt.timedelta(days=int(match[1]) * _UNIT_DAYS[match[2]])
    try:
        return dt.date.fromisoformat(words)
    except ValueError:
        pass
    match = _NUMERIC.match(words)
    if match:
        return dt.date(_year(match[3]), int(match[2]), int(match[1]))
    match = _NAMED.match(words)
    if match and match[2] in MONTHS:
        day, month = int(match[1]), MONTHS[match[2]]
        if match[3]:
            return dt.date(int(match[3]), month, day)
        return _next_on_or_after(today, month, day)
    match = _END.match(words)
    if match and match[1] in MONTHS:
        month = MONTHS[match[1]]
        if match[2]:
            year = int(match[2])
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        return _next_on_or_after(today, month, None)
    return None
