"""The files coprod writes are the text PyYAML writes, whichever writer wrote each part.

``dump_yaml`` writes plain data itself (``coprod.storage.yaml_plain``) and leaves the
rest to PyYAML; a person reading or diffing an answers file must not be able to tell.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod.core.answers import Answers
from coprod.storage.answers_file import HEADER, dumps, load_answers
from coprod.storage.content import load_content
from coprod.storage.yaml_plain import block
from coprod.storage.yamlio import dump_yaml, parse_yaml


def pyyaml(data: object) -> str:
    return yaml.dump(
        data,
        Dumper=yaml.CSafeDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=88,
    )


# Text that looks like what people and coprod write, and text that YAML treats specially:
# words YAML reads as booleans, numbers, dates and nulls, quotes, colons, hashes, spaces at
# the ends, long lines, Welsh letters, line breaks.
TRICKY = [
    "yes", "No", "on", "off", "null", "~", "", " ", "3", "0x1F", "1e3", "1_000", ".inf",
    "2026-12-07", "12:30", "a: b", "a #b", "#x", "- x", "? x", "'q'", '"q"', "x ", " x",
    "a  b", "Ŵyn ŷd", "line\nbreak", "=", "<<", "-", "1.0", "own-listened", "done",
    "not-started", "dont_know", "na", "Riverside (north)", "a, b", "x" * 90,
    " ".join(["word"] * 25),
]  # fmt: skip
texts = st.one_of(
    st.sampled_from(TRICKY),
    st.text(alphabet="abcXYZ019 -_.,()/:#'\"ŵ\n", max_size=30),
    st.from_regex(r"[a-z0-9]+(-[a-z0-9]+){0,3}", fullmatch=True),
    # around the line width (88), where PyYAML starts folding long text
    st.builds(
        lambda n, s: (s * 60)[:n], st.integers(60, 110), st.sampled_from(["ab ", "a: b ", "it's "])
    ),
)
scalars = st.one_of(texts, st.integers(-5, 10**6), st.booleans(), st.none())
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(texts, inner, max_size=4),
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(texts, values, max_size=6))
def test_dump_yaml_writes_exactly_what_pyyaml_writes(data: dict[str, object]) -> None:
    assert dump_yaml(data) == pyyaml(data)


def test_an_answers_file_is_byte_for_byte_pyyamls(answers_data: dict[str, object]) -> None:
    assert dump_yaml(answers_data) == pyyaml(answers_data)


def test_ids_and_ratings_are_written_directly_and_read_back(
    answers_data: dict[str, object],
) -> None:
    ratings = answers_data["ratings"]
    assert block("ratings", ratings) is not None  # the bulk of a file, without PyYAML
    text = dump_yaml(answers_data)
    assert parse_yaml(text, "<answers>").data == answers_data


def test_words_yaml_would_misread_are_quoted_and_read_back_as_written() -> None:
    for word in ("yes", "no", "null", "2026-12-07", "3", "0x1F"):
        assert block("note", word) == f"note: '{word}'\n", word
        assert yaml.safe_load(dump_yaml({"note": word})) == {"note": word}


def test_text_yaml_would_misread_unquoted_is_quoted_as_pyyaml_quotes_it() -> None:
    assert block("note", "a: b") == "note: 'a: b'\n"
    assert block("note", "it's ok") == "note: it's ok\n"
    quoted = block("note", "'x' it's")
    assert quoted == "note: '''x'' it''s'\n"
    assert yaml.safe_load(quoted) == {"note": "'x' it's"}


def test_a_text_it_is_unsure_of_is_written_by_pyyaml_in_its_place() -> None:
    for word in ("x" * 90, "ŵ", "a\nb", "tab\there", "bell\x07", "it's " * 40):
        for data in ({"note": word}, {"notes": {"p-1": "short", "p-2": word, "p-3": 2}}):
            assert dump_yaml(data) == pyyaml(data), data
            assert yaml.safe_load(dump_yaml(data)) == data


def test_text_in_a_list_it_is_unsure_of_leaves_the_whole_key_to_pyyaml() -> None:
    actions = [{"id": "a1", "text": "it's " * 40}]
    assert block("actions", actions) is None
    assert dump_yaml({"actions": actions}) == pyyaml({"actions": actions})


def test_dumps_of_a_real_answers_file_matches_pyyaml(full_answers: Answers) -> None:
    assert dumps(full_answers) == HEADER + pyyaml(full_answers.to_yaml_data())


@pytest.fixture
def answers_data() -> dict[str, object]:
    return {
        "version": 1,
        "project": {"name": "Riverside: phase 2", "stage": "design"},
        "respondent": {"name": "Ann O'Neil", "role": "resident", "brings": ["roots"]},
        "content_version": 3,
        "mode": "full",
        "date": dt.date(2026, 12, 7).isoformat(),
        "complete": False,
        "criteria": {"c-1": "yes", "c-2": "unsure"},
        "ratings": {f"practice-{n}": n % 5 for n in range(40)} | {"own-x": "dont_know"},
        "reasons": {"practice-1": "Because: it's hard #1"},
        "matters_most": ["practice-1", "own-x"],
        "actions": [
            {"id": "a1", "text": "Meet again", "status": "not-started", "due": "2027-01-31"}
        ],
    }


@pytest.fixture
def full_answers() -> Answers:
    fixture = Path(__file__).parents[1] / "fixtures" / "full.yaml"
    return load_answers(fixture, load_content()).answers
