"""Hardening II: what coprod reads and writes: special files, inputs, long names, big files.

* only regular files are read (a FIFO or device is refused before it is opened
  for reading, so nothing blocks) and only regular files are replaced;
* no output replaces a file the same command read;
* a name too long is a message (exit 2), a generated name is shortened, a temp
  name always fits;
* SIGTERM during a write leaves no temporary file;
* a large answers file full of problems is refused in linear time, with the
  first problems named and the rest counted;
* the answers' ``content_version`` and ``date`` must be real.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES

from coprod.errors import MAX_SHOWN, CoprodError
from coprod.storage.files import Terminated, check_target, default_answers_path, write_atomic

FULL = FIXTURES / "full.yaml"
FULL_TEXT = FULL.read_text(encoding="utf-8")
READERS = [
    ("assess", "--answers"),
    ("assess", "--json", "--answers"),
    ("report",),
    ("check", "--answers"),
    ("team", str(FULL)),
    ("compare", str(FULL)),
]


def refused(result, path: Path | str, *words: str) -> str:
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything
    assert result.exit_code == 2, everything
    assert str(path) in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    return result.stderr


def tmp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# Special files: read ---------------------------------------------------------------


@pytest.mark.timeout(20)
@pytest.mark.parametrize("reader", READERS, ids=" ".join)
def test_a_fifo_as_answers_is_refused_without_blocking(invoke, tmp_path, reader) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    refused(invoke(*reader, str(fifo)), fifo, "FIFO")


@pytest.mark.timeout(20)
def test_a_fifo_as_a_content_file_is_refused_without_blocking(invoke, data_copy) -> None:
    (data_copy / "cases.yaml").unlink()
    os.mkfifo(data_copy / "cases.yaml")
    for args in (["data", "validate", str(data_copy)], ["--data-dir", str(data_copy), "cases"]):
        refused(invoke(*args), data_copy / "cases.yaml", "FIFO")


@pytest.mark.timeout(20)
def test_a_device_as_answers_is_refused(invoke) -> None:
    refused(invoke("assess", "--answers", "/dev/zero"), "/dev/zero", "not a regular file")


# Special files: write --------------------------------------------------------------


@pytest.mark.timeout(20)
@pytest.mark.parametrize("force", [False, True])
def test_a_fifo_as_output_stays_a_fifo(invoke, tmp_path, force) -> None:
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    args = ["report", str(FULL), "-o", str(fifo)] + (["--force"] if force else [])
    refused(invoke(*args), fifo, "regular file")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert tmp_files(tmp_path) == []


def test_force_never_replaces_a_device() -> None:
    """Checked without writing: were the check broken, a write would replace /dev/null."""
    for device in ("/dev/null", "/dev/zero"):
        with pytest.raises(CoprodError, match="a device"):
            check_target(Path(device), overwrite=True)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.timeout(20)
def test_a_link_to_a_fifo_is_refused_too(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "report.md"
    link.symlink_to(fifo)
    with pytest.raises(CoprodError, match="regular file"):
        write_atomic(link, "x\n", overwrite=True)
    assert link.is_symlink()


# Inputs are never outputs ------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["report", "IN", "--format", "md", "-o", "IN", "--force"],
        ["report", "IN", "--format", "md", "-o", "ALIAS", "--force"],
        ["team", "IN", "OTHER", "--format", "md", "-o", "OTHER", "--force"],
        ["compare", "IN", "OTHER", "--format", "md", "-o", "IN", "--force"],
        ["assess", "--answers", "IN", "--export", "JSON", "--force"],
    ],
    ids=lambda a: " ".join(a),
)
def test_output_never_replaces_an_input(invoke, tmp_path, args) -> None:
    source = tmp_path / "answers.yaml"
    source.write_text(FULL_TEXT)
    other = tmp_path / "other.yaml"
    other.write_text(FULL_TEXT.replace("name: Sam", "name: Jo"))
    as_json = tmp_path / "answers.json"
    as_json.write_text(FULL_TEXT)
    (tmp_path / "alias.yaml").symlink_to(source)
    names = {
        "IN": str(as_json if "JSON" in args else source),
        "ALIAS": str(tmp_path / "alias.yaml"),
        "OTHER": str(other),
        "JSON": str(as_json),
    }
    result = invoke(*[names.get(a, a) for a in args])
    refused(result, "", "input")
    assert source.read_text() == FULL_TEXT
    assert as_json.read_text() == FULL_TEXT
    assert other.read_text() != FULL_TEXT and other.read_text().startswith("version: 1")
    assert tmp_files(tmp_path) == []


def test_resuming_a_draft_still_saves_over_it(invoke, pipe_input, content, tmp_path) -> None:
    """The one input coprod does replace: a draft being resumed, which is its own."""
    draft = tmp_path / "draft.yaml"
    data = yaml.safe_load(FULL_TEXT)
    data["complete"] = False
    last = content.practices[-1]
    data["ratings"].pop(last.statements[-1].id)  # then only that and the last note are asked
    draft.write_text(yaml.safe_dump(data))
    pipe_input.send_text("3\r" + "\r" + "\r\r")  # then: what you bring, actions (none)
    result = invoke("assess", "--resume", str(draft))
    assert result.exit_code == 0, result.output[-2000:]
    saved = yaml.safe_load(draft.read_text())
    assert saved["complete"] is True


# Long names ----------------------------------------------------------------------------


def test_a_long_project_name_gives_a_short_file_name(tmp_path) -> None:
    path = default_answers_path("word " * 64, __import__("datetime").date(2026, 12, 1), tmp_path)
    assert len(path.name.encode()) <= 120
    assert path.name.startswith("coprod-word-word")
    assert path.name.endswith("-2026-12-01.yaml")
    write_atomic(path, "x\n")
    assert path.read_text() == "x\n"


def test_a_320_character_project_name_is_saved(invoke, pipe_input, content, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    keys = "x" * 320 + "\r2\r\r3\r" + "n\r" * len(content.all_criteria()) + "\r\r"
    keys += "3\r\r" * len(content.practices)
    pipe_input.send_text(keys + "\r\r")  # then: what you bring, actions (none)
    result = invoke("assess", "--quick")
    assert result.exit_code == 0, result.output[-2000:]
    (saved,) = tmp_path.glob("coprod-*.yaml")
    assert yaml.safe_load(saved.read_text())["project"]["name"] == "x" * 320


@pytest.mark.parametrize("length", [256, 303, 5000])
def test_an_output_name_too_long_is_a_message(invoke, tmp_path, length) -> None:
    target = tmp_path / ("a" * (length - 3) + ".md")
    refused(invoke("report", str(FULL), "-o", str(target)), "", "too long")
    assert tmp_files(tmp_path) == []


def test_the_longest_legal_name_is_written(invoke, tmp_path) -> None:
    target = tmp_path / ("a" * 252 + ".md")  # 255 bytes: the temp file's name must fit too
    result = invoke("report", str(FULL), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith("#")
    assert tmp_files(tmp_path) == []


def test_an_answers_path_too_long_is_a_message(invoke, tmp_path) -> None:
    refused(invoke("assess", "--answers", "a" * 5000 + ".yaml"), "aaaa", "too long")


# data copy ------------------------------------------------------------------------------


def test_data_copy_onto_existing_content_is_refused_then_forced(invoke, tmp_path) -> None:
    target = tmp_path / "mine"
    assert invoke("data", "copy", str(target)).exit_code == 0
    (target / "cases.yaml").write_text("edited\n")
    refused(invoke("data", "copy", str(target)), target, "--force")
    assert (target / "cases.yaml").read_text() == "edited\n"
    assert invoke("data", "copy", str(target), "--force").exit_code == 0
    assert (target / "cases.yaml").read_text() != "edited\n"


@pytest.mark.parametrize("where", ["under-a-file", "nowhere"])
def test_data_copy_to_an_impossible_place_is_a_message(invoke, tmp_path, where) -> None:
    (tmp_path / "afile").write_text("x")
    target = tmp_path / "afile" / "data" if where == "under-a-file" else Path("/proc/no/such")
    refused(invoke("data", "copy", str(target)), target.parent if where == "nowhere" else "afile")


# SIGTERM during a write -----------------------------------------------------------------


def test_sigterm_during_a_write_leaves_no_temp_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "report.md"
    target.write_text("old\n")
    real_fsync = os.fsync

    def terminated(fd: int) -> None:
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)  # the handler runs here

    monkeypatch.setattr("coprod.storage.files.os.fsync", terminated)
    with pytest.raises(Terminated) as caught:
        write_atomic(target, "new\n", overwrite=True)
    assert caught.value.exit_code == 143
    assert target.read_text() == "old\n"
    assert tmp_files(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # put back


@pytest.mark.timeout(60)
def test_sigterm_during_report_o_exits_143_and_leaves_nothing(tmp_path) -> None:
    """The real command, killed while it writes (a slow disk, simulated by a slow fsync)."""
    script = (
        "import os, sys, time\n"
        "real, flag = os.fsync, sys.argv[1] + '.writing'\n"
        "def slow(fd):\n"
        "    real(fd); open(flag, 'w').close(); time.sleep(30)\n"
        "os.fsync = slow\n"
        "from coprod.cli import main\n"
        "sys.argv = ['coprod', 'report', sys.argv[2], '-o', sys.argv[1]]\n"
        "main()\n"
    )
    target = tmp_path / "report.md"
    process = subprocess.Popen([sys.executable, "-c", script, str(target), str(FULL)])
    flag = tmp_path / "report.md.writing"
    deadline = time.monotonic() + 30
    while not flag.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert flag.exists()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 143
    flag.unlink()
    assert list(tmp_path.iterdir()) == []


# Big and broken answers files ---------------------------------------------------------


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


# content_version and date ---------------------------------------------------------------


def with_content_version(version: str, text: str = FULL_TEXT) -> str:
    changed, count = re.subn(r"(?m)^content_version: .*$", f"content_version: {version}", text)
    assert count == 1
    return changed


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


# team ------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["same", "dot-slash", "link"])
def test_team_counts_a_file_given_twice_once(invoke, tmp_path, monkeypatch, how) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("team-sam.yaml", "team-jo.yaml"):
        (tmp_path / name).write_text((FIXTURES / name).read_text())
    (tmp_path / "again.yaml").symlink_to(tmp_path / "team-sam.yaml")
    repeat = {"same": "team-sam.yaml", "dot-slash": "./team-sam.yaml", "link": "again.yaml"}[how]
    result = invoke("team", "team-sam.yaml", "team-jo.yaml", repeat, "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(__import__("json").loads(result.stdout)["respondents"]) == 2
    assert str(Path(repeat)) in result.stderr and "counted once" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--save", "LONG.yaml"],
        ["assess", "--quick", "--save", "LONG.yaml"],
        ["check", "--save", "LONG.yaml"],
        ["assess", "--answers", str(FULL), "--export", "LONG.md"],
    ],
    ids=" ".join,
)
def test_a_save_or_export_name_too_long_is_refused_before_any_question(invoke, tmp_path, args):
    long = str(tmp_path / ("b" * 300))
    result = invoke(*[a.replace("LONG", long) for a in args])
    refused(result, long, "too long")
    assert list(tmp_path.iterdir()) == []
