"""Where untrusted text is made safe: the one sanitiser, and one escaper per format.

Text that did not come from coprod's own code (answers files, adapted content,
paths, web forms) passes through exactly one of these on its way out:

* :func:`terminal_safe` before it reaches a terminal (stdout or stderr, with or
  without colour; the consoles in :mod:`coprod.terminal.console` apply it to everything
  they print): every control character is made visible (ESC becomes ``␛``), so
  nothing can set a window title, clear the screen, colour the output or open a
  hyperlink; invisible characters become ``�``;
* :func:`escape_markup` for rich markup (the terminal reports), :func:`escape_md`
  for markdown (the HTML report is built from it) and :func:`escape_html` for the
  few HTML and SVG strings not built from markdown: control and invisible
  characters dropped, then the format's specials escaped;
* :func:`json_safe` for a JSON document printed on a terminal;
* :func:`clean_text` where text is kept rather than shown (and :func:`clean_typed`
  for what is typed into the workshop's forms): control and invisible characters
  dropped.

"Control character" has one definition, :data:`UNSAFE`: the C0 controls but tab and
newline, DEL, the C1 controls, and the invisible characters of :data:`INVISIBLE`.
This module imports nothing heavy: the consoles load it on every run.
"""

from __future__ import annotations

import json
import re

#: Characters that make text read differently from what it is ("Trojan source"): the
#: bidirectional embedding, override and isolate controls, the direction marks (U+061C,
#: U+200E, U+200F), and the zero-width space, non-joiner and joiner (U+200B-U+200D).
INVISIBLE = (
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: C0 controls but tab and newline, DEL, C1 controls (0x9b is an 8-bit CSI), invisible ones.
UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{INVISIBLE}]")
#: What JSON on a terminal must carry as escapes even in UTF-8 (JSON escapes C0 itself).
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{INVISIBLE}]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC -> ␛, BEL -> ␇
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 and invisible characters: the replacement character


def terminal_safe(text: str) -> str:
    """``text`` made harmless for a terminal: control characters made visible.

    Tab and newline are kept; every other C0 control, DEL, C1 control and invisible
    character is replaced by a visible character, so an escape sequence arrives as
    ordinary text (``␛]0;title␇``) and does nothing.
    """
    if UNSAFE.search(text) is None:
        return text
    return UNSAFE.sub(_visible, text)


def clean_text(text: str) -> str:
    """``text`` without control characters (but tab and newline) and invisible characters."""
    return UNSAFE.sub("", text)


def clean_typed(text: str) -> str:
    """Text typed into a form, as kept: newlines normalised, :func:`clean_text`, ends trimmed."""
    return clean_text(text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def escape_markup(text: str) -> str:
    """Untrusted text as rich markup: on one line, without control characters, escaped."""
    from rich.markup import escape

    return escape(clean_text(" ".join(text.split())))


#: Characters that can mean something anywhere in (GitHub-flavoured) markdown.
MD_SPECIALS = frozenset("\\`*_{}[]<>#!|~&$")
#: What only means something at the start of a line (lists, thematic breaks, underlines).
_LINE_START = re.compile(r"^(?:(\d+)([.)])|([-+=]))")


def escape_md(text: str) -> str:
    """Text made inert in markdown: on one line, with every special backslash-escaped.

    Line breaks and runs of whitespace become one space (so a table cell or a
    heading cannot be broken); control and invisible characters are dropped.
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
    import html  # (not at start-up: most commands write no HTML)

    return html.escape(clean_text(text), quote=quote)


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _is_utf(encoding: str) -> bool:
    return encoding.lower().replace("-", "").replace("_", "").startswith("utf")


def json_safe(text: str, encoding: str | None) -> str:
    """JSON text that prints safely and stays valid JSON in ``encoding``.

    C1 controls and invisible characters become ``\\uXXXX`` escapes even in UTF-8.
    Outside strings JSON is ASCII, so any other character can be written as a
    ``\\uXXXX`` escape without changing the document's meaning.
    """

    def escaped(match: re.Match[str]) -> str:
        return json.dumps(match[0])[1:-1]  # "\u009b"

    text = _JSON_UNSAFE.sub(escaped, text)
    if encoding and not _is_utf(encoding) and not text.isascii():
        text = re.sub(
            r"[^\x00-\x7f]",
            lambda m: m[0] if _encodable(m[0], encoding) else escaped(m),
            text,
        )
    return text
