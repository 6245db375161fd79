"""Report formats for files: markdown, HTML, Word and JSON, chosen by name or by suffix.

One registry, ``RENDERERS``, maps ``(kind, format)`` to the function that writes that
kind of report in that format; :func:`render` looks it up. A new report kind adds its
four entries here (and its JSON kind to :mod:`coprod.render.json`). Every format is
text but Word's (``docx``), which is bytes (:data:`BINARY`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from coprod.errors import CoprodError, Problem
from coprod.render.json import document, dumps

if TYPE_CHECKING:
    from coprod.core.agenda import Agenda
    from coprod.core.assessment import Assessment
    from coprod.core.compare import Comparison
    from coprod.core.models import Content
    from coprod.core.room import Coverage
    from coprod.core.team import TeamView

Format = Literal["md", "html", "json", "docx"]
#: The formats whose documents are bytes, not text: written to a file, never printed.
BINARY: frozenset[str] = frozenset({"docx"})
ReportKind = Literal["assessment", "assessments", "team", "comparison", "room", "agenda"]
SUFFIXES: dict[str, Format] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".docx": "docx",
}


def format_from_suffix(path: Path | str) -> Format:
    """The format a file name asks for (``report.html`` -> ``"html"``); else an error."""
    from coprod.i18n import _

    suffix = Path(path).suffix
    fmt = SUFFIXES.get(suffix.lower())
    if fmt is None:
        problem = (
            _("cannot tell the report format from the suffix %(suffix)s; use one of %(suffixes)s")
            if suffix
            else _(
                "cannot tell the report format from a name without a suffix; use one of %(suffixes)s"
            )
        )
        raise CoprodError(
            Problem(problem % {"suffix": repr(suffix), "suffixes": ", ".join(SUFFIXES)}, path)
        )
    return fmt


def render(kind: ReportKind, subject: Any, fmt: Format, **extra: Any) -> str | bytes:
    """``subject`` (an Assessment, a TeamView…) as a ``kind`` report in ``fmt``: text, or
    bytes for a :data:`BINARY` format."""
    return RENDERERS[(kind, fmt)](subject, **extra)


def render_assessment(assessment: Assessment, fmt: Format) -> str | bytes:
    """One assessment as a document in ``fmt`` (``report``, ``assess --export``)."""
    return render("assessment", assessment, fmt)


def render_team(view: TeamView, fmt: Format) -> str | bytes:
    """A group's answers read together (``team``, the workshop's export) in ``fmt``."""
    return render("team", view, fmt)


# JSON: the kind's document (render/json.py)


def _assessment_json(assessment: Assessment) -> str:
    return dumps(document("assessment", assessment.to_json(statements=True)))


def _assessments_json(assessments: Sequence[Assessment]) -> str:
    reports = [a.to_json(statements=True) for a in assessments]
    return dumps(document("assessments", {"reports": reports}))


def _team_json(view: TeamView) -> str:
    return dumps(document("team", view.to_json()))


def _comparison_json(comparison: Comparison) -> str:
    return dumps(document("comparison", comparison.to_json()))


def _room_json(coverage: Coverage, **_extra: Any) -> str:
    return dumps(document("room", coverage.to_json()))


def _agenda_json(agenda: Agenda) -> str:
    return dumps(document("agenda", agenda.to_json()))


# Markdown and HTML: the renderers in render/markdown/ and render/html.py, imported
# when used (start-up stays light)


def _assessment_md(assessment: Assessment, *, mermaid: bool = False, summary: bool = False) -> str:
    from coprod.render import markdown

    return markdown.render(assessment, mermaid=mermaid, summary=summary)


def _assessment_html(assessment: Assessment, *, summary: bool = False) -> str:
    from coprod.render import html

    return html.render(assessment, summary=summary)


def _assessments_md(
    assessments: Sequence[Assessment], *, mermaid: bool = False, summary: bool = False
) -> str:
    from coprod.render import markdown

    return markdown.render_many(assessments, mermaid=mermaid, summary=summary)


def _assessments_html(assessments: Sequence[Assessment], *, summary: bool = False) -> str:
    from coprod.render import html

    return html.render_many(assessments, summary=summary)


def _team_md(view: TeamView, *, mermaid: bool = False) -> str:
    from coprod.render import markdown

    return markdown.render_team(view, mermaid=mermaid)


def _team_html(view: TeamView) -> str:
    from coprod.render import html

    return html.render_team(view)


def _comparison_md(comparison: Comparison, *, mermaid: bool = False) -> str:
    from coprod.render import markdown

    return markdown.render_comparison(comparison, mermaid=mermaid)


def _comparison_html(comparison: Comparison) -> str:
    from coprod.render import html

    return html.render_comparison(comparison)


def _room_md(coverage: Coverage, *, content: Content, project: str | None) -> str:
    from coprod.render.markdown.room import render_room

    return render_room(coverage, content, project)


def _room_html(coverage: Coverage, *, content: Content, project: str | None) -> str:
    from coprod.i18n import _
    from coprod.render import html
    from coprod.render.markdown.room import ROOM_TITLE

    text = _room_md(coverage, content=content, project=project)
    title = (
        _("%(project)s: who is in the room") % {"project": project} if project else _(ROOM_TITLE)
    )
    return html.document(title, f"<article>\n{html.markdown_to_html(text)}</article>")


#: What a session plan adds to the reports' stylesheet: a denser page, so it prints on one or two.
AGENDA_STYLESHEET = "agenda.css"


def _agenda_md(agenda: Agenda) -> str:
    from coprod.render.markdown.agenda import render_agenda

    return render_agenda(agenda)


def _agenda_html(agenda: Agenda) -> str:
    from coprod.render import html
    from coprod.render.markdown.agenda import agenda_title

    text = _agenda_md(agenda)
    page = html.document(
        agenda_title(agenda), f"<article>\n{html.markdown_to_html(text)}</article>"
    )
    return page.replace("</style>", html.stylesheet(AGENDA_STYLESHEET) + "\n</style>", 1)


# Word: the same markdown as a .docx (render/word.py, python-docx imported when used)


def _assessment_docx(assessment: Assessment, *, summary: bool = False) -> bytes:
    from coprod.render import word

    return word.render(assessment, summary=summary)


def _assessments_docx(assessments: Sequence[Assessment], *, summary: bool = False) -> bytes:
    from coprod.render import word

    if len(assessments) == 1:
        return word.render(assessments[0], summary=summary)
    return word.render_many(assessments, summary=summary)


def _team_docx(view: TeamView) -> bytes:
    from coprod.render import word

    return word.render_team(view)


def _comparison_docx(comparison: Comparison) -> bytes:
    from coprod.render import word

    return word.render_comparison(comparison)


def _room_docx(coverage: Coverage, *, content: Content, project: str | None) -> bytes:
    from coprod.i18n import _
    from coprod.render import word
    from coprod.render.markdown.room import ROOM_TITLE

    text = _room_md(coverage, content=content, project=project)
    title = (
        _("%(project)s: who is in the room") % {"project": project} if project else _(ROOM_TITLE)
    )
    return word.render_text(text, title)


def _agenda_docx(agenda: Agenda) -> bytes:
    from coprod.render import word

    return word.render_agenda(agenda)


RENDERERS: dict[tuple[ReportKind, Format], Callable[..., str | bytes]] = {
    ("assessment", "md"): _assessment_md,
    ("assessment", "html"): _assessment_html,
    ("assessment", "json"): _assessment_json,
    ("assessment", "docx"): _assessment_docx,
    ("assessments", "md"): _assessments_md,
    ("assessments", "html"): _assessments_html,
    ("assessments", "json"): _assessments_json,
    ("assessments", "docx"): _assessments_docx,
    ("team", "md"): _team_md,
    ("team", "html"): _team_html,
    ("team", "json"): _team_json,
    ("team", "docx"): _team_docx,
    ("comparison", "md"): _comparison_md,
    ("comparison", "html"): _comparison_html,
    ("comparison", "json"): _comparison_json,
    ("comparison", "docx"): _comparison_docx,
    ("room", "md"): _room_md,
    ("room", "html"): _room_html,
    ("room", "json"): _room_json,
    ("room", "docx"): _room_docx,
    ("agenda", "md"): _agenda_md,
    ("agenda", "html"): _agenda_html,
    ("agenda", "json"): _agenda_json,
    ("agenda", "docx"): _agenda_docx,
}
