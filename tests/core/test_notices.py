"""Typed notices: answers files and comparisons say what happened by kind, in words only when shown."""

from __future__ import annotations

from pathlib import Path

import yaml
from helpers import FIXTURES

from coprod import i18n
from coprod.core.compare import compare
from coprod.core.models import Content
from coprod.core.notices import Notice
from coprod.render.markdown import comparison_blocks_text
from coprod.storage.answers_file import load_answers, parse_answers_text


def _draft_of(path: Path, **changes: object) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update({"complete": False, **changes})
    return yaml.safe_dump(data, sort_keys=False)


def test_a_draft_is_a_draft_notice_whatever_the_language(content: Content) -> None:
    loaded = parse_answers_text(_draft_of(FIXTURES / "full.yaml"), content)
    assert [n.kind for n in loaded.notices] == ["draft"]
    english = loaded.notices[0].text()
    with i18n.override("cy"):
        welsh = loaded.notices[0].text()
    assert "--resume" in english and "--resume" in welsh
    assert english != welsh  # made in the language of the moment it is shown


def test_an_older_content_version_gives_its_facts_not_sentences(content: Content) -> None:
    loaded = load_answers(FIXTURES / "full-v1.yaml", content)
    kinds = {n.kind: n.params for n in loaded.notices}
    assert set(kinds) == {"statements-replaced", "unanswered"}
    replaced = dict(kinds["statements-replaced"]["replaced"])
    assert replaced["openness-7"] == ["openness-10", "openness-11"]
    assert kinds["unanswered"]["what"] == "statement"
    assert kinds["unanswered"]["ids"] == loaded.unanswered
    text = next(n for n in loaded.notices if n.kind == "statements-replaced").text()
    assert "openness-7 → openness-10, openness-11" in text


def test_long_id_lists_are_cut_short_with_a_count() -> None:
    ids = [f"s-{i}" for i in range(30)]
    text = Notice("unanswered", {"what": "practice", "current": 3, "ids": ids}).text()
    assert "30 practices" in text
    assert "s-0" in text and "s-29" not in text and "more" in text


def test_a_comparison_lists_each_files_notices_then_its_own(content: Content) -> None:
    quick = {p.id: 2 for p in content.practices}
    text = _draft_of(FIXTURES / "full.yaml", mode="quick", ratings=quick, date="2026-01-05")
    old = parse_answers_text(text, content, "old.yaml")
    new = load_answers(FIXTURES / "later.yaml", content)
    new.notices.append(Notice("draft"))
    comparison = compare(old, new, content)
    kinds = [n.kind for n in comparison.notices]
    assert kinds[:2] == ["draft", "draft"]
    assert "modes-differ" in kinds[2:]
    report = comparison_blocks_text(comparison)
    # In a document a draft reads as a document's note, never as command-line advice.
    assert "--resume" not in report
    assert report.count("This is a draft") == 2
    assert Notice("modes-differ").text() in report
