"""core.room: who is in the room, from what each person brings."""

from __future__ import annotations

from coprod.core.models import Content
from coprod.core.room import coverage, known_brings, status_for


def test_two_people_make_a_characteristic_present_one_thin_none_missing() -> None:
    assert [status_for(n) for n in (0, 1, 2, 5)] == ["missing", "thin", "present", "present"]


def test_coverage_counts_each_characteristic_and_lists_gaps(content: Content) -> None:
    ids = [c.id for c in content.background.arc_characteristics]
    room = coverage([[ids[0], ids[1]], [ids[0]], []], content)
    counts = {c.characteristic.id: c.count for c in room.characteristics}
    assert counts[ids[0]] == 2 and counts[ids[1]] == 1 and counts[ids[2]] == 0
    assert (room.respondents, room.answered, room.unanswered) == (3, 2, 1)
    gaps = [g.count.characteristic.id for g in room.gaps]
    assert ids[0] not in gaps
    assert gaps[-1] == ids[1]  # missing first, thin last
    general = {w.id for w in room.general_ways}
    for gap in room.gaps:
        assert all(gap.count.characteristic.id in w.characteristics for w in gap.ways)
        assert not general & {w.id for w in gap.ways}


def test_known_brings_keeps_the_contents_order_once_each(content: Content) -> None:
    ids = [c.id for c in content.background.arc_characteristics]
    assert known_brings([ids[2], "nonsense", ids[0], ids[2]], content) == [ids[0], ids[2]]
