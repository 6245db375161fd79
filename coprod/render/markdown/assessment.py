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
    verdict_blocks,
)
from coprod.render.markdown.blocks import RULE, heading_slug, join_blocks
from coprod.render.markdown.closing import closing_blocks
from coprod.render.markdown.language import glossary_blocks


def report_blocks(assessment: Assessment) -> list[str]:
    """The whole report for one assessment, as markdown blocks: summary first."""
    blocks = [
        *header_blocks(assessment),
        *summary_blocks(assessment),
        *profile_blocks(assessment),
        *verdict_blocks(assessment),
        *priority_blocks(assessment),
        *assessment_action_blocks(
            assessment.answers.actions, assessment.content, assessment.answers.previous
        ),
        *gaps_blocks(assessment),
        *practices_blocks(assessment),
        *reflection_blocks(assessment),
        *case_blocks(suggested_cases(assessment), assessment),
        *caveat_blocks(assessment),
        *source_blocks(assessment),
        *closing_blocks(assessment.content, respondent_roles(assessment)),
    ]
    return blocks + glossary_blocks(assessment.content, blocks)


def render(assessment: Assessment) -> str:
    """One assessment as a markdown document."""
    return join_blocks(report_blocks(assessment))


def _heading_slugs(blocks: Sequence[str]) -> list[str]:
    """The anchors of the headings among ``blocks``, as GitHub makes them."""
    slugs = []
    for block in blocks:
        match = re.match(r"#{1,6} (.*)", block)
        if match:
            slugs.append(heading_slug(re.sub(r"\\(.)", r"\1", match[1])))
    return slugs


def render_many(assessments: Sequence[Assessment]) -> str:
    """Several assessments, one after another, separated by a rule.

    GitHub numbers repeated headings (``where-to-focus-next-1`` for the second
    report's), so each report's links are numbered to reach its own sections.
    """
    seen: Counter[str] = Counter()
    blocks: list[str] = []
    for i, assessment in enumerate(assessments):
        own = report_blocks(assessment)
        if seen:

            def renumber(match: re.Match[str]) -> str:
                slug = match[1]
                return f"](#{slug}-{seen[slug]})" if seen[slug] else match[0]

            own = [re.sub(r"\]\(#([^)]+)\)", renumber, block) for block in own]
        blocks += ([RULE] if i else []) + own
        seen.update(_heading_slugs(own))
    return join_blocks(blocks)
