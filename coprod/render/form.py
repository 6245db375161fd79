"""The paper form: the assessment's questions on A4, for people without a smartphone.

The same questions in the same order as the phones and ``coprod assess`` ask them, in the
language and reading level of the content given (``--lang``, ``--easy-read``), with the
"Why?" line and the "matters most" star beside each rating. A facilitator types a
filled-in form into the workshop's console ("Enter a paper form"), where it counts like
any other participant. One autoescaping template; nothing fetched; print CSS for A4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import jinja2

from coprod import i18n
from coprod.core.models import Content
from coprod.core.own import OWN_SECTION, OwnStatement
from coprod.i18n import labels
from coprod.render.text import REFLECTION_QUESTIONS

HERE = Path(__file__).parent
MAX_MATTERS_MOST = 3


def _environment() -> jinja2.Environment:
    from coprod.render.jinja import environment

    return environment(HERE / "templates")


def render_form(
    content: Content,
    *,
    quick: bool = False,
    project: str | None = None,
    today: dt.date | None = None,
    own: Sequence[OwnStatement] = (),
) -> str:
    """The whole form as one HTML file (``quick``: one overall rating per practice; ``own``:
    the group's own statements, on their own after the practices, in the group's words)."""
    from markupsafe import Markup

    from coprod.pictures import PAGE_PICTURES
    from coprod.render.pictures import img

    template = _environment().get_template("form.html")
    return template.render(
        picture=lambda picture, heading=False: Markup(img(picture, content, heading=heading)),
        page_pictures=PAGE_PICTURES,
        lang=i18n.language(),
        content=content,
        quick=quick,
        project=project or "",
        date=i18n.report_date(today) if today else "",
        roles=[*labels.choices(labels.ROLE_CHOICES), ("", i18n._(labels.NO_ROLE_CHOICE))],
        answers=labels.choices(labels.ANSWER_CHOICES),
        scale=[(n, i18n._(word)) for n, word in labels.SCALE_WORDS.items()],
        not_rated=[(key, i18n._(word)) for key, word in labels.NOT_RATED_WORDS.items()],
        reflections=[(key, i18n._(question)) for key, question in REFLECTION_QUESTIONS],
        characteristics=content.background.arc_characteristics,
        most=MAX_MATTERS_MOST,
        own=own,
        own_title=i18n._(OWN_SECTION),
        practice_names={p.id: p.name for p in content.practices},
        draft_line=content.pack.draft_line if content.pack else None,
    )
