"""The bundled content (models, loader) and how a broken content folder is reported.

Every loader error path goes through ``coprod data validate DIR`` on a broken copy of
data/, as an organisation adapting the content would meet it: exit code 2, one message
on stderr naming the file, the line and the field, never a traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from coprod.core.content_checks import FILES
from coprod.core.models import Content, dump
from coprod.storage.content import bundled_data_dir

REPORT_PRACTICES = [
    "Designing for openness",
    "Shaping the dynamics of participation",
    "Blending expertise",
    "Humanising experiences",
    "Linking voice and values",
    "Connecting with formal policy and decision-making",
    "Holding the process",
]


# --------------------------------------------------------------------------- helpers


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in ``path`` with ``new`` (``old`` must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}: the content changed, update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def lines_with(path: Path, needle: str) -> list[int]:
    """The 1-based numbers of the lines of ``path`` that read ``needle`` (ignoring indent)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [number for number, line in enumerate(lines, start=1) if line.strip() == needle]


def line_with(path: Path, needle: str) -> int:
    found = lines_with(path, needle)
    assert len(found) == 1, f"{needle!r} is on lines {found} of {path.name}; expected one"
    return found[0]


def validate_fails(invoke: Callable[..., Any], folder: Path) -> str:
    """Run ``coprod data validate folder``; it must fail cleanly. Returns stderr."""
    result = invoke("data", "validate", str(folder))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    assert "is valid" not in result.stdout
    assert result.stderr.startswith("error:")
    return result.stderr


