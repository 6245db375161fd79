"""Lines printed whole, never wrapped by the console: a path, a command to type, a message.

A path or a command is printed on a line of its own, without control characters,
so that it can be copied or typed as printed; a long command is continued with the
shell's ``\\``. Messages for stderr (printed as is) are wrapped here at word
boundaries.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def printable(text: str | Path) -> str:
    """A path or name as shown in a terminal: control characters (escapes) left out."""
    from coprod.render.safe import clean_text  # the one definition of what is unsafe

    return clean_text(str(text)).replace("\t", "").replace("\n", "")


def wrap(text: str, width: int) -> str:
    """Prose wrapped at word boundaries (stderr is printed as is, unwrapped)."""
    import textwrap

    return "\n".join(
        textwrap.fill(
            line, width=max(width - 1, 20), break_long_words=False, break_on_hyphens=False
        )
        for line in text.split("\n")
    )


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
