"""One self-contained HTML5 file: the markdown report converted, with an SVG chart.

The markdown (where all user text is already escaped) is converted by
markdown-it-py with raw HTML switched off, so nothing a user typed can become
markup. The token stream is then adjusted: tables get ``<caption>`` and
``<th scope>``, headings open ``<section>`` elements, and each mermaid block is
replaced by an inline SVG chart. No JavaScript, nothing fetched, print-ready.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

from coprod.core.assessment import Assessment
from coprod.core.compare import Comparison
from coprod.core.team import TeamView
from coprod.i18n import N_, _, language, ngettext
from coprod.render import markdown
from coprod.render.safe import escape_html as escape
from coprod.render.svg import bar_chart_svg, paired_bar_chart_svg

if TYPE_CHECKING:
    from markdown_it.token import Token

CHART_TITLE = N_("Practice scores (0-100)")

#: The stylesheet every HTML report carries in its ``<style>``: readable on a phone
#: (below 30rem), printable on A4, nothing fetched (no ``url()``).
STYLESHEET = "report.css"


@cache
def stylesheet(name: str) -> str:
    """A stylesheet shipped in this folder (``report.css``, ``agenda.css``), as text."""
    from importlib.resources import files

    return files("coprod.render").joinpath(name).read_text(encoding="utf-8").strip()


# --- building blocks ---------------------------------------------------------


def _html_token(content: str) -> Token:
    from markdown_it.token import Token

    return Token("html_block", "", 0, content=content + "\n", block=True)


def _caption_children(tokens: list[Token], i: int) -> list[Token] | None:
    """The inline content of a bold-only paragraph ending at ``tokens[i - 1]``."""
    if i < 3 or tokens[i - 3].type != "paragraph_open" or tokens[i - 1].type != "paragraph_close":
        return None
    children = [t for t in tokens[i - 2].children or [] if not (t.type == "text" and not t.content)]
    inner = children[1:-1]
    if (
        len(children) < 3
        or children[0].type != "strong_open"
        or children[-1].type != "strong_close"
        or any(t.type not in ("text", "softbreak") for t in inner)
    ):
        return None
    return inner


SHORT_CELL = 16  # a column whose cells are all this short never wraps (ratings, answers)


def _plain(token: Token) -> str:
    return "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline"))


def _short_columns(tokens: list[Token], start: int) -> list[bool]:
    """For the table opening at ``tokens[start]``: which body columns hold only short text."""
    longest: list[int] = []
    column = 0
    for i in range(start, len(tokens)):
        token = tokens[i]
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            column = 0
        elif token.type == "td_open":
            if len(longest) <= column:
                longest.append(0)
            longest[column] = max(longest[column], len(_plain(tokens[i + 1])))
            column += 1
    return [n <= SHORT_CELL for n in longest]


def _header_labels(tokens: list[Token], start: int) -> list[str]:
    """The header cells' text of the table opening at ``tokens[start]``."""
    labels = []
    for i in range(start, len(tokens)):
        if tokens[i].type == "thead_close":
            break
        if tokens[i].type == "th_open":
            labels.append(_plain(tokens[i + 1]))
    return labels


def stacks_on_a_phone(short: Sequence[bool]) -> bool:
    """A table too wide for a phone (four or more columns, two or more that wrap, like the
    actions): on a narrow screen each row becomes a block, each cell after its column's
    name (``class="stack"``, report.css)."""
    return len(short) >= 4 and short.count(False) >= 2


def _heading_id(tokens: list[Token], i: int, used: set[str]) -> str:
    """The id of the heading opening at ``tokens[i]``: GitHub's anchor, made unique."""
    base = markdown.heading_slug(_plain(tokens[i + 1])) or "section"
    slug, n = base, 0
    while slug in used:
        n += 1
        slug = f"{base}-{n}"
    used.add(slug)
    return slug


def _follow_renamed_anchors(tokens: list[Token], renamed: dict[str, str]) -> None:
    """Links to this fragment's headings point at the ids they got on the page.

    With several reports on one page, the second report's "Where to focus next"
    is ``where-to-focus-next-1``: its own links must go there, not to the first's.
    """
    for token in tokens:
        for child in token.children or []:
            href = child.attrGet("href") if child.type == "link_open" else None
            if isinstance(href, str) and href.startswith("#") and href[1:] in renamed:
                child.attrSet("href", "#" + renamed[href[1:]])


def _beside(token: Token, pictures: Mapping[str, str]) -> None:
    """Easy read: the picture left of a cell's or a heading's words (``pictures``: plain
    text -> ``<img>``, trusted HTML from :mod:`coprod.render.pictures`)."""
    from markdown_it.token import Token

    tag = pictures.get(_plain(token)) if token.type == "inline" else None
    if tag and token.children is not None:
        opening = Token("html_inline", "", 0, content=f'<span class="pictured">{tag}<span>')
        closing = Token("html_inline", "", 0, content="</span></span>")
        token.children = [opening, *token.children, closing]


