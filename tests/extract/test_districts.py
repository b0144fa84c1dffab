"""Districts of a town: named in several spellings, told apart from rural districts, and a
strike in another district (or a second toll added with "also") opens another mention."""

from __future__ import annotations

from datetime import date

import pytest

from harmledger.extract.article import extract_mentions
from harmledger.extract.districts import district_stems
from harmledger.models import Article

THURSDAY = date(2022, 8, 18)


@pytest.fixture()
def kharkiv(gazetteer):
    return gazetteer.towns("Kharkiv")[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("A rocket hit a hostel in Saltivka district.", {"salt"}),
    ("The shell landed in the Saltivskyi district of the city.", {"salt"}),
    ("In the Sloboda district, a missile hit a school.", {"slob"}),
    ("a dormitory in the Slobidsky district of Kharkiv city", {"slob"}),
    ("Blasts were heard in Kholodnohirsk and Saltivka districts.", set()),  # several: none
    ("In a district of the city a strike hit a dormitory.", set()),  # no name
    ("Rockets hit the Kharkiv district overnight.", set()),  # named after the town itself
])
def test_district_names_and_their_spellings(gazetteer, kharkiv, text: str, expected: set[str]) -> None:
    assert district_stems(text, kharkiv, gazetteer) == expected


def test_a_rural_district_named_after_a_nearby_town_is_not_a_part_of_the_village(gazetteer) -> None:
    village = gazetteer.towns("Serhiyivka")[0]
    assert district_stems("Serhiyivka lies in the Odessa district, 50 km from the city.", village, gazetteer) == set()


def mentions(nlp, gazetteer, text: str) -> list[tuple]:
    article = Article("k", "k.txt", text, published=THURSDAY)
    return [(m.role, m.date.value, m.place.name if m.place else None, m.district,
             sorted((c.kind, c.low) for c in m.claims if c.is_figure))
            for m in extract_mentions(article, nlp(text), gazetteer)]


def test_two_strikes_in_two_districts_are_two_mentions_with_their_own_figures(nlp, gazetteer) -> None:
    text = ("Kharkiv came under heavy missile fire for a second night, the governor said.\n\n"
            "On August 17 in the evening a Russian missile hit a hostel in the Saltivskyi district. "
            "Six people died there and 15 were hurt.\n\n"
            "Early on Thursday a rocket hit a four-storey dormitory in the Slobidskyi district.\n\n"
            "Three people were killed there and 11 were wounded.")
    assert mentions(nlp, gazetteer, text) == [
        ("main", date(2022, 8, 17), "Kharkiv", "salt", [("injured", 15), ("killed", 6)]),
        ("main", THURSDAY, "Kharkiv", "slob", [("injured", 11), ("killed", 3)]),
    ]


def test_a_toll_added_with_also_is_another_strike_but_a_subgroup_is_not(nlp, gazetteer) -> None:
    both = ("Shelling in one part of Kharkiv killed five people and injured 12, the governor said. "
            "Elsewhere in the city a strike on a dormitory also killed two people and injured nine more.")
    assert [m[4] for m in mentions(nlp, gazetteer, both)] == [[("injured", 12), ("killed", 5)],
                                                              [("injured", 9), ("killed", 2)]]
    part = ("Shelling in Kharkiv killed five people and injured 12, the governor said. "
            "Two children were also killed in the strike.")
    assert len(mentions(nlp, gazetteer, part)) == 1
