"""Easy read's files carry their pictures: the HTML report and the paper form."""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

from coprod import pictures
from coprod.i18n import labels
from coprod.storage.content import bundled_data_dir, load_content

PICTURED = re.compile(
    r'<span class="pictured"><img class="picture" src="data:image/svg\+xml;base64,([^"]+)" '
    r'alt="([^"]*)"[^>]*><span>(.*?)</span></span>'
)


def pictured(document: str) -> dict[str, tuple[str, str]]:
    """The words right of each picture -> (the picture's SVG, its alt text)."""
    return {
        html.unescape(re.sub(r"<[^>]+>", "", words)): (
            base64.b64decode(data).decode("utf-8"),
            html.unescape(alt),
        )
        for data, alt, words in PICTURED.findall(document)
    }


def svg(picture: str | None) -> str:
    return (pictures.FOLDER / f"{picture}.svg").read_text(encoding="utf-8")


def test_the_easy_read_html_report_has_a_picture_beside_each_statement_and_criterion(
    invoke, full_answers: Path
) -> None:
    easy = load_content(bundled_data_dir(), "easy-read")
    report = invoke("--easy-read", "report", str(full_answers), "--format", "html").stdout
    shown = pictured(report)
    for _practice, statement in easy.statements():
        assert shown[statement.text] == (svg(statement.picture), ""), statement.id
    for criterion in easy.all_criteria():
        assert shown[criterion.text] == (svg(criterion.picture), ""), criterion.id
    first = easy.practices[0]
    heading = shown[f"{first.number}. {first.name}"]
    assert heading == (svg(first.picture), labels.picture_alt(first.picture))
    assert "<script" not in report  # the SVG is an <img>'s data, never markup in the page


def test_standard_reports_and_forms_have_no_pictures(invoke, full_answers: Path) -> None:
    report = invoke("report", str(full_answers), "--format", "html").stdout
    assert 'class="picture"' not in report
    assert 'class="picture"' not in invoke("form").stdout


def test_the_easy_read_form_has_a_picture_beside_each_question(invoke) -> None:
    easy = load_content(bundled_data_dir(), "easy-read")
    shown = pictured(invoke("--easy-read", "form").stdout)
    for n, criterion in enumerate(easy.all_criteria(), 1):
        assert shown[f"{n}. {criterion.question}"] == (svg(criterion.picture), "")
    for practice, statement in easy.statements():
        assert shown[statement.text] == (svg(statement.picture), "")
        assert shown[f"{practice.number}. {practice.name}"][1] == labels.picture_alt(
            practice.picture
        )


def test_easy_read_team_and_compare_reports_carry_pictures_too(invoke) -> None:
    from helpers import FIXTURES

    files = [str(FIXTURES / "team-jo.yaml"), str(FIXTURES / "team-sam.yaml")]
    for command in ("team", "compare"):
        easy = invoke("--easy-read", command, *files, "--format", "html").stdout
        standard = invoke(command, *files, "--format", "html").stdout
        assert pictured(easy) and 'class="picture"' not in standard, command
