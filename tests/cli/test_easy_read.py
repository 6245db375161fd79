"""Easy read in the terminal (``--easy-read``): the interview's intro and hints, the
report's summary and where to start, ``about``, the case summaries and the glossary.
The report's own words stay, with an easy-read line beside them."""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES
from helpers.interview import flat, practice_keys, project_keys

from coprod import i18n

ENTER = "\r"


def test_the_language_mechanism_carries_easy_read() -> None:
    """One ContextVar: easy read looks first in the language's easy-read catalogue,
    then in the language's own; a block can change it and puts it back."""
    i18n.activate("en", easy_read=True)
    assert i18n.easy_read() and i18n._("Not applicable") == "Does not apply"
    assert i18n._("Practice") == "Practice"  # no easy-read entry: the standard string
    with i18n.override("en"):
        assert not i18n.easy_read() and i18n._("Not applicable") == "Not applicable"
    assert i18n._("Not applicable") == "Does not apply"
    i18n.activate("cy", easy_read=True)
    assert i18n.easy_read() and i18n._("Practice") == "Arfer"  # Welsh, where easy read has none
    i18n.activate("en")
    assert not i18n.easy_read() and i18n._("Not applicable") == "Not applicable"


def test_the_report_summary_and_where_to_start_in_easy_read(invoke) -> None:
    result = invoke("--easy-read", "assess", "--answers", str(FIXTURES / "full.yaml"))
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "Where to start" in out and "Start with" not in out
    assert "Scores are not marks for a test." in out
    assert "What to work on next" in out
    standard = flat(invoke("assess", "--answers", str(FIXTURES / "full.yaml")).stdout)
    assert "Start with" in standard and "This means:" not in standard


def test_the_reports_title_stays_with_an_easy_read_line_beside_it(invoke) -> None:
    result = invoke("--easy-read", "report", str(FIXTURES / "full.yaml"), "--format", "md")
    assert result.exit_code == 0, result.stderr
    markdown = result.stdout
    focus = markdown.split("## What to work on next")[1]
    heading = next(line for line in focus.splitlines() if line.startswith("### "))
    title = heading.removeprefix("### ").rsplit(" (", 1)[0]
    assert title in {
        "Designing for openness",
        "Shaping the dynamics of participation",
        "Blending expertise",
        "Humanising experiences",
        "Linking voice and values",
        "Connecting with formal policy and decision-making",
        "Holding the process",
    }  # the report's title, not replaced
    after = focus.split(heading, 1)[1].strip().splitlines()[0]
    assert after.startswith("*The heading is in the report's words.* This means: ")


def test_practices_show_keeps_the_key_points_with_what_they_mean(invoke) -> None:
    out = flat(invoke("--easy-read", "practices", "holding").stdout)
    assert "Key point (the report's words): Mediate between different tensions" in out
    assert "This means: Deal with tensions and worries in the open." in out
    # the holding summary says what the report says: holding is shared, not one person's
    assert "not one person's job" in out and "Someone needs to" not in out


def test_about_and_the_cases_in_easy_read(invoke) -> None:
    about = flat(invoke("--easy-read", "about").stdout)
    assert "Co-production goes further than asking people what they think." in about
    assert "Look at your values and the way you work." in about
    assert "notice whether your culture tends to control people" not in about
    case = flat(invoke("--easy-read", "cases", "show", "care-at-home").stdout)
    assert "People who give or get care were the expert witnesses." in case
    listed = flat(invoke("--easy-read", "cases").stdout)
    assert "A jury turned around." in listed


def test_the_easy_read_glossary_says_only_what_its_source_says(invoke) -> None:
    data = json.loads(invoke("--easy-read", "glossary", "--json").stdout)
    meaning = next(t["meaning"] for t in data["terms"] if t["word"] == "co-production")
    assert "equals" not in meaning and "doing things with people, not to them" in meaning


@pytest.mark.slow
def test_the_interview_intro_and_hints_in_easy_read(
    invoke, pipe_input, content, tmp_path, monkeypatch
):
    from coprod.storage.content import bundled_data_dir, load_content

    monkeypatch.chdir(tmp_path)
    easy = load_content(bundled_data_dir(), "easy-read")
    criteria = "".join("n" + ENTER for _ in easy.all_criteria()) + ENTER + ENTER
    pipe_input.send_text(project_keys() + criteria + practice_keys(easy))
    result = invoke("--easy-read", "assess")
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert "This is not a test. There are no right answers." in out
    assert "You can stop at any time with Ctrl-C." in out
    assert "Say how true each sentence is:" in out
    assert "Holding the process (the report's words) This means: Keep the work together" in out
