"""The content version's notes as markdown blocks: the draft line, the glossary words used.

The plain-text facts come from :mod:`coprod.render.language` (which the terminal
reports share); this module only imports from it, so either can be loaded first.
"""

from __future__ import annotations

from collections.abc import Iterable

from coprod.core.models import Content
from coprod.i18n import _
from coprod.render.language import draft_line, glossary_used, translation_line
from coprod.render.markdown.blocks import bullets, escape_md, heading


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


def glossary_blocks(content: Content, blocks: Iterable[str], level: int = 2) -> list[str]:
    """ "Words used in this report": the glossary words ``blocks`` use, with their meanings."""
    terms = glossary_used(content, blocks)
    if not terms:
        return []
    return [
        heading(level, escape_md(_("Words used in this report"))),
        bullets(f"**{escape_md(t.word)}**: {escape_md(t.meaning)}" for t in terms),
    ]
