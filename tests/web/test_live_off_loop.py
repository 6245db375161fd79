"""The live pages' group view is computed off the event loop: a reveal never holds up the phones."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from helpers.workshop import Phone, answer_quick, app_for, make_workshop

from coprod.core import team
from coprod.core.models import Content
from coprod.web.state import Workshop


def group_of_three(folder: Path, content: Content) -> tuple[Workshop, object]:
    workshop = make_workshop(folder, content)
    app = app_for(workshop)
    for rating in ("1", "2", "3"):
        answer_quick(Phone(app, workshop), content, rating=rating)
    workshop.revealed = True
    return workshop, app


def test_the_event_loop_runs_while_the_group_view_is_computed(
    folder: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, app = group_of_three(folder, content)
    live = app.state.site.live  # type: ignore[attr-defined]
    computing, loop_ran = threading.Event(), threading.Event()
    real_team_view = team.team_view

    def slow_team_view(*args: object, **kwargs: object) -> object:
        computing.set()
        # on the event loop this would never return: the loop could not run the answer
        assert loop_ran.wait(timeout=20), "the event loop was held up by the group view"
        return real_team_view(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(team, "team_view", slow_team_view)

    async def phone_answers_meanwhile() -> None:  # stands for a phone's POST being served
        while not computing.is_set():
            await asyncio.sleep(0.01)
        loop_ran.set()

    async def both() -> str:
        html, _ = await asyncio.gather(live.fragment_off_loop(1), phone_answers_meanwhile())
        return str(html)

    html = asyncio.run(both())
    assert "<table" in html  # the group view is there, as the console shows it
    assert html == live.fragment(1)  # the same fragment the console's page shows


def test_the_off_loop_fragment_checks_each_participants_answers_once_per_change(
    folder: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop, app = group_of_three(folder, content)
    live = app.state.site.live  # type: ignore[attr-defined]
    read: list[Path] = []
    real = Workshop.read_back

    def counting(self: Workshop, path: Path, written: object = None) -> object:
        assert written is not None  # the answers as written: no file read back
        read.append(path)
        return real(self, path, written)  # type: ignore[arg-type]

    monkeypatch.setattr(Workshop, "read_back", counting)
    asyncio.run(live.fragment_off_loop(1))
    assert len(read) == 3
    asyncio.run(live.fragment_off_loop(2))  # nothing changed: nothing read again
    assert len(read) == 3
    workshop.participants[0].revision += 1  # one participant saved again
    asyncio.run(live.fragment_off_loop(3))
    assert read[3:] == [workshop.participants[0].path]
