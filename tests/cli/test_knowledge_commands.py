"""The read-only knowledge commands: help, ``practices``, ``criteria`` and ``cases``.

Expected values come from the bundled content (the ``content`` fixture) or from facts
in the Jam and Justice report, not from the renderers.
"""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from typing import Any

import pytest

from coprod.core.models import Content

COMMANDS = ["assess", "check", "practices", "criteria", "cases", "data"]


def flat(text: str) -> str:
    """Output with every run of whitespace (including wrapped lines) made one space."""
    return " ".join(text.split())


def run_json(invoke, *args: str) -> dict[str, Any]:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def case_ids(invoke, *args: str) -> list[str]:
    data = run_json(invoke, "cases", *args, "--json")
    assert data["count"] == len(data["cases"])
    return [c["id"] for c in data["cases"]]


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal wide enough that no practice or case name wraps in a table."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERMINAL_WIDTH", "200")


# ------------------------------------------------------------------------ help, version


def summary(command: str) -> str:
    """The first words of a command's own one-line description (its docstring)."""
    import typer

    from coprod.cli import app

    help_text = typer.main.get_command(app).commands[command].help or ""  # type: ignore[attr-defined]
    plain = re.sub(r"\[/?[a-z ]+\]", "", help_text)  # rich markup is not shown as such
    return " ".join(plain.split()[:4])


def listed_commands(text: str) -> list[str]:
    """Commands in the order the help lists them: a name, then its own description."""
    found = []
    for command in COMMANDS:
        match = re.search(rf"\b{command}\s+{re.escape(summary(command))}", text)
        if match:
            found.append((match.start(), command))
    return [command for _, command in sorted(found)]


def test_no_arguments_shows_help_pointing_to_assess(invoke) -> None:
    result = invoke(prog_name="coprod")
    assert result.exit_code == 0
    assert "Start here: coprod assess" in flat(result.stdout)
    assert listed_commands(result.stdout) == COMMANDS


def test_help_lists_every_command(invoke) -> None:
    result = invoke("--help", prog_name="coprod")
    assert result.exit_code == 0
    assert "Start here: coprod assess" in flat(result.stdout)
    assert listed_commands(result.stdout) == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(invoke, command: str) -> None:
    result = invoke(command, "--help", prog_name="coprod")
    assert result.exit_code == 0
    assert f"coprod {command}" in flat(result.stdout)
    assert summary(command) in flat(result.stdout)


def test_version_matches_the_installed_package(invoke) -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"coprod {version('coprod')}"


# ----------------------------------------------------------------------------- practices


def test_practices_table_lists_the_seven_in_order(invoke, content: Content, wide) -> None:
    result = invoke("practices")
    assert result.exit_code == 0
    positions = [result.stdout.find(p.name) for p in content.practices]
    assert -1 not in positions, result.stdout
    assert positions == sorted(positions)
    for practice in content.practices:
        # On the practice's own row, whole (never wrapped), whatever the table's borders.
        row = next(line for line in result.stdout.splitlines() if practice.name in line)
        row = row.replace(practice.name, "")  # "openness" is in "Designing for openness"
        assert re.search(rf"(^|\s){re.escape(practice.id)}(\s|$)", row), practice.id
    total = len(content.statements())
    assert f"{total} self-assessment statements" in flat(result.stdout)


@pytest.mark.parametrize(
    "practice_id",
    [
        "openness",
        "participation",
        "expertise",
        "humanising",
        "voice-values",
        "formal-policy",
        "holding",
    ],
)
def test_practice_in_full(invoke, content: Content, practice_id: str) -> None:
    practice = content.practice(practice_id)
    result = invoke("practices", practice_id)
    assert result.exit_code == 0
    text = flat(result.stdout)
    assert f"{practice.number}. {practice.name}" in text
    for key_point in practice.key_points:
        assert flat(key_point.text) in text
    for statement in practice.statements:  # each as a bullet, without its id
        assert f"• {flat(statement.text)}" in text and statement.id not in text
    for link in practice.cases:
        assert content.case(link.case).name in text
    # Nothing from another practice.
    others = [s.text for p in content.practices if p.id != practice_id for s in p.statements]
    assert not any(flat(o) in text for o in others)


@pytest.mark.parametrize("name", ["Blending expertise", "blending EXPERTISE", "blending-expertise"])
def test_practice_by_name(invoke, content: Content, name: str) -> None:
    by_name = invoke("practices", name)
    by_id = invoke("practices", "expertise")
    assert by_name.exit_code == 0
    assert by_name.stdout == by_id.stdout
    assert "3. Blending expertise" in by_name.stdout


