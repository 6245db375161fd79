"""Where untrusted text is made safe (coprod.render.safe): the sanitiser and each escaper.

One definition of "control character" serves the terminal, the documents, the
JSON printed on a terminal and the text typed into the workshop's forms: the C0
controls but tab and newline, DEL, the C1 controls, the bidi controls and marks
(U+061C among them) and the zero-width space, non-joiner and joiner.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES
from helpers.answers import write
from helpers.documents import headings, inline_text, md_tokens
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod.render import markdown
from coprod.render.safe import (
    clean_text,
    clean_typed,
    escape_html,
    escape_markup,
    escape_md,
    json_safe,
    terminal_safe,
)

OSC_TITLE = "\x1b]0;pwned\x07"
PAYLOAD = (
    f" {OSC_TITLE}\x1b[2J\x1b]8;;http://evil.example/\x1b\\here\x1b]8;;\x1b\\ "
    "[/x] [link=http://evil.example/]L[/link] [bold]B \u202e\x9b31m\x9d0;t\x07"
)
HOSTILE_BYTES = ("\x1b", "\x9b", "\x9d", "\x07", "\u202e")
#: The characters the terminal's and the web forms' sanitisers once disagreed on.
ZERO_WIDTH_AND_ARABIC_MARK = ("\u200b", "\u200c", "\u200d", "\u061c")
INVISIBLE = (*ZERO_WIDTH_AND_ARABIC_MARK, "\u200e", "\u200f", "\u202a", "\u202e", "\u2066")


def test_the_payload_is_hostile_without_the_sanitiser() -> None:
    """Control: the raw payload does hold every escape the scans look for."""
    for byte in HOSTILE_BYTES:
        assert byte in PAYLOAD
    safe = terminal_safe(PAYLOAD)
    for byte in HOSTILE_BYTES:
        assert byte not in safe
    assert "␛]0;pwned␇" in safe  # made visible, not silently dropped
    assert "\n" in terminal_safe("a\nb") and "\t" in terminal_safe("a\tb")


@pytest.mark.parametrize("escaper", [escape_md, escape_html])
def test_document_escapers_drop_controls_and_bidi(escaper) -> None:
    text = escaper("a\u202eb\u2066c\u2069d\x1b[2Je\x9bf")
    for char in ("\u202e", "\u2066", "\u2069", "\x1b", "\x9b"):
        assert char not in text


@pytest.mark.parametrize("char", INVISIBLE)
def test_every_sanitiser_treats_invisible_characters_alike(char: str) -> None:
    text = f"pay{char}pal"
    assert terminal_safe(text) == "pay\ufffdpal"  # shown, so the reader sees something is there
    for kept in (clean_text(text), clean_typed(text), escape_md(text), escape_html(text)):
        assert kept == "paypal"
    assert escape_markup(text) == "paypal"
    assert json.loads(json_safe(json.dumps(text, ensure_ascii=False), "utf-8")) == text
    assert char not in json_safe(json.dumps(text, ensure_ascii=False), "utf-8")


def test_text_typed_into_a_form_keeps_its_lines_and_loses_its_controls() -> None:
    typed = "  first\r\nsecond\rthird\tcolumn \x1b[31mred\x07 \u200bx  "
    assert clean_typed(typed) == "first\nsecond\nthird\tcolumn [31mred x"
    assert clean_text(typed) == "  first\nsecondthird\tcolumn [31mred x  "


def test_rich_markup_in_untrusted_text_is_shown_as_text_on_one_line() -> None:
    from rich.console import Console

    console = Console(width=200, no_color=True, highlight=False)
    with console.capture() as captured:
        console.print(escape_markup("[bold]not bold[/bold]\n [link=http://e.org]L[/link]\x1b"))
    assert captured.get() == "[bold]not bold[/bold] [link=http://e.org]L[/link]\n"


# --- escape_md ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("co-production", "co-production"),
        ("# Heading | pipe", r"\# Heading \| pipe"),
        ("**bold** _it_", r"\*\*bold\*\* \_it\_"),
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("[x](http://e.org) ![i](y)", r"\[x\](http://e.org) \!\[i\](y)"),
        ("a\\b `c` {d} ~e~ &amp; $f$", r"a\\b \`c\` \{d\} \~e\~ \&amp; \$f\$"),
        ("- item", r"\- item"),
        ("+ item", r"\+ item"),
        ("1. first", r"1\. first"),
        ("12) twelfth", r"12\) twelfth"),
        ("===", r"\==="),
        ("one\ntwo\r\n\tthree  four", "one two three four"),
        ("  padded\n", "padded"),
        ("bell\x07 nul\x00", "bell nul"),
        ("", ""),
    ],
)
def test_escape_md(text: str, expected: str) -> None:
    assert escape_md(text) == expected


def _collapsed(text: str) -> str:
    one_line = " ".join(text.split())
    return "".join(ch for ch in one_line if ch.isprintable() or ch == " ").strip()


_user_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda s: _collapsed(s) != "" and _collapsed(s) == " ".join(s.split())
)


@settings(max_examples=200, deadline=None)
@given(_user_text)
def test_escaped_text_stays_text_everywhere(text: str) -> None:
    """In a paragraph, a heading, a list item and a table cell it is just its own text."""
    expected = " ".join(text.split())
    escaped = escape_md(text)

    tokens = md_tokens(escaped)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert inline_text(tokens[1]) == expected

    tokens = md_tokens(f"## {escaped}")
    assert headings(tokens) == [("h2", expected)]

    tokens = md_tokens(markdown.bullets([escaped, "second"]))
    assert [t.type for t in tokens].count("list_item_open") == 2
    assert [inline_text(t) for t in tokens if t.type == "inline"] == [expected, "second"]

    tokens = md_tokens(markdown.table(["A", "B"], [[escaped, "x"]]))
    cells = [inline_text(t) for t in tokens if t.type == "inline"]
    assert cells == ["A", "B", expected, "x"]


# --- JSON on a terminal --------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.text() | st.integers(), lambda c: st.lists(c, max_size=3), max_leaves=8))
@pytest.mark.parametrize("encoding", ["utf-8", "latin-1", "ascii", "cp1252"])
def test_json_safe_is_the_same_data_and_encodable(encoding, value) -> None:
    text = json_safe(json.dumps({"v": value}, ensure_ascii=False), encoding)
    text.encode(encoding)  # never a UnicodeEncodeError
    assert json.loads(text) == {"v": value}
    for char in ("\x1b", "\x9b", "\x9d", "\u202e", "\u2066"):
        assert char not in text


# --- through the commands --------------------------------------------------------


def test_notes_reach_the_terminal_without_escape_sequences(invoke: Any, tmp_path: Path) -> None:
    notes = {"openness": "\x1b[31mred\x1b[0m [bold]not bold[/bold] \x07bell\u202eflip"}
    path = write(tmp_path, "odd.yaml", FULL, notes=notes)
    for args in (("assess", "--answers", str(path)), ("team", str(path), str(TEAM[2]))):
        result = invoke(*args)
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "\u202e" not in result.stdout
        assert "[31mred[0m [bold]not bold[/bold] bellflip" in result.stdout


TEAM = [FIXTURES / f"team-{n}.yaml" for n in ("sam", "resident", "jo")]
FULL = FIXTURES / "full.yaml"


FULL_TEXT = FULL.read_text(encoding="utf-8")


# Every way of reading an answers file without prompts.
READERS = {
    "assess": ("assess", "--answers"),
    "assess-json": ("assess", "--json", "--answers"),
    "report": ("report",),
    "check": ("check", "--answers"),
}


PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>']


def hostile_answers(tmp_path: Path, name: str = "hostile.yaml") -> tuple[Path, dict[str, str]]:
    data = yaml.safe_load(FULL_TEXT)
    texts = {
        "project": "Project " + " ".join(PAYLOADS),
        "stage": "stage " + PAYLOADS[2],
        "respondent": "Person " + " ".join(PAYLOADS),
        "role": "role " + PAYLOADS[1],
        "note": "Note " + " ".join(PAYLOADS),
        "why": "Why " + " ".join(PAYLOADS),
        "bring": "Bring " + " ".join(PAYLOADS),
    }
    data["project"] = {"name": texts["project"], "stage": texts["stage"]}
    data["respondent"] = {"name": texts["respondent"], "role": texts["role"]}
    data["notes"]["openness"] = texts["note"]
    data["reflections"] = {"why": texts["why"], "bring_and_take": texts["bring"]}
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return path, texts


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text = ""

    def handle_starttag(self, tag, attrs) -> None:  # type: ignore[no-untyped-def]
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text += data


def assert_safe_html(html: str, expected_texts: list[str]) -> None:
    assert "<script" not in html.lower()
    parser = _Tags()
    parser.feed(html)
    parser.close()
    names = {tag for tag, _ in parser.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "foreignobject"}, names
    assert [tag for tag, _ in parser.tags].count("svg") == html.count("<svg")  # coprod's own charts
    for tag, attrs in parser.tags:
        for attr, value in attrs:
            assert not attr.lower().startswith("on"), (tag, attr, value)
            assert "alert(" not in (value or ""), (tag, attr, value)
    for text in expected_texts:  # the person's words survive, as text
        assert text in parser.text, text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# Security --------------------------------------------------------------------------------


def test_html_report_escapes_everything_a_person_wrote(invoke, tmp_path) -> None:
    path, texts = hostile_answers(tmp_path)
    result = invoke("report", str(path), "--format", "html")
    assert result.exit_code == 0, result.output
    assert_safe_html(
        result.stdout, [texts[k] for k in ("project", "respondent", "note", "why", "bring")]
    )


def test_html_for_several_files_and_exports_escapes_too(invoke, tmp_path) -> None:
    first, texts = hostile_answers(tmp_path, "one.yaml")
    second, _ = hostile_answers(tmp_path, "two.yaml")
    result = invoke("report", str(first), str(second), "--format", "html")
    assert result.exit_code == 0, result.output
    assert_safe_html(result.stdout, [texts["project"], texts["note"]])

    out = tmp_path / "export.html"
    assert invoke("assess", "--answers", str(first), "--export", str(out)).exit_code == 0
    assert_safe_html(out.read_text(), [texts["project"], texts["why"]])

    for command in ("team", "compare"):
        result = invoke(command, str(first), str(second), "--format", "html")
        assert result.exit_code == 0, result.output
        assert_safe_html(result.stdout, [texts["project"]])


def test_markdown_report_escapes_html(invoke, tmp_path) -> None:
    """Markdown allows raw HTML; a report.md converted to a web page must stay inert."""
    path, _ = hostile_answers(tmp_path)
    result = invoke("report", str(path), "--format", "md")
    assert result.exit_code == 0, result.output
    assert "alert(1)" in result.stdout
    assert not re.search(r"(?<!\\)<(script|img|svg)", result.stdout, re.IGNORECASE)


def test_rich_markup_in_answers_is_shown_literally(invoke, tmp_path) -> None:
    data = yaml.safe_load(FULL_TEXT)
    name = "[/bold] [red]Red[/red] [link=file:///etc/passwd]x[/link] [/]"
    data["project"]["name"] = name
    data["respondent"]["name"] = "[/]"
    path = tmp_path / "markup.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    for reader in ("assess", "check"):
        result = invoke(*READERS[reader], str(path))
        assert result.exit_code == 0, result.output
        if reader == "assess":
            assert name in result.stdout
