"""What is worked out for a content (or a practice) is kept for that very object only."""

from __future__ import annotations

import copy
import gc

from coprod.core.kept import Kept
from coprod.core.models import Content


def test_a_value_is_kept_for_its_object_alone(content: Content) -> None:
    kept: Kept[str] = Kept(4)
    twin = copy.deepcopy(content)  # equal, but another object (another language's, say)
    assert twin == content and twin is not content
    kept.put(content, "quick", value="for this content")
    assert kept.get(content, "quick") == "for this content"
    assert kept.get(content, "full") is None
    assert kept.get(twin, "quick") is None


def test_an_object_is_held_while_its_value_is_kept() -> None:
    kept: Kept[int] = Kept(4)

    class Owner:
        pass

    owner = Owner()
    address = id(owner)
    kept.put(owner, value=1)
    del owner
    gc.collect()
    others = [Owner() for _ in range(1000)]  # none may take the address while it is held
    assert all(id(other) != address for other in others)
    assert all(kept.get(other) is None for other in others)


def test_when_full_it_starts_afresh() -> None:
    kept: Kept[int] = Kept(2)
    owners = [object() for _ in range(3)]
    for number, owner in enumerate(owners):
        kept.put(owner, value=number)
    assert [kept.get(owner) for owner in owners] == [None, None, 2]
