"""Untrusted text (content, answers, paths) in the terminal: shown as text, never as escapes or markup."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES
from helpers.terminal import clean_env, run_in_pty

from coprod.core.content_checks import FILES
from coprod.errors import CoprodError
from coprod.storage.content import bundled_data_dir, load_content_uncached

OSC_TITLE = "\x1b]0;pwned\x07"


CLEAR = "\x1b[2J"


OSC_LINK = "\x1b]8;;http://evil.example/\x1b\\here\x1b]8;;\x1b\\"


MARKUP = "[/x] [link=http://evil.example/]L[/link] [bold]B"


PAYLOAD = f" {OSC_TITLE}{CLEAR}{OSC_LINK} {MARKUP} \u202e\x9b31m\x9d0;t\x07"


NOT_TEXT = {
    "id",
    "key_point",
    "case",
    "ref",
    "role",
    "strategy",
    "methods",
    "started",
    "page",
    "number",
    "version",
    "content_version",
}


HOSTILE_BYTES = ("\x1b", "\x9b", "\x9d", "\x07", "\u202e")


def _poison(obj: object) -> object:
    if isinstance(obj, dict):
        return {k: v if k in NOT_TEXT else _poison(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_poison(v) for v in obj]
    if isinstance(obj, str) and " " in obj:  # prose: ids, dates and slugs have no spaces
        return obj + PAYLOAD
    return obj


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in content with the payload added to every piece of text."""
    folder = tmp_path_factory.mktemp("hostile") / "data[/y]"
    shutil.copytree(bundled_data_dir(), folder)
    originals = {}
    for name in FILES:
        path = folder / name
        originals[name] = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        poisoned = _poison(originals[name])
        path.write_text(yaml.dump(poisoned, Dumper=yaml.CSafeDumper, allow_unicode=True))
    for _ in range(5):  # a field whose rules the payload breaks (a length limit) is left as is
        try:
            content = load_content_uncached(folder)
            break
        except CoprodError as exc:
            for problem in exc.problems:
                _restore(folder / Path(str(problem.path)).name, problem.field, originals)
    assert OSC_TITLE in content.practices[0].name
    assert OSC_TITLE in content.cases[0].name
    return folder


def _restore(path: Path, field: str | None, originals: dict[str, object]) -> None:
    """Put the original value back at ``field`` (``cases[0].description``) of ``path``."""
    assert field, "a problem without a field: the payload broke something else"
    loc: list[str | int] = [
        int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", field)
    ]
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    target, original = data, originals[path.name]
    for part in loc[:-1]:
        target, original = target[part], original[part]  # type: ignore[index]
    target[loc[-1]] = original[loc[-1]]  # type: ignore[index]
    path.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True), encoding="utf-8")


def hostile_answers(folder: Path, name: str, role: str = "officer") -> Path:
    """The full fixture with the payload in every text field a person writes."""
    data = yaml.safe_load((FIXTURES / "full.yaml").read_text(encoding="utf-8"))
    data["project"]["name"] += PAYLOAD
    data["project"]["stage"] = "design" + PAYLOAD
    data["respondent"] = {"name": name + PAYLOAD, "role": role + PAYLOAD}
    data["notes"] = {key: f"note{PAYLOAD}" for key in data.get("notes") or {"openness": ""}}
    data["reflections"] = {"why": "why" + PAYLOAD, "bring_and_take": "bring" + PAYLOAD}
    path = folder / f"{name}[/x].yaml"  # a folder "Sam[" holding "x].yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("answers")
    sam = hostile_answers(folder, "Sam")
    later = folder / "later[/x].yaml"
    later.parent.mkdir()
    data = yaml.safe_load(sam.read_text(encoding="utf-8"))
    data["date"] = "2026-12-01"
    data["ratings"] = {k: (4 if v == 0 else 0) for k, v in data["ratings"].items() if v != "na"}
    data["notes"] = {"openness": "new note" + PAYLOAD}
    later.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return sam, later


def assert_inert(output: str, *, markup_shown: bool = True) -> None:
    """No escape byte of the payload reached the output, and its markup shows as text."""
    assert "Traceback" not in output, output[-2000:]
    for byte in HOSTILE_BYTES:
        assert byte not in output, (byte, output[:500])
    if markup_shown:
        assert "[/x]" in output, output[:1000]
        assert "[link=http://evil.example/]L[/link]" in output, output[:1000]