def walk_sources(obj: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every ``source`` entry (as dicts) anywhere in dumped content, with its location."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key == "source":
                found.extend((f"{where}.source", ref) for ref in value)
            else:
                found.extend(walk_sources(value, f"{where}.{key}"))
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            found.extend(walk_sources(item, f"{where}[{index}]"))
    return found


# ------------------------------------------------------------------ bundled content


def test_seven_practices_in_the_reports_order(content: Content) -> None:
    assert [p.name for p in content.practices] == REPORT_PRACTICES
    assert [p.number for p in content.practices] == list(range(1, 8))


def test_key_points_and_statements(content: Content) -> None:
    key_points = [k for p in content.practices for k in p.key_points]
    statements = [s for p in content.practices for s in p.statements]
    assert len(key_points) == 39
    assert len(statements) >= 39
    for practice in content.practices:
        covered = {s.key_point for s in practice.statements}
        own = {k.id for k in practice.key_points}
        assert own <= covered, f"{practice.id}: key points without a statement: {own - covered}"
        assert covered <= own, f"{practice.id}: statements point outside the practice"
        for statement in practice.statements:
            assert statement.text.strip() and statement.next_step.strip()


def test_cases_strategies_and_criteria_counts(content: Content) -> None:
    assert len(content.cases) == 10
    assert len(content.strategies) == 7
    assert len(content.criteria.favourable) == 4
    assert len(content.criteria.warning) == 4
    assert content.criteria.caveats


def test_every_practice_links_to_real_cases(content: Content) -> None:
    case_ids = {c.id for c in content.cases}
    for practice in content.practices:
        assert practice.cases, practice.id
        assert {link.case for link in practice.cases} <= case_ids, practice.id


def test_case_methods_and_strategies_are_declared(content: Content) -> None:
    method_ids = {m.id for m in content.methods}
    strategy_ids = {s.id for s in content.strategies}
    for case in content.cases:
        assert set(case.methods) <= method_ids, case.id
        assert case.strategy is None or case.strategy in strategy_ids, case.id
    # Each strategy is used by one project (the report assigns one each).
    used = [c.strategy for c in content.cases if c.strategy]
    assert sorted(used) == sorted(strategy_ids)


@pytest.mark.parametrize(
    "kind, ids",
    [
        ("practice", lambda c: [p.id for p in c.practices]),
        ("key point", lambda c: [k.id for p in c.practices for k in p.key_points]),
        ("statement", lambda c: [s.id for p in c.practices for s in p.statements]),
        ("criterion", lambda c: [x.id for x in (*c.all_criteria(), *c.criteria.caveats)]),
        ("case", lambda c: [x.id for x in c.cases]),
        ("method", lambda c: [m.id for m in c.methods]),
        ("strategy", lambda c: [s.id for s in c.strategies]),
    ],
)
def test_ids_are_unique(content: Content, kind: str, ids: Callable[[Content], list[str]]) -> None:
    values = ids(content)
    duplicates = sorted({v for v in values if values.count(v) > 1})
    assert values and not duplicates, f"duplicate {kind} ids: {duplicates}"


@pytest.mark.parametrize(
    "collection",
    [
        lambda c: c.practices,
        lambda c: c.cases,
        lambda c: c.strategies,
        lambda c: c.criteria.favourable,
        lambda c: c.criteria.warning,
        lambda c: c.criteria.caveats,
        lambda c: [c.criteria.starting_point],
        lambda c: c.background.challenges,
        lambda c: c.background.arc_characteristics,
        lambda c: c.background.tyrannies,
        lambda c: c.background.leadership_viewpoints,
        lambda c: [f for case in c.cases for f in case.figures],
    ],
    ids=[
        "practices",
        "cases",
        "strategies",
        "favourable",
        "warning",
        "caveats",
        "starting_point",
        "challenges",
        "arc_characteristics",
        "tyrannies",
        "leadership_viewpoints",
        "figures",
    ],
)
def test_every_item_has_a_source(
    content: Content, collection: Callable[[Content], list[Any]]
) -> None:
    items = collection(content)
    assert items
    for item in items:
        assert item.source, item


def test_every_source_cites_a_declared_publication_and_a_real_section(content: Content) -> None:
    publications = {p.id for p in content.meta.publications}
    sources = walk_sources(dump(content))
    assert len(sources) > 100  # sanity: the walk did find the sources
    file_like = re.compile(r"\.(txt|md|pdf|html?|docx?|ya?ml|json)\b", re.IGNORECASE)
    for where, ref in sources:
        assert ref["ref"] in publications, f"{where}: undeclared publication {ref['ref']!r}"
        assert ref["section"].strip(), where
        assert not file_like.search(ref["section"]), f"{where}: section {ref['section']!r}"


def test_content_version_is_an_int(content: Content) -> None:
    raw = yaml.safe_load((bundled_data_dir() / "meta.yaml").read_text(encoding="utf-8"))
    assert type(raw["content_version"]) is int
    assert type(content.version) is int
    assert content.version == raw["content_version"] >= 1


def test_counts_match_the_yaml_files(content: Content) -> None:
    """The loader drops nothing: every entry in the YAML files is in the content."""
    folder = bundled_data_dir()

    def raw(name: str) -> Any:
        return yaml.safe_load((folder / name).read_text(encoding="utf-8"))

    practices = raw("practices.yaml")["practices"]
    assert len(content.practices) == len(practices)
    assert len(content.statements()) == sum(len(p["statements"]) for p in practices)
    assert len(content.cases) == len(raw("cases.yaml")["cases"])
    assert len(content.methods) == len(raw("methods.yaml")["methods"])
    assert len(content.strategies) == len(raw("strategies.yaml")["strategies"])


# ------------------------------------------------------------- coprod data validate


def test_validate_bundled_content_reports_the_counts(invoke, content: Content) -> None:
    result = invoke("data", "validate")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "is valid" in out
    assert f"content version {content.version}" in out
    assert f"{len(content.practices)} practices" in out
    assert f"{len(content.statements())} statements" in out
    assert f"{len(content.all_criteria())} criteria" in out
    assert f"{len(content.cases)} cases" in out
    # the only messages are the packs' fallbacks (texts they leave to the original)
    assert all(line.startswith("warning: pack ") for line in result.stderr.splitlines())


def test_validate_untouched_copy_succeeds(invoke, data_copy: Path) -> None:
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 0, result.output
    assert str(data_copy) in " ".join(result.stdout.split())
    assert "is valid" in result.stdout


def test_bad_yaml_syntax(invoke, data_copy: Path) -> None:
    path = data_copy / "cases.yaml"
    edit(path, "    name: GM Decides\n", "    name: GM Decides\n    tags: [digital, women\n")
    opened = line_with(path, "tags: [digital, women")
    stderr = validate_fails(invoke, data_copy)
    assert "not valid YAML" in stderr
    # PyYAML notices the unclosed bracket at the next token, on the following line.
    assert f"{path}:{opened}:" in stderr or f"{path}:{opened + 1}:" in stderr, stderr


def test_unknown_field_in_a_practice(invoke, data_copy: Path) -> None:
    path = data_copy / "practices.yaml"
    edit(path, "    number: 2\n", "    number: 2\n    colour: red\n")
    line = line_with(path, "colour: red")
    stderr = validate_fails(invoke, data_copy)
    assert f"{path}:{line}: practices[1].colour: unknown field" in stderr


def test_practice_links_to_a_case_that_does_not_exist(invoke, data_copy: Path, content) -> None:
    path = data_copy / "practices.yaml"
    edit(path, "      - case: space-in-common\n", "      - case: space-in-commons\n")
    line = line_with(path, "- case: space-in-commons")
    index = [link.case for link in content.practices[0].cases].index("space-in-common")
    stderr = validate_fails(invoke, data_copy)
    assert f"{path}:{line}: practices[0].cases[{index}].case: unknown case 'space-in-commons'" in (
        stderr
    )
    # The message lists the ids that do exist.
    known = stderr.split("known:", 1)[1]
    for case in content.cases:
        assert case.id in known


def test_statement_points_to_a_missing_key_point(invoke, data_copy: Path, content) -> None:
    path = data_copy / "practices.yaml"
    edit(path, "        key_point: openness-kp2\n", "        key_point: openness-kp99\n")
    line = line_with(path, "key_point: openness-kp99")
    index = [s.key_point for s in content.practices[0].statements].index("openness-kp2")
    stderr = validate_fails(invoke, data_copy)
    assert (
        f"{path}:{line}: practices[0].statements[{index}].key_point: "
        "no key point 'openness-kp99' in practice 'openness'"
    ) in stderr


def test_duplicate_statement_id(invoke, data_copy: Path) -> None:
    path = data_copy / "practices.yaml"
    edit(path, "      - id: openness-2\n", "      - id: openness-1\n")
    both = lines_with(path, "- id: openness-1")
    assert len(both) == 2
    stderr = validate_fails(invoke, data_copy)
    assert "statement id 'openness-1' is used more than once" in stderr
    match = re.search(
        rf"{re.escape(str(path))}:(\d+): (practices\[0\]\.statements\[\d\]\.id)", stderr
    )
    assert match, stderr
    assert int(match.group(1)) in both


def test_missing_file(invoke, data_copy: Path) -> None:
    path = data_copy / "methods.yaml"
    path.unlink()
    stderr = validate_fails(invoke, data_copy)
    assert f"{path}: no such file" in stderr


def test_python_tag_is_rejected_and_not_run(invoke, data_copy: Path, tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    path = data_copy / "meta.yaml"
    edit(
        path,
        "title: Jam",
        f"title: !!python/object/apply:os.system ['touch {marker}']\nsubtitle: Jam",
    )
    line = line_with(path, f"title: !!python/object/apply:os.system ['touch {marker}']")
    stderr = validate_fails(invoke, data_copy)
    assert f"{path}:{line}: not valid YAML" in stderr  # which words follow are PyYAML's
    assert not marker.exists()


def test_duplicate_mapping_key(invoke, data_copy: Path) -> None:
    path = data_copy / "meta.yaml"
    edit(path, "title: Jam", "title: Another title\ntitle: Jam")
    first = line_with(path, "title: Another title")
    second = line_with(path, "title: Jam and Justice co-production content")
    stderr = validate_fails(invoke, data_copy)
    assert f"{path}:{second}: not valid YAML: duplicate key 'title'" in stderr
    assert f"first given on line {first}" in stderr


def test_file_that_is_a_list_not_a_mapping(invoke, data_copy: Path) -> None:
    path = data_copy / "strategies.yaml"
    strategies = yaml.safe_load(path.read_text(encoding="utf-8"))["strategies"]
    path.write_text(yaml.safe_dump(strategies, sort_keys=False), encoding="utf-8")
    stderr = validate_fails(invoke, data_copy)
    assert f"{path}:1: is a list; expected a mapping" in stderr


def test_source_cites_an_undeclared_publication(invoke, data_copy: Path, content) -> None:
    path = data_copy / "cases.yaml"
    # The case's own source list (6 spaces), not a figure's (10 spaces).
    edit(path, "\n      - {ref: ukri-outcomes,", "\n      - {ref: ukri-outcome,")
    line = next(
        number
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if text.startswith("      - {ref: ukri-outcome,")
    )
    index = [s.ref for s in content.cases[0].source].index("ukri-outcomes")
    stderr = validate_fails(invoke, data_copy)
    assert (
        f"{path}:{line}: cases[0].source[{index}].ref: unknown publication 'ukri-outcome'"
    ) in stderr
    for publication in content.meta.publications:
        assert publication.id in stderr.split("known:", 1)[1]


def test_undeclared_publication_in_a_single_block_source_names_the_ref_line(
    invoke, data_copy: Path
) -> None:
    path = data_copy / "strategies.yaml"
    edit(path, "      ref: report\n", "      ref: reprot\n")
    line = line_with(path, "ref: reprot")
    stderr = validate_fails(invoke, data_copy)
    assert f"{path}:{line}: strategies[0].source[0].ref: unknown publication 'reprot'" in stderr


def test_case_method_not_in_methods_yaml(invoke, data_copy: Path, content) -> None:
    path = data_copy / "cases.yaml"
    edit(path, "\n      - workshops\n", "\n      - knitting\n")
    line = line_with(path, "- knitting")
    case_index = next(i for i, c in enumerate(content.cases) if "workshops" in c.methods)
    method_index = content.cases[case_index].methods.index("workshops")
    stderr = validate_fails(invoke, data_copy)
    assert (
        f"{path}:{line}: cases[{case_index}].methods[{method_index}]: unknown method 'knitting'"
    ) in stderr
    assert "methods.yaml" in stderr


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda tmp: tmp / "no-such-folder", "does not exist"),
        (lambda tmp: _write(tmp / "a-file.yaml", "content_version: 1\n"), "is not a folder"),
    ],
    ids=["missing", "file"],
)
def test_data_dir_that_is_not_a_folder(invoke, tmp_path: Path, make, message: str) -> None:
    folder = make(tmp_path)
    stderr = validate_fails(invoke, folder)
    assert f"{folder}: " in stderr
    assert message in stderr


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _unknown_field(folder: Path) -> str:
    path = folder / "practices.yaml"
    edit(path, "    number: 2\n", "    number: 2\n    colour: red\n")
    return f"{path}:{line_with(path, 'colour: red')}: practices[1].colour"


