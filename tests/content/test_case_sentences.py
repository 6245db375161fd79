"""Every sentence of a case's description and summary has its own source, and a reader
sees it: numbered in ``cases show`` and in the reports, listed in the JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from helpers import FIXTURES

from coprod.core.models import Content
from coprod.core.sentences import case_sentences, sentence_problems, sourced_sentences
from coprod.storage.content import bundled_data_dir

YOUTH_COUNCIL = "One of the testing sessions was held with a youth council."
EARLIER_NAME = 'The project was earlier called "Councillors for the People".'


def test_every_case_sentence_has_its_own_source(content: Content) -> None:
    for case in content.cases:
        assert sentence_problems(case) == [], case.id
        shown = sourced_sentences(case)
        sentences = [*shown["description"], *shown["summary"]]
        assert len(sentences) == len(case_sentences(case)) >= 2, case.id
        assert all(sources for _, sources in sentences), case.id


def test_what_only_the_outcomes_record_says_is_credited_to_it(content: Content) -> None:
    """Two facts the report does not give: the youth council session, the earlier name."""
    sentences = dict(sourced_sentences(content.case("councillor-framework"))["summary"])
    for sentence in (YOUTH_COUNCIL, EARLIER_NAME):
        assert {s.ref for s in sentences[sentence]} == {"ukri-outcomes"}


def test_no_case_is_credited_to_the_overview_alone(content: Content) -> None:
    """The overview is a paragraph a case; most sentences come from Appendix 3."""
    for case in content.cases:
        sections = {s.section for e in case.sentence_sources for s in e.source}
        assert "Appendix 3: The Action Research Collective projects" in sections, case.id


def test_the_outcomes_record_has_an_address_a_reader_can_follow(content: Content) -> None:
    record = next(p for p in content.meta.publications if p.id == "ukri-outcomes")
    assert "ES/N005945/2" in record.citation
    # Gateway to Research's public page for that grant, found by its reference
    assert record.url == "https://gtr.ukri.org/projects?ref=ES%2FN005945%2F2"


def _add_to_summary(data: Path, case_id: str, sentence: str) -> int:
    """Append a sentence to a case's summary; the line of that ``summary:`` key."""
    path = data / "cases.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - id: {case_id}\n")
    at = next(i for i in range(start, len(lines)) if lines[i] == "    summary: >-\n")
    end = at + 1
    while lines[end].startswith("      "):
        end += 1
    lines.insert(end, f"      {sentence}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return at + 1


def test_validate_names_a_case_sentence_without_a_source(invoke: Any, data_copy: Path) -> None:
    line = _add_to_summary(data_copy, "care-at-home", "It was a great success.")
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 2
    flat = " ".join(result.stderr.split())
    assert f"{data_copy / 'cases.yaml'}:{line}:" in flat
    assert "cases[0].summary" in flat and "“It was a great success.…”" in flat
    assert "Traceback" not in result.stderr


def test_validate_names_a_source_that_does_not_begin_its_sentence(
    invoke: Any, data_copy: Path
) -> None:
    path = data_copy / "cases.yaml"
    text = path.read_text(encoding="utf-8")
    old = '      - starts: "A reference group"\n'
    assert old in text
    path.write_text(text.replace(old, '      - starts: "A steering group"\n'), encoding="utf-8")
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 2
    line = text.splitlines().index(old.rstrip("\n")) + 1
    assert f"{path}:{line}:" in result.stderr
    assert "'A steering group' does not begin sentence 3" in " ".join(result.stderr.split())


def test_cases_show_marks_each_sentence_with_its_own_source(invoke: Any, content: Content) -> None:
    out = invoke("cases", "show", "councillor-framework").stdout
    body, sources = out.split("\nSources\n", 1)
    listed = dict(re.findall(r"^\s+\[(\d+)\] (.*)$", sources, re.MULTILINE))
    flat = " ".join(body.replace("│", " ").split())
    for sentence in (YOUTH_COUNCIL, EARLIER_NAME):
        number = re.search(re.escape(sentence) + r" \[(\d+)\]", flat)[1]  # type: ignore[index]
        assert listed[number] == 'Entries with "Form Of Engagement Activity"'
        # listed under the outcomes record, with the record's address
        before = sources.split(f"[{number}]")[0]
        assert before.rfind("Gateway to Research") > before.rfind("Perry, B.")
    assert "gtr.ukri.org/projects?ref=ES%2FN005945%2F2" in " ".join(sources.split())
    description = content.case("councillor-framework").description
    assert re.search(re.escape(description) + r" \[\d+\]", flat)


def test_case_json_gives_every_sentence_with_its_sources(invoke: Any, content: Content) -> None:
    data = json.loads(invoke("cases", "show", "care-at-home", "--json").stdout)["case"]
    case = content.case("care-at-home")
    assert [s["text"] for s in data["sentences"]] == [s for _, s in case_sentences(case)]
    assert data["sentences"][0]["field"] == "description"
    assert all(s["source"] and s["source"][0]["ref"] for s in data["sentences"])
    last = data["sentences"][-1]
    assert last["text"].startswith("The six sessions ran over six weeks")
    assert [s["ref"] for s in last["source"]] == ["ukri-outcomes"]


def test_report_numbers_each_case_sentence(invoke: Any) -> None:
    """The full fixture's report suggests the councillor framework case."""
    result = invoke("report", str(FIXTURES / "full.yaml"), "--format", "md")
    assert result.exit_code == 0, result.stderr
    block = result.stdout.split("### Testing the 21st Century Councillor Framework", 1)[1]
    block = block.split("\n### ", 1)[0]
    number = re.search(re.escape(YOUTH_COUNCIL) + r" \\\[(\d+)\\\]", block)[1]  # type: ignore[index]
    line = next(x for x in block.splitlines() if x.startswith(f"- \\[{number}\\] "))
    assert "The research outcomes record" in line
    assert "https://gtr.ukri.org/projects?ref=ES%2FN005945%2F2" in line
    assert "An overview of the action research projects" not in block


def test_welsh_case_texts_keep_their_sentences_and_so_their_sources(invoke: Any) -> None:
    english = {
        c["id"]: c
        for c in yaml.safe_load((bundled_data_dir() / "cases.yaml").read_text(encoding="utf-8"))[
            "cases"
        ]
    }
    from coprod.core.sentences import split_sentences

    # a translation keeps the sentences; easy read rewrites them (its sources are then all
    # shown after the summary: see test_an_easy_read_case_keeps_every_source)
    for pack in ("cy",):
        path = bundled_data_dir() / "packs" / pack / "cases.yaml"
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            original = english[case["id"]]
            for key in ("description", "summary"):
                translated = split_sentences(case.get(key, original[key]))
                assert len(translated) == len(split_sentences(original[key])), (pack, case["id"])
    out = invoke("--lang", "cy", "cases", "show", "councillor-framework").stdout
    panel = out.split("\n\n", 1)[0]
    assert len(re.findall(r"\[\d+(?:, \d+)*\]", panel)) == 5  # one mark a summary sentence


def test_an_easy_read_case_keeps_every_source(invoke: Any) -> None:
    from coprod.core.sentences import sourced_sentences
    from coprod.storage.content import load_content

    plain = load_content(bundled_data_dir())
    easy = load_content(bundled_data_dir(), "easy-read")
    for original, adapted in zip(plain.cases, easy.cases, strict=True):
        wanted = {(s.ref, s.section) for e in original.sentence_sources for s in e.source}
        shown = sourced_sentences(adapted)
        given = {
            (s.ref, s.section)
            for field in ("description", "summary")
            for _text, sources in shown[field]
            for s in sources
        }
        assert given == wanted, original.id