COMMANDS_ON_CONTENT = [
    ["practices"],
    ["practices", "openness"],
    ["criteria"],
    ["cases"],
    ["cases", "show", "space-in-common"],
    ["about"],
]


def _strings(data: object) -> Iterator[str]:
    """Every string in a JSON document."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def answers_commands(sam: Path, later: Path, out: Path) -> list[list[str]]:
    return [
        ["assess", "--answers", str(sam)],
        ["assess", "--answers", str(sam), "--json"],
        ["assess", "--answers", str(sam), "--export", str(out / "a[/x]b[bold].md")],
        ["assess", "--answers", str(sam), "--export", str(out / "r[bold].md")],
        ["check", "--answers", str(sam)],
        ["report", str(sam)],
        ["report", str(sam), "--format", "html"],
        ["report", str(sam), "--format", "json"],
        ["report", str(sam), "-o", str(out / "r[/x][bold].html")],
        ["team", str(sam), str(later)],
        ["team", str(sam), str(later), "--format", "md"],
        ["compare", str(sam), str(later)],
        ["compare", str(sam), str(later), "--format", "md"],
    ]


SGR = re.compile(r"\x1b\[[0-9;]*m")


def only_colour_escapes(output: str) -> None:
    """Every escape in ``output`` is a colour (SGR); nothing sets titles, links or clears."""
    leftover = SGR.sub("", output)
    assert "\x1b" not in leftover, repr(leftover[leftover.index("\x1b") - 40 :][:120])
    for byte in HOSTILE_BYTES[1:]:
        assert byte not in output


@pytest.mark.parametrize("args", COMMANDS_ON_CONTENT, ids=" ".join)
def test_content_text_is_inert_in_the_terminal(invoke, hostile_dir, args) -> None:
    result = invoke("--data-dir", str(hostile_dir), *args)
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout + result.stderr)
    assert "␛]0;pwned" in result.stdout  # the text is there, made visible


@pytest.mark.parametrize(
    "args", [["practices", "--json"], ["cases", "--json"], ["criteria", "--json"]], ids=" ".join
)
def test_json_of_hostile_content_is_escaped_and_exact(invoke, hostile_dir, args) -> None:
    result = invoke("--data-dir", str(hostile_dir), *args)
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout, markup_shown=False)
    assert "\\u001b]0;pwned\\u0007" in result.stdout  # ESC and BEL written as JSON escapes
    data = json.loads(result.stdout)  # and it is still the same data, escapes included
    assert any(OSC_TITLE in text for text in _strings(data))


@pytest.mark.parametrize("with_content", [False, True], ids=["built-in", "hostile-content"])
def test_answers_text_is_inert_everywhere(
    invoke, hostile_dir, answers, tmp_path, with_content
) -> None:
    sam, later = answers
    before = ["--data-dir", str(hostile_dir)] if with_content else []
    (tmp_path / "a[").mkdir()
    (tmp_path / "r[").mkdir()
    for args in answers_commands(sam, later, tmp_path):
        result = invoke(*before, *args)
        assert result.exit_code == 0, (args, result.output[-2000:])
        shown = args[-1] if "-o" in args or "--export" in args else None
        # markdown and HTML escape the markup in their own way; terminal text shows it as is
        terminal = not any(a in args for a in ("--format", "--json")) and args[0] in (
            "assess",
            "team",
            "compare",
        )
        assert_inert(result.stdout + result.stderr, markup_shown=terminal)
        if shown is not None:
            assert Path(shown).exists()
            assert shown in result.stdout + result.stderr  # the name written is the name said
            for byte in HOSTILE_BYTES:
                assert byte not in Path(shown).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "body",
    [
        'ratings:\n  "evil\\e]0;pwned\\a\\e[2J[/x] [link=http://evil.example/]L[/link]": 3\n',
        '"field\\e]0;pwned\\a [/x] [link=http://evil.example/]L[/link]": 1\n',
        'ratings:\n  openness-1: "9\\e]0;pwned\\a [/x] [link=http://evil.example/]L[/link]"\n',
    ],
    ids=["unknown-id", "unknown-field", "bad-value"],
)
def test_error_messages_quoting_hostile_fields_are_inert(invoke, tmp_path, body) -> None:
    bad = tmp_path / "bad[/x].yaml"
    bad.parent.mkdir()
    bad.write_text('version: 1\nproject: {name: "p"}\n' + body, encoding="utf-8")
    result = invoke("assess", "--answers", str(bad))
    assert result.exit_code == 2
    assert_inert(result.stderr)
    assert str(bad) in result.stderr


def test_hostile_content_errors_are_inert(invoke, tmp_path) -> None:
    folder = tmp_path / "c[/y]"
    shutil.copytree(bundled_data_dir(), folder)
    path = folder / "practices.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    data["practices"][0]["na\x1b]0;pwned\x07me[/x]"] = "x"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for args in (["data", "validate", str(folder)], ["--data-dir", str(folder), "practices"]):
        result = invoke(*args)
        assert result.exit_code == 2, result.output
        assert_inert(result.stderr, markup_shown=False)
        assert str(folder) in result.stderr


@pytest.mark.parametrize("name", ["c[/y]", "c[bold]d", "c[link=http://x]L[/link]"])
def test_data_copy_and_validate_with_markup_in_the_path(invoke, tmp_path, name) -> None:
    target = tmp_path / name
    result = invoke("data", "copy", str(target))
    assert result.exit_code == 0, result.output
    assert str(target) in result.stdout
    assert invoke("data", "copy", str(target)).exit_code == 2  # no FileExistsError traceback
    result = invoke("data", "validate", str(target))
    assert result.exit_code == 0, result.output
    assert str(target) in result.stdout


def test_check_save_with_markup_in_the_path(invoke, pipe_input, content, tmp_path) -> None:
    target = tmp_path / "p[/x]q.yaml"
    target.parent.mkdir()
    keys = "".join("n\r" for _ in content.all_criteria())
    pipe_input.send_text("Project [/x]\r" + "2\r" + "\r" + "3\r" + keys + "\r\r")
    result = invoke("check", "--save", str(target))
    assert result.exit_code == 0, result.output
    assert target.exists()
    assert str(target) in result.stdout


def test_the_interview_shows_hostile_content_as_text(invoke, pipe_input, hostile_dir, tmp_path):
    """Mid-interview: practice headings and summaries from adapted content."""
    content = load_content_uncached(hostile_dir)
    keys = "Proj [/x]\r2\r\r3\r" + "".join("n\r" for _ in content.all_criteria()) + "\r\r"
    keys += "".join("3\r\r" for _ in content.practices)
    pipe_input.send_text(keys + "\r\r\r")  # then: matters most, you bring, actions (none)
    save = tmp_path / "s[/x].yaml"
    save.parent.mkdir()
    result = invoke("--data-dir", str(hostile_dir), "assess", "--quick", "--save", str(save))
    assert result.exit_code == 0, result.output[-3000:]
    assert_inert(result.stdout + result.stderr)
    assert "Designing for openness" in result.stdout
    assert save.exists()


# With colour, in a real (pseudo-)terminal ------------------------------------------------


@pytest.mark.e2e
@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "args",
    [
        ["practices"],
        ["cases", "show", "space-in-common"],
        ["about"],
        ["assess", "--answers", "SAM"],
        ["team", "SAM", "LATER"],
        ["compare", "SAM", "LATER"],
        ["assess", "--answers", "/no/such[/x]\x1b]0;t\x07.yaml"],
    ],
    ids=lambda a: " ".join(a)[:30],
)
def test_colour_terminal_gets_only_colour_escapes(hostile_dir, answers, args) -> None:
    sam, later = answers
    args = [str(sam) if a == "SAM" else str(later) if a == "LATER" else a for a in args]
    env = clean_env(TERM="xterm-256color", COPROD_DATA_DIR=str(hostile_dir))
    code, output = run_in_pty(args, env, columns=120)
    assert code in (0, 2), output[-2000:]
    assert "Traceback" not in output
    assert SGR.search(output), "control: colour is on"
    only_colour_escapes(output)
    assert "[/x]" in output
