"""render.spreadsheet: no CSV cell reads as a formula."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES

from coprod.render.spreadsheet import csv_cell

FORMULA = "=+-@"


def with_actions(path: Path, actions: list[dict[str, str]]) -> Path:
    data: dict[str, Any] = yaml.safe_load((FIXTURES / "full.yaml").read_text(encoding="utf-8"))
    data["actions"] = actions
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


HOSTILE = [
    "Fix the roof\r=2+5",  # a bare carriage return: once a new row starting with a formula
    "Fix the roof\n=2+5",
    "Fix the roof\r\n@SUM(A1:A9)",
    " =1+1",  # after leading spaces
    "\t=1+1",
    "  \t+44 20 7946 0000",
    "-3+3",
    'Say "hello"\r  -1+1, then go',
    "An ordinary action",
]


def physical_lines(text: str) -> list[str]:
    """What a spreadsheet that splits rows at any CR or LF would see as line starts."""
    return re.split(r"\r\n|\r|\n", text)


# spreadsheet formulas --------------------------------------------------------------------


def test_no_line_of_any_csv_cell_reads_as_a_formula(invoke, tmp_path: Path) -> None:
    actions = [
        {"id": f"act-{i}", "text": text, "owner": text, "status": "open"}
        for i, text in enumerate(HOSTILE)
    ]
    path = with_actions(tmp_path / "answers.yaml", actions)
    result = invoke("actions", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == 1 + len(HOSTILE)  # no row split by a line break in a cell
    for row in rows[1:]:
        for cell in row:
            for line in physical_lines(cell):
                first = line.lstrip(" \t")[:1]
                assert first not in tuple(FORMULA) or line.startswith("'"), repr(cell)
    for line in physical_lines(result.stdout):  # read naively, line by line, too
        assert line.lstrip(' \t"')[:1] not in tuple(FORMULA), repr(line)
    texts = {row[rows[0].index("text")] for row in rows[1:]}
    assert any(t.startswith("Fix the roof") and t.endswith("'=2+5") for t in texts)  # kept
    assert "An ordinary action" in texts


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("plain", "plain"),
        ("=1+1", "'=1+1"),
        (" =1+1", "' =1+1"),
        ("a\r=b", '"a\r\'=b"'),
        ("a,b", '"a,b"'),
        ('say "x"', '"say ""x"""'),
        ("3-1", "3-1"),  # a formula character later in a line is text already
        ("", ""),
    ],
)
def test_each_csv_cell_is_text_to_a_spreadsheet(cell: str, written: str) -> None:
    assert csv_cell(cell) == written
