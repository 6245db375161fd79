"""Rules the bundled content is held to: what a statement may ask, where every claim
comes from and how statements are replaced between content versions (that our own words
are our own is checked in test_own_words.py).

A rule here fails on the content as a reader would meet it, naming the item.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES

from coprod.core.models import (
    Case,
    Claim,
    Content,
    Figure,
    Method,
    Note,
    OtherFigure,
    Sourced,
    SourceRef,
    Strict,
)

# Excerpts of the source publications (fixtures/sources/README.md; make.py remakes them)
SOURCES = FIXTURES / "sources"
EXCERPTS = {
    "report": SOURCES / "report-headings.txt",
    "ukri-outcomes": SOURCES / "ukri-outcomes-excerpt.txt",
    "website": SOURCES / "website-excerpt.txt",
}

# --------------------------------------------------------------------- one idea each

# Phrases that join two words with "and"/"or" but name ONE thing, so a person answers
# them with one rating. Each is listed with why it is one thing; anything else joined
# by "and"/"or" is two asks.
ONE_THING = {
    # the boundary between fixed and open is one thing to be told about (openness-kp1)
    "what is already decided and what is still open",
    # the report's own pair for the ups and downs of the work (humanising-kp1)
    "highs and lows",
    # one practice, reflection, at both scales (humanising-kp6)
    "individual and group reflection",
    # the report's pair for what some people hold and others lack (formal-policy-kp2)
    "power and resources",
    # the pros and cons of one decision, weighed together (formal-policy-kp4)
    "benefits and risks",
}
JOINERS = re.compile(r"\b(and|or|nor|plus|as well as)\b|/|&")
NEGATIVES = re.compile(
    r"\b(not|no|never|none|nothing|nobody|nor|neither|without|cannot|lack\w*|fail\w*|avoid\w*)\b"
    r"|n['’]t\b",
    re.IGNORECASE,
)
OPENING_CLAUSE = re.compile(r"^(When|Before|After|Once|If) [^,]+, [a-z]")
MAX_WORDS = 25


def statements(content: Content) -> Iterator[tuple[str, str]]:
    for _, statement in content.statements():
        yield statement.id, statement.text


def test_each_statement_asks_one_thing(content: Content) -> None:
    """The one-idea rule, which every statement must pass:

    1. One sentence: it ends with a full stop and has no other full stop, question
       mark, semicolon, colon, dash or bracket inside it.
    2. One main verb phrase: at most one comma, and only after an opening clause that
       sets the occasion for the single ask ("When …, we …", "Before …, we …").
    3. Nothing joins two asks: "and", "or", "nor", "plus", "as well as", "/" and "&"
       appear only inside a phrase of ONE_THING, each of which names a single thing.
    4. Short enough to answer at a glance: at most MAX_WORDS words.
    """
    broken = []
    for sid, text in statements(content):
        body = text[:-1]
        if not text.endswith(".") or re.search(r"[.?!;:()\[\]–—]", body):
            broken.append((sid, "not a single sentence"))
        commas = body.count(",")
        if commas > 1 or (commas == 1 and not OPENING_CLAUSE.match(text)):
            broken.append((sid, "more than one clause"))
        rest = body
        for phrase in ONE_THING:
            rest = rest.replace(phrase, "…")
        if JOINERS.search(rest):
            broken.append((sid, f"joins two asks: {JOINERS.search(rest)[0]!r}"))  # type: ignore[index]
        if len(text.split()) > MAX_WORDS:
            broken.append((sid, "too long"))
    assert broken == []


def test_no_statement_is_phrased_as_a_negative(content: Content) -> None:
    """A "Fully" on "We do not …" reads backwards: every statement says what is done."""
    negative = [(sid, text) for sid, text in statements(content) if NEGATIVES.search(text)]
    assert negative == []


def test_the_rules_catch_what_they_forbid() -> None:
    """The patterns themselves: the statements this issue rewrote would now fail."""
    assert JOINERS.search("We have set times to review our design and we change it")
    assert NEGATIVES.search("We do not treat full agreement as the only sign")
    assert NEGATIVES.search("People can leave without losing goodwill")
    assert NEGATIVES.search("We don’t rely on online tools")
    assert OPENING_CLAUSE.match("When views differ, we take time to understand them.")
    assert not OPENING_CLAUSE.match("We meet face to face, and add tools later.")


def test_every_key_point_is_covered_by_a_statement(content: Content) -> None:
    for practice in content.practices:
        covered = {s.key_point for s in practice.statements}
        assert [k.id for k in practice.key_points if k.id not in covered] == [], practice.id


def test_statement_ids_are_unique_across_practices(content: Content) -> None:
    ids = [s.id for _, s in content.statements()]
    assert len(ids) == len(set(ids))


# ------------------------------------------------------------------ every item sourced


def _sourced_items(obj: Any, where: str = "") -> Iterator[tuple[str, Strict]]:
    if isinstance(obj, Strict):
        if isinstance(obj, Sourced | Figure | OtherFigure):
            yield where, obj
        for field in dataclasses.fields(obj):
            name = field.name
            yield from _sourced_items(getattr(obj, name), f"{where}.{name}".strip("."))
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            yield from _sourced_items(item, f"{where}[{index}]")


def test_every_item_has_a_declared_source(content: Content) -> None:
    publications = {p.id: p for p in content.meta.publications}
    items = list(_sourced_items(content))
    kinds = {type(item) for _, item in items}
    # every kind of claim a reader can check is among them
    assert {Case, Claim, Figure, Method, Note} <= kinds
    for where, item in items:
        sources: list[SourceRef] = item.source  # type: ignore[attr-defined]
        assert sources, where
        for source in sources:
            assert source.ref in publications, where
            assert source.section.strip(), where


def test_every_case_claim_and_method_carries_its_own_source(content: Content) -> None:
    for case in content.cases:
        for claim in (*case.outputs, *case.impacts, *case.lessons):
            assert isinstance(claim, Claim) and claim.source, (case.id, claim.text)
        for figure in case.figures:
            assert figure.source, (case.id, figure.label)
    assert all(method.source for method in content.methods)


def test_report_sections_are_ones_a_reader_finds_in_the_report(content: Content) -> None:
    """Every report section cited is a heading of the report (its heading lines are in
    fixtures/sources; citing a new section means adding its heading there: make.py)."""
    report = _squash(EXCERPTS["report"].read_text(encoding="utf-8"))
    cited = {
        source.section
        for _, item in _sourced_items(content)
        for source in item.source  # type: ignore[attr-defined]
        if source.ref == "report"
    }
    missing = [s for s in sorted(cited) if _squash(s.replace(":", "")) not in report]
    assert missing == []


@pytest.mark.parametrize("ref", ["ukri-outcomes", "website"])
def test_other_sections_are_headings_or_field_labels_of_their_source(
    content: Content, ref: str
) -> None:
    """The outcomes record has few headings: a section there is a heading it has, or names
    the field label its entries carry ("Entries with \"Type Of Art\""); website sections
    are page titles."""
    text = _squash(EXCERPTS[ref].read_text(encoding="utf-8"))
    cited = {
        source.section
        for _, item in _sourced_items(content)
        for source in item.source  # type: ignore[attr-defined]
        if source.ref == ref
    }
    assert cited
    for section in cited:
        label = re.fullmatch(r'Entr(?:y|ies) with "(.+)"', section)
        assert _squash(label[1] if label else section) in text, section


def _squash(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace(":", "")
    return re.sub(r"\s+", " ", text).lower()


def _without(path: Path, block_start: str, key: str) -> None:
    """Delete the ``key:`` line(s) (and a nested list under it) in the block starting at
    ``block_start``."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.rstrip() == block_start)
    at = next(i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith(f"{key}:"))
    indent = len(lines[at]) - len(lines[at].lstrip())
    end = at + 1
    while end < len(lines) and (len(lines[end]) - len(lines[end].lstrip())) > indent:
        end += 1
    path.write_text("".join(lines[:at] + lines[end:]), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "block", "field"),
    [
        ("methods.yaml", "  - id: photovoice", "methods[0].source"),
        ("cases.yaml", "      - text: Care at Home recommendations (December 2018)", None),
    ],
    ids=["method", "case-output"],
)
def test_validate_fails_on_an_item_without_a_source(
    invoke: Any, data_copy: Path, file: str, block: str, field: str | None
) -> None:
    path = data_copy / file
    _without(path, block, "source")
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(path) in result.stderr and "required field is missing" in result.stderr
    expected = field or "cases[0].outputs[0].source"
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------ replacing statements


