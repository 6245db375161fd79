"""What a report says about the content version it uses: the draft line, the glossary.

A Welsh report shows the pack's draft notice while the translation is a draft; an
easy-read report ends with the glossary words it used. Shared by the markdown (and
so HTML) and terminal renderers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coprod.core.models import Content, GlossaryTerm
from coprod.i18n import _
from coprod.render.markdown.blocks import bullets, escape_md, heading


def draft_line(content: Content) -> str | None:
    """The pack's "this translation is a draft" line, while it is a draft (plain text)."""
    return content.pack.draft_line if content.pack else None


def translation_line(content: Content) -> str | None:
    """The pack's note that quoted titles and Key Points are translations (plain text)."""
    return content.pack.meta.translation_note if content.pack else None


def draft_blocks(content: Content) -> list[str]:
    """The draft line and the translation note as markdown paragraphs, or nothing."""
    blocks = []
    line = draft_line(content)
    if line:
        label = _("Draft translation")
        blocks.append(f"**{escape_md(label)}:** {escape_md(line)}")
    note = translation_line(content)
    if note:
        blocks.append(f"*{escape_md(note)}*")
    return blocks


def glossary_used(content: Content, texts: Iterable[str]) -> list[GlossaryTerm]:
    """The glossary words (any of their forms) that appear in ``texts``, in glossary order."""
    if not content.pack or not content.pack.glossary:
        return []
    text = " ".join(texts).lower()
    used = []
    for term in content.pack.glossary:
        forms = "|".join(re.escape(f.lower()) for f in term.forms())
        if re.search(rf"(?<![\w-])(?:{forms})(?![\w-])", text):
            used.append(term)
    return used


def glossary_blocks(content: Content, blocks: Iterable[str], level: int = 2) -> list[str]:
    """ "Words used in this report": the glossary words ``blocks`` use, with their meanings."""
    terms = glossary_used(content, blocks)
    if not terms:
        return []
    return [
        heading(level, escape_md(_("Words used in this report"))),
        bullets(f"**{escape_md(t.word)}**: {escape_md(t.meaning)}" for t in terms),
    ]