def _adjust(
    tokens: list[Token],
    render_inline: Callable[[list[Token]], str],
    figures: Sequence[str],
    offset: int,
    used_ids: set[str],
    pictures: Mapping[str, str] | None = None,
) -> list[Token]:
    """Captions, scopes, sections, heading ids, shifted headings, charts and (easy read)
    pictures in the tokens."""
    result: list[Token] = []
    open_sections: list[int] = []
    figure_iter = iter(figures)
    short: list[bool] = []
    labels: list[str] = []
    stacked = False
    column = 0
    renamed: dict[str, str] = {}  # a heading's own anchor -> its id on this page
    for i, token in enumerate(tokens):
        if (
            pictures
            and token.type == "inline"
            and tokens[i - 1].type in ("td_open", "heading_open")
        ):
            _beside(token, pictures)
        if token.type == "heading_open":
            anchor = _heading_id(tokens, i, used_ids)
            renamed.setdefault(markdown.heading_slug(_plain(tokens[i + 1])), anchor)
            token.attrSet("id", anchor)
            level = int(token.tag[1])
            while open_sections and open_sections[-1] >= level:
                open_sections.pop()
                result.append(_html_token("</section>"))
            if level >= 2:
                result.append(_html_token(f'<section class="level-{level}">'))
                open_sections.append(level)
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + offset)}"
        elif token.type == "table_open":
            short = _short_columns(tokens, i)
            stacked = stacks_on_a_phone(short)
            labels = _header_labels(tokens, i) if stacked else []
            if stacked:
                token.attrSet("class", "stack")
            caption = _caption_children(tokens, i)
            if caption is not None:
                del result[-3:]
            result.append(_html_token('<div class="table-wrap">'))
            result.append(token)
            if caption is not None:
                text = render_inline(caption)
                result.append(_html_token(f"<caption>{text}</caption>"))
            continue
        elif token.type == "table_close":
            result += [token, _html_token("</div>")]
            continue
        elif token.type == "tr_open":
            column = 0
        elif token.type in ("th_open", "td_open"):
            classes = []
            if token.attrGet("style") == "text-align:right":
                token.attrs.pop("style")
                classes.append("num")
            if token.type == "th_open":
                token.attrSet("scope", "col")
            else:
                if column < len(short) and short[column]:
                    classes.append("short")
                if stacked and column < len(labels):
                    token.attrSet("data-label", labels[column])
            if classes:
                token.attrSet("class", " ".join(classes))
            column += 1
        elif token.type == "fence" and token.info.strip() == "mermaid":
            svg = next(figure_iter, None)
            if svg is not None:
                result.append(_html_token(f'<figure class="chart">\n{svg}\n</figure>'))
                continue
        result.append(token)
    result += [_html_token("</section>") for _ in open_sections]
    _follow_renamed_anchors(result, renamed)
    return result


def markdown_to_html(
    text: str,
    *,
    figures: Sequence[str] = (),
    heading_offset: int = 0,
    used_ids: set[str] | None = None,
    pictures: Mapping[str, str] | None = None,
) -> str:
    """Markdown written by :mod:`coprod.render.markdown` as an HTML fragment.

    Raw HTML in the markdown is never passed through. A bold paragraph right
    above a table becomes its caption; ``figures`` (trusted HTML, e.g. SVG)
    replace the mermaid blocks in order; headings move down ``heading_offset``.
    Headings get GitHub's anchors as ids (the markdown links to them), unique
    within ``used_ids`` (shared by the fragments of one page).
    """
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    renderer = md.renderer
    assert isinstance(renderer, RendererHTML)
    env: dict[str, object] = {}
    tokens = md.parse(text, env)

    def render_inline(children: list[Token]) -> str:
        return renderer.renderInline(children, md.options, env)

    used = {"chart", "chart-title", "chart-desc"} if used_ids is None else used_ids
    adjusted = _adjust(tokens, render_inline, figures, heading_offset, used, pictures)
    return renderer.render(adjusted, md.options, env)


def _pictures_css(body: str) -> str:
    """Easy read's pictures sit left of their words: the rules, where the body has any."""
    return "\n" + stylesheet("pictures.css") if 'class="pictured"' in body else ""


