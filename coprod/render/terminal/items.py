"""List items whose wrapped lines hang under their first word (rich renderables)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, Group, RenderResult


class Hanging:
    """A rich renderable: ``label text`` with the text's wrapped lines indented under it.

    ``label`` (a bullet, an id, "Key point:") and ``text`` are rich markup: escape
    untrusted text before passing it. Lines carry no trailing spaces. A label wider
    than a third of the line hangs the text four columns in instead, so that a narrow
    terminal keeps room for words. Lines break between words (:func:`lines.flow`), never
    inside one.
    """

    def __init__(self, label: str, text: str, *, indent: int = 2) -> None:
        self.label = label
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        from coprod.terminal.lines import flow

        label = Text.from_markup(self.label)
        body = Text.from_markup(self.text)
        first = Text(" " * self.indent) + label + Text(" ")
        hang = first.cell_len
        if hang > options.max_width // 3:
            hang = self.indent + 4
        first_width = max(options.max_width - first.cell_len, 1)
        lines = list(flow(body, first_width + 1, long_addresses=True).split("\n"))
        if len(lines) > 1 and hang != first.cell_len:
            rest = Text(" ").join(lines[1:])
            width = max(options.max_width - hang, 1) + 1
            lines[1:] = flow(rest, width, long_addresses=True).split("\n")
        for number, line in enumerate(lines):
            yield (first if number == 0 else Text(" " * hang)) + line


def print_item(console: Console, label: str, text: str, *, indent: int = 2) -> None:
    """Print one :class:`Hanging` item."""
    console.print(Hanging(label, text, indent=indent))


def item_group(items: list[tuple[str, str]]) -> Group:
    """Several ``(label, text)`` items as one renderable (for a panel), each hanging."""
    from rich.console import Group

    return Group(*(Hanging(label, text, indent=0) for label, text in items))
