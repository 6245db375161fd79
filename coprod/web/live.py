"""What the facilitator's page shows: counts, progress, and (revealed) the group view.

The group view is ``coprod team`` over the workshop's answers files, read back
from DIR as ``coprod team DIR/*.yaml`` reads them, so the page, the exports and
the command give the same numbers. The HTML fragment is rendered once per
change and shared by every open facilitator page, in the workshop's own language
(the facilitator's ``--lang``), whatever the phones chose.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import jinja2

from coprod.i18n import N_, _
from coprod.web import flow
from coprod.web.state import Workshop

if TYPE_CHECKING:
    from coprod.core.room import Coverage
    from coprod.core.team import TeamView

NEEDS_TWO = N_(
    "A group view needs at least two participants: it appears once two people have answered."
)
TOP_CONTESTED = 5


@dataclass(frozen=True)
class Counts:
    joined: int
    answering: int
    finished: int


class LiveView:
    def __init__(self, workshop: Workshop, env: jinja2.Environment) -> None:
        self.workshop = workshop
        self.env = env
        self._cache: tuple[int, str] | None = None
        self._team: tuple[tuple[int, ...], TeamView | None] | None = None

    def counts(self) -> Counts:
        people = self.workshop.participants
        finished = sum(1 for p in people if p.answers.complete)
        return Counts(len(people), len(people) - finished, finished)

    def progress(self) -> list[tuple[str, int]]:
        """Per practice: its label and how many participants have rated anything in it."""
        people = self.workshop.participants
        return [
            (
                f"{p.number}. {p.name}",
                sum(1 for person in people if flow.practice_progress(person.answers, p)),
            )
            for p in self.workshop.content.practices
        ]

    def team(self) -> TeamView | None:
        """``coprod team`` over the participants' files; ``None`` with fewer than two."""
        from coprod.core.team import team_view

        key = tuple(p.revision for p in self.workshop.participants)
        if self._team is not None and self._team[0] == key:
            return self._team[1]
        loaded = self.workshop.loaded()
        view = (
            team_view(loaded, self.workshop.content, anonymous=self.workshop.settings.anonymous)
            if len(loaded) >= 2
            else None
        )
        self._team = (key, view)
        return view

    def coverage(self) -> Coverage:
        """Who is in the room, as ``coprod room DIR/*.yaml`` counts it (counts only)."""
        from coprod.core.room import coverage_of

        loaded = self.workshop.loaded()
        return coverage_of([item.answers for item in loaded], self.workshop.content)

    def context(self) -> dict[str, Any]:
        """What ``_live.html`` shows (rendered in the facilitator's request's language)."""
        from coprod.i18n.labels import answer_counts, rating_label
        from coprod.render.markdown.team import roles_text

        counts = self.counts()
        settings = self.workshop.settings
        context: dict[str, Any] = {
            "counts": counts,
            "progress": self.progress(),
            "revealed": self.workshop.revealed,
            "needs_two": _(NEEDS_TWO),
            "anonymous": settings.anonymous,
            "mode": settings.mode,
            "view": None,
        }
        if self.workshop.revealed and counts.joined >= 2:
            view = self.team()
            context["view"] = view
            if view is not None:
                context["roles"] = roles_text(view)  # anonymous: never a group under three
                context["contested"] = [
                    (d, Counter(rating_label(r) for _, r in d.ratings).most_common())
                    for d in view.disagreements[:TOP_CONTESTED]
                ]
                context["splits"] = [
                    (s, answer_counts(Counter(a for _, a in s.answers)))
                    for s in view.criteria_splits
                ]
                context["coverage"] = self.coverage()
        return context

    def fragment(self, version: int) -> str:
        """The live part of the facilitator's page, rendered once per ``version``."""
        if self._cache is not None and self._cache[0] == version:
            return self._cache[1]
        html = self.env.get_template("_live.html").render(self.context())
        self._cache = (version, html)
        return html
