"""core/own.py: the statements file's rules, merging by id, ids made from words."""

from __future__ import annotations

import pytest

from coprod.core.models import Content
from coprod.core.own import (
    MAX_OWN_ID,
    OwnStatement,
    add_statement,
    merge,
    scores,
    statements_from_document,
)
from coprod.errors import CoprodError
from coprod.storage.yamlio import parse_yaml


@pytest.mark.parametrize(
    "key",
    ["own-a", "own-listened_2", "own-" + "a" * (MAX_OWN_ID - 4)],
)
def test_an_id_starts_own_and_is_at_most_sixty_characters(key: str) -> None:
    assert OwnStatement.checked(id=key, text="Words.").id == key


@pytest.mark.parametrize(
    "key", ["own-", "listened", "own-é", "own- a", "OWN-a", "own-" + "a" * (MAX_OWN_ID - 3)]
)
def test_other_ids_are_refused_saying_what_an_id_looks_like(key: str) -> None:
    with pytest.raises(ValueError, match="must start with own-"):
        OwnStatement.checked(id=key, text="Words.")


def test_words_are_kept_on_one_line_and_two_hundred_is_the_limit() -> None:
    assert OwnStatement.checked(id="own-a", text="  Two\n  lines. ").text == "Two lines."
    assert len(OwnStatement.checked(id="own-a", text="x" * 200).text) == 200
    with pytest.raises(ValueError, match="is 201 characters long"):
        OwnStatement.checked(id="own-a", text="x" * 201)


def test_merging_keeps_the_first_words_and_names_both_files() -> None:
    a = OwnStatement(id="own-a", text="First.")
    b = OwnStatement(id="own-a", text="Other.")
    c = OwnStatement(id="own-c", text="Third.")
    kept, said = merge([("one.yaml", [a]), ("two.yaml", [b, c]), ("three.yaml", [a])])
    assert kept == [a, c]
    assert said == [
        "own statement own-a has different words in two.yaml and in one.yaml; the words in "
        "one.yaml are shown"
    ]


def test_an_id_made_from_the_words_is_never_one_already_used() -> None:
    first = add_statement([], "Meetings are fun!")
    assert first.id == "own-meetings-are-fun"
    assert add_statement([first], "Meetings are fun!").id == "own-meetings-are-fun-2"
    assert add_statement([], "“”").id == "own-statement"


def test_a_groups_scores_count_dont_know_and_na_apart_from_the_mean() -> None:
    s = OwnStatement(id="own-a", text="Words.")
    [score] = scores([s], [{"own-a": 1}, {"own-a": 4}, {"own-a": "dont_know"}, {}, {"own-a": "na"}])
    assert (score.n, score.mean, score.low, score.high, score.dont_know, score.na) == (
        2,
        2.5,
        1,
        4,
        1,
        1,
    )


def test_a_statements_file_names_every_problem_with_its_line(content: Content) -> None:
    text = (
        "version: 2\nstatements:\n  - id: own-a\n    text: ''\n  - {id: listened, text: Words.}\n"
    )
    with pytest.raises(CoprodError) as caught:
        statements_from_document(parse_yaml(text, "ours.yaml", keep_going=True), content)
    said = [(p.line, p.field, p.message) for p in caught.value.problems]
    assert said[0] == (1, "version", "must be 1 (the statements file's version)")
    assert said[1] == (4, "statements[0].text", "must be the statement's words (it is empty)")
    assert said[2][:2] == (5, "statements[1].id") and "must start with own-" in said[2][2]


def test_an_empty_statements_list_says_what_it_needs(content: Content) -> None:
    with pytest.raises(CoprodError) as caught:
        statements_from_document(parse_yaml("version: 1\nstatements: []\n", "o.yaml"), content)
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (2, "must list at least one statement")
    ]
