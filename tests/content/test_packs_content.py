"""The shipped packs: easy read is short and plain; Welsh is marked as a draft."""

from __future__ import annotations

import json
import re

import pytest

from coprod.core.models import Content
from coprod.storage.content import bundled_data_dir, load_content


@pytest.fixture(scope="module")
def easy() -> Content:
    return load_content(bundled_data_dir(), "easy-read")


@pytest.fixture(scope="module")
def welsh() -> Content:
    return load_content(bundled_data_dir(), "cy")


def one_short_sentence(text: str) -> list[str]:
    """What breaks the easy-read rule: one sentence, at most 15 words."""
    problems = []
    words = text.split()
    if len(words) > 15:
        problems.append(f"{len(words)} words")
    if not re.search(r"[.?!]$", text.strip()):
        problems.append("does not end a sentence")
    if re.search(r"[.?!;:]\s", text.strip()):
        problems.append("more than one sentence")
    if re.search(r"\b[A-Z]{2,}\b|\be\.g\b|\betc\b", text):
        problems.append("an abbreviation")
    return problems


def test_every_easy_read_statement_is_one_short_sentence(easy: Content, content: Content) -> None:
    bad = {}
    for (_, statement), (_, original) in zip(easy.statements(), content.statements(), strict=True):
        assert statement.text != original.text, f"{statement.id} is not adapted"
        if problems := one_short_sentence(statement.text):
            bad[statement.id] = problems
    assert not bad


def test_every_easy_read_criterion_question_is_one_short_sentence(
    easy: Content, content: Content
) -> None:
    bad = {}
    for criterion, original in zip(easy.all_criteria(), content.all_criteria(), strict=True):
        assert criterion.question != original.question, f"{criterion.id} is not adapted"
        if problems := one_short_sentence(criterion.question):
            bad[criterion.id] = problems
    assert not bad


def test_the_rule_catches_long_or_double_sentences() -> None:
    assert one_short_sentence("We meet. We eat.") == ["more than one sentence"]
    assert one_short_sentence(" ".join(["word"] * 16) + ".") == ["16 words"]
    assert one_short_sentence("We meet the NHS.") == ["an abbreviation"]


def test_easy_read_keeps_the_reports_key_points(easy: Content, content: Content) -> None:
    assert [k.text for p in easy.practices for k in p.key_points] == [
        k.text for p in content.practices for k in p.key_points
    ]


def test_easy_read_meta_says_how_it_was_adapted(easy: Content) -> None:
    assert easy.pack is not None
    adaptation = easy.pack.meta.adaptation or ""
    assert "15 words" in adaptation and "residents" in adaptation


def test_glossary_lists_the_words_easy_read_keeps(invoke, easy: Content) -> None:
    result = invoke("glossary", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["version"] == 1
    words = {t["word"] for t in data["terms"]}
    assert "co-production" in words
    # every glossary word is used somewhere in the easy-read texts
    texts = " ".join(
        [p.summary for p in easy.practices]
        + [s.text for _, s in easy.statements()]
        + [c.question for c in easy.all_criteria()]
    ).lower()
    unused = [
        t["word"] for t in data["terms"] if not any(f in texts for f in [t["word"], *t["also"]])
    ]
    assert not unused
    shown = invoke("glossary")
    assert "co-production" in shown.stdout and "together" in shown.stdout


def test_welsh_pack_is_a_draft_and_says_so(welsh: Content) -> None:
    assert welsh.pack is not None
    meta = welsh.pack.meta
    assert meta.status == "draft" and meta.machine_assisted
    assert meta.reviewed_by is None and meta.reviewed_on is None
    assert welsh.pack.draft_line and "drafft" in welsh.pack.draft_line.lower()
    assert welsh.language == "cy"


def test_welsh_practice_titles_and_key_points_are_marked_translations() -> None:
    import yaml

    raw = yaml.safe_load((bundled_data_dir() / "packs" / "cy" / "practices.yaml").read_text())
    for practice in raw["practices"]:
        assert practice.get("name_translates"), practice["id"]
        for point in practice.get("key_points", []):
            assert point.get("translates"), point["id"]


def test_easy_read_next_steps_are_short_sentences(easy: Content) -> None:
    bad = {}
    for _, statement in easy.statements():
        sentences = re.split(r"(?<=[.?!])\s+", statement.next_step.strip())
        long = [s for s in sentences if len(s.split()) > 15 or not re.search(r"[.?!]$", s)]
        if long:
            bad[statement.id] = long
    assert not bad
