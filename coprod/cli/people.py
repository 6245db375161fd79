"""One person, one voice: a person named in several of the files a command reads."""

from __future__ import annotations

from coprod.core.answers import LoadedAnswers
from coprod.core.people import latest_per_person, repeated_people
from coprod.i18n import _, report_date
from coprod.terminal.console import warn


def one_per_person(loaded: list[LoadedAnswers], *, latest: bool) -> list[LoadedAnswers]:
    """``loaded`` with each named person's newest file only (``latest``), else all of
    them, with a warning for each person who appears more than once."""
    if latest:
        return latest_per_person(loaded)
    for repeat in repeated_people(loaded):
        dates = ", ".join(report_date(d) if d else _("no date") for d in repeat.dates)
        warn(
            _(
                "%(name)s appears %(n)d times (%(dates)s) and is counted each time; add "
                "%(option)s to keep only each person's newest file"
            )
            % {"name": repeat.name, "n": len(repeat.files), "dates": dates, "option": "--latest"}
        )
    return loaded