def _missing_background(folder: Path) -> str:
    (folder / "background.yaml").unlink()
    return f"{folder / 'background.yaml'}: no such file"


def _unknown_method(folder: Path) -> str:
    path = folder / "cases.yaml"
    edit(path, "\n      - photovoice\n", "\n      - fotovoice\n")
    return f"{path}:{line_with(path, '- fotovoice')}: "


def _unknown_strategy(folder: Path) -> str:
    path = folder / "cases.yaml"
    edit(path, "    strategy: borrowing\n", "    strategy: borrow\n")
    return f"{path}:{line_with(path, 'strategy: borrow')}: cases[0].strategy: unknown strategy"


def _dangling_case(folder: Path) -> str:
    path = folder / "practices.yaml"
    edit(path, "      - case: gm-decides\n", "      - case: gm-decide\n")
    return f"{path}:{line_with(path, '- case: gm-decide')}: "


@pytest.mark.parametrize(
    "breakages",
    [
        (_unknown_field, _missing_background),
        (_unknown_method, _dangling_case),
        (_unknown_strategy, _unknown_method),
    ],
    ids=["field+missing-file", "method+case-link", "strategy+method"],
)
def test_several_problems_are_reported_together(invoke, data_copy: Path, breakages) -> None:
    expected = [breakage(data_copy) for breakage in breakages]
    stderr = validate_fails(invoke, data_copy)
    assert f"{len(expected)} problems:" in stderr
    for where in expected:
        assert where in stderr, f"{where!r} missing from:\n{stderr}"


