"""Reports as Word documents (.docx): the markdown report converted, with a PNG chart.

Councils share Word files. As for HTML (:mod:`coprod.render.html`), the markdown report
(where every user text is already escaped) is parsed by markdown-it-py, and its tokens
become python-docx paragraphs: headings as Word headings, lists as Word lists, tables
(the profile among them) as Word tables with a repeated header row, a bold line above a
table as its caption, and each mermaid block as the chart drawn as a PNG picture
(:mod:`coprod.render.png`) with the chart's text alternative. python-docx is imported
only here, when a .docx is written.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coprod.i18n import _, language
from coprod.render import markdown
from coprod.render.png import bar_chart_png
from coprod.render.svg import chart_description, paired_description

if TYPE_CHECKING:
    from markdown_it.token import Token

    from coprod.core.agenda import Agenda
    from coprod.core.assessment import Assessment
    from coprod.core.compare import Comparison
    from coprod.core.team import TeamView

WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Figure:
    """A chart for the document: the PNG, and the text that says what it shows."""

    png: bytes
    description: str


def practice_figure(items: list[tuple[str, int | None]], *, title: str) -> Figure | None:
    """One bar per practice (``items``: label and score), or ``None`` when nothing is scored."""
    if all(score is None for _label, score in items):
        return None
    groups = [(n, [score]) for n, (_label, score) in enumerate(items, 1)]
    return Figure(bar_chart_png(groups), chart_description(items, title=title))


class WordDocument:
    """A .docx built from coprod's markdown: ``add_markdown`` one or more times, then ``save``."""

    def __init__(self, title: str) -> None:
        from docx import Document
        from docx.shared import Mm

        self.doc: Any = Document()
        self._styles: dict[str, Any] = {}
        properties = self.doc.core_properties
        properties.title = title
        properties.language = language()
        properties.author = "coprod"
        properties.comments = ""
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)  # A4
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(20))

    # --- the document ------------------------------------------------------------------

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        """A new paragraph in the style named ``style``.

        The style's id is looked up once and set on the paragraph's XML: python-docx's
        own lookup scans every style for each paragraph (most of the time a report took).
        """
        paragraph = self.doc.add_paragraph(text)
        if style is not None:
            if style not in self._styles:
                self._styles[style] = self.doc.styles[style].style_id
            paragraph._p.style = self._styles[style]
        return paragraph

    def add_markdown(self, text: str, figures: Sequence[Figure] = ()) -> None:
        """Markdown written by :mod:`coprod.render.markdown`; ``figures`` replace the charts."""
        from markdown_it import MarkdownIt

        tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(text)
        pictures = iter(figures)
        lists: list[str] = []  # "bullet" or the number of the ordered list's next item
        first_in_item = False
        quote = 0
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind == "heading_open":
                level = int(token.tag[1])
                self.paragraph(_plain(tokens[i + 1]), f"Heading {min(level, 9)}")
                i += 3
                continue
            if kind == "paragraph_open":
                style = None
                prefix = ""
                if lists and first_in_item:
                    style, prefix = self._list_style(lists, tokens[i - 1])
                    first_in_item = False
                elif lists:
                    style = "List Continue"
                elif quote:
                    style = "Quote"
                elif _bold_only(tokens[i + 1]) and _next_is_table(tokens, i + 3):
                    style = "Caption"
                paragraph = self.paragraph(style=style)
                if prefix:
                    paragraph.add_run(prefix)
                self._runs(paragraph, tokens[i + 1].children or [])
                i += 3
                continue
            if kind == "table_open":
                i = self._table(tokens, i)
                continue
            if kind == "bullet_list_open":
                lists.append("bullet")
            elif kind == "ordered_list_open":
                lists.append("ordered")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "list_item_open":
                first_in_item = True
            elif kind == "blockquote_open":
                quote += 1
            elif kind == "blockquote_close":
                quote -= 1
            elif kind == "fence" and token.info.strip() == "mermaid":
                self._figure(next(pictures, None))
            elif kind in ("fence", "code_block"):
                for line in token.content.rstrip("\n").split("\n"):
                    self.paragraph(line, "No Spacing")
            elif kind == "hr":
                self.doc.add_page_break()
            i += 1

    def add_page_break(self) -> None:
        self.doc.add_page_break()

    def save(self) -> bytes:
        """The document as the bytes of a .docx file."""
        from io import BytesIO

        buffer = BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    # --- pieces --------------------------------------------------------------------------

    def _list_style(self, lists: list[str], item: Token) -> tuple[str, str]:
        """The style of a list item's first paragraph, and its number for an ordered list.

        Word's own numbering would run on from one list to the next, so an ordered
        list's numbers are written out (markdown-it gives each item's number).
        """
        depth = min(len(lists), 3)
        suffix = "" if depth == 1 else f" {depth}"
        if lists[-1] == "bullet":
            return f"List Bullet{suffix}", ""
        return f"List{suffix}", f"{item.info}{item.markup or '.'} "

    def _runs(self, paragraph: Any, children: Sequence[Token], *, bold: bool = False) -> None:
        """The inline tokens as runs: bold, italic, code, line breaks, links' text."""
        strong, emphasis = 1 if bold else 0, 0
        href: str | None = None
        link_text = ""
        for child in children:
            kind = child.type
            if kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "em_open":
                emphasis += 1
            elif kind == "em_close":
                emphasis -= 1
            elif kind == "softbreak":
                paragraph.add_run(" ")
            elif kind == "hardbreak":
                paragraph.add_run().add_break()
            elif kind in ("text", "code_inline"):
                run = paragraph.add_run(child.content)
                if strong:
                    run.bold = True
                if emphasis:
                    run.italic = True
                if kind == "code_inline":
                    run.font.name = "Consolas"
                link_text += child.content
            elif kind == "link_open":
                target = child.attrGet("href")
                href, link_text = (target if isinstance(target, str) else None), ""
            elif kind == "link_close":
                # a link within the report reads as its text; a web address is written out
                if href and not href.startswith("#") and href != link_text:
                    paragraph.add_run(f" ({href})")
                href = None

    def _table(self, tokens: list[Token], start: int) -> int:
        """The GFM table opening at ``tokens[start]``; returns the index after it."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement

        rows: list[list[tuple[list[Token], bool]]] = []
        i = start + 1
        while tokens[i].type != "table_close":
            token = tokens[i]
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                right = token.attrGet("style") == "text-align:right"
                rows[-1].append((tokens[i + 1].children or [], right))
            i += 1
        columns = max((len(row) for row in rows), default=1)
        table = self.doc.add_table(rows=len(rows), cols=columns)
        table.style = self.doc.styles["Table Grid"]
        widths = _column_widths(rows, columns)
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the grid, which LibreOffice follows
        for r, (row, table_row) in enumerate(zip(rows, table.rows, strict=True)):
            for c, ((children, right), cell) in enumerate(zip(row, table_row.cells, strict=False)):
                cell.width = widths[c]
                paragraph = cell.paragraphs[0]
                self._runs(paragraph, children, bold=r == 0)
                if right:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if rows:  # the header row repeats at the top of each page the table runs onto
            header = OxmlElement("w:tblHeader")
            table.rows[0]._tr.get_or_add_trPr().append(header)
        self.paragraph()
        return i + 1

    def _figure(self, figure: Figure | None) -> None:
        """The chart as a picture across the page, its description as its alternative text."""
        if figure is None:
            return
        from io import BytesIO

        from docx.shared import Mm

        picture = self.paragraph().add_run().add_picture(BytesIO(figure.png), width=Mm(165))
        properties = picture._inline.docPr  # alt text: python-docx has no setting for it
        properties.set("descr", figure.description)
        properties.set("title", figure.description.split(". ", 1)[0])


TEXT_WIDTH_MM = 170  # A4 less the margins


def _column_widths(rows: list[list[tuple[list[Token], bool]]], columns: int) -> list[Any]:
    """Each column's width: room for its longest word, the rest shared after its longest
    text (a "#" column stays narrow, the statements get the room)."""
    from docx.shared import Mm

    per_char, padding = 2.3, 4.0  # millimetres: about one character at 11 point; the margins
    least = [3 * per_char + padding] * columns
    wanted = list(least)
    for r, row in enumerate(rows):
        char = per_char * (1.2 if r == 0 else 1)  # the header row is bold
        for c, (children, _right) in enumerate(row):
            text = "".join(t.content for t in children if t.type in ("text", "code_inline"))
            word = max((len(w) for w in text.split()), default=0)
            least[c] = max(least[c], word * char + padding)
            wanted[c] = max(wanted[c], least[c], min(len(text), 60) * char + padding)
    spare = TEXT_WIDTH_MM - sum(least)
    extra = [w - n for w, n in zip(wanted, least, strict=True)]
    if spare <= 0 or not sum(extra):
        scale = TEXT_WIDTH_MM / sum(wanted)
        return [Mm(w * scale) for w in wanted]
    share = min(1.0, spare / sum(extra))
    widths = [n + e * share for n, e in zip(least, extra, strict=True)]
    scale = TEXT_WIDTH_MM / sum(widths)
    return [Mm(w * scale) for w in widths]


def _plain(inline: Token) -> str:
    return "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))


def _bold_only(inline: Token) -> bool:
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content)]
    return (
        len(children) >= 3
        and children[0].type == "strong_open"
        and children[-1].type == "strong_close"
    )


def _next_is_table(tokens: list[Token], i: int) -> bool:
    return i < len(tokens) and tokens[i].type == "table_open"


def _document(title: str, parts: Iterator[tuple[str, Sequence[Figure]]]) -> bytes:
    word = WordDocument(title)
    for n, (text, figures) in enumerate(parts):
        if n:
            word.add_page_break()
        word.add_markdown(text, figures)
    return word.save()


def _chart(figure: Figure | None) -> list[Figure]:
    return [figure] if figure else []


# --- the reports ------------------------------------------------------------------------


def _assessment_part(assessment: Assessment, summary: bool) -> tuple[str, Sequence[Figure]]:
    figure = practice_figure(markdown.chart_items(assessment), title=_("Practice scores (0-100)"))
    text = markdown.render(assessment, mermaid=True, summary=summary)
    return text, _chart(figure)


def render(assessment: Assessment, *, summary: bool = False) -> bytes:
    """One assessment as a Word document (``summary``: the one-page version)."""
    title = _("%(project)s: co-production self-assessment") % {
        "project": assessment.answers.project.name
    }
    return _document(title, iter([_assessment_part(assessment, summary)]))


def render_many(assessments: Sequence[Assessment], *, summary: bool = False) -> bytes:
    """Several assessments, each starting on a new page."""
    names = [markdown.report_title(a) for a in assessments]
    title = _("Co-production self-assessments") + ": " + "; ".join(names)
    return _document(title, (_assessment_part(a, summary) for a in assessments))


def render_team(view: TeamView) -> bytes:
    """Several respondents read together as a Word document."""
    items = markdown.team_chart_items(view)
    figure = practice_figure(items, title=_(markdown.TEAM_CHART_TITLE))
    text = markdown.render_team(view, mermaid=True)
    title = _("%(project)s: team view") % {"project": view.project}
    return _document(title, iter([(text, _chart(figure))]))


def render_comparison(comparison: Comparison) -> bytes:
    """The same project then and now as a Word document: two bars per practice."""
    items = markdown.compare_chart_items(comparison)
    first, second = markdown.series_names(comparison)
    figures = []
    chart = markdown.paired_chart_blocks(comparison)
    if chart is not None:
        groups = [(n, [old, new]) for n, (_label, old, new) in enumerate(items, 1)]
        title = markdown.chart_title(comparison)
        description = paired_description(items, title=title, series=(first, second))
        figures.append(Figure(bar_chart_png(groups), description))
        key = _("In the picture, the pale bar is %(first)s and the full-coloured bar %(second)s.")
        chart.append(markdown.escape_md(key % {"first": first, "second": second}))
    text = markdown.comparison_blocks_text(comparison, chart)
    return _document(markdown.document_title(comparison), iter([(text, figures)]))


def render_text(text: str, title: str) -> bytes:
    """A report with no chart (who is in the room) as a Word document."""
    return _document(title, iter([(text, [])]))


def render_agenda(agenda: Agenda) -> bytes:
    """A session plan as a Word document."""
    from coprod.render.markdown.agenda import agenda_title, render_agenda

    return render_text(render_agenda(agenda), agenda_title(agenda))