def document(title: str, body: str) -> str:
    """The HTML5 shell: ``title`` is plain text, ``body`` is HTML."""
    return "\n".join(
        [
            "<!doctype html>",
            f'<html lang="{escape(language())}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="coprod">',
            f"<title>{escape(title)}</title>",
            f"<style>\n{stylesheet(STYLESHEET)}{_pictures_css(body)}\n</style>",
            "</head>",
            "<body>",
            "<main>",
            body.rstrip("\n"),
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )


# --- assessments -------------------------------------------------------------


def practice_chart(assessment: Assessment, chart_id: str = "chart") -> str | None:
    """The practice scores as an SVG figure, or ``None`` when nothing is scored."""
    items = markdown.chart_items(assessment)
    if all(score is None for _, score in items):
        return None
    return bar_chart_svg(items, title=_(CHART_TITLE), chart_id=chart_id)


def assessment_fragment(
    assessment: Assessment,
    *,
    chart_id: str = "chart",
    heading_offset: int = 0,
    used_ids: set[str] | None = None,
    summary: bool = False,
) -> str:
    """One assessment's report as an HTML fragment (no shell); ``summary``: the short one."""
    from coprod.render.pictures import report_pictures

    chart = None if summary else practice_chart(assessment, chart_id)
    return markdown_to_html(
        markdown.render(assessment, mermaid=True, summary=summary),
        figures=[chart] if chart else [],
        heading_offset=heading_offset,
        used_ids=used_ids,
        pictures=report_pictures(assessment.content),
    )


def _page_title(assessment: Assessment) -> str:
    return _("%(project)s: co-production self-assessment") % {
        "project": assessment.answers.project.name
    }


def render(assessment: Assessment, *, summary: bool = False) -> str:
    """One assessment as a self-contained HTML document (``summary``: the one-screen version)."""
    fragment = assessment_fragment(assessment, summary=summary)
    return document(_page_title(assessment), f"<article>\n{fragment}</article>")


def render_many(assessments: Sequence[Assessment], *, summary: bool = False) -> str:
    """Several assessments in one document: a contents list, then one article each."""
    if len(assessments) == 1:
        return render(assessments[0], summary=summary)
    names = [markdown.report_title(a) for a in assessments]
    parts = [
        "<h1>" + escape(_("Co-production self-assessments")) + "</h1>",
        "<p>"
        + escape(
            ngettext(
                "%(n)d report, one for each answers file:",
                "%(n)d reports, one for each answers file:",
                len(assessments),
            )
            % {"n": len(assessments)}
        )
        + "</p>",
        '<nav class="reports" aria-label="' + escape(_("Reports")) + '">',
        "<ol>",
        *(f'<li><a href="#report-{n}">{escape(name)}</a></li>' for n, name in enumerate(names, 1)),
        "</ol>",
        "</nav>",
    ]
    used = {f"report-{n}" for n in range(1, len(assessments) + 1)}
    used |= {
        f"chart-{n}{part}"
        for n in range(1, len(assessments) + 1)
        for part in ("", "-title", "-desc")
    }
    for n, assessment in enumerate(assessments, 1):
        fragment = assessment_fragment(
            assessment, chart_id=f"chart-{n}", heading_offset=1, used_ids=used, summary=summary
        )
        parts.append(f'<article id="report-{n}">\n{fragment}</article>')
    title = _("Co-production self-assessments") + ": " + "; ".join(names)
    return document(title, "\n".join(parts))


# --- team and compare ----------------------------------------------------------


def render_team(view: TeamView) -> str:
    """Several respondents read together, as a self-contained HTML document."""
    items = markdown.team_chart_items(view)
    figures = []
    if any(score is not None for _, score in items):
        figures.append(bar_chart_svg(items, title=_(markdown.TEAM_CHART_TITLE)))
    from coprod.render.pictures import report_pictures

    pictures = report_pictures(view.assessments[0].content) if view.assessments else None
    body = markdown_to_html(
        markdown.render_team(view, mermaid=True), figures=figures, pictures=pictures
    )
    title = _("%(project)s: team view") % {"project": view.project}
    return document(title, f"<article>\n{body}</article>")


def render_comparison(comparison: Comparison) -> str:
    """The same project then and now, as a self-contained HTML document.

    The markdown's mermaid chart (bars now, a line then) becomes an SVG chart with
    two bars per practice, then and now, each named beside its bar.
    """
    items = markdown.compare_chart_items(comparison)
    chart = markdown.paired_chart_blocks(comparison)
    figures: list[str] = []
    if chart is not None:
        figures.append(
            paired_bar_chart_svg(
                items,
                title=markdown.chart_title(comparison),
                series=markdown.series_names(comparison),
            )
        )
    from coprod.render.pictures import report_pictures

    body = markdown_to_html(
        markdown.comparison_blocks_text(comparison, chart),
        figures=figures,
        pictures=report_pictures(comparison.new.content),
    )
    return document(markdown.document_title(comparison), f"<article>\n{body}</article>")
