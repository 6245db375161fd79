"""storage.answers_file: one reader, one writer with one header, whoever writes."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES
from helpers.refusals import assert_refused, line_of, refused, replaced
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod.core.answers import Answers, LoadedAnswers
from coprod.core.models import Content
from coprod.errors import MAX_SHOWN, CoprodError
from coprod.storage.answers_file import HEADER, dumps, load_answers, parse_answers_text
from coprod.storage.content import load_content


def test_a_new_draft_is_empty_incomplete_and_dated_today(content: Content) -> None:
    draft = Answers.new("quick", content.version)
    assert (draft.mode, draft.complete, draft.date) == ("quick", False, dt.date.today())
    assert draft.project.name == "" and not draft.ratings
    named = Answers.new("full", content.version, "Riverside", "design")
    assert (named.project.name, named.project.stage) == ("Riverside", "design")


def test_what_is_written_reads_back_the_same(content: Content) -> None:
    loaded = load_answers(FIXTURES / "full.yaml", content)
    text = dumps(loaded.answers)
    assert text.startswith(HEADER)
    again = parse_answers_text(text, content)
    assert again.answers == loaded.answers
    assert again.notices == []


def test_a_draft_written_and_read_back_is_a_draft(content: Content) -> None:
    draft = Answers.new("full", content.version, "Riverside")
    draft.ratings["openness-1"] = 3
    text = dumps(draft)
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0] not in "# "]
    assert keys[:3] == ["version", "project", "content_version"]  # the documented order
    loaded = parse_answers_text(text, content)
    assert [n.kind for n in loaded.notices] == ["draft"]
    assert loaded.answers.ratings == {"openness-1": 3}


def test_a_content_file_is_not_an_answers_file(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "meta.yaml"
    path.write_text("title: x\npublications: []\n", encoding="utf-8")
    with pytest.raises(CoprodError) as caught:
        load_answers(path, content)
    assert "not a coprod answers file" in str(caught.value)
    assert caught.value.hint and "coprod assess" in caught.value.hint


FULL = FIXTURES / "full.yaml"


FULL_TEXT = FULL.read_text(encoding="utf-8")


CONTENT = load_content()


# Every way of reading an answers file without prompts.
READERS = {
    "assess": ("assess", "--answers"),
    "assess-json": ("assess", "--json", "--answers"),
    "report": ("report",),
    "check": ("check", "--answers"),
}


def version_2() -> str:
    assert FULL_TEXT.startswith("version: 1\n")
    return "version: 2\n" + FULL_TEXT[len("version: 1\n") :]


def _cases() -> list:
    ratings = line_of(FULL_TEXT, "ratings:")
    first_id = line_of(FULL_TEXT, "openness-1:")
    third_id = line_of(FULL_TEXT, "openness-3:")
    holding_note = line_of(FULL_TEXT, "holding: Two facilitators")
    return [
        pytest.param("", None, None, ("is empty", "expected an answers file"), id="empty"),
        pytest.param(": : [\n", 1, None, ("not valid YAML",), id="not-yaml"),
        pytest.param("- a\n- b\n", 1, None, ("is a list", "expected an answers file"), id="list"),
        pytest.param("just some words\n", 1, None, ("expected an answers file",), id="string"),
        pytest.param(
            version_2(),
            1,
            "version",
            ("version 2 is not supported",),
            id="version-2",
        ),
        pytest.param(
            replaced("  openness-1: 4", "  openess-1: 4"),
            first_id,
            "ratings.openess-1",
            ("unknown statement id 'openess-1'", "did you mean 'openness-1'?"),
            id="statement-typo",
        ),
        pytest.param(
            replaced("  problem-undefined:", "  problem-undefind:"),
            line_of(FULL_TEXT, "problem-undefined:"),
            "criteria.problem-undefind",
            ("unknown criterion id 'problem-undefind'", "did you mean 'problem-undefined'?"),
            id="criterion-typo",
        ),
        pytest.param(
            FULL_TEXT + "ratings:\n  openness-1: 2\n",
            len(FULL_TEXT.splitlines()) + 1,
            None,
            ("duplicate key 'ratings'", f"first given on line {ratings}"),
            id="two-ratings-keys",
        ),
        pytest.param(
            replaced("  openness-3: 2\n", "  openness-3: 2\n  openness-1: 0\n"),
            third_id + 1,
            None,
            ("duplicate key 'openness-1'", f"first given on line {first_id}"),
            id="statement-twice",
        ),
        pytest.param(
            replaced("Two facilitators", "Two facilit\xe9tors").encode("latin-1"),
            holding_note,
            None,
            ("not UTF-8",),
            id="latin-1",
        ),
        pytest.param(
            replaced("  name: Riverside Food Partnership", "  name: !!binary /w=="),
            line_of(FULL_TEXT, "name: Riverside"),
            "project.name",
            (),
            id="binary-not-text",
        ),
        pytest.param(
            replaced("  name: Sam", "  name: !!python/name:os.system"),
            line_of(FULL_TEXT, "name: Sam"),
            None,
            ("not valid YAML",),
            id="python-name-tag",
        ),
        pytest.param(
            replaced("  name: Sam", "  name: !!python/object/new:os.getcwd []"),
            line_of(FULL_TEXT, "name: Sam"),
            None,
            ("not valid YAML",),
            id="python-object-new-tag",
        ),
        pytest.param(
            replaced("  name: Sam", "  name: !local thing"),
            line_of(FULL_TEXT, "name: Sam"),
            None,
            ("not valid YAML",),
            id="unknown-local-tag",
        ),
        pytest.param(
            replaced("content_version: 3", "content_version: one"),
            line_of(FULL_TEXT, "content_version"),
            "content_version",
            (),
            id="content-version-word",
        ),
        pytest.param(
            FULL_TEXT + "---\nversion: 1\n",
            len(FULL_TEXT.splitlines()) + 1,
            None,
            ("single document",),
            id="two-documents",
        ),
    ]


BAD_RATINGS = [
    ("5", "5"),
    ("-1", "-1"),
    ("high", "'high'"),
    ("2.5", "2.5"),
    ("yes", ""),
    ("''", ""),
]


# YAML's standard tags with values their constructors cannot take: PyYAML raises
# ValueError/KeyError/TypeError/AttributeError there, not a YAMLError.
CONSTRUCTOR_CRASHES = [
    pytest.param("date: '2026-11-20'", "date: 2026-02-30", id="impossible-date"),
    pytest.param("date: '2026-11-20'", "date: 2026-13-45", id="month-13"),
    pytest.param("  name: Sam", "  name: !!int abc", id="int-tag"),
    pytest.param("  name: Sam", "  name: !!float abc", id="float-tag"),
    pytest.param("  name: Sam", "  name: !!bool maybe", id="bool-tag"),
    pytest.param("  name: Sam", "  name: !!timestamp soon", id="timestamp-tag"),
    pytest.param("  name: Sam", "  name: !!map [a]", id="map-tag-on-list"),
    pytest.param("  name: Sam", "  name: !!set [a]", id="set-tag-on-list"),
]


def _parse(text: str) -> None:
    try:
        result = parse_answers_text(text, CONTENT)
    except CoprodError as exc:
        assert str(exc)  # a message to show
        return
    assert isinstance(result, LoadedAnswers)


SCHEMA_KEYS = [
    "version",
    "project",
    "name",
    "stage",
    "respondent",
    "role",
    "content_version",
    "mode",
    "date",
    "complete",
    "criteria",
    "ratings",
    "notes",
    "reflections",
    "why",
    "bring_and_take",
]


IDS = [s.id for _, s in CONTENT.statements()] + [c.id for c in CONTENT.all_criteria()]
IDS += [p.id for p in CONTENT.practices]


keys = st.sampled_from(SCHEMA_KEYS + IDS) | st.text(max_size=12)


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([0, 1, 2, 3, 4, "yes", "no", "unsure", "dont_know", "na", "full", "quick"])
    | st.text(max_size=30)
    | st.dates().map(str)
)


documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=30,
)


answers_like = st.fixed_dictionaries(
    {"version": st.sampled_from([1, 1, 2, "1", None]), "project": documents},
    optional={
        "content_version": scalars,
        "mode": scalars,
        "date": scalars,
        "complete": scalars,
        "respondent": documents,
        "criteria": st.dictionaries(keys, scalars, max_size=8),
        "ratings": st.dictionaries(keys, scalars, max_size=8),
        "notes": st.dictionaries(keys, documents, max_size=4),
        "reflections": documents,
    },
)


LINES = FULL_TEXT.splitlines(keepends=True)


characters = st.characters(blacklist_categories=("Cs",))


@st.composite
def mutated_full(draw) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        op = draw(st.sampled_from(["delete", "duplicate", "char", "truncate", "swap", "insert"]))
        if not lines:
            break
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "char":
            line = lines[i]
            j = draw(st.integers(min_value=0, max_value=max(len(line) - 1, 0)))
            lines[i] = line[:j] + draw(characters) + line[j + 1 :]
        elif op == "insert":
            line = lines[i]
            j = draw(st.integers(min_value=0, max_value=len(line)))
            lines[i] = line[:j] + draw(st.text(characters, min_size=1, max_size=5)) + line[j:]
        elif op == "truncate":
            text = "".join(lines)
            cut = draw(st.integers(min_value=0, max_value=len(text)))
            lines = text[:cut].splitlines(keepends=True)
        else:  # swap the values of two "key: value" lines
            k = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            a, b = lines[i], lines[k]
            if ": " in a and ": " in b:
                ka, va = a.split(": ", 1)
                kb, vb = b.split(": ", 1)
                lines[i], lines[k] = f"{ka}: {vb}", f"{kb}: {va}"
    return "".join(lines)


YAML_TOKENS = [
    "2026-02-30",
    "2026-13-01",
    "!!int x",
    "!!float x",
    "!!bool x",
    "!!timestamp x",
    "!!set [a]",
    "!!map [a]",
    "!!binary x",
    "!!str",
    "*nowhere",
    "&a",
    "[",
    "{",
    "~",
    ".nan",
    "1e999",
    "0x1F",
    "0o7",
    "!!null x",
    "? x",
    "|",
    ">-",
]


# Broken answers files --------------------------------------------------------------------


@pytest.mark.parametrize("reader", list(READERS))
@pytest.mark.parametrize(("text", "line", "field", "says"), _cases())
def test_broken_answers_file_is_refused_clearly(
    invoke, tmp_path, reader, text, line, field, says
) -> None:
    path = tmp_path / "answers.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    result = invoke(*READERS[reader], str(path))
    assert_refused(result, path, line=line, field=field, says=says)


@pytest.mark.parametrize(("value", "shown"), BAD_RATINGS)
def test_bad_rating_is_refused(invoke, tmp_path, value, shown) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(replaced("  openness-2: 3", f"  openness-2: {value}"))
    err = assert_refused(
        invoke("assess", "--answers", str(path)), path, says=("0-4, dont_know or na",)
    )
    assert f"(got {shown}" in err


@pytest.mark.parametrize("value", ["5", "high", "yes"])
def test_bad_rating_names_its_statement_and_line(invoke, tmp_path, value) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(replaced("  openness-2: 3", f"  openness-2: {value}"))
    assert_refused(
        invoke("assess", "--answers", str(path)),
        path,
        line=line_of(FULL_TEXT, "openness-2:"),
        field="ratings.openness-2",
    )


def test_bad_criterion_answer_is_refused(invoke, tmp_path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(replaced("new-opportunities: unsure", "new-opportunities: maybe"))
    assert_refused(
        invoke("check", "--answers", str(path)), path, says=("yes, no or unsure", "'maybe'")
    )


def test_bad_criterion_answer_names_its_criterion_and_line(invoke, tmp_path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(replaced("new-opportunities: unsure", "new-opportunities: maybe"))
    assert_refused(
        invoke("check", "--answers", str(path)),
        path,
        line=line_of(FULL_TEXT, "new-opportunities:"),
        field="criteria.new-opportunities",
    )


@pytest.mark.parametrize(
    "text",
    [version_2(), replaced("  openness-2: 3", "  openness-2: 5"), "just words\n", "42\n"],
    ids=["version", "rating", "plain-string", "number"],
)
def test_messages_carry_no_python_jargon(invoke, tmp_path, text) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    err = assert_refused(invoke("assess", "--answers", str(path)), path)
    for jargon in ("Value error", " a str", " a int"):
        assert jargon not in err


def test_ten_megabyte_file_is_refused_by_its_size(invoke, tmp_path) -> None:
    """Refused for its size, before it is parsed (bench/bench_problems.py times it)."""
    path = tmp_path / "huge.yaml"
    with path.open("w") as handle:
        handle.write(FULL_TEXT)
        chunk = "# " + "x" * 1022 + "\n"
        for _ in range(10 * 1024):
            handle.write(chunk)
    assert path.stat().st_size > 10_000_000
    result = invoke("assess", "--answers", str(path))
    assert_refused(result, path, says=("larger than 1 MB",))


def test_directory_is_refused(invoke, tmp_path) -> None:
    for reader in READERS.values():
        assert_refused(invoke(*reader, str(tmp_path)), tmp_path, says=("is a directory",))


def test_missing_file_is_refused(invoke, tmp_path) -> None:
    path = tmp_path / "nope.yaml"
    for reader in READERS.values():
        assert_refused(invoke(*reader, str(path)), path, says=("no such file",))


def test_unreadable_file_is_refused(invoke, tmp_path, monkeypatch) -> None:
    """As root chmod 000 does not stop reading, so the OS's refusal is simulated."""
    path = tmp_path / "locked.yaml"
    path.write_text(FULL_TEXT)
    real_open = Path.open

    def deny(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    real_os_open = os.open

    def deny_os(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(name) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_os_open(name, *args, **kwargs)

    monkeypatch.setattr("coprod.storage.yamlio.os.open", deny_os)
    for reader in READERS.values():
        assert_refused(invoke(*reader, str(path)), path, says=("permission denied",))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_chmod_000_file_is_refused(invoke, tmp_path) -> None:
    path = tmp_path / "locked.yaml"
    path.write_text(FULL_TEXT)
    path.chmod(0)
    try:
        assert_refused(invoke("assess", "--answers", str(path)), path, says=("permission",))
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize(
    "template",
    [
        '!!python/object/apply:os.system ["touch {marker}"]\n',
        'version: 1\nproject:\n  name: !!python/object/apply:os.system ["touch {marker}"]\n',
        'version: 1\nproject:\n  name: x\nnotes:\n  openness: !!python/object/apply:subprocess.call [["touch", "{marker}"]]\n',
    ],
    ids=["top", "project-name", "note"],
)
def test_python_tags_are_rejected_and_never_run(invoke, tmp_path, template) -> None:
    marker = tmp_path / "MARKER"
    text = template.format(marker=marker)
    path = tmp_path / "evil.yaml"
    path.write_text(text)
    for reader in READERS.values():
        assert_refused(
            invoke(*reader, str(path)),
            path,
            line=line_of(text, "!!python"),
            says=("not valid YAML",),
        )
    assert not marker.exists()


@pytest.mark.parametrize(("old", "new"), CONSTRUCTOR_CRASHES)
def test_bad_tagged_values_are_refused(invoke, tmp_path, old, new) -> None:
    path = tmp_path / "answers.yaml"
    text = replaced(old, new)
    path.write_text(text)
    assert_refused(invoke("assess", "--answers", str(path)), path, line=line_of(text, new.strip()))


def test_deeply_nested_value_is_refused(invoke, tmp_path) -> None:
    # Whichever layer refuses it (libyaml's own depth limit, or coprod's validation of a
    # value that parsed), the user gets exit 2 and the file and line of the value.
    path = tmp_path / "deep.yaml"
    path.write_text("version: 1\nproject: " + "[" * 5000 + "]" * 5000 + "\n")
    assert_refused(invoke("assess", "--answers", str(path)), path, line=2)


# Property tests: parse_answers_text only ever returns or raises CoprodError --------------


@settings(max_examples=200, deadline=None)
@given(data=documents | answers_like)
def test_random_yaml_documents_never_crash(data) -> None:
    _parse(yaml.safe_dump(data, allow_unicode=True))


@settings(max_examples=200, deadline=None)
@given(text=mutated_full())
def test_mutated_answers_file_never_crashes(text) -> None:
    _parse(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_yaml_special_values_never_crash(data) -> None:
    """Any value in full.yaml replaced by a YAML-significant token."""
    lines = list(LINES)
    candidates = [i for i, line in enumerate(lines) if ": " in line]
    i = data.draw(st.sampled_from(candidates))
    key = lines[i].split(": ", 1)[0]
    lines[i] = f"{key}: {data.draw(st.sampled_from(YAML_TOKENS))}\n"
    _parse("".join(lines))


# Security --------------------------------------------------------------------------------


def test_paths_in_answers_are_never_opened(invoke, tmp_path, monkeypatch) -> None:
    (tmp_path / "secret").write_text("TOP-SECRET-CONTENT\n")
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    data = yaml.safe_load(FULL_TEXT)
    data["project"]["name"] = "/etc/passwd"
    data["respondent"]["name"] = "../../secret"
    data["notes"] = {"openness": "/etc/passwd", "holding": "../../secret"}
    data["reflections"] = {"why": "file:///etc/passwd", "bring_and_take": "../../secret"}
    path = folder / "paths.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    outputs = [invoke("assess", "--answers", str(path)).stdout]
    for fmt in ("md", "html", "json"):
        result = invoke("report", str(path), "--format", fmt)
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    for output in outputs:
        assert "/etc/passwd" in output
        assert "root:x:0:0" not in output
        assert "TOP-SECRET-CONTENT" not in output
    assert "../../secret" in outputs[1]


def big_file(tmp_path: Path, value: str, *, target_bytes: int = 990_000) -> Path:
    lines = ["version: 1", "project:", "  name: Big", "ratings:"]
    size = sum(len(line) + 1 for line in lines)
    number = 0
    while size < target_bytes:
        line = f"  unknown-statement-id-{number:06d}: {value}"
        lines.append(line)
        size += len(line) + 1
        number += 1
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert path.stat().st_size < 1_000_000  # within the size limit
    return path


def with_content_version(version: str, text: str = FULL_TEXT) -> str:
    changed, count = re.subn(r"(?m)^content_version: .*$", f"content_version: {version}", text)
    assert count == 1
    return changed


# Big and broken answers files ------------------------------------------------------------


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("entries", "says"),
    [(4_000, "4000 problems"), (8_000, "entries in one mapping"), (30_000, "lines")],
)
@pytest.mark.parametrize("value", ["3", "9"])
def test_a_file_of_many_problems_is_refused(invoke, tmp_path, entries, says, value):
    """It once took minutes: bench/bench_problems.py times it (the timeout only stops a hang)."""
    lines = ["version: 1", "project:", "  name: Big", "ratings:"]
    lines += [f"  s{number}: {value}" for number in range(entries)]
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n")
    result = invoke("assess", "--answers", str(path))
    err = refused(result, path, says)
    if entries < 5_000:  # every one a problem: the first named with its line, the rest counted
        assert err.count(f"{path}:") == MAX_SHOWN
        assert f"{path}:5: ratings.s0:" in err
        assert f"and {entries - MAX_SHOWN} more" in err


@pytest.mark.timeout(60)
def test_one_megabyte_of_unknown_ids_is_refused(invoke, tmp_path) -> None:
    """It once took 500 s: bench/bench_problems.py times it (the timeout only stops a hang)."""
    path = big_file(tmp_path, "3")
    refused(invoke("assess", "--answers", str(path)), path)


def test_a_long_unknown_id_is_shown_short(invoke, tmp_path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(f"version: 1\nproject: {{name: p}}\nratings:\n  {'q' * 1000}: 3\n")
    err = refused(invoke("assess", "--answers", str(path)), path, "unknown statement id")
    assert len(err) < 400


# content_version and date ----------------------------------------------------------------


@pytest.mark.parametrize("version", ["-5", "0", "-1"])
def test_a_nonsense_content_version_is_refused(invoke, tmp_path, version) -> None:
    path = tmp_path / "a.yaml"
    text = FULL_TEXT.replace("ratings:\n", "ratings:\n  typo-id: 3\n", 1)
    path.write_text(with_content_version(version, text))
    err = refused(invoke("assess", "--answers", str(path)), path, "content_version")
    line = next(n for n, t in enumerate(path.read_text().splitlines(), 1) if "content_version" in t)
    assert f"{path}:{line}:" in err


def test_an_old_files_typo_is_still_an_error(invoke, content, tmp_path) -> None:
    """Version 1 excuses ids version 1 had; an id it never had is a typo."""
    (old,) = [h for h in content.meta.history if h.content_version == 1]
    current = {s.id for _, s in content.statements()}
    gone = sorted(set(old.statements) - current)
    assert gone, "control: version 1 had statements the current content does not"
    path = tmp_path / "old.yaml"
    text = with_content_version("1").replace("ratings:\n", f"ratings:\n  {gone[0]}: 3\n", 1)
    path.write_text(text)
    result = invoke("assess", "--answers", str(path))
    assert result.exit_code == 0, result.stderr
    assert gone[0] in result.stderr  # left out, with a warning
    path.write_text(text.replace("ratings:\n", "ratings:\n  opennes-1: 3\n", 1))
    err = refused(invoke("assess", "--answers", str(path)), path, "opennes-1")
    assert gone[0] not in err  # only the typo is an error


@pytest.mark.parametrize(
    "value",
    ["!!timestamp abc", "20261120", "2026-02-30", "yesterday", "'2026-13-01'", "2026-11-20 10:30"],
)
def test_a_bad_date_says_what_a_date_looks_like(invoke, tmp_path, value) -> None:
    path = tmp_path / "a.yaml"
    lines = [f"date: {value}" if t.startswith("date:") else t for t in FULL_TEXT.splitlines()]
    path.write_text("\n".join(lines) + "\n")
    line = next(n for n, t in enumerate(lines, 1) if t.startswith("date:"))
    err = refused(invoke("assess", "--answers", str(path)), f"{path}:{line}:", "YYYY-MM-DD")
    assert "NoneType" not in err and "zero time" not in err
