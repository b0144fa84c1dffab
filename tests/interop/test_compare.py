"""Matching another dataset's events to our incidents: date window, distance, type, one to one."""

from __future__ import annotations

from datetime import date

from harmledger.interop.compare import compare, km_between
from harmledger.interop.inbound import ExternalEvent
from harmledger.models import DatePrecision, EventDate, EventType, Figures, Incident, Place, PlacePrecision

KHARKIV = (49.98, 36.25)


def incident(iid: str, day: date | None, where: tuple[float, float] | None, kind: str = "shelling",
             low: int | None = 3, high: int | None = 5, precision: str = "day", country: str = "UA") -> Incident:
    place = Place("Town", country, "Region", where[0], where[1], None, PlacePrecision.town) if where else None
    return Incident(iid, EventType(kind), EventDate(day, DatePrecision(precision) if day else DatePrecision.unknown),
                    place, "", "", [],
                    killed=Figures(low, high, high, low))


def event(eid: str, day: date, where: tuple[float, float], best: int = 4, family: str = "remote",
          end: date | None = None, country: str = "UA") -> ExternalEvent:
    return ExternalEvent("acled", eid, day, end or day, where[0], where[1], country, "Town", "Shelling",
                         family, best, best, best)


def test_an_event_a_day_and_a_few_km_away_matches_and_its_figure_is_compared() -> None:
    ours = [incident("I1", date(2022, 7, 21), KHARKIV, low=3, high=20)]
    result = compare("acled", [event("E1", date(2022, 7, 22), (49.99, 36.23), best=27)], ours)
    (row,) = result.rows
    assert row.status == "both" and row.days == 1 and row.km is not None and row.km < 3
    assert row.difference == 7 and row.within_our_range is False
    assert result.figures_differ == 1 and result.outside_our_range == 1


def test_too_far_too_late_or_another_kind_of_attack_does_not_match() -> None:
    ours = [incident("I1", date(2022, 7, 21), KHARKIV)]
    far = event("far", date(2022, 7, 21), (49.0, 36.25))  # about 109 km south
    late = event("late", date(2022, 7, 25), KHARKIV)
    clash = event("clash", date(2022, 7, 21), KHARKIV, family="shooting")
    result = compare("acled", [far, late, clash], ours)
    assert [r.status for r in result.rows] == ["only_theirs"] * 3 + ["only_ours"]
    assert compare("acled", [clash], ours, any_type=True).count("both") == 1
    assert compare("acled", [late], ours, days=4).count("both") == 1


def test_each_side_is_matched_at_most_once_nearest_first() -> None:
    ours = [incident("I1", date(2022, 7, 21), KHARKIV)]
    near = event("near", date(2022, 7, 21), (49.981, 36.251))
    nearish = event("nearish", date(2022, 7, 21), (50.05, 36.30))
    result = compare("acled", [nearish, near], ours)
    assert {(r.status, r.event.id if r.event else None) for r in result.rows} == {
        ("both", "near"), ("only_theirs", "nearish")}


def test_a_month_precision_incident_matches_any_day_of_its_month() -> None:
    ours = [incident("I1", date(2022, 4, 1), KHARKIV, precision="month")]
    assert compare("acled", [event("E", date(2022, 4, 28), KHARKIV)], ours).count("both") == 1


def test_only_ours_counts_incidents_in_their_countries_and_dates_only() -> None:
    ours = [incident("in", date(2022, 7, 10), (48.5, 35.0)),
            incident("before", date(2021, 1, 1), (48.5, 35.0)),
            incident("abroad", date(2022, 7, 10), (41.0, 28.9), country="TR"),
            incident("undated", None, KHARKIV), incident("nowhere", date(2022, 7, 10), None)]
    events = [event("E1", date(2022, 7, 1), KHARKIV), event("E2", date(2022, 7, 20), (46.5, 30.7))]
    result = compare("acled", events, ours)
    assert [r.incident.id for r in result.rows if r.incident] == ["in"]
    assert result.not_comparable == 1  # the undated one; "nowhere" has no country to place it in
    assert result.countries == ["UA"] and (result.first, result.last) == (date(2022, 7, 1), date(2022, 7, 20))


def test_an_incident_without_a_killed_figure_agrees_only_with_zero() -> None:
    ours = [incident("I1", date(2022, 7, 21), KHARKIV, low=None, high=None)]
    assert compare("acled", [event("E", date(2022, 7, 21), KHARKIV, best=0)], ours).rows[0].within_our_range
    assert not compare("acled", [event("E", date(2022, 7, 21), KHARKIV, best=2)], ours).rows[0].within_our_range


def test_distances_are_great_circle_km() -> None:
    assert round(km_between(50.4501, 30.5234, 49.8397, 24.0297)) == 468  # Kyiv to Lviv
    assert km_between(0, 179.9, 0, -179.9) < 23  # across the antimeridian