def _previous_ids(content: Content, version: int | None = None) -> list[str]:
    version = content.version - 1 if version is None else version
    previous = [v for v in content.meta.history if v.content_version == version]
    assert previous, f"meta.yaml keeps version {version}'s statement ids under history"
    return previous[0].statements


def test_replaces_names_statements_of_earlier_versions(content: Content) -> None:
    current = {s.id for _, s in content.statements()}
    replaced = content.replaced_by()
    assert replaced, "this content version replaces statements"
    earlier = {i for v in content.meta.history for i in v.statements}
    for old, new in replaced.items():
        assert old in earlier, old
        assert old not in current, f"{old} is replaced but still asked"
        assert set(new) <= current
    # every statement of every earlier version is either still asked or replaced
    for version in range(1, content.version):
        gone = [i for i in _previous_ids(content, version) if i not in current]
        assert [i for i in gone if i not in replaced] == [], version


@pytest.mark.parametrize("version", [1, 2])
def test_history_matches_a_real_answers_file_of_each_earlier_version(
    content: Content, version: int
) -> None:
    """Each earlier version's fixture answered every statement it had: the history."""
    old = yaml.safe_load((FIXTURES / f"full-v{version}.yaml").read_text(encoding="utf-8"))
    assert old["content_version"] == version < content.version
    assert list(old["ratings"]) == _previous_ids(content, version)


