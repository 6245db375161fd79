"""``coprod form``: the paper form asks what the phones ask, in order, in the chosen language."""

from __future__ import annotations

import re
from pathlib import Path

from coprod.core.models import Content


def rows(html: str) -> list[str]:
    return [
        re.sub(r"\s+", " ", text).strip()
        for text in re.findall(r'<th scope="row">(.*?)</th>', html, flags=re.S)
    ]


def test_the_form_asks_every_question_in_the_order_the_phones_do(invoke, content: Content) -> None:
    result = invoke("form")
    assert result.exit_code == 0, result.output
    html = result.stdout
    questions = [f"{i}. {c.question}" for i, c in enumerate(content.all_criteria(), start=1)]
    statements = [s.text for _p, s in content.statements()]
    assert rows(html) == [q.replace("'", "&#39;") for q in questions] + [
        s.replace("'", "&#39;") for s in statements
    ]
    assert html.count("Why?") == len(statements)  # a reason line under each rating
    for practice in content.practices:
        assert f"<h2>{practice.number}. {practice.name}</h2>" in html
    assert '<html lang="en">' in html


def test_a_quick_form_has_one_rating_per_practice(invoke, content: Content) -> None:
    html = invoke("form", "--quick").stdout
    assert rows(html)[len(content.all_criteria()) :] == [p.name for p in content.practices]


def test_the_project_name_is_text_not_markup(invoke) -> None:
    html = invoke("form", "--project", "<script>alert(1)</script> & Co").stdout
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_the_form_in_welsh_and_in_easy_read(invoke) -> None:
    welsh = invoke("--lang", "cy", "form").stdout
    assert '<html lang="cy">' in welsh and "Hunanasesiad cydgynhyrchu" in welsh
    assert "Tick one box" not in welsh
    easy = invoke("--easy-read", "form").stdout
    standard = invoke("form").stdout
    assert rows(easy) != rows(standard)  # the easy-read statements and questions


def test_written_to_a_file_never_over_one_without_force(invoke, tmp_path: Path) -> None:
    out = tmp_path / "form.html"
    assert invoke("form", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = invoke("form", "-o", str(out))
    assert again.exit_code == 2 and "form.html" in again.stderr
    assert invoke("form", "-o", str(out), "--force").exit_code == 0
