"""terminal.lines: text wrapped between words, never inside one (issue 22, item 4)."""

from __future__ import annotations

import pytest
from rich.text import Text

from coprod.terminal.lines import flow, wrap

MESSAGE = (
    "error: unknown case 'xx'; did you mean 'transform-gm'?\n"
    "The cases: care-at-home, gm-decides, green-summit, peoples-procurement, "
    "peoples-republic-of-energy, space-in-common, system-doesnt-work, councillor-framework, "
    "transform-gm, young-people-missing-from-decisions"
)


@pytest.mark.parametrize("width", [40, 60, 100])
def test_lines_break_between_words_and_fit(width: int) -> None:
    wrapped = wrap(MESSAGE, width)
    assert wrapped.split() == MESSAGE.split()  # no word cut in two, none lost
    assert all(len(line) < width for line in wrapped.splitlines())


def test_a_word_longer_than_the_line_breaks_only_after_its_hyphens() -> None:
    wrapped = wrap("see openness/young-people-missing-from-decisions-and-more", 24)
    lines = wrapped.splitlines()
    assert all(line.endswith("-") for line in lines[1:-1]), lines
    assert "".join(line.strip() for line in lines[1:]) == (
        "openness/young-people-missing-from-decisions-and-more"
    )


def test_a_path_or_an_address_is_never_broken() -> None:
    path = "/home/sam/workshops/space-in-common-2026-12-01/coprod-space-in-common.yaml"
    assert path in wrap(f"Answers are in {path} now", 40).splitlines()
    url = "http://192.168.1.20:8765/f/AbCd-EfGh-IjKl-MnOp-QrSt-UvWx-YzAb/"
    assert url in wrap(f"The facilitator page: {url}", 40).splitlines()


def test_a_listed_problem_keeps_its_indent_when_wrapped() -> None:
    wrapped = wrap("2 problems:\n  a.yaml:3: ratings: " + "word " * 20, 40)
    assert all(line.startswith("  ") for line in wrapped.splitlines()[1:])


def test_styled_text_keeps_its_styles_when_wrapped() -> None:
    text = Text.from_markup("[bold red]error:[/bold red] " + "a message in plain words " * 5)
    flowed = flow(text, 30)
    assert flowed.plain.split() == text.plain.split()
    assert all(len(line) < 30 for line in flowed.plain.splitlines())
    assert any(span.style == "bold red" and span.end - span.start == 6 for span in flowed.spans)


def test_a_listed_address_longer_than_a_whole_line_breaks_after_a_slash_or_equals_sign() -> None:
    url = "https://gtr.ukri.org/projects?ref=ES%2FN005945%2F2"
    lines = flow(Text(f"    See {url}"), 40, long_addresses=True).plain.split("\n")
    assert all(len(line) <= 40 for line in lines)
    assert all(line.startswith("    ") for line in lines)  # it hangs under its item
    assert "".join(line.strip() for line in lines[1:]) == url
    assert lines[1].strip().endswith(("/", "?", "=", "&"))
