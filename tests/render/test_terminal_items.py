"""render.terminal: items and caveats hang under their bullets at any width."""

from __future__ import annotations

import pytest
from helpers.text import flat


def narrow(monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("TERMINAL_WIDTH", str(columns))


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def assert_items_hang(lines: list[str]) -> None:
    """Outside panels: an item starts two columns in; its wrapped lines sit further in.

    A line at column 0 is a heading: after a blank line, or continuing a heading.
    """
    previous = ""
    for line in lines:
        if line.strip():
            if indent_of(line) == 0:
                assert not previous.strip() or indent_of(previous) == 0, (previous, line)
            elif indent_of(line) > 2:
                assert previous.strip(), line  # a continuation follows its item
            assert indent_of(line) != 1, line
        previous = line


def outside_panels(text: str) -> list[str]:
    lines, inside = [], False
    for line in text.splitlines():
        if line.startswith("╭"):
            inside = True
        elif line.startswith("╰"):
            inside = False
        elif not inside:
            lines.append(line.rstrip())
    return lines


def panel_bodies(text: str) -> list[list[str]]:
    panels: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("╭"):
            panels.append([])
        elif line.startswith("│") and panels:
            panels[-1].append(line[2:-2].rstrip())
    return panels


# hanging indents -------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [40, 80])
@pytest.mark.parametrize("case_id", ["care-at-home", "gm-decides", "system-doesnt-work"])
def test_cases_show_items_hang(invoke, content, monkeypatch, columns, case_id) -> None:
    narrow(monkeypatch, columns)
    result = invoke("cases", "show", case_id)
    assert result.exit_code == 0
    lines = outside_panels(result.stdout)
    assert_items_hang(lines)
    assert max(len(line) for line in result.stdout.splitlines()) <= columns
    bullets = [line for line in lines if line.startswith("  • ")]
    continued = [line for line in lines if line.startswith("    ")]
    assert bullets and (columns == 80 or continued)
    assert all(line.startswith("    ") for line in lines if indent_of(line) > 2)
    case = content.case(case_id)
    for lesson in case.lessons:
        assert flat(lesson.text) in flat(result.stdout)


@pytest.mark.parametrize("columns", [40, 80])
@pytest.mark.parametrize("practice", ["1", "6"])
def test_practice_in_full_items_hang(invoke, content, monkeypatch, columns, practice) -> None:
    narrow(monkeypatch, columns)
    result = invoke("practices", practice)
    assert result.exit_code == 0
    lines = outside_panels(result.stdout)
    assert_items_hang(lines)
    for number, line in enumerate(lines[:-1]):
        follower = lines[number + 1]
        if line.startswith(("Key point:", "Source:")) and follower.strip():
            # A wrapped key point or source sits under its text, not at column 0.
            assert indent_of(follower) > 0, follower
    chosen = next(p for p in content.practices if str(p.number) == practice)
    for statement in chosen.statements:  # a bullet each, never its id (issue 22, item 7)
        assert flat(f"• {statement.text}") in flat(result.stdout)
        assert statement.id not in result.stdout


@pytest.mark.parametrize("columns", [40, 80])
def test_criteria_items_and_caveats_hang(invoke, content, monkeypatch, columns) -> None:
    narrow(monkeypatch, columns)
    result = invoke("criteria")
    assert result.exit_code == 0
    lines = outside_panels(result.stdout)
    assert_items_hang(lines)
    for criterion in content.all_criteria():
        assert flat(criterion.text) in flat(result.stdout)
    (caveats,) = panel_bodies(result.stdout)
    assert caveats[0].startswith("• ")
    for line in caveats:
        assert line.startswith(("• ", "  ")), line
    assert sum(line.startswith("• ") for line in caveats) == len(content.criteria.caveats)
