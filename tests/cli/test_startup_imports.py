"""Start-up: a command imports what it needs; the cached content needs neither pydantic nor YAML.

Each case runs coprod in a fresh interpreter (a subprocess) against a content cache of
its own: once to fill the cache, then again to read which modules the second run had
imported (``sys.modules``), as a person's second ``coprod practices --json`` would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

PROBE = """\
import json, sys
sys.argv = ["coprod", *sys.argv[1:]]
from coprod.cli import main
try:
    main()
except SystemExit:
    pass
top = sorted({name.split(".")[0] for name in sys.modules})
sys.stderr.write("\\nMODULES " + json.dumps(top) + "\\n")
"""


def imported(args: list[str], cache: Path) -> tuple[str, set[str]]:
    """The command's standard output, and the top-level modules its process imported."""
    env = {**os.environ, "COPROD_CACHE_DIR": str(cache), "COPROD_LANG": "en"}
    env.pop("COPROD_DATA_DIR", None)
    for _ in range(2):  # the first run fills the cache
        done = subprocess.run(
            [sys.executable, "-c", PROBE, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    marker = done.stderr.rsplit("MODULES ", 1)
    assert len(marker) == 2, done.stderr
    return done.stdout, set(json.loads(marker[1]))


@pytest.mark.parametrize(
    "args",
    [["practices", "--json"], ["cases", "photovoice", "--json"]],
    ids=["practices", "cases"],
)
def test_a_knowledge_command_on_cached_content_imports_no_pydantic_yaml_or_rich(
    args: list[str], tmp_path: Path
) -> None:
    stdout, modules = imported(args, tmp_path / "cache")
    assert json.loads(stdout)["kind"] in ("practices", "cases")  # it did its work
    assert not modules & {"pydantic", "pydantic_core", "yaml", "rich"}


def test_assess_json_from_an_answers_file_imports_no_pydantic_rich_or_interview(
    tmp_path: Path,
) -> None:
    """An answers file is read by coprod's own validator; nothing is asked, nothing drawn."""
    answers = str(FIXTURES / "full.yaml")
    stdout, modules = imported(["assess", "--answers", answers, "--json"], tmp_path / "cache")
    assert json.loads(stdout)["kind"] == "assessment"
    heavy = {"pydantic", "pydantic_core", "rich", "questionary", "prompt_toolkit"}
    assert not modules & heavy


def test_a_broken_answers_file_is_explained_without_pydantic(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = (FIXTURES / "full.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("version: 1", "version: [1]", 1), encoding="utf-8")
    _stdout, modules = imported(["assess", "--answers", str(broken), "--json"], tmp_path / "c")
    assert not modules & {"pydantic", "pydantic_core"}


def test_a_command_does_not_import_the_others(tmp_path: Path) -> None:
    """``coprod practices`` loads its own module, not the workshop's server or the interview."""
    probe = PROBE.replace(
        'top = sorted({name.split(".")[0] for name in sys.modules})',
        "top = sorted(name for name in sys.modules if name.startswith('coprod.cli.commands.'))",
    )
    env = {**os.environ, "COPROD_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", probe, "practices", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    modules = set(json.loads(done.stderr.rsplit("MODULES ", 1)[1]))
    assert modules == {"coprod.cli.commands.practices"}
