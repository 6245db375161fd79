"""coprod's own options work after the command name too: `coprod practices --lang cy`."""

from __future__ import annotations

import json

import pytest

from coprod.i18n.cli_help import hoist_global_options


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (["practices", "--lang", "cy"], ["--lang", "cy", "practices"]),
        (["assess", "--easy-read", "--quick"], ["--easy-read", "assess", "--quick"]),
        (["cases", "show", "x", "--lang=cy"], ["--lang=cy", "cases", "show", "x"]),
        (["--lang", "cy", "practices"], ["--lang", "cy", "practices"]),
        (["report", "a.yaml", "--", "--lang"], ["report", "a.yaml", "--", "--lang"]),
        (
            ["--data-dir", "d", "about", "--data-dir", "e"],
            ["--data-dir", "d", "--data-dir", "e", "about"],
        ),
    ],
)
def test_global_options_move_before_the_command(typed: list[str], read: list[str]) -> None:
    assert hoist_global_options(typed) == read


def test_lang_after_the_command_name_gives_welsh(invoke) -> None:
    before = json.loads(invoke("--lang", "cy", "practices", "--json").stdout)
    after = invoke("practices", "--lang", "cy", "--json")
    assert after.exit_code == 0, after.stderr
    assert json.loads(after.stdout) == before
    assert before != json.loads(invoke("practices", "--json").stdout)


def test_easy_read_after_the_command_name(invoke) -> None:
    assert invoke("criteria", "--easy-read").stdout == invoke("--easy-read", "criteria").stdout
    assert invoke("criteria", "--easy-read").stdout != invoke("criteria").stdout
