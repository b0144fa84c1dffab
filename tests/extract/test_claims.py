"""Claims from sentences we wrote: figures, subgroups, zeros, claimants, blame and denial."""

from __future__ import annotations

from datetime import date

import pytest

from harmledger.extract.article import extract_mentions
from harmledger.models import Article


@pytest.fixture()
def claims_of(nlp, gazetteer):
    def run(text: str, published: date | None = date(2022, 4, 9)):
        article = Article(id="t", source_id="t.txt", text=text, published=published)
        mentions = extract_mentions(article, nlp(text), gazetteer)
        return [(c.kind, c.low, c.high, c.qualifier, c.group, c.claimant)
                for m in mentions for c in m.claims]
    return run


def test_total_subgroup_and_injured(claims_of) -> None:
    found = claims_of("A missile hit the station in Kramatorsk on Friday. "
                      "At least 50 people, five of them children, were killed and 98 were hurt.")
    assert ("killed", 50, None, "at_least", "all", "reporter") in found
    assert ("killed", 5, 5, "exact", "children", "reporter") in found
    assert ("injured", 98, 98, "exact", "all", "reporter") in found


def test_speaker_of_reported_speech(claims_of) -> None:
    found = claims_of("A missile struck Vinnytsia on Thursday, killing 23 people, the regional governor said.")
    assert ("killed", 23, 23, "exact", "all", "regional governor") in found


def test_according_to(claims_of) -> None:
    found = claims_of("Shelling hit Kharkiv on Friday. According to the State Emergency Service, "
                      "seven people were killed.")
    assert ("killed", 7, 7, "exact", "all", "State Emergency Service") in found


def test_nobody_hurt_is_a_claim_of_zero(claims_of) -> None:
    found = claims_of("Drones struck the port of Odesa overnight. No one was hurt, the mayor said.")
    assert ("injured", 0, 0, "exact", "all", "mayor") in found


def test_no_casualties_is_zero_killed_and_injured(claims_of) -> None:
    found = claims_of("The missile attack on Kramatorsk caused no casualties, witnesses said.")
    assert ("killed", 0, 0, "exact", "all", "witnesses") in found
    assert ("injured", 0, 0, "exact", "all", "witnesses") in found


def test_aggregate_figures_are_not_claims(claims_of) -> None:
    found = claims_of("A missile hit Kramatorsk on Tuesday, killing one person. "
                      "At least six civilians were killed in the past 24 hours across the region.")
    assert [c[:2] for c in found] == [("killed", 1)]


def test_blame_and_denial_keep_who_said_it(claims_of) -> None:
    found = claims_of("A missile hit the station in Kramatorsk on Friday, killing 30 people. "
                      "Ukraine accused Russia of the attack, which Moscow denies.")
    assert ("blame", None, None, None, "all", "Ukraine") in found
    assert ("denial", None, None, None, "all", "Moscow") in found


def test_no_casualties_among_a_group_is_a_zero_for_that_group(nlp) -> None:
    from harmledger.extract.claims import figure_claims

    sent = nlp("There were no casualties among the security forces, the police said.")[:]
    assert {(c.kind, c.low, c.group) for c, _ in figure_claims(sent)} == {
        ("killed", 0, "security forces"), ("injured", 0, "security forces")}
