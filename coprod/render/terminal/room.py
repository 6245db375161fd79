"""Who is in the room, and actions carried forward, in the terminal."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from coprod.core.actions import ActionReview, ListedAction, practice_name, status_label
from coprod.core.answers import Action
from coprod.core.models import Content
from coprod.core.room import Coverage
from coprod.i18n import _, report_date
from coprod.render.markdown.room import (
    CAUTION,
    COUNTS_ONLY,
    EVERY_CHARACTERISTIC,
    MISSING_TITLE,
    ROOM_INTRO,
    ROOM_TITLE,
    answered_text,
)
from coprod.render.safe import escape_markup
from coprod.render.terminal.common import bullet, section

if TYPE_CHECKING:
    from rich.console import Console

STATUS_STYLE = {"present": "green", "thin": "yellow", "missing": "red", "unknown": "dim"}
ACTION_STYLE = {"not-started": "", "in-progress": "cyan", "done": "green", "dropped": "dim"}


def render_room(coverage: Coverage, content: Content, console: Console) -> None:
    """Each characteristic with its count and status in words, gaps with ways to reach people."""
    section(console, escape_markup(_(ROOM_TITLE)))
    console.print(escape_markup(_(ROOM_INTRO)))
    console.print(f"[dim]{escape_markup(answered_text(coverage))}[/dim]")
    if coverage.answered == 0:
        return
    for c in coverage.characteristics:
        style = STATUS_STYLE[c.status]
        bullet(
            console,
            f"[bold]{escape_markup(c.characteristic.name)}[/bold]: {c.count} "
            f"[{style}]({escape_markup(c.status_text)})[/{style}] "
            f"[dim]{escape_markup(c.characteristic.description)}[/dim]",
        )
    gaps = coverage.gaps
    if gaps:
        section(console, escape_markup(_(MISSING_TITLE)))
        for way in coverage.general_ways:
            bullet(console, escape_markup(way.text))
        for gap in gaps:
            c = gap.count
            console.print(
                f"[bold]{escape_markup(c.characteristic.name)}[/bold] ({escape_markup(c.status_text)})"
            )
            for way in gap.ways:
                bullet(console, escape_markup(way.text))
    else:
        console.print(escape_markup(_(EVERY_CHARACTERISTIC)))
    if coverage.noticing:
        console.print(f"\n{escape_markup(coverage.noticing.text)}")
    if coverage.caution:
        console.print(
            f"\n[bold]{escape_markup(_(CAUTION))}:[/bold] {escape_markup(coverage.caution.text)}"
        )
    console.print(f"[dim]{escape_markup(_(COUNTS_ONLY))}[/dim]")


def action_line(action: Action, content: Content) -> str:
    """An action in one (wrapping) line of markup: text, practice, owner, due, status."""
    style = ACTION_STYLE.get(action.status, "")
    status = escape_markup(status_label(action.status))
    parts = [escape_markup(action.text)]
    practice = practice_name(action.practice, content)
    if practice:
        parts.append(f"[dim]{escape_markup(practice)}[/dim]")
    if action.owner:
        parts.append(escape_markup(_("owner: %(owner)s") % {"owner": action.owner}))
    if action.due:
        parts.append(escape_markup(_("due %(date)s") % {"date": report_date(action.due)}))
    parts.append(f"[{style}]{status}[/{style}]" if style else status)
    return " · ".join(parts)


def render_actions(actions: Sequence[Action], content: Content, console: Console) -> None:
    if not actions:
        return
    section(console, escape_markup(_("Actions")))
    for action in actions:
        bullet(console, action_line(action, content))
        if action.note:
            bullet(console, f"[dim]{escape_markup(action.note)}[/dim]", indent=4, marker="→")


def render_reviews(reviews: Sequence[ActionReview], console: Console) -> None:
    if not reviews:
        return
    section(console, escape_markup(_("Actions then and now")))
    overdue_word = escape_markup(_("OVERDUE"))
    for r in reviews:
        overdue = f" [bold red]{overdue_word}[/bold red]" if r.overdue else ""
        due = ""
        if r.due_now:
            due = " · " + escape_markup(_("due %(date)s") % {"date": report_date(r.due_now)})
        if r.due_moved:
            was = report_date(r.action.due) if r.action.due else _("no date")
            due += " " + escape_markup(_("(was %(then)s)") % {"then": was})
        owner = ""
        if r.owner_now:
            owner = " · " + escape_markup(r.owner_now)
        if r.owner_changed:
            owner += " " + escape_markup(
                _("(was %(then)s)") % {"then": r.action.owner or _("no one")}
            )
        bullet(
            console,
            f"{escape_markup(r.action.text)}{due}{owner}: {escape_markup(status_label(r.then))} → "
            f"{escape_markup(status_label(r.now))}{overdue}",
        )
        if r.note:
            bullet(console, f"[dim]{escape_markup(r.note)}[/dim]", indent=4, marker="→")


def render_action_list(items: Sequence[ListedAction], content: Content, console: Console) -> None:
    """``coprod actions`` in the terminal: one item per action, by due date."""
    if not items:
        console.print(escape_markup(_("No actions.")))
        return
    title = _("Actions by due date (%(n)d)") % {"n": len(items)}
    section(console, escape_markup(title))
    overdue_word = escape_markup(_("OVERDUE"))
    for i in items:
        a = i.action
        due = escape_markup(report_date(a.due)) if a.due else escape_markup(_("no date"))
        overdue = f" [bold red]{overdue_word}[/bold red]" if i.overdue else ""
        line = action_line(dataclasses.replace(a, due=None), content)
        bullet(console, f"[bold]{due}[/bold]{overdue} · {line}")
        bullet(
            console,
            f"[dim]{escape_markup(i.project)} · {escape_markup(i.path)}[/dim]",
            indent=4,
            marker=" ",
        )
