"""What the facilitator's console shows: counts, progress, and (revealed) the group view.

The group view is ``coprod team`` over the workshop's answers files, read back
from DIR as ``coprod team DIR/*.yaml`` reads them, so the page, the exports and
the command give the same numbers. Two views of it:

* **shared** (``coprod team --anonymous``): what the wall, the phones and the exports
  "to share" show — ratings as counts, notes without names, roles only as counts and
  never one held by fewer than three people. The console shows it too, by default.
* **named** (``coprod team``): who said what, on the console behind a control that is
  off by default, and in the exports "with names — keep private"; never in a workshop
  started with ``--anonymous``.

The HTML fragment is rendered once per change (and per view) and shared by every open
console, in the workshop's own language (the facilitator's ``--lang``), whatever the
phones chose. For the event streams it is rendered off the event loop
(:meth:`LiveView.fragment_off_loop`): what the page shows of the room is taken on
the loop (:class:`Snapshot`: the counts, and each participant's answers as last
written: a copy taken under their save lock, see ``Site.save``), then the group view
is computed and the page rendered in a worker thread, so a reveal in a full room
never holds up the phones' answers. The answers are checked as ``coprod team``
checks their files, without reading the files back (a file this server has not
written yet, from before a restart, is read).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from coprod.core.answers import on_paper
from coprod.i18n import N_, _
from coprod.web import flow
from coprod.web.state import WallState, Workshop

if TYPE_CHECKING:
    from coprod.core.answers import Answers, LoadedAnswers
    from coprod.core.assessment import Assessment
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
    paper: int = 0  # typed in from paper forms on the console (counted in joined, finished)


@dataclass(frozen=True)
class Snapshot:
    """What a live page shows of the room at one version, copied on the event loop."""

    version: int
    counts: Counts
    progress: list[tuple[str, int]]
    # each participant's file, revision and answers as last written (None: read the file)
    people: tuple[tuple[Path, int, Answers | None], ...]
    revealed: bool
    wall: WallState


class LiveView:
    def __init__(self, workshop: Workshop, env: jinja2.Environment) -> None:
        self.workshop = workshop
        self.env = env
        self._cache: dict[bool, tuple[int, str]] = {}
        self._team: dict[bool, tuple[tuple[int, ...], TeamView | None]] = {}
        # off the loop: one rendering at a time, and the files it has read back
        self._rendering = asyncio.Lock()
        self._read: dict[Path, tuple[int, LoadedAnswers | None]] = {}
        self._read_team: dict[bool, tuple[tuple[tuple[Path, int], ...], TeamView | None]] = {}
        # each participant's assessment, made once per revision (and language) they are at
        self._assessed: dict[Path, tuple[tuple[int, str, bool], Assessment]] = {}

    def counts(self) -> Counts:
        people = self.workshop.participants
        finished = sum(1 for p in people if p.answers.complete)
        paper = on_paper(p.answers for p in people)
        return Counts(len(people), len(people) - finished, finished, paper)

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

    def names_allowed(self) -> bool:
        """Whether the console may offer who said what (never in an anonymous workshop)."""
        return not self.workshop.settings.anonymous

    def team(self, *, shared: bool = True) -> TeamView | None:
        """``coprod team`` over the participants' files (``shared``: ``--anonymous``);
        ``None`` with fewer than two."""
        from coprod.core.team import team_view

        anonymous = shared or not self.names_allowed()
        key = tuple(p.revision for p in self.workshop.participants)
        cached = self._team.get(anonymous)
        if cached is not None and cached[0] == key:
            return cached[1]
        loaded = self.workshop.loaded()
        view = (
            team_view(loaded, self.workshop.content, anonymous=anonymous)
            if len(loaded) >= 2
            else None
        )
        self._team[anonymous] = (key, view)
        return view

    def group(
        self, *, shared: bool = True, view: TeamView | None = None, given: bool = False
    ) -> dict[str, Any]:
        """The group view's parts, as the console and the wall show them (revealed only).

        ``given``: ``view`` is the group view to show (read from a snapshot), else it is read.
        """
        from coprod.i18n.labels import answer_counts, rating_counts_text
        from coprod.render.markdown.team import (
            criteria_answers,
            disagreement_ratings,
            roles_text,
        )

        if not given:
            view = self.team(shared=shared)
        if view is None:
            return {"view": None}
        return {
            "view": view,
            "roles": roles_text(view),  # shared: never a count of fewer than three
            "contested": [
                (d, rating_counts_text(d.counts), disagreement_ratings(d, view.anonymous))
                for d in view.disagreements
            ],
            "splits": [
                (s, answer_counts(s.counts), criteria_answers(s, view.anonymous))
                for s in view.criteria_splits
            ],
            "coverage": view.coverage,  # counts only, never who
        }

    def context(self, *, names: bool = False, snapshot: Snapshot | None = None) -> dict[str, Any]:
        """What ``_live.html`` shows (rendered in the facilitator's request's language).

        With a ``snapshot``, from it alone (in a worker thread: nothing the loop changes
        is read); else from the workshop as it is.
        """
        from coprod.web import slides

        counts = snapshot.counts if snapshot else self.counts()
        settings = self.workshop.settings
        names = names and self.names_allowed()
        wall = snapshot.wall if snapshot else self.workshop.wall
        revealed = snapshot.revealed if snapshot else self.workshop.revealed
        context: dict[str, Any] = {
            "counts": counts,
            "progress": snapshot.progress if snapshot else self.progress(),
            "revealed": revealed,
            "needs_two": _(NEEDS_TWO),
            "anonymous": settings.anonymous,
            "mode": settings.mode,
            "names": names,
            "names_allowed": self.names_allowed(),
            "view": None,
            "top_contested": TOP_CONTESTED,
            "slides": slides.available(revealed),
            "slide": slides.current(wall.slide, revealed),
            "wall": wall,
        }
        if revealed and counts.joined >= 2:
            view = self.snapshot_team(snapshot, not names) if snapshot else None
            context.update(self.group(shared=not names, view=view, given=snapshot is not None))
        # after the group is read: reading it is what finds a file that cannot be shown
        context["warnings"] = list(self.workshop.warnings)
        return context

    def fragment(self, version: int, *, names: bool = False) -> str:
        """The live part of the console, rendered once per ``version`` (and per view)."""
        names = names and self.names_allowed()
        cached = self._cache.get(names)
        if cached is not None and cached[0] == version:
            return cached[1]
        html = self.env.get_template("_live.html").render(self.context(names=names))
        self._cache[names] = (version, html)
        return html

    # --- off the event loop ----------------------------------------------------------

    def snapshot(self, version: int) -> Snapshot:
        """What the live page shows of the room now (on the loop: cheap, no file read)."""
        people = sorted(self.workshop.participants, key=lambda p: p.path.name)
        return Snapshot(
            version,
            self.counts(),
            self.progress(),
            tuple((p.path, p.revision, p.written) for p in people),
            self.workshop.revealed,
            dataclasses.replace(self.workshop.wall),
        )

    def snapshot_team(self, snapshot: Snapshot, shared: bool) -> TeamView | None:
        """``coprod team`` over the files of a snapshot (in :meth:`off_loop`'s thread), cached."""
        from coprod.core.team import team_view

        anonymous = shared or not self.names_allowed()
        key = tuple((path, revision) for path, revision, _ in snapshot.people)
        cached = self._read_team.get(anonymous)
        if cached is not None and cached[0] == key:
            return cached[1]
        from coprod import i18n
        from coprod.core.assessment import assess

        content = self.workshop.content
        language = (i18n.language(), i18n.easy_read())
        loaded, assessments = [], []
        for path, revision, written in snapshot.people:
            known = self._read.get(path)
            if known is None or known[0] != revision:
                known = (revision, self.workshop.read_back(path, written))
                self._read[path] = known
            if known[1] is None:
                continue
            loaded.append(known[1])
            made = self._assessed.get(path)
            if made is None or made[0] != (revision, *language):
                assessment = assess(known[1].answers, content, known[1].notices)
                made = self._assessed[path] = ((revision, *language), assessment)
            assessments.append(made[1])
        view = (
            team_view(loaded, content, anonymous=anonymous, assessments=assessments)
            if len(loaded) >= 2
            else None
        )
        self._read_team[anonymous] = (key, view)
        return view

    async def off_loop(self, version: int, render: Callable[[Snapshot], str]) -> str:
        """``render`` of a snapshot of the room taken now, run in a worker thread.

        One at a time (they share the files read back and the group views computed).
        """
        import anyio

        async with self._rendering:
            snapshot = self.snapshot(version)
            return await anyio.to_thread.run_sync(lambda: render(snapshot))

    async def fragment_off_loop(self, version: int, *, names: bool = False) -> str:
        """:meth:`fragment` for the event streams: the same HTML, rendered off the loop."""
        names = names and self.names_allowed()
        cached = self._cache.get(names)
        if cached is not None and cached[0] >= version:
            return cached[1]
        template = self.env.get_template("_live.html")
        html = await self.off_loop(
            version, lambda snapshot: template.render(self.context(names=names, snapshot=snapshot))
        )
        self._cache[names] = (version, html)
        return html
