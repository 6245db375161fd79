"""Who is in the room, and actions carried forward, in the terminal."""

from __future__ import annotations

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
from coprod.render.terminal.common import bullet, safe, section

if TYPE_CHECKING:
    from rich.console import Console

STATUS_STYLE = {"present": "green", "thin": "yellow", "missing": "red", "unknown": "dim"}
ACTION_STYLE = {"open": "", "in-progress": "cyan", "done": "green", "dropped": "dim"}


def render_room(coverage: Coverage, content: Content, console: Console) -> None:
    """Each characteristic with its count and status in words, gaps with ways to reach people."""
    section(console, safe(_(ROOM_TITLE)))
    console.print(safe(_(ROOM_INTRO)))
    console.print(f"[dim]{safe(answered_text(coverage))}[/dim]")
    if coverage.answered == 0:
        return
    for c in coverage.characteristics:
        style = STATUS_STYLE[c.status]
        bullet(
            console,
            f"[bold]{safe(c.characteristic.name)}[/bold]: {c.count} "
            f"[{style}]({safe(c.status_text)})[/{style}] "
            f"[dim]{safe(c.characteristic.description)}[/dim]",
        )
    gaps = coverage.gaps
    if gaps:
        section(console, safe(_(MISSING_TITLE)))
        for way in coverage.general_ways:
            bullet(console, safe(way.text))
        for gap in gaps:
            c = gap.count
            console.print(f"[bold]{safe(c.characteristic.name)}[/bold] ({safe(c.status_text)})")
            for way in gap.ways:
                bullet(console, safe(way.text))
    else:
        console.print(safe(_(EVERY_CHARACTERISTIC)))
    if coverage.noticing:
        console.print(f"\n{safe(coverage.noticing.text)}")
    if coverage.caution:
        console.print(f"\n[bold]{safe(_(CAUTION))}:[/bold] {safe(coverage.caution.text)}")
    console.print(f"[dim]{safe(_(COUNTS_ONLY))}[/dim]")


def action_line(action: Action, content: Content) -> str:
    """An action in one (wrapping) line of markup: text, practice, owner, due, status."""
    style = ACTION_STYLE.get(action.status, "")
    status = safe(status_label(action.status))
    parts = [safe(action.text)]
    practice = practice_name(action.practice, content)
    if practice:
        parts.append(f"[dim]{safe(practice)}[/dim]")
    if action.owner:
        parts.append(safe(_("owner: %(owner)s") % {"owner": action.owner}))
    if action.due:
        parts.append(safe(_("due %(date)s") % {"date": report_date(action.due)}))
    parts.append(f"[{style}]{status}[/{style}]" if style else status)
    return " · ".join(parts)


def render_actions(actions: Sequence[Action], content: Content, console: Console) -> None:
    if not actions:
        return
    section(console, safe(_("Actions")))
    for action in actions:
        bullet(console, action_line(action, content))
        if action.note:
            bullet(console, f"[dim]{safe(action.note)}[/dim]", indent=4, marker="→")


def render_reviews(reviews: Sequence[ActionReview], console: Console) -> None:
    if not reviews:
        return
    section(console, safe(_("Actions then and now")))
    overdue_word = safe(_("OVERDUE"))
    for r in reviews:
        overdue = f" [bold red]{overdue_word}[/bold red]" if r.overdue else ""
        due = ""
        if r.due_now:
            due = " · " + safe(_("due %(date)s") % {"date": report_date(r.due_now)})
        if r.due_moved:
            was = report_date(r.action.due) if r.action.due else _("no date")
            due += " " + safe(_("(was %(then)s)") % {"then": was})
        owner = ""
        if r.owner_now:
            owner = " · " + safe(r.owner_now)
        if r.owner_changed:
            owner += " " + safe(_("(was %(then)s)") % {"then": r.action.owner or _("no one")})
        bullet(
            console,
            f"{safe(r.action.text)}{due}{owner}: {safe(status_label(r.then))} → "
            f"{safe(status_label(r.now))}{overdue}",
        )
        if r.note:
            bullet(console, f"[dim]{safe(r.note)}[/dim]", indent=4, marker="→")


def render_action_list(items: Sequence[ListedAction], content: Content, console: Console) -> None:
    """``coprod actions`` in the terminal: one item per action, by due date."""
    if not items:
        console.print(safe(_("No actions.")))
        return
    title = _("Actions by due date (%(n)d)") % {"n": len(items)}
    section(console, safe(title))
    overdue_word = safe(_("OVERDUE"))
    for i in items:
        a = i.action
        due = safe(report_date(a.due)) if a.due else safe(_("no date"))
        overdue = f" [bold red]{overdue_word}[/bold red]" if i.overdue else ""
        line = action_line(a.model_copy(update={"due": None}), content)
        bullet(console, f"[bold]{due}[/bold]{overdue} · {line}")
        bullet(console, f"[dim]{safe(i.project)} · {safe(i.path)}[/dim]", indent=4, marker=" ")