def test_validate_fails_on_replaces_naming_an_id_no_earlier_version_had(
    invoke: Any, data_copy: Path
) -> None:
    path = data_copy / "practices.yaml"
    text = path.read_text(encoding="utf-8")
    assert "        replaces: [openness-8]\n" in text
    path.write_text(
        text.replace("        replaces: [openness-8]\n", "        replaces: [openness-44]\n", 1),
        encoding="utf-8",
    )
    line = text.splitlines().index("        replaces: [openness-8]") + 1
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 2
    assert f"{path}:{line}:" in result.stderr
    assert "openness-44" in result.stderr and "version 1, 2" in result.stderr


@pytest.mark.parametrize("version", [1, 2])
def test_an_answers_file_of_an_earlier_version_loads_naming_what_was_replaced(
    invoke: Any, content: Content, version: int
) -> None:
    old = FIXTURES / f"full-v{version}.yaml"
    result = invoke("assess", "--answers", str(old), "--json")
    assert result.exit_code == 0, result.stderr
    warning = next(line for line in result.stderr.splitlines() if "reworded or split" in line)
    answered = set(yaml.safe_load(old.read_text(encoding="utf-8"))["ratings"])
    named = [gone for gone in content.replaced_by() if gone in answered]
    assert named
    for gone in named:
        assert f"{gone} → {', '.join(content.replaced_by()[gone])}" in warning
    data = json.loads(result.stdout)
    openness = next(p for p in data["practices"] if p["id"] == "openness")
    assert openness["score"] is not None  # scored on the statements both versions share


def test_compare_across_content_versions(invoke: Any) -> None:
    result = invoke("compare", str(FIXTURES / "full-v1.yaml"), str(FIXTURES / "later.yaml"))
    assert result.exit_code == 0, result.output
    assert "openness-8 → openness-12, openness-13, openness-14" in result.stderr
    text = " ".join(result.stdout.split())
    assert "Designing for openness" in text and "Holding the process" in text
    as_json = invoke(
        "compare", str(FIXTURES / "full-v1.yaml"), str(FIXTURES / "later.yaml"), "-f", "json"
    )
    assert as_json.exit_code == 0
    practices = json.loads(as_json.stdout)["practices"]
    assert all(p["old"] is not None and p["new"] is not None for p in practices)


# ------------------------------------------------------------------ calls to action


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        ((), ["organisations", "individuals", "co-producers", "participants"]),
        ((None,), ["organisations", "individuals", "co-producers", "participants"]),
        (("other",), ["organisations", "individuals", "co-producers", "participants"]),
        (("resident",), ["individuals", "participants"]),
        (("officer",), ["organisations", "individuals", "co-producers"]),
        (
            ("resident", "councillor"),
            ["organisations", "individuals", "co-producers", "participants"],
        ),
    ],
)
def test_calls_to_action_for_roles(content: Content, roles: tuple[str | None, ...], expected):  # type: ignore[no-untyped-def]
    assert [c.id for c in content.calls_to_action(roles)] == expected


