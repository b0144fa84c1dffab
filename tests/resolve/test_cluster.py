"""Grouping mentions into incidents: same place and compatible date, targets when dates are vague."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from harmledger.extract.embedding import embed
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

KRAMATORSK = Place("Kramatorsk", "UA", "Donetsk", 48.73, 37.57, 704508, PlacePrecision.town)
KHARKIV = Place("Kharkiv", "UA", "Kharkiv", 49.98, 36.25, 706483, PlacePrecision.town)


def mention(aid: str, when: EventDate, place: Place = KRAMATORSK, target: str = "station",
            role: str = "main", district: str = "") -> Mention:
    return Mention(aid, 0, Role(role), EventType.missile_strike, when, place, target, "", "", 0, 0,
                   [Claim(ClaimKind.killed, "reporter", "", 0, 0, 1, 1, Qualifier.exact, "all",
                          aid)], district=district)


def day(y: int, m: int, d: int) -> EventDate:
    return EventDate(date(y, m, d), DatePrecision.day)


def groups(found: list) -> list[set[str]]:
    return sorted(({m.article_id for m in i.mentions} for i in found), key=sorted)


def test_same_town_same_day_is_one_incident() -> None:
    found = resolve([mention("a", day(2022, 4, 8)), mention("b", day(2022, 4, 8), target="railway station")])
    assert groups(found) == [{"a", "b"}]


def test_same_town_different_day_stays_apart() -> None:
    found = resolve([mention("a", day(2022, 8, 17), KHARKIV, "dormitory"),
                     mention("b", day(2022, 8, 20), KHARKIV, "dormitory")])
    assert groups(found) == [{"a"}, {"b"}]


def test_day_without_year_joins_the_dated_incident() -> None:
    partial = EventDate(None, DatePrecision.unknown, month_day=(4, 8))
    found = resolve([mention("a", day(2022, 4, 8)), mention("b", partial, target="train station")])
    assert groups(found) == [{"a", "b"}]


def test_undated_mention_with_another_target_is_another_incident() -> None:
    found = resolve([mention("a", day(2022, 4, 8)),
                     mention("b", EventDate(None, DatePrecision.unknown, weekday=6), target="dormitories")])
    assert groups(found) == [{"a"}, {"b"}]


def test_background_mention_links_to_the_incident_it_recalls() -> None:
    recall = mention("c", EventDate(date(2022, 4, 1), DatePrecision.month), target="train station", role="background")
    found = resolve([mention("a", day(2022, 4, 8)), mention("d", day(2023, 3, 14), target="apartment"), recall])
    station = next(i for i in found if any(m.article_id == "a" for m in i.mentions))
    assert {m.article_id for m in station.mentions} == {"a", "c"}
    assert not any(i.background_only for i in found)


def test_unmatched_background_mention_is_a_background_only_incident() -> None:
    recall = mention("c", EventDate(date(2021, 5, 1), DatePrecision.month), KHARKIV, "market", role="background")
    found = resolve([mention("a", day(2022, 4, 8)), recall])
    assert [i.background_only for i in found] == [False, True]


ODESA = Place("Odesa", "UA", "Odesa", 46.49, 30.74, 698740, PlacePrecision.town)
SERHIYIVKA = Place("Serhiyivka", "UA", "Odesa", 46.03, 30.37, 694467, PlacePrecision.town)


def with_text(m: Mention, text: str) -> Mention:
    return replace(m, vector=embed([text])[0])


def test_a_village_near_the_regional_city_on_the_same_day_is_one_incident_at_the_village() -> None:
    city = with_text(mention("a", day(2022, 7, 1), ODESA, "residential building"),
                     "Missiles hit a nine-storey block of flats near Odesa overnight, killing 19 residents.")
    village = with_text(mention("b", EventDate(date(2022, 7, 1), DatePrecision.week), SERHIYIVKA, "recreation centre"),
                        "A Russian missile strike on an apartment block in a village outside Odesa "
                        "killed 19 residents, officials said.")
    found = resolve([city, village])
    assert groups(found) == [{"a", "b"}]
    assert found[0].place == SERHIYIVKA


def test_a_village_near_the_regional_city_with_another_story_stays_apart() -> None:
    city = with_text(mention("a", day(2022, 7, 1), ODESA, "port"),
                     "Two cruise missiles struck grain silos in the port of Odesa; nobody was hurt.")
    village = with_text(mention("b", EventDate(date(2022, 7, 1), DatePrecision.week), SERHIYIVKA, "recreation centre"),
                        "A gunman opened fire at a holiday camp, wounding three teenagers before police "
                        "detained him.")
    assert groups(resolve([city, village])) == [{"a"}, {"b"}]


def test_neighbouring_towns_on_different_days_stay_apart() -> None:
    found = resolve([mention("a", day(2022, 7, 1), ODESA), mention("b", day(2022, 7, 5), SERHIYIVKA)])
    assert groups(found) == [{"a"}, {"b"}]


def test_a_lone_weekday_fits_its_day_or_a_day_either_side_never_two_days_off() -> None:
    # 9 July 2022 was a Saturday: "rescuers on Sunday" is a follow-up, "on Friday night" the
    # night that ran into it, "on Monday" another day
    friday, sunday, monday = (EventDate(None, DatePrecision.unknown, weekday=w) for w in (4, 6, 0))
    found = resolve([mention("a", day(2022, 7, 9)), mention("b", sunday, target="station"),
                     mention("c", monday, target="station"), mention("d", friday, target="station")])
    assert groups(found) == [{"a", "b", "d"}, {"c"}]


def test_two_districts_of_one_town_are_two_incidents_and_a_report_naming_none_joins_one() -> None:
    # Saltivka on the evening of 17 August, Sloboda at dawn on the 18th: a day apart, so a
    # report dated only "by the 18th" fits both dates, and only the districts tell them apart.
    by_18th = EventDate(date(2022, 8, 18), DatePrecision.week)
    found = resolve([mention("a", day(2022, 8, 17), KHARKIV, "dormitory", district="salt"),
                     mention("b", by_18th, KHARKIV, "dormitory", district="slob"),
                     mention("c", EventDate(None, DatePrecision.unknown, month_day=(8, 17)), KHARKIV, "dormitory",
                             district="salt"),
                     mention("d", by_18th, KHARKIV, "dormitory")])
    saltivka, sloboda = (next(g for g in groups(found) if aid in g) for aid in ("a", "b"))
    assert len(found) == 2 and saltivka - {"d"} == {"a", "c"} and sloboda - {"d"} == {"b"}


def test_reports_naming_only_the_weekday_settle_the_incidents_day() -> None:
    from datetime import date

    from harmledger.models import EventDate
    from harmledger.resolve.cluster import canonical_date

    def mention(when: EventDate) -> Mention:
        return Mention(article_id="a", index=0, role=Role.main, event_type=EventType.airstrike, date=when, place=None,
                       target="", weapon="", evidence="", start=0, end=0)

    saturday, sunday = date(2016, 10, 8), date(2016, 10, 9)
    saturday_only = EventDate(None, DatePrecision.unknown, weekday=5)
    mains = [mention(EventDate(sunday, DatePrecision.day)), mention(EventDate(saturday, DatePrecision.day)),
             mention(saturday_only), mention(saturday_only)]
    assert canonical_date(mains).value == saturday
    assert canonical_date(mains[:2]).value == saturday  # a tie goes to the earlier day
