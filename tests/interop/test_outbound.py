"""One incident as an ACLED and a UCDP row: the codes each column takes from our record."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from harmledger.interop.outbound import accused, acled_row, ucdp_row
from harmledger.models import (
    Article,
    Claim,
    ClaimKind,
    DatePrecision,
    EventDate,
    EventType,
    Figures,
    Incident,
    Mention,
    Place,
    PlacePrecision,
    Role,
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _incident(kind: str = "bombing", weapon: str = "", precision: str = "week",
              claims: list[Claim] | None = None) -> Incident:
    place = Place("Maiduguri", "NG", "Borno", 11.85, 13.16, None, PlacePrecision.town)
    when = EventDate(date(2023, 5, 8), DatePrecision(precision))
    mention = Mention("a1", 0, Role.main, EventType(kind), when, place, "market", weapon, "", 0, 10,
                      claims=claims or [])
    return Incident("Iabc", EventType(kind), when, place, "market", weapon, [mention],
                    killed=Figures(8, 10, None, 8), articles=1, independent=1)


def _claim(kind: str, claimant: str, low: int | None = None, group: str = "all") -> Claim:
    return Claim(ClaimKind(kind), claimant, "", 0, 1, low=low, high=low, group=group, article_id="a1")


ARTICLES = {"a1": Article("a1", "d1", "", outlet="Example Wire", title="A headline", published=date(2023, 5, 9))}


def test_a_suicide_bombing_is_acleds_suicide_bomb_and_fatalities_are_conservative() -> None:
    row = acled_row(_incident(weapon="suicide vest"), ARTICLES, NOW)
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Suicide bomb")
    assert row["fatalities"] == 8 and row["time_precision"] == 2 and row["iso"] == 566
    assert row["country"] == "Nigeria" and row["actor1"] == "Unidentified Armed Group (Nigeria)"
    assert row["source"] == "Example Wire" and row["notes"].startswith("On 8 May 2023, bombing in Maiduguri")
    assert "or more" in row["notes"]  # an open-ended high


def test_the_accused_is_who_denied_never_a_pronoun() -> None:
    claims = [_claim("denial", "It"), _claim("denial", "the group's spokesman"), _claim("blame", "police")]
    assert accused(_incident(claims=claims)) == "the group's spokesman"
    assert accused(_incident(claims=[_claim("denial", "they")])) == ""


def test_ucdp_splits_civilian_deaths_from_the_best_total_and_spans_the_week() -> None:
    claims = [_claim("killed", "police", 10), _claim("killed", "residents", 6, group="civilians")]
    row = ucdp_row(_incident(claims=claims), ARTICLES)
    assert (row["low"], row["best"], row["high"]) == (8, 10, 10)  # an open high is at least the best
    assert (row["deaths_civilians"], row["deaths_unknown"]) == (6, 4)
    assert (row["date_start"], row["date_end"], row["date_prec"]) == ("2023-05-08", "2023-05-14", 3)
    assert row["source_article"] == 'Example Wire 2023-05-09 "A headline"'
    assert row["source_original"] == "police; residents"
    assert row["where_prec"] == 1 and row["geom_wkt"] == "POINT (13.16 11.85)"


def _denial(claimant: str, source_type: str) -> Claim:
    return replace(_claim("denial", claimant), source_type=source_type)


def test_a_denying_state_is_acleds_state_forces_and_civilians_the_second_actor() -> None:
    claims = [_denial("the defence ministry", "armed_forces"), _claim("killed", "police", 6, group="civilians")]
    row = acled_row(_incident(claims=claims), ARTICLES, NOW)
    assert (row["actor1"], row["inter1"]) == ("the defence ministry", "1")
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("Civilians (Nigeria)", "7", "17")
    alone = acled_row(_incident(claims=[_denial("the army", "armed_forces")]), ARTICLES, NOW)
    assert (alone["inter1"], alone["actor2"], alone["inter2"], alone["interaction"]) == ("1", "", "", "10")


def test_an_armed_group_or_an_unknown_perpetrator_keeps_its_actor_type_empty() -> None:
    group = acled_row(_incident(claims=[_denial("the insurgents", "armed_group"),
                                        _claim("killed", "police", 3, group="children")]), ARTICLES, NOW)
    assert group["inter1"] == "" and group["inter2"] == "7" and group["interaction"] == ""  # 2, 3 or 4: ACLED's call
    unknown = acled_row(_incident(), ARTICLES, NOW)
    assert unknown["actor1"].startswith("Unidentified") and unknown["inter1"] == unknown["interaction"] == ""
