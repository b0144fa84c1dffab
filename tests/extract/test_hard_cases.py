"""The hard cases of casualty extraction, on sentences we wrote (published on a Friday)."""

from __future__ import annotations

from datetime import date

import pytest

from harmledger.extract.article import extract_mentions
from harmledger.models import Article

FRIDAY = date(2022, 4, 8)


@pytest.fixture()
def claims(nlp, gazetteer):
    def run(text: str) -> list[tuple]:
        article = Article(id="h", source_id="h.txt", text=text, published=FRIDAY)
        return [(c.kind, c.low, c.high, c.qualifier, c.group, c.claimant)
                for m in extract_mentions(article, nlp(text), gazetteer) for c in m.claims]
    return run


def figures(found: list[tuple]) -> list[tuple]:
    return [c[:5] for c in found if c[1] is not None]


def test_updated_toll_keeps_the_new_figure(claims) -> None:
    assert figures(claims("A missile hit a market in Kharkiv on Friday. The toll climbed from 30 to 39."))\
        == [("killed", 39, 39, "exact", "all")]
    assert figures(claims("A missile hit a market in Kharkiv on Friday. The death toll rose to 52.")) \
        == [("killed", 52, 52, "exact", "all")]


@pytest.mark.parametrize("aggregate", [
    "Since February, 1,500 civilians have been killed in the region.",
    "Six people were killed in the region over 24 hours.",
    "In the past 24 hours, shelling killed nine people across the oblast.",
])
def test_aggregates_are_not_claims_of_the_incident(claims, aggregate: str) -> None:
    found = figures(claims(f"A missile hit a market in Kharkiv on Friday, killing four people. {aggregate}"))
    assert found == [("killed", 4, 4, "exact", "all")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Nobody was killed.", [("killed", 0, 0, "exact", "all")]),
    ("No one was hurt.", [("injured", 0, 0, "exact", "all")]),
    ("There were no casualties.", [("killed", 0, 0, "exact", "all"), ("injured", 0, 0, "exact", "all")]),
])
def test_none_reported_is_a_claim_of_zero(claims, sentence: str, expected: list) -> None:
    assert figures(claims(f"Drones hit Odesa on Friday. {sentence}")) == expected


def test_subgroups_stay_inside_the_total(claims) -> None:
    found = figures(claims("A missile hit Kharkiv on Friday. 50 killed, five of them children, the governor said."))
    assert found == [("killed", 50, 50, "exact", "all"), ("killed", 5, 5, "exact", "children")]
    found = figures(claims("A missile hit Kharkiv on Friday, killing seven people, including a 9-year-old."))
    assert found == [("killed", 7, 7, "exact", "all"), ("killed", 1, 1, "exact", "children")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Between 20 and 25 people were injured.", ("injured", 20, 25, "exact", "all")),
    ("About 100 people were injured.", ("injured", 100, 100, "about", "all")),
    ("Dozens of people were killed.", ("killed", 12, None, "about", "all")),
    ("More than 600 people were killed.", ("killed", 600, None, "more_than", "all")),
    ("Hundreds were wounded.", ("injured", 100, None, "about", "all")),
    ("Thirty-nine people died.", ("killed", 39, 39, "exact", "all")),
    ("More than two dozen were injured.", ("injured", 24, None, "more_than", "all")),
    ("The toll: 50.", ("killed", 50, 50, "exact", "all")),
])
def test_ranges_approximations_and_number_words(claims, sentence: str, expected: tuple) -> None:
    assert figures(claims(f"Shelling hit Kharkiv on Friday. {sentence}")) == [expected]


def test_missing_evacuated_hospitalised_are_their_own_kinds(claims) -> None:
    # beside the injured count; alone, a hospital count is the injured (test_hospital_counts.py)
    found = figures(claims("Shelling hit Kharkiv on Friday. Twelve people are missing and 200 were "
                           "evacuated; 40 were injured, 30 were hospitalised."))
    assert [c[:2] for c in found] == [("missing", 12), ("evacuated", 200), ("injured", 40), ("hospitalised", 30)]


def test_killed_or_wounded_is_casualties_never_killed(claims) -> None:
    assert figures(claims("Shelling hit Kharkiv on Friday, killing or wounding dozens.")) \
        == [("casualties", 12, None, "about", "all")]


