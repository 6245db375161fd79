"""Actions carried forward, as markdown: in a report, a team view, a comparison, a list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from coprod.core.actions import ActionReview, ListedAction, practice_name, status_label
from coprod.core.answers import Action
from coprod.core.models import Content
from coprod.core.team import TeamView
from coprod.i18n import N_, _, ngettext, report_date
from coprod.render.markdown.blocks import bullets, escape_md, heading, join_blocks, table


def _due(action: Action) -> str:
    return escape_md(report_date(action.due)) if action.due else "–"


def _day(value: dt.date | None) -> str:
    return escape_md(report_date(value)) if value else "–"


def _then_now(then: str, now: str, changed: bool) -> str:
    """``"1 Oct → 15 Jan"`` when it changed between the files, else the one value."""
    return f"{then} → {now}" if changed else now


def _headers(*names: str) -> list[str]:
    """Table headers in the interface language (a markdown table is for people; the
    CSV columns and JSON keys of ``coprod actions`` stay English)."""
    return [_(name) for name in names]


def action_table(actions: Sequence[Action], content: Content, *, caption: str) -> str:
    rows = [
        [
            escape_md(a.text),
            escape_md(practice_name(a.practice, content) or "–"),
            escape_md(a.owner or "–"),
            _due(a),
            escape_md(status_label(a.status)),
        ]
        for a in actions
    ]
    return table(
        _headers(N_("Action"), N_("Practice"), N_("Owner"), N_("Due"), N_("Status")),
        rows,
        caption=caption,
    )


def assessment_action_blocks(
    actions: Sequence[Action], content: Content, previous: str | None, level: int = 2
) -> list[str]:
    """A report's actions (nothing when there are none and no previous file)."""
    if not actions and not previous:
        return []
    blocks = [heading(level, escape_md(_("Actions")))]
    if previous:
        follows = _("Follows on from the previous assessment in %(file)s.") % {"file": previous}
        blocks.append(escape_md(follows))
    if actions:
        blocks.append(action_table(actions, content, caption=_("Actions")))
        notes = [f"**{escape_md(a.text)}:** {escape_md(a.note)}" for a in actions if a.note]
        if notes:
            blocks.append(bullets(notes))
    else:
        blocks.append(escape_md(_("No actions were chosen.")))
    return blocks


def team_action_blocks(view: TeamView, content: Content, level: int = 2) -> list[str]:
    """Everyone's actions, and the ones several people chose: the group's shared priorities."""
    items = view.actions
    if not items:
        return []
    blocks = [heading(level, escape_md(_("Actions")))]
    if view.shared:
        blocks.append(heading(level + 1, escape_md(_("Shared priorities"))))
        blocks.append(
            escape_md(
                _("The same next step chosen by more than one person: a place to start together.")
            )
        )
        lines = []
        for s in view.shared:
            who = f": {', '.join(s.people)}" if s.people else ""
            practice = practice_name(s.practice, content)
            where = f" ({practice})" if practice else ""
            chosen = ngettext("chosen by %(n)d person", "chosen by %(n)d people", s.count) % {
                "n": s.count
            }
            lines.append(escape_md(f"{s.text}{where}: {chosen}{who}"))
        blocks.append(bullets(lines))
    rows = []
    shared_mark = _("(shared)")
    for person, action, shared in items:
        row = [
            escape_md(action.text) + (f" **{escape_md(shared_mark)}**" if shared else ""),
            escape_md(practice_name(action.practice, content) or "–"),
            escape_md(action.owner or "–"),
            _due(action),
            escape_md(status_label(action.status)),
        ]
        if not view.anonymous:
            row.insert(0, escape_md(person.label if person else "–"))
        rows.append(row)
    header = _headers(N_("Action"), N_("Practice"), N_("Owner"), N_("Due"), N_("Status"))
    if not view.anonymous:
        header.insert(0, _("Chosen by"))
    blocks.append(heading(level + 1, escape_md(_("Everyone's actions"))))
    blocks.append(table(header, rows, caption=_("Actions chosen")))
    return blocks


def review_blocks(reviews: Sequence[ActionReview], level: int = 2) -> list[str]:
    """The older file's actions with their status in the newer one."""
    if not reviews:
        return []
    overdue = _("overdue")
    rows = [
        [
            escape_md(r.action.text),
            _then_now(_due(r.action), _day(r.due_now), r.due_moved),
            _then_now(
                escape_md(r.action.owner or "–"), escape_md(r.owner_now or "–"), r.owner_changed
            ),
            escape_md(status_label(r.then)),
            escape_md(status_label(r.now)),
            f"**{escape_md(overdue)}**" if r.overdue else "",
        ]
        for r in reviews
    ]
    blocks = [
        heading(level, escape_md(_("Actions then and now"))),
        table(
            _headers(N_("Action"), N_("Due"), N_("Owner"), N_("Then"), N_("Now"), N_("Overdue")),
            rows,
            caption=_("Actions reviewed"),
        ),
    ]
    missing = [r for r in reviews if r.now is None]
    if missing:
        blocks.append(
            escape_md(
                _("Not reviewed (not in the newer file): %(actions)s")
                % {"actions": "; ".join(r.action.text for r in missing)}
            )
        )
    notes = [f"**{escape_md(r.action.text)}:** {escape_md(r.note)}" for r in reviews if r.note]
    if notes:
        blocks.append(bullets(notes))
    return blocks


def render_action_list(items: Sequence[ListedAction], content: Content, today: dt.date) -> str:
    """``coprod actions --format md``: one table to paste into a plan."""
    overdue = _("overdue")
    rows = [
        [
            escape_md(i.project),
            escape_md(practice_name(i.action.practice, content) or "–"),
            escape_md(i.action.text),
            escape_md(i.action.owner or "–"),
            _due(i.action) + (f" **({escape_md(overdue)})**" if i.overdue else ""),
            escape_md(status_label(i.action.status)),
            escape_md(i.path),
        ]
        for i in items
    ]
    blocks = [heading(1, escape_md(_("Actions")))]
    if rows:
        blocks.append(
            table(
                _headers(
                    N_("Project"),
                    N_("Practice"),
                    N_("Action"),
                    N_("Owner"),
                    N_("Due"),
                    N_("Status"),
                    N_("From"),
                ),
                rows,
                caption=_("Actions by due date (as of %(date)s)") % {"date": report_date(today)},
            )
        )
    else:
        blocks.append(escape_md(_("No actions.")))
    return join_blocks(blocks)
