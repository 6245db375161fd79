"""``coprod practices``: the number the table shows, and values out of range."""

from __future__ import annotations

import json

import pytest
from helpers.text import flat

from coprod.core.models import Content

# practice numbers, names -----------------------------------------------------------------


@pytest.mark.parametrize("number", range(1, 8))
def test_practices_accepts_the_number_the_table_shows(invoke, content: Content, number) -> None:
    practice = next(p for p in content.practices if p.number == number)
    by_number = invoke("practices", str(number))
    assert by_number.exit_code == 0, by_number.stderr
    assert by_number.stdout == invoke("practices", practice.id).stdout
    assert f"{number}. {practice.name}" in flat(by_number.stdout)


def test_practices_json_by_number(invoke) -> None:
    data = json.loads(invoke("practices", "7", "--json").stdout)
    assert [p["id"] for p in data["practices"]] == ["holding"]


@pytest.mark.parametrize("value", ["0", "8", "77"])
def test_a_number_out_of_range_names_the_valid_values(invoke, content, value) -> None:
    result = invoke("practices", value)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"'{value}'" in result.stderr
    assert all(p.id in result.stderr for p in content.practices)
    assert "1 to 7" in result.stderr
