"""``coprod report`` and the markdown / HTML / JSON / SVG renderers behind it."""

from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES
from helpers.answers import write
from helpers.documents import StrictHTML, headings, inline_text, md_tokens
from helpers.text import flat
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from coprod.core.assessment import Assessment, assess
from coprod.core.models import Content
from coprod.errors import CoprodError
from coprod.render import formats, html, markdown
from coprod.render.svg import bar_chart_svg
from coprod.storage.answers_file import load_answers

# --- helpers -----------------------------------------------------------------


class MarkdownSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "md"


class HtmlSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "html"


def assessment_for(path: Path, content: Content) -> Assessment:
    loaded = load_answers(path, content)
    return assess(loaded.answers, content, loaded.notices)


@pytest.fixture
def full(content: Content, full_answers: Path) -> Assessment:
    return assessment_for(full_answers, content)


HOSTILE_REFLECTION = (
    "First line\n\n# Not a heading\n---\n    not code\n===\n"
    "- not a list\n1. nor this\n<img src=http://example.org/x.png>"
)


@pytest.fixture
def hostile_answers(tmp_path: Path, full_answers: Path) -> Path:
    """full.yaml with hostile text where users type; ratings unchanged."""
    data = yaml.safe_load(full_answers.read_text(encoding="utf-8"))
    data["project"]["name"] = "# Heading | pipe"
    # same role as full.yaml, so that both reports end with the same calls to action
    data["respondent"] = {"name": "<b>Eve</b> [me](https://example.org)", "role": "officer"}
    data["notes"] = {
        "openness": "<script>alert(1)</script>",
        "participation": "| a | b |\n|---|---|\n| c | d |",
        "expertise": "**bold** _it_ `code` ![img](https://example.org/x.png) &amp; \\",
        "holding": "line one\n## line two\n\n> quote",
    }
    data["reflections"] = {"why": HOSTILE_REFLECTION, "bring_and_take": "a | b\nc"}
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


# --- formats ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("r.md", "md"),
        ("r.markdown", "md"),
        ("R.MD", "md"),
        ("r.html", "html"),
        ("r.htm", "html"),
        ("dir.x/r.json", "json"),
    ],
)
def test_format_from_suffix(name: str, fmt: str) -> None:
    assert formats.format_from_suffix(Path(name)) == fmt


@pytest.mark.parametrize("name", ["report.txt", "report", "report.pdf"])
def test_format_from_suffix_rejects_others(name: str) -> None:
    with pytest.raises(CoprodError) as info:
        formats.format_from_suffix(Path(name))
    message = str(info.value)
    assert name in message
    for suffix in (".md", ".markdown", ".html", ".htm", ".json"):
        assert suffix in message


# --- markdown ------------------------------------------------------------------


def test_markdown_snapshot(full: Assessment, snapshot: Any) -> None:
    assert markdown.render(full) == snapshot.use_extension(MarkdownSnapshot)


def test_markdown_has_no_clock_or_paths(full: Assessment) -> None:
    text = markdown.render(full) + html.render(full)
    assert set(re.findall(r"\d{4}-\d{2}-\d{2}", text)) == {"2026-11-20"}
    assert not re.search(r"\d{1,2}:\d{2}(:\d{2})?", text)
    for path in (str(Path.cwd()), str(Path.home()), str(FIXTURES), "/tmp"):
        assert path not in text


