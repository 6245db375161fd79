"""Shared fixtures: a fixed plain terminal, prompt_toolkit pipe input, the content."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import FIXTURES
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from coprod.cli import app
from coprod.core.models import Content
from coprod.storage.content import bundled_data_dir, load_content

# As the console entry point does (coprod.cli.main): no scan for pydantic plugins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
#: Tests of a second or more, outside the files marked ``slow`` as a whole (the
#: interview through pipe input): an interview, many hypothesis examples, a race run
#: many times, a server or a signal in a subprocess. Marked here by function name, so
#: the mark follows a test moved to another file; tests/test_markers.py checks that
#: each name is still a test. The fast loop leaves them out (docs/development.md).
SLOW_TESTS = {
    "test_random_yaml_documents_never_crash",
    "test_mutated_answers_file_never_crashes",
    "test_escaped_text_stays_text_everywhere",
    "test_symlink_swap_race_never_runs_a_planted_pickle",
    "test_the_interview_shows_hostile_content_as_text",
    "test_check_save_with_markup_in_the_path",
    "test_answers_text_is_inert_everywhere",
    "test_a_320_character_project_name_is_saved",
    "test_stop_at_a_rating_prompt_keeps_the_ratings_and_resumes_there",
    "test_ctrl_d_at_a_note_prompt_keeps_the_ratings",
    "test_sigterm_during_report_o_exits_143_and_leaves_nothing",
    "test_coprod_lang_cy_workshop_prints_and_serves_welsh",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if getattr(item, "originalname", None) in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """No colour, a fixed width, no inherited data folder: output tests can compare text."""
    monkeypatch.setenv("_TYPER_FORCE_DISABLE_TERMINAL", "1")
    monkeypatch.setenv("TERMINAL_WIDTH", "100")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("COPROD_DATA_DIR", raising=False)
    monkeypatch.setenv("COPROD_CACHE_DIR", "")  # tests read the files themselves
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture(autouse=True)
def fresh_run() -> Iterator[None]:
    """Each test starts and ends as a new run: English, no files read, no locks, new consoles."""
    from coprod import runtime

    with runtime.run_context():
        yield


@pytest.fixture(autouse=True)
def pipe_input(monkeypatch: pytest.MonkeyPatch) -> Iterator[PipeInput]:
    """Every prompt reads from this pipe; tests send keys with ``pipe_input.send_text``.

    The TTY check is replaced so that the interactive commands run under CliRunner.
    """
    monkeypatch.setattr("coprod.interactive.interview.stdin_is_terminal", lambda: True)
    monkeypatch.setattr("coprod.interactive.interview.stdout_is_terminal", lambda: True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner):  # type: ignore[no-untyped-def]
    """``invoke("cases", "--json")`` -> the click Result (stdout and stderr kept apart)."""

    def _invoke(*args: str, **kwargs):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), catch_exceptions=False, **kwargs)

    return _invoke


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(bundled_data_dir())


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the built-in content folder, to break in tests."""
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


@pytest.fixture
def full_answers() -> Path:
    return FIXTURES / "full.yaml"


@pytest.fixture(autouse=True)
def english_original(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language or easy-read choice inherited from the environment."""
    monkeypatch.delenv("COPROD_LANG", raising=False)
    monkeypatch.delenv("COPROD_EASY_READ", raising=False)


@pytest.fixture
def cdp_browser(tmp_path: Path) -> Iterator[object]:
    """Debian's chromium driven over CDP (tests/helpers/chromium.py) with its own profile; skipped without it."""
    if shutil.which("chromium") is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from helpers.chromium import Chromium

    profile = tmp_path / "profile"
    profile.mkdir()
    chromium = Chromium(profile)
    yield chromium
    chromium.close()
