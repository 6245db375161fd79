"""core.search: finding cases and resolving what a person typed, without a command."""

from __future__ import annotations

import pytest

from coprod.core.models import Content
from coprod.core.search import find_case, normalise, resolve_practice, search_cases
from coprod.errors import CoprodError


def test_normalise_ignores_case_accents_and_curly_quotes() -> None:
    assert normalise("Children’s Café") == "children's cafe"


def test_a_practice_by_number_id_name_or_unique_prefix(content: Content) -> None:
    first = content.practices[0]
    for typed in ("1", "#1", first.id, first.name.upper(), first.id[:4]):
        assert resolve_practice(content, typed) == first.id


def test_an_unknown_practice_names_the_valid_ones(content: Content) -> None:
    with pytest.raises(CoprodError) as caught:
        resolve_practice(content, "opennes-typo-xyz")
    assert content.practices[0].id in str(caught.value.hint)


def test_every_word_of_a_query_must_match(content: Content) -> None:
    case = content.cases[0]
    found = search_cases(content, case.name.upper())
    assert case in found
    assert search_cases(content, f"{case.name} zzzqqq-nowhere") == []


def test_filters_combine(content: Content) -> None:
    case = next(c for c in content.cases if c.methods)
    method = case.methods[0]
    with_method = search_cases(content, method=method)
    assert case in with_method
    assert all(method in c.methods for c in with_method)
    practices = content.practices_of(case.id)
    both = search_cases(content, method=method, practice=practices[0]) if practices else []
    assert set(map(id, both)) <= set(map(id, with_method))


def test_find_case_by_id(content: Content) -> None:
    assert find_case(content, content.cases[0].id) is content.cases[0]
    with pytest.raises(CoprodError):
        find_case(content, "no-such-case")
