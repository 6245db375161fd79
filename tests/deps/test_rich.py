"""rich: coprod's console overrides the private ``Console._render_buffer``, the last step
before the stream, so that text built anywhere (a ``Text`` from a renderer, a table
cell) loses terminal escapes and hyperlinks, not only strings passed through markup.
Should rich stop calling it, content with escapes (a hostile answers file, a content
pack) reaches the terminal as-is: these tests name the break.
"""

from __future__ import annotations

import pytest
from rich.style import Style
from rich.table import Table
from rich.text import Text

from coprod.terminal import console

ESC = "\x1b"
HOSTILE = f"before {ESC}]0;pwned{ESC}\\ {ESC}[2J after"


@pytest.fixture
def colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal that shows colour and links, where escapes would do harm."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")


def test_rich_console_render_buffer_drops_escapes_from_text_objects(
    colour_terminal: None, capsys: pytest.CaptureFixture[str]
) -> None:
    console.out().print(Text(HOSTILE))
    table = Table()
    table.add_column("cell")
    table.add_row(Text(HOSTILE))
    console.out().print(table)
    shown = capsys.readouterr().out
    assert "before" in shown and "after" in shown
    assert "]0;pwned" in shown  # the words stay visible, as text
    assert f"{ESC}]0" not in shown and f"{ESC}[2J" not in shown


def test_rich_console_render_buffer_drops_hyperlinks(
    colour_terminal: None, capsys: pytest.CaptureFixture[str]
) -> None:
    console.out().print(Text("click me", style=Style(link="http://evil.example/", bold=True)))
    shown = capsys.readouterr().out
    assert "click me" in shown
    assert "evil.example" not in shown
    assert f"{ESC}]8;" not in shown
    assert f"{ESC}[1m" in shown  # the rest of the style is kept: this is a colour terminal
