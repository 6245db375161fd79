"""Lines printed whole, never wrapped by the console: a path, a command to type, a message.

A path or a command is printed on a line of its own, without control characters,
so that it can be copied or typed as printed; a long command is continued with the
shell's ``\\``. Messages for stderr are wrapped here (:func:`flow`) between words: a
word too long for a line of its own breaks only after one of its hyphens, and a word
with no hyphen (a path, an address) is left whole for the terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def printable(text: str | Path) -> str:
    """A path or name as shown in a terminal: control characters (escapes) left out."""
    from coprod.render.safe import clean_text  # the one definition of what is unsafe

    return clean_text(str(text)).replace("\t", "").replace("\n", "")


def break_points(line: str, width: int, *, long_addresses: bool = False) -> list[tuple[int, int]]:
    """Where to break one line for ``width`` columns: ``(offset, indent of the next line)``.

    Between words, never inside one: a word too long for a line of its own breaks
    only after a hyphen (``young-people-`` | ``missing``); an address, a path or a
    word with no hyphen stays whole (the terminal shows it, unbroken when copied). With
    ``long_addresses`` (a reference listed under its item), an address longer than a
    whole line breaks after a ``/ ? = &`` instead of spilling to the line's start.
    Continuation lines are indented as the line itself is, so a problem listed under a
    heading stays under it.
    """
    import re

    from rich.cells import cell_len

    indent = len(line) - len(line.lstrip(" "))
    room = max(width - 1, 10)
    hang = indent if indent < room // 3 else 0
    breaks: list[tuple[int, int]] = []
    used, fresh = indent, True  # columns used on this line; nothing on it yet
    for match in re.finditer(r"\S+", line):
        if match.start() < indent:
            continue
        word, start = match.group(), match.start()
        size = cell_len(word)
        if used + size + (0 if fresh else 1) <= room:
            used, fresh = used + size + (0 if fresh else 1), False
            continue
        if not fresh:
            breaks.append((start, hang))
            used, fresh = hang, True
        offset = start
        whole = "://" in word or word.startswith(("/", "~", "."))  # an address or a path
        if not whole:
            pieces = re.split(r"(?<=[^-]-)(?=[^-])", word)
        elif long_addresses and hang + size > room:  # break after its / ? = &
            pieces = re.split(r"(?<=[/?=&])(?=[^/?=&])", word)
        else:
            pieces = [word]
        for piece in pieces:
            if not fresh and used + cell_len(piece) > room:
                breaks.append((offset, hang))
                used = hang
            used, fresh = used + cell_len(piece), False
            offset += len(piece)
    return breaks


def wrap(text: str, width: int) -> str:
    """Plain text wrapped between words for ``width`` columns (see :func:`break_points`)."""
    lines: list[str] = []
    for line in text.split("\n"):
        start, indent = 0, 0
        for offset, hang in break_points(line, width):
            lines.append(" " * indent + line[start:offset].rstrip())
            start, indent = offset, hang
        lines.append(" " * indent + line[start:])
    return "\n".join(lines)


def flow(text: Text, width: int, *, long_addresses: bool = False) -> Text:
    """Styled text wrapped between words for ``width`` columns, as :func:`wrap` does
    (``long_addresses``: see :func:`break_points`)."""
    from rich.text import Text

    points: list[tuple[int, int]] = []
    position = 0
    for line in text.plain.split("\n"):
        points += [
            (position + offset, hang)
            for offset, hang in break_points(line, width, long_addresses=long_addresses)
        ]
        position += len(line) + 1
    if not points:
        return text
    parts = list(text.divide(offset for offset, _hang in points))
    for part in parts[:-1]:
        part.rstrip()
    flowed = [parts[0]] + [
        Text(" " * hang) + part for part, (_o, hang) in zip(parts[1:], points, strict=True)
    ]
    return Text("\n").join(flowed)


def command_line(*words: str | Path, width: int | None = None, quote: bool = True) -> str:
    """A command as it is typed, indented on a line of its own (paths quoted for the shell).

    Where it is too long for ``width`` it is broken between words with the shell's
    ``\\`` continuation, so that it still works when typed or pasted as printed.
    """
    import shlex

    from coprod import i18n

    if words and words[0] == "coprod" and i18n.language() != "en" and "--lang" not in words:
        # carrying on should be in the language the person chose, whatever their shell's COPROD_LANG
        words = ("coprod", "--lang", i18n.language(), *words[1:])
    quoted = [shlex.quote(printable(w)) if quote else printable(w) for w in words]
    if width is None:
        return "  " + " ".join(quoted)
    lines: list[str] = []
    line = "  " + quoted[0]
    for number, word in enumerate(quoted[1:], start=2):
        room = 0 if number == len(quoted) else 2  # for " \\" unless it is the last word
        if len(line) + 1 + len(word) + room > width - 1:
            lines.append(line + " \\")
            line = "      " + word
        else:
            line += " " + word
    return "\n".join([*lines, line])


def print_command(console: Console, *words: str | Path, quote: bool = True) -> None:
    """A command on a line (or continued lines) of its own: it can be typed as printed."""
    from rich.text import Text

    console.print(Text(command_line(*words, width=console.width, quote=quote)), soft_wrap=True)


def print_path(console: Console, path: Path | str) -> None:
    """A file name on a line of its own, never wrapped."""
    from rich.text import Text

    console.print(Text(f"  {printable(path)}"), soft_wrap=True)
