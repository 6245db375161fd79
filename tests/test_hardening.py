"""Hardening: broken and hostile answers files, old content, interruption, safe writes, HTML.

Every bad answers file must end with exit code 2, one message on stderr that names
the file (and the line and field where there is one) and never a traceback. The
subprocess and pseudo-terminal checks are in test_hardening_e2e.py.
"""

from __future__ import annotations

import errno
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod.core.answers import LoadedAnswers
from coprod.errors import CoprodError
from coprod.storage.answers_file import parse_answers_text
from coprod.storage.content import load_content

FULL = FIXTURES / "full.yaml"
FULL_TEXT = FULL.read_text(encoding="utf-8")
CONTENT = load_content()

ENTER = "\r"
CTRL_C = "\x03"
CTRL_D = "\x04"

# Every way of reading an answers file without prompts.
READERS = {
    "assess": ("assess", "--answers"),
    "assess-json": ("assess", "--json", "--answers"),
    "report": ("report",),
    "check": ("check", "--answers"),
}


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the first line that contains ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the text")


def replaced(old: str, new: str, text: str = FULL_TEXT) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def version_2() -> str:
    assert FULL_TEXT.startswith("version: 1\n")
    return "version: 2\n" + FULL_TEXT[len("version: 1\n") :]


def assert_refused(
    result, path: Path, *, line: int | None = None, field: str | None = None, says: tuple = ()
) -> str:
    """Exit 2, nothing on stdout, one ``error:`` on stderr naming the file; no traceback."""
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything
    assert result.exit_code == 2, everything
    assert result.stdout == ""
    err = result.stderr
    assert err.startswith("error: "), err
    assert err.count("error:") == 1, err
    assert str(path) in err, err
    if line is not None:
        assert f"{path}:{line}:" in err, err
    if field is not None:
        assert f": {field}: " in err, err
    for words in says:
        assert words in err, err
    return err


# 1. Broken answers files ------------------------------------------------------------


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
            replaced("content_version: 2", "content_version: one"),
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


BAD_RATINGS = [
    ("5", "5"),
    ("-1", "-1"),
    ("high", "'high'"),
    ("2.5", "2.5"),
    ("yes", ""),
    ("''", ""),
]


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


# 2. Property tests: parse_answers_text only ever returns or raises CoprodError -------


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


@settings(max_examples=200, deadline=None)
@given(data=documents | answers_like)
def test_random_yaml_documents_never_crash(data) -> None:
    _parse(yaml.safe_dump(data, allow_unicode=True))


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


@settings(max_examples=200, deadline=None)
@given(text=mutated_full())
def test_mutated_answers_file_never_crashes(text) -> None:
    _parse(text)


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


# 3. Older content versions -------------------------------------------------------


@pytest.fixture
def content_v2(data_copy: Path) -> Path:
    """Content version 3, in which ``openness-1`` was renamed ``openness-1b``."""
    meta = data_copy / "meta.yaml"
    meta.write_text(replaced("content_version: 2\n", "content_version: 3\n", meta.read_text()))
    practices = data_copy / "practices.yaml"
    practices.write_text(
        replaced("- id: openness-1\n", "- id: openness-1b\n", practices.read_text())
    )
    return data_copy


def test_old_answers_are_scored_with_a_warning(invoke, content_v2) -> None:
    result = invoke("--data-dir", str(content_v2), "assess", "--answers", str(FULL), "--json")
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "warning:" in err
    left_out = next(line for line in err.splitlines() if "left out" in line)
    assert "openness-1" in left_out
    not_answered = next(line for line in err.splitlines() if "does not answer" in line)
    assert "openness-1b" in not_answered
    data = json.loads(result.stdout)
    openness = next(p for p in data["practices"] if p["id"] == "openness")
    # full.yaml's openness ratings without openness-1's 4: 3 2 1 0 3 (2 don't know) 4 4 4
    assert openness["score"] == 66  # round(100 * 21 / 8 / 4)
    assert data["overall"] is not None

    report = invoke("--data-dir", str(content_v2), "report", str(FULL))
    assert report.exit_code == 0
    assert "openness-1b" in report.stderr and str(FULL) in report.stderr

    terminal = invoke("--data-dir", str(content_v2), "assess", "--answers", str(FULL))
    assert terminal.exit_code == 0
    assert "openness-1b" in terminal.output
    assert "Practice profile" in terminal.stdout


def test_old_answers_warning_goes_to_stderr(invoke, content_v2) -> None:
    result = invoke("--data-dir", str(content_v2), "assess", "--answers", str(FULL))
    assert result.exit_code == 0
    assert "openness-1b" in result.stderr


def test_check_tells_when_an_old_criterion_was_left_out(invoke, data_copy) -> None:
    meta = data_copy / "meta.yaml"
    meta.write_text(replaced("content_version: 2\n", "content_version: 3\n", meta.read_text()))
    criteria = data_copy / "criteria.yaml"
    criteria.write_text(
        replaced("- id: problem-undefined\n", "- id: problem-undefined-2\n", criteria.read_text())
    )
    result = invoke("--data-dir", str(data_copy), "check", "--answers", str(FULL))
    assert result.exit_code == 0
    assert "problem-undefined" in result.output


