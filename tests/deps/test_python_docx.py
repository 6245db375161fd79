"""python-docx: a Word report's chart gets its alternative text through the picture's
``docPr`` (``InlineShape._inline.docPr``), which python-docx does not expose. Should that
path change, the chart reaches Word without a description for screen readers: this
test names the break.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document

from coprod.render.png import bar_chart_png
from coprod.render.word import Figure, WordDocument


def test_python_docx_picture_keeps_the_alt_text_coprod_sets() -> None:
    word = WordDocument("Chart")
    word.add_markdown("# Chart\n\n```mermaid\n```\n", [Figure(bar_chart_png([(1, [50])]), "Half.")])
    document = Document(BytesIO(word.save()))
    (shape,) = document.inline_shapes
    assert shape._inline.docPr.get("descr") == "Half."


def test_python_docx_paragraph_style_set_by_id_reads_back_by_name() -> None:
    """coprod sets a paragraph's style through ``paragraph._p.style`` (its id), not by name."""
    word = WordDocument("Styles")
    word.add_markdown("# Title\n\n- one\n- two\n")
    document = Document(BytesIO(word.save()))
    assert [p.style.name for p in document.paragraphs] == [
        "Heading 1",
        "List Bullet",
        "List Bullet",
    ]
