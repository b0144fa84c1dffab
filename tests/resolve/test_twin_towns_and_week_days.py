"""Two towns of their own names a few km apart are two places unless the very day agrees; an
incident dated only by a day of writing takes the day another report names without a year."""

from __future__ import annotations

from datetime import date

from harmledger.models import (
    Claim,
    ClaimKind,
    DatePrecision,
    EventDate,
    EventType,
    Mention,
    Place,
    PlacePrecision,
    Qualifier,
    Role,
)
from harmledger.resolve.cluster import resolve

DONETSK = Place("Donetsk", "UA", "Donetsk", 48.023, 37.802, 709717, PlacePrecision.town)
MAKIIVKA = Place("Makiyivka", "UA", "Donetsk", 48.048, 37.926, 702320, PlacePrecision.town)
CHAPLYNE = Place("Chaplyne", "UA", "Dnipropetrovsk", 48.13, 36.23, 711000, PlacePrecision.town)


def mention(aid: str, when: EventDate, place: Place, target: str = "centre") -> Mention:
    return Mention(aid, 0, Role.main, EventType.missile_strike, when, place, target, "", "", 0, 0,
                   [Claim(ClaimKind.killed, "reporter", "", 0, 0, 1, 1, Qualifier.exact, "all", aid)])


def groups(found: list) -> list[set[str]]:
    return sorted(({m.article_id for m in i.mentions} for i in found), key=sorted)


def test_neighbouring_towns_a_day_apart_stay_two_incidents() -> None:
    found = resolve([mention("a", EventDate(date(2022, 3, 14), DatePrecision.day), DONETSK),
                     mention("b", EventDate(date(2022, 3, 15), DatePrecision.week, "reported by this day"), MAKIIVKA)])
    assert groups(found) == [{"a"}, {"b"}]


def test_neighbouring_towns_on_the_same_day_are_one_incident() -> None:
    found = resolve([mention("a", EventDate(date(2022, 3, 14), DatePrecision.day), DONETSK),
                     mention("b", EventDate(date(2022, 3, 14), DatePrecision.day), MAKIIVKA)])
    assert groups(found) == [{"a", "b"}]


def test_a_week_precise_incident_takes_the_day_a_report_names_without_a_year() -> None:
    found = resolve([mention("a", EventDate(date(2022, 8, 25), DatePrecision.week, "reported by this day"), CHAPLYNE,
                             "station"),
                     mention("b", EventDate(None, DatePrecision.unknown, "no year", month_day=(8, 24)), CHAPLYNE,
                             "station")])
    assert groups(found) == [{"a", "b"}]
    assert (found[0].date.value, found[0].date.precision) == (date(2022, 8, 24), "day")


def test_a_day_without_a_year_joins_a_report_dated_the_next_day_across_february() -> None:
    dated = mention("a", EventDate(date(2022, 3, 1), DatePrecision.day), DONETSK)
    named = mention("b", EventDate(None, DatePrecision.unknown, "no year", month_day=(2, 28)), DONETSK)
    assert groups(resolve([dated, named])) == [{"a", "b"}]
    assert groups(resolve([named, dated])) == [{"a", "b"}]