def test_markdown_structure(full: Assessment) -> None:
    text = markdown.render(full)
    tokens = md_tokens(text)
    heads = headings(tokens)
    assert heads[0] == ("h1", "Riverside Food Partnership")
    assert [h for h in heads if h[0] == "h1"] == [heads[0]]
    assert ("h2", "Practice profile") in heads
    assert ("h3", "7. Holding the process") in heads
    assert sum(t.type == "table_open" for t in tokens) == 2 + 1 + 7  # criteria, profile, practices
    # the profile table: seven rows, with the headers the brief asks for
    start = next(
        i
        for i, t in enumerate(tokens)
        if t.type == "inline" and t.content == "Rated / don't know / n.a."
    )
    rows = [inline_text(t) for t in tokens[start - 12 : start + 60] if t.type == "inline"]
    assert rows[:5] == ["#", "Practice", "Score", "Band", "Rated / don't know / n.a."]
    assert rows[5:10] == ["1", "Designing for openness", "69", "developing", "9 / 2 / 0"]
    assert "Overall: 61" in text and "never on its own" in text
    assert "prompts for reflection and conversation, not grades" in text
    assert "Perry, B., Durose, C. and Richardson, L." in text
    assert "We shared a 'fixed and open' note at the first meeting." in text
    assert "Lived experience; they take training and paid time." in text


def test_markdown_mermaid_chart(full: Assessment) -> None:
    fences = [t for t in md_tokens(markdown.render(full, mermaid=True)) if t.type == "fence"]
    assert len(fences) == 1 and fences[0].info == "mermaid"
    chart = fences[0].content
    assert chart.startswith("xychart-beta\n")
    x_axis = re.search(r'^\s*x-axis "Practice" \[(.*)\]$', chart, re.M)
    bars = re.search(r"^\s*bar \[(.*)\]$", chart, re.M)
    assert x_axis and bars
    # the axis names the practices (not "1"-"7", which a reader would have to look up)
    assert x_axis[1] == ", ".join(f'"{r.practice.name}"' for r in full.practices)
    assert bars[1] == "69, 75, 50, 71, 54, 63, 44"
    assert re.search(r"^\s*y-axis .* 0 --> 100$", chart, re.M)


def test_not_scored_is_never_zero(tmp_path: Path, full_answers: Path, content: Content) -> None:
    data = yaml.safe_load(full_answers.read_text(encoding="utf-8"))
    for key in list(data["ratings"]):
        if key.startswith("holding-"):
            data["ratings"][key] = "dont_know"
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assessment = assessment_for(path, content)
    text = markdown.render(assessment, mermaid=True)
    assert "| 7 | Holding the process | not scored | not scored | 0 / 7 / 0 |" in text
    chart = next(t.content for t in md_tokens(text) if t.type == "fence")
    assert '"7"' not in chart and "bar [69, 75, 50, 71, 54, 63]" in chart
    assert "without a bar rather than shown as 0: 7. Holding the process." in text
    svg_desc = re.search(r"<desc[^>]*>(.*?)</desc>", html.render(assessment), re.S)
    assert svg_desc and "7. Holding the process: not scored." in svg_desc[1]


def test_quick_mode_report(tmp_path: Path, content: Content) -> None:
    path = tmp_path / "quick.yaml"
    ratings = {p.id: 1 for p in content.practices} | {"holding": "na"}
    data = {"version": 1, "project": {"name": "Quick"}, "mode": "quick", "ratings": ratings}
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    text = markdown.render(assessment_for(path, content))
    assert "Quick assessment: one rating for the whole practice: 1 A little." in text
    assert "Possible next steps" in text
    assert "**Mode:** quick assessment" in text
    StrictHTML().check(html.render(assessment_for(path, content)))


# --- HTML ----------------------------------------------------------------------


def test_html_snapshot(full: Assessment, snapshot: Any) -> None:
    assert html.render(full) == snapshot.use_extension(HtmlSnapshot)


def test_strict_checker_really_fails() -> None:
    for broken in ("<div><p>x</div></p>", "<p>open", "<table><tr></table>", "<div/>", "<br></br>"):
        with pytest.raises(AssertionError):
            StrictHTML().check(broken)


