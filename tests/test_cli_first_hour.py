"""What a new user tripped over in the knowledge commands and the help (issue 8).

Help is checked through the installed ``coprod`` at 80 columns, as a person sees it,
without depending on Typer's exact layout: no value placeholder after a flag, no
doubled brackets, no word left alone on a line, and ``coprod help`` the same as
``--help``. The rest runs in-process with CliRunner.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
import typer
from helpers.terminal import clean_env, coprod_executable

from coprod.cli import app
from coprod.core.content_checks import FILES
from coprod.core.models import Content
from coprod.storage.content import bundled_data_dir

BOX = re.compile(r"[│╭╮╰╯─┃━┏┓┗┛]")


def flat(text: str) -> str:
    return " ".join(text.split())


def all_commands() -> list[tuple[list[str], Any]]:
    """Every command path (``["data", "validate"]``) with its click command."""
    found: list[tuple[list[str], Any]] = []

    def walk(path: list[str], command: Any) -> None:
        found.append((path, command))
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk([*path, name], sub)

    walk([], typer.main.get_command(app))
    return found


COMMANDS = all_commands()
# Commands whose help texts this part of coprod owns end to end; `assess` is the one
# issue 8 names. (Other commands' prose may still leave a last word alone at 80.)
NO_ORPHANS = [
    ["assess"],
    ["practices"],
    ["criteria"],
    ["cases"],
    ["about"],
    ["help"],
    ["data"],
    ["data", "validate"],
    ["data", "copy"],
    ["room"],
    ["actions"],
    ["agenda"],
]


def installed(*args: str, columns: int = 80) -> subprocess.CompletedProcess[str]:
    env = clean_env(COLUMNS=str(columns), NO_COLOR="1")
    return subprocess.run(
        [coprod_executable(), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def helps() -> dict[tuple[str, ...], str]:
    """``coprod … --help`` at 80 columns for every command, run once."""
    result = {}
    for path, _ in COMMANDS:
        done = installed(*path, "--help")
        assert done.returncode == 0, (path, done.stderr)
        result[tuple(path)] = done.stdout
    return result


# ----------------------------------------------------------------------------- help (17)


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=[" ".join(p) or "coprod" for p, _ in COMMANDS]
)
def test_flags_show_no_value_placeholder(helps, path, command) -> None:
    text = helps[tuple(path)]
    assert "<bool>" not in text
    flags = [
        opt
        for param in command.params
        if getattr(param, "is_flag", False)
        for opt in param.opts
        if opt.startswith("--")
    ]
    flags.append("--help")  # typer adds it; it is not among the command's own params
    for flag in flags:
        # The option's own row: the flag is the first thing on it (prose may mention it too).
        line = next(line for line in text.splitlines() if BOX.sub(" ", line).split()[:1] == [flag])
        after = line.split(flag, 1)[1]
        # A short alias may follow (-h), then the help text: never a <type> or a VALUE.
        assert not re.match(r"\s+(-\w\s+)?<", after), line


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=lambda v: " ".join(v) or "coprod")
def test_no_doubled_brackets(helps, path) -> None:
    assert "[[" not in helps[tuple(path)]
    assert "]]" not in helps[tuple(path)]


def test_data_validate_shows_its_argument_once_bracketed(helps) -> None:
    usage = next(line for line in helps[("data", "validate")].splitlines() if "validate" in line)
    assert re.search(r"validate .*\[DIR\]", usage), usage


def lone_words(text: str) -> list[str]:
    """Lines (panel borders aside) that hold a single word: a wrapped text's orphan."""
    lonely = []
    for line in text.splitlines():
        if line.lstrip().startswith(("╭", "╰")):
            continue  # a panel's top or bottom border with its title
        words = BOX.sub(" ", line).split()
        if len(words) == 1 and not words[0].startswith("["):
            lonely.append(line)
    return lonely


@pytest.mark.parametrize("path", NO_ORPHANS, ids=" ".join)
def test_no_word_alone_on_a_line_at_80_columns(helps, path) -> None:
    assert lone_words(helps[tuple(path)]) == []


