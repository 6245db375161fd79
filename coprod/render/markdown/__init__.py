"""Reports as GitHub-flavoured markdown (the HTML reports are built from them).

* :mod:`.blocks`: escaping and the building blocks (headings, lists, tables, chart);
* :mod:`.assessment`: one assessment (``coprod report``, ``assess --export``), put
  together from :mod:`.assessment_summary` (header to verdict, and the pieces the
  other reports share) and :mod:`.assessment_detail` (where to focus next to the sources);
* :mod:`.team`: several respondents read together (``coprod team``);
* :mod:`.compare`: two assessments of one project (``coprod compare``).

The names below are the package's interface for the other renderers and tests.
"""

from __future__ import annotations

from coprod.render.markdown.assessment import render, render_many
from coprod.render.markdown.assessment_detail import CASES_HEADING
from coprod.render.markdown.assessment_summary import (
    bands_note,
    chart_items,
    report_title,
    respondent_text,
)
from coprod.render.markdown.blocks import (
    RULE,
    bold,
    bullets,
    escape_md,
    heading,
    heading_slug,
    join_blocks,
    mermaid_bar_chart,
    table,
)
from coprod.render.markdown.compare import (
    COMPARE_CHART_TITLE,
    chart_title,
    compare_chart_items,
    comparison_blocks_text,
    document_title,
    paired_chart_blocks,
    render_comparison,
    series_names,
    side_labels,
    when_text,
)
from coprod.render.markdown.team import TEAM_CHART_TITLE, render_team, team_chart_items

__all__ = [
    "CASES_HEADING",
    "COMPARE_CHART_TITLE",
    "RULE",
    "TEAM_CHART_TITLE",
    "bands_note",
    "bold",
    "bullets",
    "chart_items",
    "chart_title",
    "compare_chart_items",
    "comparison_blocks_text",
    "document_title",
    "escape_md",
    "heading",
    "heading_slug",
    "join_blocks",
    "mermaid_bar_chart",
    "paired_chart_blocks",
    "render",
    "render_comparison",
    "render_many",
    "render_team",
    "report_title",
    "respondent_text",
    "series_names",
    "side_labels",
    "table",
    "team_chart_items",
    "when_text",
]
