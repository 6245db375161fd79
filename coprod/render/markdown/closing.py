"""How every markdown (and so HTML) report ends: what the Jam and Justice report hopes for
and saw change, then what it asks of the reader, framed as it frames it.

The report's own words are quoted and marked as its words; each part names the report
sections it comes from.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod.core.models import Content, Passage
from coprod.i18n import N_, _, ngettext
from coprod.render.markdown.blocks import bold, bullets, escape_md, heading

CALLS_HEADING = N_("What the report asks of you")
VISION_HEADING = N_("The report's vision, and what changed")


def in_its_words(quote: str | None) -> str:
    """``In the report's words: “…”`` (plain text, to escape), or nothing."""
    return (
        _("In the report's words: “%(quote)s”") % {"quote": " ".join(quote.split())}
        if quote
        else ""
    )


def from_sections(passages: Sequence[object]) -> str:
    """``From the report's sections “A”, “B”.``: the report sections ``passages`` cite
    (plain text, to escape)."""
    sections = list(
        dict.fromkeys(
            s.section
            for p in passages
            for s in p.source  # type: ignore[attr-defined]
            if s.ref == "report"
        )
    )
    return ngettext(
        "From the report's section %(sections)s.",
        "From the report's sections %(sections)s.",
        len(sections),
    ) % {"sections": ", ".join(f"“{s}”" for s in sections)}


def _passage(p: Passage) -> str:
    return f"{bold(p.name)}: {escape_md(p.text + ' ' + in_its_words(p.quote))}"


def vision_blocks(content: Content, level: int = 2) -> list[str]:
    """The report's vision of governing differently and its headlines of what changed."""
    bg = content.background
    if not bg.vision and not bg.what_changed:
        return []
    blocks = [heading(level, _(VISION_HEADING))]
    if bg.vision:
        blocks += [bold(_("Governing differently")), bullets(_passage(p) for p in bg.vision)]
    if bg.what_changed:
        blocks += [
            bold(_("What changed, in the report's headlines")),
            bullets(_passage(p) for p in bg.what_changed),
        ]
    return [*blocks, escape_md(from_sections([*bg.vision, *bg.what_changed]))]


def calls_to_action_blocks(
    content: Content, roles: Sequence[str | None], level: int = 2
) -> list[str]:
    """The report's calls to action for these roles (all four when a role is unknown),
    framed as the report frames them: take stock first, and a strategy is only a marker."""
    calls = content.calls_to_action(roles)
    if not calls:
        return []
    framing = {p.id: p for p in content.background.calls_framing}
    first = [framing["take-stock"]] if "take-stock" in framing else []
    last = [p for p in content.background.calls_framing if p not in first]
    return [
        heading(level, _(CALLS_HEADING)),
        *(_passage(p) for p in first),
        bullets(
            f"{bold(c.reader)}: {escape_md(c.text)}"
            + (f" {escape_md(in_its_words(c.quote))}" if c.quote else "")
            for c in calls
        ),
        *(_passage(p) for p in last),
        escape_md(from_sections([*first, *calls, *last])),
    ]


def closing_blocks(content: Content, roles: Sequence[str | None], level: int = 2) -> list[str]:
    """The end of a report: the report's vision and what changed, then what it asks."""
    return [*vision_blocks(content, level), *calls_to_action_blocks(content, roles, level)]