def test_html_is_well_formed_and_self_contained(full: Assessment) -> None:
    document = html.render(full)
    assert document.startswith("<!doctype html>\n")
    parsed = StrictHTML().check(document)
    assert parsed.doctype is not None and parsed.doctype.lower() == "doctype html"
    assert parsed.tags("html") == [{"lang": "en"}]
    assert {"charset": "utf-8"} in parsed.tags("meta")
    assert any(m.get("name") == "viewport" for m in parsed.tags("meta"))
    lowered = document.lower()
    assert "<script" not in lowered and "javascript:" not in lowered
    for tag in ("link", "img", "iframe", "object", "embed", "base", "form"):
        assert not parsed.tags(tag), tag
    for tag, attrs, _ in parsed.elements:
        for name in ("src", "href", "srcset", "action", "poster", "data", "xlink:href"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), (tag, name, value)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    style = "".join(parsed.text.get("style", []))
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert "@page" in style and "size: A4" in style and "@media print" in style
    assert "Perry, B., Durose, C." in document


def test_html_headings_tables_and_chart(full: Assessment) -> None:
    parsed = StrictHTML().check(html.render(full))
    levels = [int(tag[1]) for tag, _, _ in parsed.elements if re.fullmatch(r"h[1-6]", tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    tables = parsed.tags("table")
    captions = [e for e in parsed.elements if e[0] == "caption"]
    assert len(tables) == len(captions) == 10
    ths = parsed.tags("th")
    assert ths and all(th.get("scope") == "col" for th in ths)
    assert not any("style" in attrs for _, attrs, _ in parsed.elements)  # no inline styles
    svgs = parsed.tags("svg")
    assert len(svgs) == 1 and svgs[0]["role"] == "img"
    assert svgs[0]["aria-labelledby"] == "chart-title chart-desc"
    inside_svg = [(tag, attrs) for tag, attrs, stack in parsed.elements if "svg" in stack]
    assert ("title", {"id": "chart-title"}) in inside_svg
    assert ("desc", {"id": "chart-desc"}) in inside_svg
    assert not any(e[0] == "pre" for e in parsed.elements)  # the mermaid block was replaced
    desc = "".join(parsed.text["desc"])
    for result in full.practices:
        assert f"{result.practice.number}. {result.practice.name}: {result.score.score}" in desc


def test_hostile_text_cannot_break_markdown(
    hostile_answers: Path, full: Assessment, content: Content
) -> None:
    hostile = assessment_for(hostile_answers, content)
    text = markdown.render(hostile)
    tokens, plain = md_tokens(text), md_tokens(markdown.render(full))
    heads = headings(tokens)
    assert heads[0] == ("h1", "# Heading | pipe")
    assert len(heads) == len(headings(plain))
    for kind in ("table_open", "tr_open", "td_open", "bullet_list_open", "list_item_open"):
        assert sum(t.type == kind for t in tokens) == sum(t.type == kind for t in plain), kind
    assert {t.type for t in tokens} <= {t.type for t in plain} | {"softbreak"}
    assert not any(
        t.type in ("html_block", "html_inline", "code_block", "blockquote_open") for t in tokens
    )
    paragraphs = [inline_text(t) for t in tokens if t.type == "inline"]
    assert "Your note: <script>alert(1)</script>" in paragraphs
    assert "Your note: | a | b | |---|---| | c | d |" in paragraphs
    assert (
        "Your note: **bold** _it_ `code` ![img](https://example.org/x.png) &amp; \\" in paragraphs
    )
    for line in ("# Not a heading", "---", "not code", "===", "- not a list", "1. nor this"):
        assert line in paragraphs
    assert "Respondent: <b>Eve</b> [me](https://example.org), officer" in paragraphs


def test_hostile_text_is_escaped_in_html(hostile_answers: Path, content: Content) -> None:
    document = html.render(assessment_for(hostile_answers, content))
    parsed = StrictHTML().check(document)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "<script" not in document.lower()
    assert "<b>" not in document and "&lt;b&gt;Eve&lt;/b&gt;" in document
    assert not parsed.tags("img")
    # the only links are the report's own, to its sections: nothing a user typed
    hrefs = [a.get("href") or "" for a in parsed.tags("a")]
    assert hrefs and all(h.startswith("#") for h in hrefs), hrefs
    ids = {attrs.get("id") for _, attrs, _ in parsed.elements}
    assert all(h[1:] in ids for h in hrefs)
    assert "**bold** _it_ `code`" in document
    assert "<title># Heading | pipe: co-production self-assessment</title>" in document
    assert [tag for tag, _, _ in parsed.elements].count("h1") == 1


def test_several_reports_in_one_html(
    full: Assessment, hostile_answers: Path, content: Content
) -> None:
    document = html.render_many([full, assessment_for(hostile_answers, content)])
    parsed = StrictHTML().check(document)
    assert len(parsed.tags("article")) == 2 and len(parsed.tags("svg")) == 2
    ids = [attrs["id"] for _, attrs, _ in parsed.elements if "id" in attrs]
    assert len(ids) == len(set(ids))
    assert [tag for tag, _, _ in parsed.elements].count("h1") == 1
    assert "Riverside Food Partnership (Sam, officer)" in document
    assert "# Heading | pipe (&lt;b&gt;Eve&lt;/b&gt;" in document


# --- SVG -------------------------------------------------------------------------


def test_bar_chart_svg() -> None:
    items: list[tuple[str, int | None]] = [
        ("1. <b>&", 0),
        ("2. Two", 39),
        ("3. Three", None),
        ("4. Four", 100),
    ]
    svg = bar_chart_svg(items, title='Scores "now"', chart_id="c 1")
    assert svg == bar_chart_svg(items, title='Scores "now"', chart_id="c 1")  # deterministic
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag == "svg" and root.get("role") == "img"
    assert root.get("aria-labelledby") == "c-1-title c-1-desc"
    # full width of its column, text at its own size: no viewBox scaling
    assert root.get("width") == "100%" and root.get("viewBox") is None
    assert root.findtext("title") == 'Scores "now"'
    desc = root.findtext("desc") or ""
    for expected in (
        "1. <b>&: 0 needs attention.",
        "2. Two: 39 needs attention.",
        "3. Three: not scored.",
        "4. Four: 100 strong.",
    ):
        assert expected in desc
    texts = [t.text for t in root.iter("text")]
    assert "1. <b>&" in texts and "not scored" in texts
    assert "&lt;b&gt;&amp;" in svg
    dashed = [r for r in root.iter("rect") if r.get("stroke-dasharray")]
    assert len(dashed) == 1 and dashed[0].get("fill") == "none"  # the empty, not-scored track
    fills = {r.get("fill") for r in root.iter("rect")} - {"none"}
    assert fills == {"#b3261e", "#1b6e3a"}  # 39 needs attention, 100 strong; 0 draws no bar


def _contrast(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def test_chart_colours_have_contrast_on_white() -> None:
    from coprod.render import svg

    for colour in [*svg.BAND_COLOURS.values(), svg.TEXT_COLOUR, svg.MUTED_COLOUR]:
        assert _contrast(colour) >= 4.5, colour
    assert _contrast(svg.TRACK_COLOUR) >= 3


# --- the command -------------------------------------------------------------------


def test_report_prints_markdown(invoke: Any, full_answers: Path, full: Assessment) -> None:
    result = invoke("report", str(full_answers))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == markdown.render(full)


def test_report_json_extends_assess_json(invoke: Any, full_answers: Path) -> None:
    report = json.loads(invoke("report", str(full_answers), "--format", "json").stdout)
    assessed = json.loads(invoke("assess", "--answers", str(full_answers), "--json").stdout)
    assert set(report) >= set(assessed) | {"ratings", "criteria", "notes"}
    assert {k: report[k] for k in assessed} == assessed
    assert report["ratings"]["openness-10"] == "dont_know"
    assert report["criteria"]["problem-undefined"] == "yes"
    assert report["notes"]["holding"] == "Two facilitators share the role."


def test_report_output_file_and_force(invoke: Any, full_answers: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    first = invoke("report", str(full_answers), "-o", str(out))
    assert first.exit_code == 0, first.stderr
    assert first.stdout == ""
    assert "out.md" in first.stderr
    written = out.read_text(encoding="utf-8")
    assert written.startswith("# Riverside Food Partnership\n")

    out.write_text("keep me", encoding="utf-8")
    again = invoke("report", str(full_answers), "-o", str(out))
    assert again.exit_code == 2
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert out.read_text(encoding="utf-8") == "keep me"

    forced = invoke("report", str(full_answers), "-o", str(out), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert out.read_text(encoding="utf-8") == written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]  # no temporary files left


def test_report_format_from_output_suffix(invoke: Any, full_answers: Path, tmp_path: Path) -> None:
    result = invoke("report", str(full_answers), "-o", str(tmp_path / "report.html"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!doctype html>")

    result = invoke("report", str(full_answers), "-o", str(tmp_path / "r.json"))
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["version"] == 2


def test_report_format_and_suffix_must_agree(
    invoke: Any, full_answers: Path, tmp_path: Path
) -> None:
    result = invoke("report", str(full_answers), "--format", "md", "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 2
    assert "r.html" in result.stderr
    assert not (tmp_path / "r.html").exists()

    result = invoke("report", str(full_answers), "-o", str(tmp_path / "r.txt"))
    assert result.exit_code == 2 and ".md" in result.stderr

    result = invoke("report", str(full_answers), "-f", "md", "-o", str(tmp_path / "r.txt"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("# Riverside")


def test_report_bad_input_exits_2(invoke: Any, tmp_path: Path) -> None:
    result = invoke("report", str(tmp_path / "missing.yaml"))
    assert result.exit_code == 2
    result = invoke("report", str(FIXTURES / "full.yaml"), "--format", "pdf")
    assert result.exit_code == 2


def test_assess_export_html(invoke: Any, full_answers: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    result = invoke("assess", "--answers", str(full_answers), "--export", str(out))
    assert result.exit_code == 0, result.stderr
    StrictHTML().check(out.read_text(encoding="utf-8"))


def test_report_several_files(invoke: Any, full_answers: Path, hostile_answers: Path) -> None:
    md = invoke("report", str(full_answers), str(hostile_answers)).stdout
    heads = headings(md_tokens(md))
    assert [h for h in heads if h[0] == "h1"] == [
        ("h1", "Riverside Food Partnership"),
        ("h1", "# Heading | pipe"),
    ]
    assert "\n\n---\n\n# \\# Heading" in md
    assert "**Respondent:** Sam, officer" in md and "**Respondent:** \\<b\\>Eve" in md

    document = invoke("report", str(full_answers), str(hostile_answers), "-f", "html").stdout
    parsed = StrictHTML().check(document)
    assert len(parsed.tags("article")) == 2
    assert "Riverside Food Partnership (Sam, officer)" in document

    data = json.loads(
        invoke("report", str(full_answers), str(hostile_answers), "-f", "json").stdout
    )
    assert data["version"] == 2
    assert [r["project"]["name"] for r in data["reports"]] == [
        "Riverside Food Partnership",
        "# Heading | pipe",
    ]
    assert data["reports"][1]["respondent"]["name"].startswith("<b>Eve</b>")


FULL = FIXTURES / "full.yaml"


LATER = FIXTURES / "later.yaml"


# no doubled full stops -------------------------------------------------------------------


def test_caution_verdict_has_no_doubled_full_stops(invoke: Any, tmp_path: Path) -> None:
    data = yaml.safe_load(FULL.read_text(encoding="utf-8"))
    for key in ("instrumental-goal", "fixed-process", "known-solution", "barriers-to-openness"):
        data["criteria"][key] = "yes"
    path = tmp_path / "caution.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    terminal = invoke("assess", "--answers", str(path)).stdout
    md = invoke("report", str(path), "-f", "md").stdout
    document = invoke("report", str(path), "-f", "html").stdout
    assert "Caution" in terminal and "warning signs" in md and "warning signs" in document
    for text in (flat(terminal), md, document):
        assert not re.search(r"\w\.\.(\s|$)", text), re.search(r".{40}\w\.\.\s.{20}", text)
    assert "Processes are fixed. " in flat(terminal)  # one stop, then the reason


# the markdown report ---------------------------------------------------------------------


def test_markdown_next_steps_appear_once(invoke: Any) -> None:
    md = invoke("report", str(FULL), "-f", "md").stdout
    from coprod.storage.content import bundled_data_dir, load_content

    content = load_content(bundled_data_dir())
    steps = [s.next_step for _, s in content.statements()]
    shown = [step for step in steps if markdown.escape_md(step) in md]
    assert shown, "the report gives next steps"
    for step in shown:
        assert md.count(markdown.escape_md(step)) == 1, step


def test_draft_report_has_no_command_line_words(invoke: Any, tmp_path: Path) -> None:
    draft = write(tmp_path, "draft.yaml", FULL, complete=False)
    for fmt in ("md", "html"):
        text = invoke("report", str(draft), "-f", fmt).stdout
        assert "draft" in text and "not finished" in text
        assert "--resume" not in text and "coprod " not in text.replace("coprod (content", "")


# the HTML report (parsed; the browser checks are in test_report_browser) -----------------


def test_html_summary_first_links_and_one_colon(invoke: Any, tmp_path: Path) -> None:
    data = yaml.safe_load(FULL.read_text(encoding="utf-8"))
    data["criteria"]["fixed-process"] = "yes"
    path = tmp_path / "caution.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    document = invoke("report", str(path), "-f", "html").stdout
    parsed = StrictHTML().check(document)
    h2 = [e[1].get("id") for e in parsed.elements if e[0] == "h2"]
    assert h2[:2] == ["summary", "practice-profile"]
    assert h2.index("when-to-co-produce") < h2.index("where-to-focus-next")
    assert "When to co-produce: Caution" not in document
    assert "coprod cases show" not in document
    ids = {attrs.get("id") for _, attrs, _ in parsed.elements}
    links = [a["href"] for a in parsed.tags("a")]
    assert "#testing-the-21st-century-councillor-framework" in links
    assert all(href and href[1:] in ids for href in links)
    # the rating column never wraps; long texts still can
    cells = [attrs.get("class") or "" for attrs in parsed.tags("td")]
    assert sum("short" in c for c in cells) >= 42


def test_links_in_a_page_of_several_reports_stay_in_their_own_report(invoke: Any) -> None:
    document = invoke("report", str(FULL), str(LATER), "-f", "html").stdout
    StrictHTML().check(document)
    articles = document.split("<article ")[1:]
    assert len(articles) == 2
    for article in articles:
        ids = set(re.findall(r' id="([^"]+)"', article))
        links = re.findall(r'<a href="#([^"]+)"', article)
        assert "where-to-focus-next" in " ".join(links)
        assert links and all(link in ids for link in links), set(links) - ids


def test_markdown_of_several_reports_links_each_to_its_own_sections(invoke: Any) -> None:
    md = invoke("report", str(FULL), str(LATER)).stdout
    tokens = md_tokens(md)
    # the anchors GitHub gives the headings: repeated ones are numbered -1, -2, ...
    seen: Counter[str] = Counter()
    owner: dict[str, int] = {}
    part = 0
    for i, token in enumerate(tokens):
        if token.type == "hr":
            part += 1
        if token.type == "heading_open":
            slug = markdown.heading_slug(
                "".join(c.content for c in tokens[i + 1].children or [] if c.type == "text")
            )
            anchor = f"{slug}-{seen[slug]}" if seen[slug] else slug
            seen[slug] += 1
            owner[anchor] = part
    part = 0
    links = 0
    for token in tokens:
        if token.type == "hr":
            part += 1
        for child in token.children or []:
            if child.type == "link_open":
                href = str(child.attrGet("href"))
                assert owner.get(href[1:]) == part, (href, part)
                links += 1
    assert part == 1 and links > 4