def test_unknown_id_for_the_current_content_version_is_an_error(
    invoke, content_v2, tmp_path
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(replaced("content_version: 2\n", "content_version: 3\n"))
    result = invoke("--data-dir", str(content_v2), "assess", "--answers", str(path))
    assert_refused(
        result,
        path,
        line=line_of(FULL_TEXT, "openness-1:"),
        field="ratings.openness-1",
        says=("did you mean 'openness-1b'?",),
    )


def test_answers_newer_than_the_content_are_refused(invoke, content_v2, tmp_path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(replaced("content_version: 2\n", "content_version: 4\n"))
    result = invoke("--data-dir", str(content_v2), "assess", "--answers", str(path))
    assert_refused(
        result,
        path,
        line=line_of(FULL_TEXT, "content_version"),
        field="content_version",
        says=("content version 4", "version 3"),
    )
    # and against the built-in content (version 2) a version-3 file is newer too
    path.write_text(replaced("content_version: 2\n", "content_version: 3\n"))
    assert_refused(invoke("report", str(path)), path, says=("newer",))


# 4a. Interruption at text and rating prompts ---------------------------------------


def project_keys(name: str = "Riverside Food Partnership") -> str:
    return f"{name}{ENTER}2{ENTER}{ENTER}3{ENTER}"


def criteria_keys() -> str:
    return ("n" + ENTER) * len(CONTENT.all_criteria()) + ENTER + ENTER


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def only_draft(folder: Path) -> Path:
    files = sorted(folder.glob("coprod-*.yaml"))
    assert len(files) == 1, files
    return files[0]


def assert_stopped_with_draft(result, folder: Path) -> dict:
    assert result.exit_code == 130, result.output
    assert "Traceback" not in result.output
    draft = only_draft(folder)
    assert draft.name in result.stderr
    assert f"--resume {draft.name}" in result.stderr
    data = yaml.safe_load(draft.read_text())
    assert data["complete"] is False
    return data


def test_ctrl_d_at_the_first_text_prompt_saves_nothing(invoke, pipe_input, workdir) -> None:
    pipe_input.send_text(CTRL_D)
    result = invoke("assess")
    assert result.exit_code == 130
    assert "nothing was saved" in result.stderr
    assert not list(workdir.iterdir())


def test_ctrl_d_at_a_text_prompt_keeps_the_draft(invoke, pipe_input, workdir) -> None:
    pipe_input.send_text(f"Riverside Food Partnership{ENTER}2{ENTER}" + CTRL_D)  # at "Your name"
    draft = assert_stopped_with_draft(invoke("assess"), workdir)
    assert draft["project"] == {"name": "Riverside Food Partnership", "stage": "design"}
    assert not draft.get("criteria")


def test_ctrl_d_at_a_note_prompt_keeps_the_ratings(invoke, pipe_input, workdir) -> None:
    first = CONTENT.practices[0]
    keys = project_keys() + criteria_keys() + ("2" + ENTER) * len(first.statements)
    pipe_input.send_text(keys + CTRL_D)  # at "Any note or evidence"
    draft = assert_stopped_with_draft(invoke("assess"), workdir)
    assert draft["ratings"] == {s.id: 2 for s in first.statements}
    assert not draft.get("reflections")
    assert not draft.get("notes")


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_stop_at_a_rating_prompt_keeps_the_ratings_and_resumes_there(
    invoke, pipe_input, workdir, key
) -> None:
    first = CONTENT.practices[0]
    ids = [s.id for s in first.statements]
    pipe_input.send_text(project_keys() + criteria_keys() + f"4{ENTER}0{ENTER}" + key)
    draft = assert_stopped_with_draft(invoke("assess"), workdir)
    assert draft["ratings"] == {ids[0]: 4, ids[1]: 0}
    assert set(draft["criteria"].values()) == {"no"}

    # resuming asks the third statement next: answer it, then stop again
    pipe_input.send_text(f"1{ENTER}" + key)
    path = only_draft(workdir)
    result = invoke("assess", "--resume", str(path))
    assert result.exit_code == 130, result.output
    assert "Resuming" in result.stdout
    again = yaml.safe_load(path.read_text())
    assert again["ratings"] == {ids[0]: 4, ids[1]: 0, ids[2]: 1}


# 4c. Atomic writes (write_atomic's own tests: tests/storage/test_files.py) ------------


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".") and p.suffix == ".tmp"]


