"""Small plain-text helpers shared by the renderers, and the two places text is made safe.

Text that did not come from coprod's own code (answers files, adapted content,
paths, web forms) passes through exactly one of these on its way out:

* :func:`terminal_safe` before it reaches a terminal (stdout or stderr, with or
  without colour; the consoles in :mod:`coprod.terminal.console` apply it to everything
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
from typing import TYPE_CHECKING

from coprod.core.models import Content, SourceRef
from coprod.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from coprod.core.assessment import Assessment

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
    if source.page:
        return _("%(citation)s, section “%(section)s”, p. %(page)s") % {
            "citation": citation,
            "section": source.section,
            "page": source.page,
        }
    return _("%(citation)s, section “%(section)s”") % {
        "citation": citation,
        "section": source.section,
    }


def source_lines(sources: Iterable[SourceRef], content: Content) -> list[str]:
    return [source_line(s, content) for s in sources]


class Labels(dict[str, str]):
    """Labels kept in English (marked with ``N_``), given in the interface language."""

    def __getitem__(self, key: str) -> str:
        return _(super().__getitem__(key))

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        value = super().get(key)
        return default if value is None else _(value)


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


# --- wording every report shares (terminal, markdown, HTML) -------------------

VERDICT_TITLE = Labels(
    {
        "favourable": N_("Conditions look favourable for co-production"),
        "caution": N_("Caution: some conditions work against co-production"),
        "unclear": N_("Unclear: the conditions do not yet point either way"),
    }
)
VERDICT_KIND = Labels(
    {"favourable": N_("favourable"), "caution": N_("caution"), "unclear": N_("unclear")}
)
SCORE_NOTE = N_(
    "Scores are prompts for reflection and conversation, not grades: they show where "
    "you see the project now, so you can decide what to work on."
)
TEAM_SCORE_NOTE = N_(
    "Scores are prompts for reflection and conversation, not grades: they show where "
    "this group sees the project now, so you can decide together what to work on."
)
REFLECTION_QUESTIONS = (
    ("why", N_("Why is co-production needed here, rather than another approach?")),
    ("bring_and_take", N_("What can participants bring to it, and take from it?")),
)
_PLURALS = {"criterion": "criteria", "practice was": "practices were"}


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``plural(1, "answer")`` -> ``"1 answer"``; ``plural(3, "answer")`` -> ``"3 answers"``."""
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {many or _PLURALS.get(noun) or noun + 's'}"


def were(n: int, noun: str, many: str | None = None) -> str:
    """``"1 answer was"`` / ``"3 answers were"``."""
    return f"{plural(n, noun, many)} {'was' if n == 1 else 'were'}"


def sentences(*parts: str) -> str:
    """Sentences joined with one space, each ending with exactly one full stop.

    Content texts may or may not end with their own full stop ("…processes." and
    "…in sight"), so a stop is added only where a sentence has none.
    """
    done = []
    for part in parts:
        text = part.strip()
        if not text:
            continue
        done.append(text if text[-1] in ".!?…" else text + ".")
    return " ".join(done)


def verdict_lines(assessment: Assessment) -> list[str]:
    """The verdict explained, as plain sentences (markup-free); ``"• "`` starts a list item."""
    v = assessment.verdict
    lines: list[str] = []
    if v.kind == "caution":
        lines.append(_("You answered yes to these warning signs:"))
        for cid in v.warnings:
            c = assessment.criterion(cid)
            lines.append(f"• {sentences(c.text, c.why)}")
        lines.append(
            _(
                "Co-production may still be possible, but talk these through first; "
                "another participatory approach may fit better."
            )
        )
    elif v.kind == "favourable":
        lines.append(
            _("You answered yes to these conditions, in which co-production is especially helpful:")
        )
        lines += [f"• {assessment.criterion(cid).text}" for cid in v.favourable]
    else:
        lines.append(
            _(
                "%(yes)d of %(all)d favourable conditions were answered yes (two or more "
                "would point towards co-production)."
            )
            % {"yes": len(v.favourable), "all": len(assessment.content.criteria.favourable)}
        )
        lines.append(
            _(
                "It would become clearer if you could say whether the problem still needs "
                "defining, whether there is a shared solution, and whether past approaches "
                "have failed. Consultation or another participatory approach may fit better "
                "than co-production."
            )
        )
    if v.unsure:
        lines.append(_("Things to find out (answered 'not sure'):"))
        lines += [f"• {assessment.criterion(cid).question}" for cid in v.unsure]
    if v.unanswered:
        n = len(v.unanswered)
        lines.append(
            ngettext("%(n)d criterion was not answered.", "%(n)d criteria were not answered.", n)
            % {"n": n}
        )
    return lines