@pytest.mark.parametrize(
    "typo, closest", [("opnness", "openness"), ("hodling", "holding"), ("expertice", "expertise")]
)
def test_unknown_practice_suggests_the_closest(invoke, content: Content, typo, closest) -> None:
    result = invoke("practices", typo)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"unknown practice '{typo}'; did you mean '{closest}'?" in result.stderr
    valid = result.stderr.split("The practices:", 1)[1]
    listed = re.findall(r"[a-z][a-z-]+", valid.split("(", 1)[0])
    assert listed == [p.id for p in content.practices]
    assert "1 to 7" in valid  # the numbers the tables show are valid too


def test_unknown_practice_without_a_close_match(invoke, content: Content) -> None:
    result = invoke("practices", "zzz")
    assert result.exit_code == 2
    assert "did you mean" not in result.stderr
    for practice in content.practices:
        assert practice.id in result.stderr


def test_practices_json(invoke, content: Content) -> None:
    data = run_json(invoke, "practices", "--json")
    assert data["version"] == 1
    practices = data["practices"]
    assert [p["id"] for p in practices] == [p.id for p in content.practices]
    assert [p["name"] for p in practices] == [p.name for p in content.practices]
    for got, practice in zip(practices, content.practices, strict=True):
        assert {"id", "name", "summary", "statements", "cases"} <= got.keys()
        assert got["summary"] == practice.summary
        assert [(s["id"], s["text"]) for s in got["statements"]] == [
            (s.id, s.text) for s in practice.statements
        ]
        assert got["cases"] == [link.case for link in practice.cases]
    assert sum(len(p["statements"]) for p in practices) >= 39


def test_one_practice_json(invoke, content: Content) -> None:
    data = run_json(invoke, "practices", "openness", "--json")
    assert data["version"] == 1
    assert [p["id"] for p in data["practices"]] == ["openness"]
    statements = data["practices"][0]["statements"]
    assert [s["id"] for s in statements] == [s.id for s in content.practice("openness").statements]


# ------------------------------------------------------------------------------ criteria


def test_criteria_human_output(invoke, content: Content) -> None:
    result = invoke("criteria")
    assert result.exit_code == 0
    text = flat(result.stdout)
    favourable, warning = text.split("Its promises are unlikely to be realised")
    for criterion in content.criteria.favourable:
        assert flat(criterion.text) in favourable
    for criterion in content.criteria.warning:
        assert flat(criterion.text) in warning
        assert flat(criterion.text) not in favourable
    # The caveats sit in a panel whose borders break the lines: compare word runs.
    words = re.sub(r"[│╭╮╰╯─]", " ", result.stdout)
    for caveat in content.criteria.caveats:
        assert flat(caveat.text) in flat(words)
    assert flat(content.criteria.starting_point.text) in text
    assert "coprod check" in text


def test_criteria_json(invoke, content: Content) -> None:
    data = run_json(invoke, "criteria", "--json")
    assert data["version"] == 1
    for group in ("favourable", "warning"):
        assert len(data[group]) == 4
        expected = getattr(content.criteria, group)
        assert [(c["id"], c["text"]) for c in data[group]] == [(c.id, c.text) for c in expected]
    assert [c["text"] for c in data["caveats"]] == [n.text for n in content.criteria.caveats]


# --------------------------------------------------------------------------------- cases


def test_cases_lists_all_ten(invoke, content: Content, wide) -> None:
    result = invoke("cases")
    assert result.exit_code == 0
    assert f"10 of {len(content.cases)} case studies" in result.stdout
    for case in content.cases:
        assert f"{case.name}  {case.id}" in result.stdout, case.name
    assert case_ids(invoke) == [c.id for c in content.cases]


@pytest.mark.parametrize("columns", ["80", "100"])
def test_case_ids_are_not_broken_on_a_usual_terminal(invoke, content, monkeypatch, columns) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("TERMINAL_WIDTH", columns)
    result = invoke("cases")
    assert result.exit_code == 0
    for case in content.cases:
        assert re.search(rf"(^|\s){re.escape(case.id)}(\s|$)", result.stdout, re.M), case.id


