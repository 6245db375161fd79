"""Easy read's pictures in the files that carry everything: the HTML reports and the form.

A picture goes left of the words it belongs to, as an ``<img>`` with a ``data:``
address (nothing fetched; an ``<img>`` runs nothing an SVG might hold). Beside a
statement or a question its alt text is empty (the words say everything); beside a
heading it says what the picture shows, in the language of the moment.
"""

from __future__ import annotations

from coprod.core.models import Content
from coprod.i18n import _, labels
from coprod.pictures import PAGE_PICTURES, data_uri
from coprod.render.safe import escape_html

#: The report's and the form's headings that have a picture, and the phone page's
#: picture they share (coprod.pictures.PAGE_PICTURES).
HEADINGS = {"criteria": "criteria", "reflections": "reflections"}


def img(picture: str | None, content: Content, *, heading: bool = False) -> str:
    """The ``<img>`` of a picture ("" when there is none, or the content is not easy read)."""
    if not picture or not content.easy_read:
        return ""
    src = data_uri(picture, content.pictures_folder)
    if src is None:
        return ""
    alt = labels.picture_alt(picture) if heading else ""
    return f'<img class="picture" src="{src}" alt="{escape_html(alt)}" width="40" height="40">'


def page_picture(slug: str) -> str | None:
    """The picture of one of the phone's pages that is not a practice (``criteria`` ...)."""
    return PAGE_PICTURES.get(slug)


def report_pictures(content: Content) -> dict[str, str]:
    """Plain text of a report's cell or heading -> the ``<img>`` to put left of it.

    Statements and criteria as the report shows them, the practices' headings, and
    the "When to co-produce" heading; empty for content that is not easy read.
    """
    if not content.easy_read:
        return {}
    found: dict[str, str] = {}
    for practice in content.practices:
        found[f"{practice.number}. {practice.name}"] = img(practice.picture, content, heading=True)
        for statement in practice.statements:
            found[statement.text] = img(statement.picture, content)
    for criterion in content.all_criteria():
        found[criterion.text] = img(criterion.picture, content)
    found[_("When to co-produce")] = img(PAGE_PICTURES["criteria"], content, heading=True)
    return {text: tag for text, tag in found.items() if tag}