@pytest.mark.parametrize(
    "path", [[], ["assess"], ["cases"], ["data"], ["data", "validate"]], ids=" ".join
)
def test_coprod_help_works_like_dash_dash_help(helps, path) -> None:
    done = installed("help", *path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == helps[tuple(path)]


def test_help_lists_the_help_command(helps) -> None:
    assert re.search(r"^\W*help\s+\S", helps[()], re.MULTILINE)


def test_help_for_an_unknown_command(invoke) -> None:
    result = invoke("help", "asess")
    assert result.exit_code == 2
    assert "'asess'" in result.stderr
    assert "assess" in result.stderr.replace("'asess'", "")
    result = invoke("help", "data", "nope")
    assert result.exit_code == 2
    assert "'nope'" in result.stderr and "validate" in result.stderr


# ------------------------------------------------------------- practice numbers, names (15)


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


def case_ids(invoke, *args: str) -> list[str]:
    result = invoke("cases", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return [c["id"] for c in json.loads(result.stdout)["cases"]]


@pytest.mark.parametrize("number", ["7", "3"])
def test_cases_practice_filter_accepts_the_number(invoke, content, number) -> None:
    practice = next(p for p in content.practices if str(p.number) == number)
    expected = case_ids(invoke, "--practice", practice.id)
    assert expected
    assert case_ids(invoke, "--practice", number) == expected
    assert case_ids(invoke, "-p", number) == expected


@pytest.mark.parametrize(
    "words",
    [
        ["Transform", "GM"],  # typed without quotes, as the issue did
        ["Transform GM"],
        ["transform gm"],
        ["TRANSFORM"],  # a unique prefix, any case
        ["transform-g"],  # a prefix of the id
    ],
    ids=" ".join,
)
def test_cases_show_accepts_a_name_or_a_unique_prefix(invoke, words) -> None:
    result = invoke("cases", "show", *words)
    assert result.exit_code == 0, result.stderr
    assert "(transform-gm)" in result.stdout
    assert result.stderr == ""


def test_cases_show_prefix_of_a_curly_quoted_name(invoke) -> None:
    result = invoke("cases", "show", "people's rep")
    assert result.exit_code == 0, result.stderr
    assert "(peoples-republic-of-energy)" in result.stdout


def test_an_ambiguous_prefix_names_the_matching_ids(invoke, content) -> None:
    result = invoke("cases", "show", "people")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "peoples-procurement" in result.stderr
    assert "peoples-republic-of-energy" in result.stderr
    assert "care-at-home" not in result.stderr  # only the cases that match


def test_an_unknown_name_suggests_ids_not_a_usage_error(invoke, content) -> None:
    result = invoke("cases", "show", "Transform", "Manchester")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "'Transform Manchester'" in result.stderr
    for case in content.cases:
        assert case.id in result.stderr
    assert result.stderr.startswith("error: ")  # coprod's message, not a bare usage line


def test_the_practice_filter_still_refuses_nonsense(invoke) -> None:
    result = invoke("cases", "--practice", "9")
    assert result.exit_code == 2
    assert "'9'" in result.stderr


# ------------------------------------------------------------ not an answers file (16)

CONTENT_FILES = sorted(FILES)
READERS = {
    "report": ["report"],
    "assess": ["assess", "--answers"],
    "check": ["check", "--answers"],
}


@pytest.mark.parametrize("reader", list(READERS))
@pytest.mark.parametrize("name", CONTENT_FILES)
def test_a_content_file_is_not_an_answers_file(invoke, reader, name) -> None:
    path = bundled_data_dir() / name
    result = invoke(*READERS[reader], str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    err = result.stderr
    assert f"{path}:" in err
    assert "not a coprod answers file" in err
    for key in ("version", "project", "ratings"):
        assert re.search(rf"^\s+{key}:", err, re.MULTILINE), key  # what one looks like
    assert "coprod assess" in err
    assert "unknown field" not in err


def test_any_other_yaml_mapping_is_not_an_answers_file(invoke, tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("title: My notes\nitems: [a, b]\n", encoding="utf-8")
    result = invoke("report", str(path))
    assert result.exit_code == 2
    assert f"{path}:1:" in result.stderr
    assert "not a coprod answers file" in result.stderr
    assert "title" in result.stderr  # what the file has instead


def test_an_answers_file_with_a_typo_is_still_an_answers_file(
    invoke, tmp_path: Path, full_answers: Path
) -> None:
    path = tmp_path / "answers.yaml"
    text = full_answers.read_text(encoding="utf-8")
    path.write_text(text + "titel: oops\n", encoding="utf-8")
    result = invoke("report", str(path))
    assert result.exit_code == 2
    line = len(text.splitlines()) + 1
    assert f"{path}:{line}: titel:" in result.stderr
    assert "not a coprod answers file" not in result.stderr


# ------------------------------------------------------------------ hanging indents (18)


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
    for statement in chosen.statements:
        assert re.search(rf"^  {re.escape(statement.id)}  ", result.stdout, re.MULTILINE)
        assert flat(statement.text) in flat(result.stdout)


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


# ------------------------------------------------------------ hints work as printed (2)


def test_data_copy_hint_can_be_typed_as_printed(invoke, tmp_path: Path, monkeypatch) -> None:
    """The printed `coprod data validate DIR` works pasted into a shell, spaces and all."""
    monkeypatch.setenv("COLUMNS", "300")
    target = tmp_path / "our content [draft]"
    result = invoke("data", "copy", str(target))
    assert result.exit_code == 0, result.stderr
    hint = re.search(r"coprod (data validate .+?), then", result.stdout)
    assert hint, result.stdout
    args = shlex.split(hint.group(1))
    assert args[-1] == str(target)
    again = invoke(*args)
    assert again.exit_code == 0, again.stderr
    assert "is valid" in again.stdout


def test_a_broken_answers_file_is_still_called_an_answers_file(invoke, tmp_path: Path) -> None:
    """Answers keys without a project: the missing field is named, with its line."""
    path = tmp_path / "answers.yaml"
    path.write_text("version: 1\nrespondent: {name: Sam}\n", encoding="utf-8")
    result = invoke("report", str(path))
    assert result.exit_code == 2
    assert f"{path}:" in result.stderr and "project:" in result.stderr
    assert "not a coprod answers file" not in result.stderr


def test_the_keys_it_names_carry_no_terminal_escapes(invoke, tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text('"\\e[31mred\\e]0;title\\a": 1\n', encoding="utf-8")
    result = invoke("report", str(path))
    assert result.exit_code == 2
    assert "not a coprod answers file" in result.stderr
    assert "red" in result.stderr
    assert "\x1b" not in result.stderr and "\a" not in result.stderr
