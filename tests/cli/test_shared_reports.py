"""Reports people share (issue 22, items 21-23): markdown without chart noise, Word, a summary."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES

FULL, LATER = FIXTURES / "full.yaml", FIXTURES / "later.yaml"
TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]

KINDS = [
    pytest.param(("report", str(FULL)), id="report"),
    pytest.param(("team", *map(str, TEAM)), id="team"),
    pytest.param(("compare", str(FULL), str(LATER)), id="compare"),
]


# --- markdown: the mermaid chart only when asked (item 22) -------------------------------


@pytest.mark.parametrize("command", KINDS)
def test_markdown_has_no_mermaid_block_unless_asked(invoke: Any, command: tuple[str, ...]) -> None:
    plain = invoke(*command, "--format", "md")
    assert plain.exit_code == 0, plain.stderr
    assert "```mermaid" not in plain.stdout
    assert "Bands: 0-39 needs attention" in plain.stdout  # the table's bands still explained

    charted = invoke(*command, "--format", "md", "--chart", "mermaid")
    assert charted.exit_code == 0, charted.stderr
    assert charted.stdout.count("```mermaid\nxychart-beta\n") == 1


def test_chart_mermaid_with_html_warns_and_changes_nothing(invoke: Any) -> None:
    plain = invoke("report", str(FULL), "--format", "html")
    asked = invoke("report", str(FULL), "--format", "html", "--chart", "mermaid")
    assert asked.exit_code == 0
    assert asked.stdout == plain.stdout
    assert "--chart mermaid is for markdown" in asked.stderr


# --- Word (item 21) ------------------------------------------------------------------------

WORD_COMMANDS = [
    *KINDS,
    pytest.param(("agenda", *map(str, TEAM)), id="agenda"),
]


def word_file(invoke: Any, tmp_path: Path, command: tuple[str, ...], *extra: str) -> Any:
    from docx import Document

    target = tmp_path / "shared.docx"
    result = invoke(*command, "-o", str(target), *extra)
    assert result.exit_code == 0, result.stderr
    assert f"Written to {target}" in " ".join(result.stderr.split())
    return Document(str(target))


def table_rows(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def pictures(document: Any) -> list[Any]:
    """The pictures in the document, each as its ``docPr`` (alt text in ``descr``)."""
    return list(
        document.element.body.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
        )
    )


def test_report_as_word_has_headings_profile_table_chart_and_notes(
    invoke: Any, tmp_path: Path
) -> None:
    import json

    data = json.loads(invoke("report", str(FULL), "--format", "json").stdout)
    document = word_file(invoke, tmp_path, ("report", str(FULL)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Riverside Food Partnership"
    for title in ("Summary", "Practice profile", "When to co-produce", "Where to focus next"):
        assert title in headings
    profile = next(
        table_rows(t)
        for t in document.tables
        if table_rows(t)[0][:4] == ["#", "Practice", "Score", "Band"]
    )
    assert [row[1:3] for row in profile[1:]] == [
        [p["name"], str(p["score"])] for p in data["practices"]
    ]
    (chart,) = pictures(document)
    assert "1. Designing for openness: 69 developing." in chart.get("descr")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "We shared a 'fixed and open' note at the first meeting." in text
    assert document.core_properties.title == (
        "Riverside Food Partnership: co-production self-assessment"
    )
    assert "```" not in text and "**" not in text  # markdown became formatting


@pytest.mark.parametrize("command", WORD_COMMANDS)
def test_every_shared_report_writes_word(invoke: Any, tmp_path: Path, command: tuple) -> None:
    document = word_file(invoke, tmp_path, command, "--format", "docx")
    assert document.paragraphs[0].style.name == "Heading 1"
    assert document.tables  # every report has at least one table
    charts = pictures(document)
    assert len(charts) == (0 if command[0] == "agenda" else 1)
    if command[0] == "compare":
        text = "\n".join(p.text for p in document.paragraphs)
        assert "In the picture, the pale bar is then and the full-coloured bar now." in text


def test_word_needs_a_file(invoke: Any) -> None:
    result = invoke("report", str(FULL), "--format", "docx")
    assert result.exit_code == 2
    assert "a Word document cannot be printed here" in result.stderr
    assert "-o report.docx" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_chart_picture_draws_each_score_as_a_bar_of_its_length() -> None:
    import struct
    import zlib

    from coprod.render import png

    scores = [69, 0, None, 100]
    picture = png.bar_chart_png([(n, [s]) for n, s in enumerate(scores, 1)])
    assert picture == png.bar_chart_png([(n, [s]) for n, s in enumerate(scores, 1)])
    width, _height = struct.unpack(">II", picture[16:24])
    idat = picture.index(b"IDAT")
    (length,) = struct.unpack(">I", picture[idat - 4 : idat])
    raw = zlib.decompress(picture[idat + 4 : idat + 4 + length])
    stride = width * 3 + 1
    band = {png._rgb(c) for c in png.BAND_COLOURS.values()}
    for n, score in enumerate(scores):
        y = png.TOP + n * (png.TRACK + png.ROW_GAP) + 3  # above the digits inside the bar
        row = raw[y * stride + 1 : (y + 1) * stride]
        coloured = sum(1 for x in range(width) if tuple(row[x * 3 : x * 3 + 3]) in band)
        expected = 0 if score is None else round(png.PLOT * score / 100)
        assert coloured == expected, (score, coloured)


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="no LibreOffice here"
)
def test_libreoffice_opens_the_word_report(invoke: Any, tmp_path: Path) -> None:
    import subprocess

    target = tmp_path / "report.docx"
    assert invoke("report", str(FULL), "-o", str(target)).exit_code == 0
    office = shutil.which("soffice") or shutil.which("libreoffice")
    profile = (tmp_path / "profile").as_uri()  # its own settings: no clash with a running one
    done = subprocess.run(
        [
            office,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


# --- the report on a phone: actions as a list, --summary (item 23) -----------------------

ACTIONS = [
    {
        "id": "act-fixed",
        "text": "Write a 'fixed and open' note",
        "practice": "openness",
        "owner": "Sam",
        "due": "2026-12-15",
        "status": "open",
    },
    {"id": "act-pay", "text": "Agree how participants are paid", "status": "in-progress"},
]


def with_actions(tmp_path: Path) -> Path:
    import yaml

    data = yaml.safe_load(FULL.read_text(encoding="utf-8"))
    data["actions"] = ACTIONS
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_summary_is_the_verdict_profile_where_to_start_and_actions(
    invoke: Any, tmp_path: Path
) -> None:
    from markdown_it import MarkdownIt

    answers = with_actions(tmp_path)
    result = invoke("report", str(answers), "--format", "md", "--summary")
    assert result.exit_code == 0, result.stderr
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Riverside Food Partnership",
        "Summary",
        "Practice profile",
        "Where to focus next",
        "Holding the process (44, developing)",
        "Actions",
    ]
    text = result.stdout
    assert "Conditions look favourable for co-production." in text
    assert "Write a 'fixed and open' note" in text
    assert "| 7\\. Holding the process | 44 | developing |" in text
    full = invoke("report", str(answers), "--format", "md").stdout
    assert len(text) * 4 < len(full)
    # every link leads somewhere in the summary itself (no case studies' anchors here)
    anchors = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert anchors == {"where-to-focus-next"}
    assert "Learn from" not in text and text.count("Overall") == 1


def test_summary_in_html_word_and_the_terminal(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = invoke("report", str(FULL), "--format", "html", "--summary").stdout
    assert "<h2" in html and "Where to focus next" in html and "<svg" not in html
    document = word_file(invoke, tmp_path, ("report", str(FULL)), "--summary")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Practice profile" in headings and "Evidence gaps" not in headings
    monkeypatch.setattr("coprod.cli.commands.report.stdout_is_terminal", lambda: True)
    screen = invoke("report", str(FULL), "--summary")
    assert screen.exit_code == 0
    assert "When to co-produce: Conditions look favourable" in screen.stdout
    assert "Where to focus next" not in screen.stdout  # the detail is left out


def test_summary_is_refused_for_json(invoke: Any) -> None:
    result = invoke("report", str(FULL), "--format", "json", "--summary")
    assert result.exit_code == 2
    assert "--summary is for people to read" in result.stderr


def test_html_actions_table_becomes_a_list_on_a_phone(invoke: Any, tmp_path: Path) -> None:
    """The wide actions table is marked to stack; each cell carries its column's name."""
    html = invoke("report", str(with_actions(tmp_path)), "--format", "html").stdout
    assert html.count('<table class="stack">') == 1
    stacked = html.split('<table class="stack">', 1)[1].split("</table>", 1)[0]
    assert "<caption>Actions</caption>" in stacked
    assert '<td data-label="Status" class="short">not started</td>' in stacked
    assert '<td data-label="Owner" class="short">Sam</td>' in stacked
    assert "table.stack tr" in html  # the stylesheet that stacks it below 30rem