def test_every_role_meets_at_least_one_call_to_action(content: Content) -> None:
    from coprod.core.answers import ROLES

    for role in ROLES:
        assert content.calls_to_action([role]), role


def test_the_already_decided_caveat_carries_its_counter_caveat(content: Content) -> None:
    caveat = next(c for c in content.criteria.caveats if c.id == "already-decided")
    assert "not always possible or even desirable" in caveat.text


# ------------------------------------------------------------------------ partial dates


def test_a_start_month_is_shown_as_a_month_and_kept_as_written(invoke, content) -> None:  # type: ignore[no-untyped-def]
    case = content.case("space-in-common")
    assert case.started == "2018-05" and case.started_label == "May 2018"
    shown = invoke("cases", "show", "space-in-common")
    assert "Started: May 2018" in shown.stdout
    listed = invoke("cases")
    assert "started May 2018" in listed.stdout
    data = json.loads(invoke("cases", "--json").stdout)
    assert {c["id"]: c["started"] for c in data["cases"]}["space-in-common"] == "2018-05"
    # sorted with the full dates: a month before the days in it, unknown last
    keys = sorted(content.cases, key=lambda c: c.started_key)
    assert keys.index(case) > keys.index(content.case("care-at-home"))  # 2018-03-16


@pytest.mark.parametrize("bad", ["2018-13", "2018-02-30", "May 2018"])
def test_a_start_date_that_is_not_a_date_is_refused(invoke, data_copy: Path, bad: str) -> None:  # type: ignore[no-untyped-def]
    path = data_copy / "cases.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('started: "2018-05"', f'started: "{bad}"', 1), encoding="utf-8")
    line = text.splitlines().index('    started: "2018-05"') + 1
    result = invoke("data", "validate", str(data_copy))
    assert result.exit_code == 2
    assert f"{path}:{line}:" in result.stderr and ".started" in result.stderr


# ------------------------------------------------------------------- cases, for a newcomer


def test_cases_list_gives_a_description_and_methods_in_words(invoke, content) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(invoke("cases").stdout.split())
    for case in content.cases:
        assert " ".join(case.description.split()) in text
    assert "Inverted citizens' inquiry" in text
    assert "inverted-citizens-inquiry" not in text


def test_every_case_description_is_one_line(content: Content) -> None:
    for case in content.cases:
        assert "\n" not in case.description and len(case.description) <= 140, case.id
        assert case.description.endswith("."), case.id


def test_case_show_numbers_references_and_cites_each_publication_once(invoke, content) -> None:  # type: ignore[no-untyped-def]
    case = content.case("care-at-home")
    out = invoke("cases", "show", case.id).stdout
    sources = out.split("\nSources\n", 1)[1]
    for publication in content.meta.publications:
        first_line = publication.citation.split()[0:4]
        assert " ".join(out.split()).count(" ".join(first_line)) <= 1
    numbers = re.findall(r"^\s+\[(\d+)\] ", sources, re.MULTILINE)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    body = out.split("\nSources\n", 1)[0]
    marks = {
        int(n)
        for group in re.findall(r"\[([\d, ]+)\]$", body, re.MULTILINE)
        for n in group.split(", ")
    }
    assert marks and marks <= set(range(1, len(numbers) + 1))
    # an impact's mark points at the section it came from
    impact = case.impacts[0]
    flat = " ".join(body.split())
    number = int(re.search(re.escape(impact.text) + r" \[(\d+)\]", flat)[1])  # type: ignore[index]
    cited = re.search(rf"^\s+\[{number}\] (.*)$", sources, re.MULTILINE)[1]  # type: ignore[index]
    assert cited == impact.source[0].section


def test_case_json_claims_carry_their_sources(invoke) -> None:  # type: ignore[no-untyped-def]
    case = json.loads(invoke("cases", "show", "system-doesnt-work", "--json").stdout)["case"]
    for key in ("outputs", "impacts", "lessons"):
        assert case[key] and all(item["text"] and item["source"] for item in case[key])
    assert "Photovoice" in case["method_names"]