def test_soldiers_civilians_and_attackers_are_groups(claims) -> None:
    found = figures(claims("Shelling hit Kharkiv on Friday. Three soldiers and two civilians were killed."))
    assert found == [("killed", 3, 3, "exact", "soldiers"), ("killed", 2, 2, "exact", "civilians")]
    found = figures(claims("Gunmen attacked a checkpoint in Kharkiv on Friday. Two attackers were killed."))
    assert found == [("killed", 2, 2, "exact", "attackers")]


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Seven people were killed, the governor told reporters.", "governor"),
    ("Seven people were killed, the governor wrote on Telegram.", "governor"),
    ("According to the State Emergency Service, seven people were killed.", "State Emergency Service"),
    ("The governor said police reported seven dead.", "police"),
    ("Initial reports said seven people died.", "Initial reports"),
    ("Seven people were killed.", "reporter"),
    ("At least seven people were previously reported dead.", "earlier reports"),
])
def test_claimants(claims, sentence: str, claimant: str) -> None:
    found = claims(f"A missile hit Kharkiv on Friday. {sentence}")
    assert [c[5] for c in found if c[0] == "killed"] == [claimant]


def test_blame_and_rejection(claims) -> None:
    found = claims("A missile hit Kharkiv on Friday, killing seven. Ukraine accuses Russia of the attack. "
                   "The Kremlin rejected the accusation.")
    assert ("blame", None, None, None, "all", "Ukraine") in found
    assert ("denial", None, None, None, "all", "Kremlin") in found


def test_site_inherits_the_city(nlp, gazetteer) -> None:
    text = "A missile hit the railway station in the city of Kramatorsk on Friday, killing seven."
    (mention,) = extract_mentions(Article("s", "s", text, published=FRIDAY), nlp(text), gazetteer)
    assert mention.place is not None and mention.place.name == "Kramatorsk"
    assert mention.target == "railway station" and mention.date.value == FRIDAY


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The strike killed 17 people, among them a 7-year-old boy, a 40-year-old teacher and a 12-year-old "
     "girl, and 40 were wounded.",
     [("killed", 17, 17, "exact", "all"), ("killed", 2, 2, "exact", "children"),
      ("injured", 40, 40, "exact", "all")]),
    ("Three children were among the dead, officials said.", [("killed", 3, 3, "exact", "children")]),
    ("A further 38 people, including six children, were taken to hospital with injuries.",
     [("injured", 38, 38, "exact", "all"), ("injured", 6, 6, "exact", "children")]),
])
def test_children_counted_by_age_and_among_the_dead(claims, sentence: str, expected: list) -> None:
    assert figures(claims(f"A missile hit Odesa on Friday. {sentence}")) == expected


def test_nationalities_and_roles_name_their_group(claims) -> None:
    found = figures(claims("A suicide bomber struck the airport gate in Kabul on Friday. "
                           "At least 60 Afghans and 13 U.S. service members were killed."))
    assert ("killed", 60, None, "at_least", "Afghans") in found
    assert ("killed", 13, 13, "exact", "US service members") in found


def test_the_home_nationality_is_everyone(claims) -> None:
    found = figures(claims("A missile hit a mall in Kremenchuk, Ukraine on Friday. 16 Ukrainians were killed."))
    assert found == [("killed", 16, 16, "exact", "all")]


@pytest.mark.parametrize("sentence", [
    "Rescuers later found three more bodies in the rubble.",
    "One wounded man died in hospital on Saturday.",
])
def test_additions_to_a_death_toll_are_not_the_toll(claims, sentence: str) -> None:
    found = figures(claims(f"A missile hit Kharkiv on Friday, killing 20 people. {sentence}"))
    assert found == [("killed", 20, 20, "exact", "all")]


def test_a_bare_figure_shares_the_group_named_before_it(claims) -> None:
    found = figures(claims("A bomber struck the airport in Kabul on Friday. "
                           "At least 13 Americans were killed and 18 wounded."))
    assert found == [("killed", 13, None, "at_least", "Americans"), ("injured", 18, 18, "exact", "Americans")]


def test_a_short_sub_headline_is_one_sentence_and_keeps_its_figure(claims) -> None:
    text = "Army knew of the attack - witness\n\n110 killed, says UN\n\nThe governor wept at the burial."
    assert figures(claims(text)) == [("killed", 110, 110, "exact", "all")]
