"""Markdown building blocks: escaping, headings, lists, tables, a mermaid chart.

Every piece of user text (project name, respondent, notes, reflections) and of
content text goes through :func:`escape_md`, so it can never open a heading, a
list, a link or a table row. Each block function returns one markdown block;
:func:`join_blocks` puts blocks together.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Literal

from coprod.render.safe import clean_text
from coprod.render.safe import escape_md as escape_md  # the one markdown escaper

Align = Literal["left", "right"]

RULE = "---"


def escape_md_paragraphs(text: str) -> list[str]:
    """Multi-line user text as escaped paragraphs: one per non-blank line."""
    return [escape_md(line) for line in text.splitlines() if line.strip()]


def join_blocks(blocks: Iterable[str]) -> str:
    """Blocks separated by blank lines, ending with one newline."""
    return "\n\n".join(b for b in blocks if b) + "\n"


def heading(level: int, text: str) -> str:
    """An ATX heading; ``text`` is markdown (escape user text first)."""
    return f"{'#' * level} {text}"


def bullets(items: Iterable[str]) -> str:
    """A bulleted list; each item is markdown (escape user text first)."""
    return "\n".join(f"- {item}" for item in items)


def bold(text: str) -> str:
    """Plain text, escaped and in bold."""
    return f"**{escape_md(text)}**"


def _cell(text: str) -> str:
    return " ".join(text.split())


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    caption: str | None = None,
    align: Sequence[Align] = (),
) -> str:
    """A GFM table; ``header`` and ``caption`` are plain text, ``rows`` are markdown.

    The caption is a bold paragraph just above the table (the HTML renderer turns
    it into a real ``<caption>``).
    """
    aligns = list(align) + ["left"] * (len(header) - len(align))
    lines = [
        "| " + " | ".join(escape_md(h) for h in header) + " |",
        "| " + " | ".join("---:" if a == "right" else "---" for a in aligns) + " |",
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    text = "\n".join(lines)
    return f"{bold(caption)}\n\n{text}" if caption else text


def _mermaid_label(text: str) -> str:
    """A label that is safe inside a quoted mermaid string."""
    return re.sub(r'["#;`\\]', "", " ".join(clean_text(text).split()))


def mermaid_bar_chart(
    items: Sequence[tuple[str, int]],
    *,
    title: str,
    x_label: str,
    y_label: str,
    line: Sequence[int] | None = None,
) -> str:
    """A fenced mermaid ``xychart-beta`` vertical bar chart on a 0-100 scale.

    ``line`` (one value per item) adds a line over the bars, e.g. earlier scores.
    """
    labels = ", ".join(f'"{_mermaid_label(label)}"' for label, _ in items)
    values = ", ".join(str(value) for _, value in items)
    extra = [] if line is None else [f"    line [{', '.join(str(v) for v in line)}]"]
    return "\n".join(
        [
            "```mermaid",
            "xychart-beta",
            f'    title "{_mermaid_label(title)}"',
            f'    x-axis "{_mermaid_label(x_label)}" [{labels}]',
            f'    y-axis "{_mermaid_label(y_label)}" 0 --> 100',
            f"    bar [{values}]",
            *extra,
            "```",
        ]
    )


def lines_to_blocks(lines: Iterable[str]) -> list[str]:
    """Plain sentences to blocks: runs of ``"• item"`` lines become one list."""
    blocks: list[str] = []
    items: list[str] = []
    for line in lines:
        if line.startswith("• "):
            items.append(escape_md(line[2:]))
            continue
        if items:
            blocks.append(bullets(items))
            items = []
        blocks.append(escape_md(line))
    if items:
        blocks.append(bullets(items))
    return blocks


def heading_slug(text: str) -> str:
    """The anchor GitHub gives a heading (plain text): ``"The System Doesn’t Work"`` ->
    ``"the-system-doesnt-work"``. The HTML renderer gives headings the same ids."""
    kept = "".join(ch for ch in text.lower() if ch in " -_" or unicodedata.category(ch)[0] in "LN")
    return kept.replace(" ", "-")


def link(text: str, anchor: str) -> str:
    """A link to a heading in the same document; ``text`` is plain text."""
    return f"[{escape_md(text)}](#{anchor})"


def field(label: str, value: str) -> str:
    """``**Project:** value``: ``label`` plain text (escaped here), ``value`` markdown."""
    return f"**{escape_md(label)}:** {value}"