def test_cases_json_shape(invoke, content: Content) -> None:
    data = run_json(invoke, "cases", "--json")
    assert data["version"] == 2
    assert len(data["cases"]) == 10
    keys = {"id", "name", "description", "methods", "method_names", "themes", "strategy"}
    keys |= {"practices", "partners", "started"}
    names = {m.id: m.name for m in content.methods}
    for got, case in zip(data["cases"], content.cases, strict=True):
        assert keys <= got.keys()
        assert (got["id"], got["name"]) == (case.id, case.name)
        assert got["methods"] == case.methods
        assert got["themes"] == case.themes
        assert got["strategy"] == case.strategy
        assert got["partners"] == case.partners
        assert got["started"] == case.started  # as written: a day or a month
        assert got["description"] == case.description
        assert got["method_names"] == [names[m] for m in case.methods]
        linked = {p.id for p in content.practices if case.id in {x.case for x in p.cases}}
        assert set(got["practices"]) == linked


def test_photovoice_finds_the_system_doesnt_work(invoke) -> None:
    assert case_ids(invoke, "photovoice") == ["system-doesnt-work"]
    assert case_ids(invoke, "--method", "photovoice") == ["system-doesnt-work"]
    result = invoke("cases", "photovoice")
    assert "The System Doesn’t Work" in result.stdout
    assert "1 of 10 case studies" in result.stdout


def test_strategy_borrowing_finds_care_at_home(invoke) -> None:
    assert case_ids(invoke, "--strategy", "borrowing") == ["care-at-home"]
    assert "Care at Home" in invoke("cases", "--strategy", "Borrowing").stdout


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Children's", "young-people-missing-from-decisions"),
        ("CHILDREN’S", "young-people-missing-from-decisions"),
        ("children‘s society", "young-people-missing-from-decisions"),
        ("Énergy", "peoples-republic-of-energy"),
        ("Pe\u0301ople\u2019s RE\u0301PUBLIC", "peoples-republic-of-energy"),
        ("peoples republic", "peoples-republic-of-energy"),
        ("PEOPLE'S procurement", "peoples-procurement"),
    ],
)
def test_query_ignores_case_accents_and_quotes(invoke, query: str, expected: str) -> None:
    assert case_ids(invoke, query) == [expected]


def test_query_words_must_all_match(invoke, content: Content) -> None:
    either = set(case_ids(invoke, "photovoice")) | set(case_ids(invoke, "procurement"))
    assert len(either) >= 2
    assert case_ids(invoke, "photovoice", "procurement") == []


def test_filters_combine(invoke, content: Content) -> None:
    by_method = case_ids(invoke, "--method", "workshops")
    by_theme = case_ids(invoke, "--theme", "Planning and Environment")
    both = case_ids(invoke, "--method", "workshops", "--theme", "Planning and Environment")
    expected = [
        c.id
        for c in content.cases
        if "workshops" in c.methods and "Planning and Environment" in c.themes
    ]
    assert both == expected
    assert both  # the intersection is not empty ...
    assert set(both) < set(by_method) and set(both) < set(by_theme)  # ... nor either filter


@pytest.mark.parametrize("practice", ["holding", "Holding the process"])
def test_practice_filter(invoke, content: Content, practice: str) -> None:
    expected = {link.case for link in content.practice("holding").cases}
    assert set(case_ids(invoke, "--practice", practice)) == expected
    assert len(expected) < len(content.cases)


def test_theme_by_slug_or_name(invoke, content: Content) -> None:
    expected = [c.id for c in content.cases if "Planning and Environment" in c.themes]
    assert case_ids(invoke, "--theme", "planning-and-environment") == expected
    assert case_ids(invoke, "-t", "planning and environment") == expected


PLURAL = {"practice": "practices", "method": "methods", "theme": "themes", "strategy": "strategies"}


@pytest.mark.parametrize(
    "option, value, closest, valid",
    [
        ("--method", "photovoise", "photovoice", lambda c: [m.id for m in c.methods]),
        ("--strategy", "borow", "borrowing", lambda c: [s.id for s in c.strategies]),
        ("--practice", "hodling", "holding", lambda c: [p.id for p in c.practices]),
        (
            "--theme",
            "planning-and-environmnt",
            "planning-and-environment",
            lambda c: list(
                dict.fromkeys(t.lower().replace(" ", "-") for x in c.cases for t in x.themes)
            ),
        ),
    ],
)
def test_unknown_filter_value(invoke, content, option, value, closest, valid) -> None:
    result = invoke("cases", option, value)
    assert result.exit_code == 2
    assert result.stdout == ""
    kind = option.lstrip("-")
    assert f"unknown {kind} '{value}'; did you mean '{closest}'?" in result.stderr
    listed = result.stderr.split(f"The {PLURAL[kind]}:", 1)[1].split("(", 1)[0]
    assert [v.strip() for v in listed.split(",")] == valid(content)


