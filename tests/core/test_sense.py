"""Agreement, splits and the sides of the table: the rules at their edges."""

from __future__ import annotations

from coprod.core.sense import Item, Person, agreement, sides

ITEMS = [Item(f"s{i}", "p1", f"Statement {i}") for i in range(1, 5)]


def person(
    role: str | None = None, scores: dict[str, int | None] | None = None, **ratings: object
) -> Person:
    return Person(role, ratings, scores or {})  # type: ignore[arg-type]


def test_three_raters_make_a_statement_count_two_do_not() -> None:
    people = [person(s1=2, s2=2), person(s1=3, s2=3), person(s1=2, s2="na")]
    result = agreement(ITEMS, people)
    assert [s.item.id for s in result.agree] == ["s1"]  # s2 has two 0-4 ratings only
    assert result.split == []


def test_a_span_of_one_is_agreement_and_two_is_a_split() -> None:
    people = [person(s1=1, s2=0), person(s1=2, s2=2), person(s1=2, s2=1)]
    result = agreement(ITEMS, people)
    assert [s.item.id for s in result.agree] == ["s1"]
    assert [s.item.id for s in result.split] == ["s2"]
    assert result.split[0].to_json() == {"statement": "s2", "n": 3, "median": 1, "spread": 2}


def test_agreement_is_ordered_by_how_many_rated_it() -> None:
    people = [
        person(s1=2, s2=3),
        person(s1=2, s2=3),
        person(s1=2, s2=3),
        person(s2=4),
    ]
    assert [s.item.id for s in agreement(ITEMS, people).agree] == ["s2", "s1"]


def test_splits_are_ordered_by_spread_then_by_deviation() -> None:
    people = [
        person(s1=0, s2=0, s3=0),
        person(s1=2, s2=4, s3=0),
        person(s1=2, s2=2, s3=4),
        person(s1=2, s2=2, s3=4),
    ]
    split = agreement(ITEMS, people).split
    # s2 and s3 both span 4; s3's ratings lie further from their mean
    assert [s.item.id for s in split] == ["s3", "s2", "s1"]
    assert split[2].median == 2 and split[0].median == 2


def test_dont_know_and_not_applicable_are_not_ratings() -> None:
    people = [person(s1="dont_know"), person(s1="na"), person(s1=0), person(s1=4)]
    result = agreement(ITEMS, people)
    assert result.agree == [] and result.split == []


def test_the_sides_are_compared_only_with_three_people_on_each() -> None:
    community = [person("resident", {"p1": 80}, s1=4) for _ in range(3)]
    institutions = [person("officer", {"p1": 40}, s1=1) for _ in range(2)]
    result = sides(["p1"], ITEMS[:1], [*community, *institutions, person("researcher", s1=0)])
    assert not result.comparable
    assert result.community_n == 3 and result.institutions_n == 2
    # too few on one side: no figure for either side, so no one can be picked out
    assert result.to_json()["practices"] == [
        {"id": "p1", "community": None, "institutions": None, "gap": None, "flagged": False}
    ]
    assert result.flagged == []


def test_a_gap_of_twenty_points_is_flagged_and_nineteen_is_not() -> None:
    people = [
        *(person("resident", {"p1": 70, "p2": 69}) for _ in range(2)),
        person("community-sector", {"p1": 70, "p2": 69}),
        *(person("councillor", {"p1": 50, "p2": 50}) for _ in range(3)),
    ]
    result = sides(["p1", "p2"], [], people)
    assert result.comparable
    p1, p2 = result.practices
    assert (p1.community, p1.institutions, p1.gap, p1.flagged) == (70, 50, 20, True)
    assert (p2.gap, p2.flagged) == (19, False)


def test_a_statement_gap_of_one_point_is_flagged_whichever_side_is_higher() -> None:
    people = [
        *(person("resident", s1=1, s2=2) for _ in range(3)),
        *(person("officer", s1=2, s2=2) for _ in range(2)),
        person("officer", s1=2, s2=3),
    ]
    result = sides([], ITEMS[:2], people)
    s1, s2 = result.statements
    assert (s1.community, s1.institutions, s1.gap, s1.flagged) == (1.0, 2.0, -1.0, True)
    assert (s2.community, s2.institutions, s2.gap, s2.flagged) == (2.0, 2.3, -0.3, False)


def test_a_statement_rated_by_two_on_one_side_shows_no_figures() -> None:
    people = [
        *(person("resident", s1=4) for _ in range(2)),
        person("resident"),
        *(person("officer", s1=0) for _ in range(3)),
    ]
    (gap,) = sides([], ITEMS[:1], people).statements
    assert gap.to_json() == {
        "id": "s1",
        "community": None,
        "institutions": None,
        "gap": None,
        "flagged": False,
    }


def test_other_roles_and_no_role_are_on_neither_side() -> None:
    people = [person("researcher"), person("other"), person(None), person("resident")]
    result = sides([], [], people)
    assert (result.community_n, result.institutions_n) == (1, 0)
