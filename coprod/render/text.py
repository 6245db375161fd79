"""Small plain-text helpers shared by the renderers, and the two places text is made safe.

Text that did not come from coprod's own code (answers files, adapted content,
paths, web forms) passes through exactly one of these on its way out:

* :func:`terminal_safe` before it reaches a terminal (stdout or stderr, with or
  without colour; the consoles in :mod:`coprod.console` apply it to everything
  they print): every control character is made visible (ESC becomes ``␛``), so
  nothing can set a window title, clear the screen, colour the output or open a
  hyperlink; bidi controls become ``�``.
* :func:`escape_md` for markdown (the HTML report is built from it) and
  :func:`escape_html` for the few HTML and SVG strings not built from markdown:
  control characters and bidi controls dropped, then the format's specials escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from coprod.core.models import Content, SourceRef
from coprod.core.scoring import NOT_RATED, SCALE, Rating

#: Bidirectional embedding, override and isolate controls, and the direction marks:
#: they make text read differently from what it is ("Trojan source").
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: C0 controls but tab and newline, DEL, C1 controls (0x9b is an 8-bit CSI), bidi controls.
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC -> ␛, BEL -> ␇
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 and bidi controls: the replacement character


def terminal_safe(text: str) -> str:
    """``text`` made harmless for a terminal: control characters made visible.

    Tab and newline are kept; every other C0 control, DEL, C1 control and bidi
    control is replaced by a visible character, so an escape sequence arrives as
    ordinary text (``␛]0;title␇``) and does nothing.
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_visible, text)


def clean_text(text: str) -> str:
    """``text`` without control characters (but tab and newline) and bidi controls."""
    return _UNSAFE.sub("", text)


#: Characters that can mean something anywhere in (GitHub-flavoured) markdown.
MD_SPECIALS = frozenset("\\`*_{}[]<>#!|~&$")
#: What only means something at the start of a line (lists, thematic breaks, underlines).
_LINE_START = re.compile(r"^(?:(\d+)([.)])|([-+=]))")


def escape_md(text: str) -> str:
    """Text made inert in markdown: on one line, with every special backslash-escaped.

    Line breaks and runs of whitespace become one space (so a table cell or a
    heading cannot be broken); control characters and bidi controls are dropped.
    ``- + = 1. 1)`` only mean something at the start of a line, so they are
    escaped only there (``co-production`` stays readable).
    """
    line = clean_text(" ".join(text.split()))
    escaped = "".join("\\" + ch if ch in MD_SPECIALS else ch for ch in line)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    if match[3]:
        return "\\" + match[3]
    return f"{match[1]}\\{match[2]}"


def escape_html(text: str, quote: bool = True) -> str:
    """Text for HTML or SVG (element content or a quoted attribute), controls dropped."""
    return html.escape(clean_text(text), quote=quote)


def source_line(source: SourceRef, content: Content) -> str:
    """``"Perry et al. (2019) …, section "1. Designing for openness""``."""
    publication = next((p for p in content.meta.publications if p.id == source.ref), None)
    citation = (publication.citation if publication else source.ref).rstrip(".")
    page = f", p. {source.page}" if source.page else ""
    return f"{citation}, section “{source.section}”{page}"


def source_lines(sources: Iterable[SourceRef], content: Content) -> list[str]:
    return [source_line(s, content) for s in sources]


def rating_label(rating: Rating | None) -> str:
    """``3`` -> ``"3 Mostly"``; ``"na"`` -> ``"Not applicable"``; ``None`` -> ``"not answered"``."""
    if rating is None:
        return "not answered"
    if isinstance(rating, int):
        return f"{rating} {SCALE[rating]}"
    return NOT_RATED[rating]


def bar(score: int | None, width: int = 10) -> str:
    """A text bar for a 0-100 score: ``"██████░░░░"``; blank when not scored."""
    if score is None:
        return "·" * width
    filled = round(score * width / 100)
    return "█" * filled + "░" * (width - filled)


CITATION = (
    "Perry, B., Durose, C. and Richardson, L. with the Action Research Collective (2019) "
    "How can we govern cities differently? The promise and practices of co-production. "
    "Project Report. Greater Manchester, Creative Concern."
)
