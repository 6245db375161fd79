"""Text as a reader sees it: flattened to single spaces."""

from __future__ import annotations


def flat(text: str) -> str:
    return " ".join(text.split())