def test_no_match_is_friendly_not_an_error(invoke) -> None:
    result = invoke("cases", "zeppelin")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "No case matches" in result.stderr
    data = run_json(invoke, "cases", "zeppelin", "--json")
    assert data["cases"] == [] and data["count"] == 0


def test_no_match_from_filters(invoke) -> None:
    data = run_json(invoke, "cases", "--method", "photovoice", "--strategy", "borrowing", "--json")
    assert data["cases"] == []


def test_case_in_full(invoke, content: Content) -> None:
    case = content.case("care-at-home")
    result = invoke("cases", "show", "care-at-home")
    assert result.exit_code == 0
    text = flat(result.stdout)
    assert "Care at Home" in text
    for partner in case.partners:
        assert partner in text
    assert re.search(r"^  • Inverted citizens' inquiry$", result.stdout, re.MULTILINE)
    assert re.search(r"Inquiry sessions held: 6 \[[\d, ]+\]$", result.stdout, re.MULTILINE)
    assert re.search(r"Recommendations produced: 12 \[\d+\]$", result.stdout, re.MULTILINE)
    sources = text.split("Sources", 1)[1]
    assert "How can we govern cities differently?" in sources
    assert "Blending expertise" in text.split("Practices it illustrates", 1)[1]


def test_case_in_full_json(invoke, content: Content) -> None:
    data = run_json(invoke, "cases", "show", "care-at-home", "--json")
    assert data["version"] == 2
    case = data["case"]
    assert case["id"] == "care-at-home"
    figures = {f["label"]: f["value"] for f in case["figures"]}
    assert figures["Inquiry sessions held"] == 6
    assert figures["Recommendations produced"] == 12
    assert all(f["source"] for f in case["figures"])
    publications = {p.id for p in content.meta.publications}
    assert case["source"] and {s["ref"] for s in case["source"]} <= publications
    assert "report" in {s["ref"] for s in case["source"]}
    assert "inverted-citizens-inquiry" in case["methods"]


@pytest.mark.parametrize("name", ["The System Doesn’t Work", "the system doesn't work"])
def test_case_in_full_by_name(invoke, name: str) -> None:
    result = invoke("cases", "show", name)
    assert result.exit_code == 0
    assert result.stdout.startswith("╭─ The System Doesn’t Work ─")


def test_show_unknown_case(invoke, content: Content) -> None:
    result = invoke("cases", "show", "nope")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown case 'nope'" in result.stderr
    for case in content.cases:
        assert case.id in result.stderr
    close = invoke("cases", "show", "care-at-hme")
    assert close.exit_code == 2
    assert "did you mean 'care-at-home'?" in close.stderr


def test_show_without_an_id_names_the_ids(invoke, content: Content) -> None:
    result = invoke("cases", "show")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "coprod cases show ID" in result.stderr
    for case in content.cases:
        assert case.id in result.stderr


def test_show_two_ids_is_refused_with_the_ids(invoke, content: Content) -> None:
    result = invoke("cases", "show", "care-at-home", "gm-decides")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "'care-at-home gm-decides'" in result.stderr
    for case in content.cases:
        assert case.id in result.stderr


# ------------------------------------------------------------- narrow and colour terminals


@pytest.mark.parametrize(
    "args",
    [
        ["practices", "--json"],
        ["practices", "openness", "--json"],
        ["criteria", "--json"],
        ["cases", "--json"],
        ["cases", "show", "care-at-home", "--json"],
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("force_color", [False, True], ids=["plain", "force-color"])
def test_json_is_valid_on_a_narrow_colour_terminal(invoke, monkeypatch, args, force_color) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("TERMINAL_WIDTH", "40")
    if force_color:
        monkeypatch.setenv("FORCE_COLOR", "1")
    result = invoke(*args)
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    data = json.loads(result.stdout)  # strict: a line wrapped inside a string would fail
    assert data["version"] == (2 if args[0] == "cases" else 1)
    assert max(len(line) for line in result.stdout.splitlines()) > 40  # i.e. not re-wrapped


def test_cases_table_on_a_narrow_terminal(invoke, content: Content, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("TERMINAL_WIDTH", "40")
    result = invoke("cases")
    assert result.exit_code == 0
    assert "10 of 10 case studies" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 40
    for case in content.cases:
        assert case.name.split()[0] in result.stdout, case.name
