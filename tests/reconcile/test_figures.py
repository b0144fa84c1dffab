"""Figures, sources and grades: every number is a claim, and the rules are the documented ones."""

from __future__ import annotations

from datetime import date

import pytest

from harmledger.models import (
    Article,
    Claim,
    ClaimKind,
    DatePrecision,
    EventDate,
    EventType,
    Incident,
    Mention,
    Qualifier,
    Role,
)
from harmledger.reconcile.incident import reconcile


def claim(aid: str, kind: str, low: int | None, high: int | None, group: str = "all",
          claimant: str = "reporter") -> Claim:
    return Claim(ClaimKind(kind), claimant, "", 0, 0, low, high,
                 Qualifier.exact if low == high else Qualifier.at_least, group, aid)


def incident(claims_by_article: dict[str, list[Claim]]) -> Incident:
    mentions = [Mention(aid, 0, Role.main, EventType.missile_strike, EventDate(date(2022, 4, 8), DatePrecision.day),
                        None,
                        "", "", "", 0, 0, cs) for aid, cs in claims_by_article.items()]
    return Incident("I1", EventType.missile_strike, EventDate(date(2022, 4, 8), DatePrecision.day), None, "", "",
                    mentions)


ARTICLES = {
    "a": Article("a", "a", "", outlet="One", published=date(2022, 4, 8)),
    "b": Article("b", "b", "", outlet="Two", published=date(2022, 4, 9)),
    "c": Article("c", "c", "", outlet="Three", published=date(2022, 4, 9), duplicate_of="b"),
}


def test_low_best_high_and_conservative() -> None:
    inc = reconcile(incident({"a": [claim("a", "killed", 30, None)],
                              "b": [claim("b", "killed", 50, None), claim("b", "killed", 39, 39)]}), ARTICLES)
    # outlet Two's 39 is superseded by its own 50; conservative is the smallest latest figure (One's 30)
    assert (inc.killed.low, inc.killed.best, inc.killed.high, inc.killed.conservative) == (30, 50, 50, 30)


def test_subgroup_is_never_added_to_the_total() -> None:
    inc = reconcile(incident({"b": [claim("b", "killed", 50, None), claim("b", "killed", 5, 5, "children")]}),
                    ARTICLES)
    assert (inc.killed.low, inc.killed.high) == (50, 50)


def test_a_civilian_toll_beside_a_total_is_a_total_too() -> None:
    inc = reconcile(incident({"b": [claim("b", "killed", 110, None), claim("b", "killed", 40, None, "civilians"),
                                    claim("b", "killed", 7, 7, "soldiers")]}), ARTICLES)
    assert (inc.killed.low, inc.killed.high) == (40, 110)


def test_wire_reprint_counts_as_one_independent_source() -> None:
    inc = reconcile(incident({"b": [claim("b", "killed", 20, 20)], "c": [claim("c", "killed", 20, 20)]}),
                    ARTICLES)
    assert (inc.articles, inc.independent, inc.grade) == (2, 1, "single_source")


def test_two_outlets_corroborate() -> None:
    inc = reconcile(incident({"a": [claim("a", "killed", 20, 20)], "b": [claim("b", "killed", 20, 20)]}),
                    ARTICLES)
    assert inc.grade == "corroborated"


def test_claim_of_many_against_none_found_is_disputed_not_averaged() -> None:
    inc = reconcile(incident({"a": [claim("a", "killed", 600, 600, "soldiers", "Russian defence ministry")],
                              "b": [claim("b", "killed", 0, 0, claimant="witnesses")]}), ARTICLES)
    assert inc.grade == "disputed"
    # the ministry's count of enemy soldiers is its own claim, shown as an outlier, never the toll
    assert (inc.killed.low, inc.killed.best, inc.killed.high) == (0, 0, 0)
    assert inc.killed.basis["outliers"] == [0]
    assert any("Russian defence ministry" in c.description for c in inc.contradictions)


def test_denial_makes_an_incident_disputed() -> None:
    denial = Claim(ClaimKind.denial, "Kremlin", "", 0, 0, article_id="a")
    inc = reconcile(incident({"a": [claim("a", "killed", 20, 20), denial], "b": [claim("b", "killed", 20, 20)]}),
                    ARTICLES)
    assert inc.grade == "disputed"
    assert [c.kind for c in inc.contradictions] == ["denial"]


# Needs the seeds corpus ingested by the CLI (a whole-pipeline run per backend): left out of
# `make test-fast`, like the other whole-corpus tests.
@pytest.mark.slow
def test_contradiction_indexes_point_at_the_claims_they_name(seeds_export: dict) -> None:
    for inc in seeds_export["incidents"]:
        for contradiction in inc["contradictions"]:
            for index in contradiction["claims"]:
                claim = inc["claims"][index]
                assert claim["entity"] in contradiction["description"] or \
                    claim["kind"] in ("blame", "killed", "injured")
            if contradiction["kind"] == "denial":
                assert inc["claims"][contradiction["claims"][0]]["kind"] == "denial"
