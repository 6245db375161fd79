"""Small plain-text helpers shared by the renderers: sources, labels, sentences, bars.

Making untrusted text safe is not done here: see :mod:`coprod.render.safe`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from coprod.core.models import Content, SourceRef
from coprod.core.scoring import VERDICT_BASIS
from coprod.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from coprod.core.assessment import Assessment


def source_line(source: SourceRef, content: Content) -> str:
    """``"Perry et al. (2019) …, section "1. Designing for openness""``."""
    publication = next((p for p in content.meta.publications if p.id == source.ref), None)
    citation = (publication.citation if publication else source.ref).rstrip(".")
    if source.page:
        return _("%(citation)s, section “%(section)s”, p. %(page)s") % {
            "citation": citation,
            "section": source.section,
            "page": source.page,
        }
    return _("%(citation)s, section “%(section)s”") % {
        "citation": citation,
        "section": source.section,
    }


def reference_line(source: SourceRef, content: Content) -> str:
    """A numbered reference's text: ``"The report, section “Appendix 3…”"``, and the
    publication's address where it has one."""
    from coprod.i18n.labels import publication_label

    publication = next((p for p in content.meta.publications if p.id == source.ref), None)
    name = publication_label(source.ref, publication.citation if publication else source.ref)
    line = _("%(citation)s, section “%(section)s”") % {"citation": name, "section": source.section}
    if source.page:
        line += ", " + _("p. %(page)s") % {"page": source.page}
    return line + (f" {publication.url}" if publication and publication.url else "")


def source_lines(sources: Iterable[SourceRef], content: Content) -> list[str]:
    return [source_line(s, content) for s in sources]


class Labels(dict[str, str]):
    """Labels kept in English (marked with ``N_``), given in the interface language."""

    def __getitem__(self, key: str) -> str:
        return _(super().__getitem__(key))

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        value = super().get(key)
        return default if value is None else _(value)


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

VERDICT_TITLE = Labels(
    {
        "favourable": N_("Conditions look favourable for co-production"),
        "caution": N_("Caution: some conditions work against co-production"),
        "unclear": N_("Unclear: the conditions do not yet point either way"),
    }
)
VERDICT_KIND = Labels(
    {"favourable": N_("favourable"), "caution": N_("caution"), "unclear": N_("unclear")}
)
SCORE_NOTE = N_(
    "Scores are prompts for reflection and conversation, not grades: they show where "
    "you see the project now, so you can decide what to work on."
)
TEAM_SCORE_NOTE = N_(
    "Scores are prompts for reflection and conversation, not grades: they show where "
    "this group sees the project now, so you can decide together what to work on."
)
REFLECTION_QUESTIONS = (
    ("why", N_("Why is co-production needed here, rather than another approach?")),
    ("bring_and_take", N_("What can participants bring to it, and take from it?")),
)
#: Easy read beside a quote of the report (a practice title, a Key Point): the quote stays,
#: marked as the report's words, and the easy-read line follows it, never replacing it.
REPORTS_WORDS = N_("the report's words")
HEADING_IS_REPORTS_WORDS = N_("The heading is in the report's words.")


def means_line(means: str | None) -> str:
    """``"This means: …"`` for an easy-read pack's line beside a quote ("" without one)."""
    return _("This means: %(means)s") % {"means": means} if means else ""


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


def verdict_lines(assessment: Assessment) -> list[str]:
    """The verdict explained, as plain sentences (markup-free); ``"• "`` starts a list item."""
    v = assessment.verdict
    lines: list[str] = []
    if v.kind == "caution":
        lines.append(_("You answered yes to these warning signs:"))
        for cid in v.warnings:
            c = assessment.criterion(cid)
            lines.append(f"• {sentences(c.text, c.why)}")
        lines.append(
            _(
                "Co-production may still be possible, but talk these through first; "
                "another participatory approach may fit better."
            )
        )
    elif v.kind == "favourable":
        lines.append(
            _("You answered yes to these conditions, in which co-production is especially helpful:")
        )
        lines += [f"• {assessment.criterion(cid).text}" for cid in v.favourable]
    else:
        lines.append(
            _(
                "%(yes)d of %(all)d favourable conditions were answered yes (two or more "
                "would point towards co-production)."
            )
            % {"yes": len(v.favourable), "all": len(assessment.content.criteria.favourable)}
        )
        lines.append(
            _(
                "It would become clearer if you could say whether the problem still needs "
                "defining, whether there is a shared solution, and whether past approaches "
                "have failed. Consultation or another participatory approach may fit better "
                "than co-production."
            )
        )
    if v.unsure:
        lines.append(_("Things to find out (answered 'not sure'):"))
        lines += [f"• {assessment.criterion(cid).question}" for cid in v.unsure]
    if v.unanswered:
        n = len(v.unanswered)
        lines.append(
            ngettext("%(n)d criterion was not answered.", "%(n)d criteria were not answered.", n)
            % {"n": n}
        )
    lines.append(_(VERDICT_BASIS))
    return lines
