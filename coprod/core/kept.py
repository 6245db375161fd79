"""What is worked out once for an object and kept while it lives: the one memo for
frozen objects that cannot be hashed (a content, a practice: their lists make them
unhashable, and their being frozen makes what is worked out from them stay true).

Keys are the object's identity and any further hashable values; the object is held
with the value, so its identity cannot be taken by another while the value is kept.
A :class:`Kept` is safe to share between threads (each step is one dict operation)
and is bounded: when full, it starts afresh.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Kept(Generic[V]):
    """Values kept for an object (and more values) while it lives, up to ``size``."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: dict[tuple[Hashable, ...], tuple[object, V]] = {}

    def get(self, owner: object, *more: Hashable) -> V | None:
        """The value kept for ``owner`` and ``more``, else ``None``."""
        found = self._kept.get((id(owner), *more))
        return found[1] if found is not None and found[0] is owner else None

    def put(self, owner: object, *more: Hashable, value: V) -> V:
        """Keep ``value`` for ``owner`` and ``more``; returns it."""
        if len(self._kept) >= self.size:
            self._kept.clear()
        self._kept[(id(owner), *more)] = (owner, value)
        return value