# --------------------------------------------------- --data-dir and COPROD_DATA_DIR


def _rename_blending(folder: Path) -> None:
    edit(folder / "practices.yaml", 'name: "Blending expertise"', 'name: "Mixing our expertise"')


@pytest.mark.parametrize("how", ["option", "env"])
def test_adapted_copy_is_used(invoke, data_copy: Path, monkeypatch, how: str) -> None:
    _rename_blending(data_copy)
    if how == "option":
        result = invoke("--data-dir", str(data_copy), "practices", "--json")
    else:
        monkeypatch.setenv("COPROD_DATA_DIR", str(data_copy))
        result = invoke("practices", "--json")
    assert result.exit_code == 0, result.output
    names = [p["name"] for p in json.loads(result.stdout)["practices"]]
    assert "Mixing our expertise" in names
    assert "Blending expertise" not in names
    assert len(names) == len(REPORT_PRACTICES)


def test_data_dir_option_wins_over_the_environment(invoke, data_copy: Path, tmp_path, monkeypatch):
    _rename_blending(data_copy)
    monkeypatch.setenv("COPROD_DATA_DIR", str(tmp_path / "not-there"))
    result = invoke("--data-dir", str(data_copy), "practices", "expertise")
    assert result.exit_code == 0, result.output
    assert "Mixing our expertise" in result.stdout


