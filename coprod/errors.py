"""coprod's own error type: every expected failure becomes one of these.

The CLI turns a :class:`CoprodError` into a short message on stderr and an exit
code (2 for bad input or usage), never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coprod.i18n import N_, _, ngettext

#: At most this many problems are spelled out in a message; the rest are counted.
MAX_SHOWN = 20


def _one_line(name: str) -> str:
    """A path or field name on one line: a newline in a file's name cannot fake a message."""
    if name.isprintable():
        return name
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in name)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is (file, line, field) and what."""

    message: str
    path: Path | str | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = _one_line(str(self.path))
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        field = f"{_one_line(self.field)}: " if self.field else ""
        return f"{where}{field}{self.message}"


class CoprodError(Exception):
    """An expected failure with a message meant for the user."""

    exit_code = 2
    label: str | None = N_("error")

    def __init__(self, problems: list[Problem] | Problem | str, hint: str | None = None) -> None:
        if isinstance(problems, str):
            problems = Problem(problems)
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems[:MAX_SHOWN]]
        total = len(self.problems)
        if total > 1:
            heading = ngettext("%(n)d problem:", "%(n)d problems:", total) % {"n": total}
            text = heading + "\n" + "\n".join(f"  {line}" for line in lines)
            if total > MAX_SHOWN:
                more = total - MAX_SHOWN
                text += "\n  " + ngettext(
                    "… and %(n)d more (fix these and run it again)",
                    "… and %(n)d more (fix these and run it again)",
                    more,
                ) % {"n": more}
        else:
            text = lines[0] if lines else _("unknown error")
        if self.hint:
            text += f"\n{self.hint}"
        return text