def _fail(exc: BaseException):  # type: ignore[no-untyped-def]
    def raiser(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise exc

    return raiser


def test_report_failing_to_write_exits_2_and_keeps_the_old_file(
    invoke, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(b"keep me\n")
    monkeypatch.setattr(
        "coprod.storage.files.os.replace", _fail(OSError(errno.ENOSPC, "No space left"))
    )
    result = invoke("report", str(FULL), "-o", str(target), "--force")
    monkeypatch.undo()
    assert_refused(result, target, says=("could not be written", "No space left"))
    assert target.read_bytes() == b"keep me\n"
    assert leftovers(tmp_path) == []


def test_report_does_not_overwrite_without_force(invoke, tmp_path) -> None:
    target = tmp_path / "existing.md"
    original = b"my own notes \xe2\x9c\x93\r\nkeep me\n"
    target.write_bytes(original)
    result = invoke("report", str(FULL), "-o", str(target))
    assert_refused(result, target, says=("already exists", "--force"))
    assert target.read_bytes() == original
    assert leftovers(tmp_path) == []


def test_assess_export_does_not_overwrite_without_force(invoke, tmp_path) -> None:
    target = tmp_path / "existing.html"
    target.write_bytes(b"<p>mine</p>")
    result = invoke("assess", "--answers", str(FULL), "--export", str(target))
    assert result.exit_code == 2
    assert "--force" in result.stderr and str(target) in result.stderr
    assert target.read_bytes() == b"<p>mine</p>"


# 6. Security -------------------------------------------------------------------------

PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>']


def hostile_answers(tmp_path: Path, name: str = "hostile.yaml") -> tuple[Path, dict[str, str]]:
    data = yaml.safe_load(FULL_TEXT)
    texts = {
        "project": "Project " + " ".join(PAYLOADS),
        "stage": "stage " + PAYLOADS[2],
        "respondent": "Person " + " ".join(PAYLOADS),
        "role": "role " + PAYLOADS[1],
        "note": "Note " + " ".join(PAYLOADS),
        "why": "Why " + " ".join(PAYLOADS),
        "bring": "Bring " + " ".join(PAYLOADS),
    }
    data["project"] = {"name": texts["project"], "stage": texts["stage"]}
    data["respondent"] = {"name": texts["respondent"], "role": texts["role"]}
    data["notes"]["openness"] = texts["note"]
    data["reflections"] = {"why": texts["why"], "bring_and_take": texts["bring"]}
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return path, texts


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text = ""

    def handle_starttag(self, tag, attrs) -> None:  # type: ignore[no-untyped-def]
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text += data


def assert_safe_html(html: str, expected_texts: list[str]) -> None:
    assert "<script" not in html.lower()
    parser = _Tags()
    parser.feed(html)
    parser.close()
    names = {tag for tag, _ in parser.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "foreignobject"}, names
    assert [tag for tag, _ in parser.tags].count("svg") == html.count("<svg")  # coprod's own charts
    for tag, attrs in parser.tags:
        for attr, value in attrs:
            assert not attr.lower().startswith("on"), (tag, attr, value)
            assert "alert(" not in (value or ""), (tag, attr, value)
    for text in expected_texts:  # the person's words survive, as text
        assert text in parser.text, text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_html_report_escapes_everything_a_person_wrote(invoke, tmp_path) -> None:
    path, texts = hostile_answers(tmp_path)
    result = invoke("report", str(path), "--format", "html")
    assert result.exit_code == 0, result.output
    assert_safe_html(
        result.stdout, [texts[k] for k in ("project", "respondent", "note", "why", "bring")]
    )


def test_html_for_several_files_and_exports_escapes_too(invoke, tmp_path) -> None:
    first, texts = hostile_answers(tmp_path, "one.yaml")
    second, _ = hostile_answers(tmp_path, "two.yaml")
    result = invoke("report", str(first), str(second), "--format", "html")
    assert result.exit_code == 0, result.output
    assert_safe_html(result.stdout, [texts["project"], texts["note"]])

    out = tmp_path / "export.html"
    assert invoke("assess", "--answers", str(first), "--export", str(out)).exit_code == 0
    assert_safe_html(out.read_text(), [texts["project"], texts["why"]])

    for command in ("team", "compare"):
        result = invoke(command, str(first), str(second), "--format", "html")
        assert result.exit_code == 0, result.output
        assert_safe_html(result.stdout, [texts["project"]])


def test_markdown_report_escapes_html(invoke, tmp_path) -> None:
    """Markdown allows raw HTML; a report.md converted to a web page must stay inert."""
    path, _ = hostile_answers(tmp_path)
    result = invoke("report", str(path), "--format", "md")
    assert result.exit_code == 0, result.output
    assert "alert(1)" in result.stdout
    assert not re.search(r"(?<!\\)<(script|img|svg)", result.stdout, re.IGNORECASE)


def test_rich_markup_in_answers_is_shown_literally(invoke, tmp_path) -> None:
    data = yaml.safe_load(FULL_TEXT)
    name = "[/bold] [red]Red[/red] [link=file:///etc/passwd]x[/link] [/]"
    data["project"]["name"] = name
    data["respondent"]["name"] = "[/]"
    path = tmp_path / "markup.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    for reader in ("assess", "check"):
        result = invoke(*READERS[reader], str(path))
        assert result.exit_code == 0, result.output
        if reader == "assess":
            assert name in result.stdout


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
