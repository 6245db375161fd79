"""CSV that a spreadsheet can only read as text: the one CSV escaper.

A spreadsheet runs a cell as a formula when it starts with ``=``, ``+``, ``-`` or ``@``
(also after leading spaces), and a bare carriage return inside an unquoted cell starts
a new row, whose first cell can then be a formula. So every cell is written so that
no line of it reads as one: a line whose first visible character is a formula
character gets a leading apostrophe (the usual "this is text" mark), and a cell with a
line break, a comma or a quote is quoted. Rows end with ``\\n``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@")
_LINES = re.compile(r"(\r\n|\r|\n)")  # the separators are kept


def no_formula(cell: str) -> str:
    """``cell`` with every line that a spreadsheet would run as a formula marked as text."""
    parts = _LINES.split(cell)
    for i in range(0, len(parts), 2):  # the lines, not the separators between them
        line = parts[i]
        if line[:1] == "\t" or line.lstrip(" \t")[:1] in FORMULA_START:
            parts[i] = "'" + line
    return "".join(parts)


def csv_cell(cell: str) -> str:
    """One cell, safe from formulas, quoted when it holds a line break, a comma or a quote."""
    cell = no_formula(cell)
    if any(ch in cell for ch in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A header row, then the rows, each cell through :func:`csv_cell`."""
    return "".join(",".join(csv_cell(c) for c in row) + "\n" for row in [header, *rows])
