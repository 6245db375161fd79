"""Small plain-text helpers shared by the renderers."""

from __future__ import annotations

from collections.abc import Iterable

from coprod.core.models import Content, SourceRef
from coprod.core.scoring import NOT_RATED, SCALE, Rating


def source_line(source: SourceRef, content: Content) -> str:
    """``"Perry et al. (2019) …, section "1. Designing for openness""``."""
    publication = next((p for p in content.meta.publications if p.id == source.ref), None)
    citation = (publication.citation if publication else source.ref).rstrip(".")
    page = f", p. {source.page}" if source.page else ""
    return f"{citation}, section “{source.section}”{page}"


def source_lines(sources: Iterable[SourceRef], content: Content) -> list[str]:
    return [source_line(s, content) for s in sources]


def rating_label(rating: Rating | None) -> str:
    """``3`` -> ``"3 Mostly"``; ``"na"`` -> ``"Not applicable"``; ``None`` -> ``"not answered"``."""
    if rating is None:
        return "not answered"
    if isinstance(rating, int):
        return f"{rating} {SCALE[rating]}"
    return NOT_RATED[rating]


def bar(score: int | None, width: int = 10) -> str:
    """A text bar for a 0-100 score: ``"██████░░░░"``; blank when not scored."""
    if score is None:
        return "·" * width
    filled = round(score * width / 100)
    return "█" * filled + "░" * (width - filled)


CITATION = (
    "Perry, B., Durose, C. and Richardson, L. with the Action Research Collective (2019) "
    "How can we govern cities differently? The promise and practices of co-production. "
    "Project Report. Greater Manchester, Creative Concern."
)
