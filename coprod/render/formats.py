"""Report formats for files: markdown, HTML and JSON, chosen by name or by suffix."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from coprod.core.assessment import Assessment
from coprod.errors import CoprodError, Problem
from coprod.render.json import document, dumps

if TYPE_CHECKING:
    from coprod.core.agenda import Agenda
    from coprod.core.compare import Comparison
    from coprod.core.models import Content
    from coprod.core.room import Coverage
    from coprod.core.team import TeamView

Format = Literal["md", "html", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "json")
SUFFIXES: dict[str, Format] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}


def format_from_suffix(path: Path | str) -> Format:
    """The format a file name asks for (``report.html`` -> ``"html"``); else an error."""
    suffix = Path(path).suffix
    fmt = SUFFIXES.get(suffix.lower())
    if fmt is None:
        what = f"the suffix {suffix!r}" if suffix else "a name without a suffix"
        raise CoprodError(
            Problem(
                f"cannot tell the report format from {what}; use one of " + ", ".join(SUFFIXES),
                path,
            )
        )
    return fmt


def render_assessment(assessment: Assessment, fmt: Format) -> str:
    """One assessment as a document in ``fmt``."""
    if fmt == "json":
        return dumps(document("assessment", assessment.to_json(statements=True)))
    if fmt == "html":
        from coprod.render import html

        return html.render(assessment)
    from coprod.render import markdown

    return markdown.render(assessment)


def render_assessments(assessments: Sequence[Assessment], fmt: Format) -> str:
    """Several assessments (one per answers file) as one document in ``fmt``."""
    if fmt == "json":
        reports = [a.to_json(statements=True) for a in assessments]
        return dumps(document("assessments", {"reports": reports}))
    if fmt == "html":
        from coprod.render import html

        return html.render_many(assessments)
    from coprod.render import markdown

    return markdown.render_many(assessments)


def render_team(view: TeamView, fmt: Format) -> str:
    """Several respondents' answers read together (``coprod team``) as a document in ``fmt``."""
    if fmt == "json":
        return dumps(document("team", view.to_json()))
    if fmt == "html":
        from coprod.render import html

        return html.render_team(view)
    from coprod.render import markdown

    return markdown.render_team(view)


def render_comparison(comparison: Comparison, fmt: Format) -> str:
    """The same project then and now (``coprod compare``) as a document in ``fmt``."""
    if fmt == "json":
        return dumps(document("comparison", comparison.to_json()))
    if fmt == "html":
        from coprod.render import html

        return html.render_comparison(comparison)
    from coprod.render import markdown

    return markdown.render_comparison(comparison)


def render_room(coverage: Coverage, content: Content, project: str | None, fmt: Format) -> str:
    """Who is in the room (``coprod room``) as a document in ``fmt``."""
    if fmt == "json":
        return dumps(document("room", coverage.to_json()))
    from coprod.render.markdown.room import render_room as room_markdown

    text = room_markdown(coverage, content, project)
    if fmt == "md":
        return text
    from coprod.i18n import _
    from coprod.render import html
    from coprod.render.markdown.room import ROOM_TITLE

    title = (
        _("%(project)s: who is in the room") % {"project": project} if project else _(ROOM_TITLE)
    )
    return html.document(title, f"<article>\n{html.markdown_to_html(text)}</article>")


AGENDA_STYLE = """
@page { size: A4; margin: 12mm 13mm; }
@media print {
  body { font-size: 9pt; line-height: 1.3; }
  h1 { font-size: 14pt; margin: 0 0 0.3rem; }
  h2 { font-size: 10.5pt; margin: 0.6rem 0 0.2rem; padding-top: 0.25rem; border-top-width: 1px; }
  p, ul { margin: 0.2rem 0; }
  li + li { margin-top: 0.05rem; }
  .table-wrap { margin: 0.4rem 0; }
  th, td { padding: 0.1rem 0.35rem; }
}
"""


def render_agenda(agenda: Agenda, fmt: Format) -> str:
    """A facilitator's session plan (``coprod agenda``) as a document in ``fmt``."""
    if fmt == "json":
        return dumps(document("agenda", agenda.to_json()))
    from coprod.render.markdown.agenda import agenda_title
    from coprod.render.markdown.agenda import render_agenda as agenda_markdown

    text = agenda_markdown(agenda)
    if fmt == "md":
        return text
    from coprod.render import html

    page = html.document(
        agenda_title(agenda), f"<article>\n{html.markdown_to_html(text)}</article>"
    )
    return page.replace("</style>", AGENDA_STYLE.strip() + "\n</style>", 1)
