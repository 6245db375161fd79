"""One assessment as a markdown report: a summary first, then the detail.

The order: the answers file's details, a summary (verdict, strengths, where to
start, overall), the practice profile with its chart (those three in
:mod:`.assessment_summary`), then the detail: the verdict's reasons, where to
focus next, evidence gaps, every practice, the reflections, the case studies
suggested, the caveats and the source (in :mod:`.assessment_detail`). A document
for people: it names cases and links to them, never gives a command to type.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from coprod.core.assessment import Assessment
from coprod.render.markdown.actions import assessment_action_blocks
from coprod.render.markdown.assessment_detail import (
    case_blocks,
    caveat_blocks,
    gaps_blocks,
    practices_blocks,
    priority_blocks,
    reflection_blocks,
    respondent_roles,
    source_blocks,
    suggested_cases,
)
from coprod.render.markdown.assessment_summary import (
    header_blocks,
    profile_blocks,
    summary_blocks,
    summary_header_blocks,
    summary_profile_blocks,
    verdict_blocks,
)
from coprod.render.markdown.blocks import RULE, heading_slug, join_blocks
from coprod.render.markdown.closing import closing_blocks
from coprod.render.markdown.language import glossary_blocks
from coprod.render.markdown.own import assessment_own_blocks


def report_blocks(
    assessment: Assessment, *, mermaid: bool = False, summary: bool = False
) -> list[str]:
    """The whole report for one assessment, as markdown blocks: summary first.

    ``mermaid`` adds the profile's chart as a mermaid block (GitHub draws it; the
    HTML and Word reports put their own chart in its place). ``summary`` gives the
    one-screen version instead (:func:`summary_report_blocks`).
    """
    if summary:
        return summary_report_blocks(assessment)
    blocks = [
        *header_blocks(assessment),
        *summary_blocks(assessment),
        *profile_blocks(assessment, mermaid=mermaid),
        *verdict_blocks(assessment),
        *priority_blocks(assessment),
        *assessment_action_blocks(
            assessment.answers.actions, assessment.content, assessment.answers.previous
        ),
        *gaps_blocks(assessment),
        *practices_blocks(assessment),
        *assessment_own_blocks(assessment),
        *reflection_blocks(assessment),
        *case_blocks(suggested_cases(assessment), assessment),
        *caveat_blocks(assessment),
        *source_blocks(assessment),
        *closing_blocks(assessment.content, respondent_roles(assessment)),
    ]
    return blocks + glossary_blocks(assessment.content, blocks)


def summary_report_blocks(assessment: Assessment) -> list[str]:
    """The short version (``coprod report --summary``): the verdict, strengths and where
    to start, the profile as a short table, the first priority's next steps, and the
    actions (the case studies to learn from, and their anchors, are in the full report)."""
    return [
        *summary_header_blocks(assessment),
        *summary_blocks(assessment),
        *summary_profile_blocks(assessment),
        *priority_blocks(assessment, limit=1, cases=False),
        *assessment_action_blocks(
            assessment.answers.actions, assessment.content, assessment.answers.previous
        ),
    ]


def render(assessment: Assessment, *, mermaid: bool = False, summary: bool = False) -> str:
    """One assessment as a markdown document (``mermaid``: with the chart's mermaid block;
    ``summary``: the one-screen version)."""
    return join_blocks(report_blocks(assessment, mermaid=mermaid, summary=summary))


def _heading_slugs(blocks: Sequence[str]) -> list[str]:
    """The anchors of the headings among ``blocks``, as GitHub makes them."""
    slugs = []
    for block in blocks:
        match = re.match(r"#{1,6} (.*)", block)
        if match:
            slugs.append(heading_slug(re.sub(r"\\(.)", r"\1", match[1])))
    return slugs


def render_many(
    assessments: Sequence[Assessment], *, mermaid: bool = False, summary: bool = False
) -> str:
    """Several assessments, one after another, separated by a rule.

    GitHub numbers repeated headings (``where-to-focus-next-1`` for the second
    report's), so each report's links are numbered to reach its own sections.
    """
    seen: Counter[str] = Counter()
    blocks: list[str] = []
    for i, assessment in enumerate(assessments):
        own = report_blocks(assessment, mermaid=mermaid, summary=summary)
        if seen:

            def renumber(match: re.Match[str]) -> str:
                slug = match[1]
                return f"](#{slug}-{seen[slug]})" if seen[slug] else match[0]

            own = [re.sub(r"\]\(#([^)]+)\)", renumber, block) for block in own]
        blocks += ([RULE] if i else []) + own
        seen.update(_heading_slugs(own))
    return join_blocks(blocks)
