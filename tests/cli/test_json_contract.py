"""Every ``--json`` / ``--format json`` document: one envelope, the same machine fields in any language.

The command tree is walked (as coprod/i18n/babel_extract.py does), so a new command
that prints JSON fails here until it is given arguments below, and so is checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer.main
from helpers import FIXTURES

from coprod.cli import app
from coprod.render.json import VERSIONS

FULL = str(FIXTURES / "full.yaml")
LATER = str(FIXTURES / "later.yaml")
TEAM = [str(FIXTURES / f"team-{name}.yaml") for name in ("sam", "jo", "resident")]

# Each JSON-printing command: the arguments to run it with (the JSON option is added).
RUNS: dict[str, list[list[str]]] = {
    "about": [[]],
    "actions": [TEAM, [FULL, LATER]],
    "agenda": [TEAM],
    "assess": [["--answers", FULL]],
    "cases": [[], ["photovoice"], ["show", "care-at-home"]],
    "check": [["--answers", FULL]],
    "compare": [[FULL, LATER]],
    "criteria": [[]],
    "glossary": [[]],
    "practices": [[], ["7"]],
    "report": [[FULL], [*TEAM]],
    "room": [TEAM],
    "team": [TEAM, [*TEAM, "--anonymous"]],
}

# Keys whose values are text meant to be read: only these may change with --lang.
READABLE = {
    "language",  # the language the document's words are in
    "also",
    "description",
    "label",
    "meaning",
    "method_names",
    "name",
    "next_step",
    "next_steps",
    "note",
    "partners",
    "prompts",
    "purpose",
    "question",
    "questions",
    "reader",
    "summary",
    "text",
    "title",
    "items",
    "verdict_basis",  # the verdict is coprod's reading of the report's criteria, in words
    "verdict_rules",
    "why",
    "word",
    "was",
}


def json_commands() -> dict[str, list[str]]:
    """Each command path that can print JSON, with the option that asks for it."""
    found: dict[str, list[str]] = {}

    def walk(command: Any, path: list[str]) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])
        for param in command.params:
            if param.param_type_name != "option":
                continue
            if "--json" in param.opts:
                found[" ".join(path)] = ["--json"]
            elif "--format" in param.opts and "json" in getattr(param.type, "choices", ()):
                found[" ".join(path)] = ["--format", "json"]

    walk(typer.main.get_command(app), [])
    return found


COMMANDS = json_commands()
CASES = [
    pytest.param(name, args, id=" ".join([name, *(Path(a).name for a in args)]))
    for name, runs in sorted(RUNS.items())
    for args in runs
]


def test_every_json_command_is_checked_here() -> None:
    assert sorted(COMMANDS) == sorted(RUNS)


def run(invoke: Any, lang: str, name: str, args: list[str]) -> dict[str, Any]:
    result = invoke("--lang", lang, *name.split(), *args, *COMMANDS[name])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def differences(english: Any, welsh: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Where two documents differ: paths of keys (list items share their list's path)."""
    if isinstance(english, dict) and isinstance(welsh, dict):
        if list(english) != list(welsh):
            return [(*path, "<keys>")]
        return [d for key in english for d in differences(english[key], welsh[key], (*path, key))]
    if isinstance(english, list) and isinstance(welsh, list):
        if len(english) != len(welsh):
            return [(*path, "<length>")]
        return [d for a, b in zip(english, welsh, strict=True) for d in differences(a, b, path)]
    return [] if english == welsh else [path]


@pytest.mark.parametrize(("name", "args"), CASES)
def test_a_json_document_has_kind_and_version_and_machine_fields_in_any_language(
    invoke: Any, name: str, args: list[str]
) -> None:
    english = run(invoke, "en", name, args)
    welsh = run(invoke, "cy", name, args)
    for data in (english, welsh):
        assert list(data)[:2] == ["kind", "version"]
        assert data["version"] == VERSIONS[data["kind"]]
    changed = {path for path in differences(english, welsh)}
    # a list of words may be longer in one language ("also": the forms of a word)
    keys = {path[:-1] if path[-1:] == ("<length>",) else path for path in changed}
    assert {path for path in keys if not path or path[-1] not in READABLE} == set()
