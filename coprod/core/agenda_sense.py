"""The agenda's first conversation: what matters most to people and splits the room (pure).

Built from :mod:`coprod.core.sense`; reasons are listed with the rating they came with,
never with who gave them.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod.core.agenda import MAX_CONVERSATIONS, Section
from coprod.core.assessment import Assessment
from coprod.core.models import Content
from coprod.core.sense import (
    agreement,
    matters_most,
    people_of,
    split_and_mattering,
    with_own,
)
from coprod.i18n import _
from coprod.i18n.labels import rating_label


def matters_section(assessments: Sequence[Assessment], content: Content) -> Section | None:
    """The statements people marked as mattering most that also split the room, if any."""
    mode = assessments[0].answers.mode
    items, people = with_own(content, mode, assessments), people_of(assessments)
    result = agreement(items, people)
    first = split_and_mattering(result, matters_most(items, people))[:MAX_CONVERSATIONS]
    if not first:
        return None
    reasons = {s.item.id: s.reasons for s in result.split}
    lines = []
    for m in first:
        lines.append(
            _("%(text)s: marked by %(n)d as mattering most; rated from %(low)d to %(high)d")
            % {"text": m.item.text, "n": m.count, "low": min(m.ratings), "high": max(m.ratings)}
        )
        lines += [
            _("A reason, rated %(rating)s: “%(text)s”")
            % {"rating": rating_label(r.rating), "text": r.text}
            for r in reasons.get(m.item.id, ())
        ]
    return Section(
        "matters",
        _("What matters most to us, and where we see it differently"),
        15,
        _(
            "Statements people marked as mattering most to them that the room rated two or "
            "more points apart: talk these through first."
        ),
        [
            _("Why does this matter so much to each of us?"),
            _("What have you seen that leads to your rating?"),
        ],
        lines,
    )
