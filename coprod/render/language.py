"""What a report says about the content version it uses: the draft line, the glossary.

A Welsh report shows the pack's draft notice while the translation is a draft; an
easy-read report ends with the glossary words it used. Shared by the markdown (and
so HTML) and terminal renderers, in plain text: :mod:`coprod.render.markdown.language`
makes markdown of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coprod.core.models import Content, GlossaryTerm


def draft_line(content: Content) -> str | None:
    """The pack's "this translation is a draft" line, while it is a draft (plain text)."""
    return content.pack.draft_line if content.pack else None


def translation_line(content: Content) -> str | None:
    """The pack's note that quoted titles and Key Points are translations (plain text)."""
    return content.pack.meta.translation_note if content.pack else None


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