def test_bundled_content_is_untouched_by_an_adapted_copy(invoke, data_copy: Path) -> None:
    _rename_blending(data_copy)
    assert invoke("--data-dir", str(data_copy), "practices", "--json").exit_code == 0
    names = [p["name"] for p in json.loads(invoke("practices", "--json").stdout)["practices"]]
    assert names == REPORT_PRACTICES


@pytest.mark.parametrize(
    "command",
    [
        ["practices"],
        ["practices", "openness", "--json"],
        ["criteria"],
        ["cases"],
        ["cases", "show", "care-at-home"],
        ["check"],
        ["assess"],
        ["data", "validate"],
    ],
    ids=" ".join,
)
def test_broken_data_dir_fails_every_command(invoke, data_copy: Path, command: list[str]) -> None:
    where = _unknown_field(data_copy)
    result = invoke("--data-dir", str(data_copy), *command)
    assert result.exit_code == 2, result.output
    assert where in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["practices"], ["cases", "--json"]], ids=" ".join)
def test_missing_data_dir_from_the_environment(invoke, tmp_path, monkeypatch, command) -> None:
    monkeypatch.setenv("COPROD_DATA_DIR", str(tmp_path / "gone"))
    result = invoke(*command)
    assert result.exit_code == 2
    assert f"{tmp_path / 'gone'}: content folder does not exist" in result.stderr
    assert result.stdout == ""


# ---------------------------------------------------------------- coprod data copy


def test_copy_makes_a_folder_that_validates(invoke, tmp_path: Path) -> None:
    target = tmp_path / "our-content"
    result = invoke("data", "copy", str(target))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == sorted([*FILES, "packs"])
    assert (target / "packs" / "cy" / "meta.yaml").is_file()  # the packs come along
    for name in FILES:
        assert (target / name).read_bytes() == (bundled_data_dir() / name).read_bytes()
    assert "--data-dir" in result.stdout
    checked = invoke("data", "validate", str(target))
    assert checked.exit_code == 0, checked.output
    assert "is valid" in checked.stdout


def test_copy_refuses_to_overwrite_without_force(invoke, tmp_path: Path) -> None:
    target = tmp_path / "our-content"
    assert invoke("data", "copy", str(target)).exit_code == 0
    _rename_blending(target)
    adapted = (target / "practices.yaml").read_text(encoding="utf-8")

    refused = invoke("data", "copy", str(target))
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert str(target) in refused.stderr
    assert (target / "practices.yaml").read_text(encoding="utf-8") == adapted

    forced = invoke("data", "copy", str(target), "--force")
    assert forced.exit_code == 0, forced.output
    restored = (target / "practices.yaml").read_bytes()
    assert restored == (bundled_data_dir() / "practices.yaml").read_bytes()


def test_copy_into_an_existing_folder_without_content_files(invoke, tmp_path: Path) -> None:
    target = tmp_path / "notes"
    target.mkdir()
    (target / "README.txt").write_text("ours", encoding="utf-8")
    result = invoke("data", "copy", str(target))
    assert result.exit_code == 0, result.output
    assert (target / "README.txt").read_text(encoding="utf-8") == "ours"
    assert invoke("data", "validate", str(target)).exit_code == 0
