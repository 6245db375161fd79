"""Small plain-text helpers shared by the renderers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from coprod.core.models import Content, SourceRef
from coprod.core.scoring import NOT_RATED, SCALE, Rating

if TYPE_CHECKING:
    from coprod.core.assessment import Assessment


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


# --- wording every report shares (terminal, markdown, HTML) -------------------

VERDICT_TITLE = {
    "favourable": "Conditions look favourable for co-production",
    "caution": "Caution: some conditions work against co-production",
    "unclear": "Unclear: the conditions do not yet point either way",
}
SCORE_NOTE = (
    "Scores are prompts for reflection and conversation, not grades: they show where "
    "you see the project now, so you can decide what to work on."
)
TEAM_SCORE_NOTE = (
    "Scores are prompts for reflection and conversation, not grades: they show where "
    "this group sees the project now, so you can decide together what to work on."
)
ANSWER_LABEL: dict[str, str] = {"yes": "Yes", "no": "No", "unsure": "Not sure"}
REFLECTION_QUESTIONS = (
    ("why", "Why is co-production needed here, rather than another approach?"),
    ("bring_and_take", "What can participants bring to it, and take from it?"),
)
_PLURALS = {"criterion": "criteria", "practice was": "practices were"}


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``plural(1, "answer")`` -> ``"1 answer"``; ``plural(3, "answer")`` -> ``"3 answers"``."""
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {many or _PLURALS.get(noun) or noun + 's'}"


def were(n: int, noun: str, many: str | None = None) -> str:
    """``"1 answer was"`` / ``"3 answers were"``."""
    return f"{plural(n, noun, many)} {'was' if n == 1 else 'were'}"


def sentences(*parts: str) -> str:
    """Sentences joined with one space, each ending with exactly one full stop.

    Content texts may or may not end with their own full stop ("…processes." and
    "…in sight"), so a stop is added only where a sentence has none.
    """
    done = []
    for part in parts:
        text = part.strip()
        if not text:
            continue
        done.append(text if text[-1] in ".!?…" else text + ".")
    return " ".join(done)


def answer_label(answer: str | None) -> str:
    """``"unsure"`` -> ``"Not sure"``; ``None`` -> ``"Not answered"``."""
    if answer is None:
        return "Not answered"
    return ANSWER_LABEL.get(answer, answer)


def verdict_lines(assessment: Assessment) -> list[str]:
    """The verdict explained, as plain sentences (markup-free); ``"• "`` starts a list item."""
    v = assessment.verdict
    lines: list[str] = []
    if v.kind == "caution":
        lines.append("You answered yes to these warning signs:")
        for cid in v.warnings:
            c = assessment.criterion(cid)
            lines.append(f"• {sentences(c.text, c.why)}")
        lines.append(
            "Co-production may still be possible, but talk these through first; "
            "another participatory approach may fit better."
        )
    elif v.kind == "favourable":
        lines.append(
            "You answered yes to these conditions, in which co-production is especially helpful:"
        )
        lines += [f"• {assessment.criterion(cid).text}" for cid in v.favourable]
    else:
        lines.append(
            f"{len(v.favourable)} of {len(assessment.content.criteria.favourable)} favourable "
            "conditions were answered yes (two or more would point towards co-production)."
        )
        lines.append(
            "It would become clearer if you could say whether the problem still needs defining, "
            "whether there is a shared solution, and whether past approaches have failed. "
            "Consultation or another participatory approach may fit better than co-production."
        )
    if v.unsure:
        lines.append("Things to find out (answered 'not sure'):")
        lines += [f"• {assessment.criterion(cid).question}" for cid in v.unsure]
    if v.unanswered:
        lines.append(f"{were(len(v.unanswered), 'criterion')} not answered.")
    return lines
