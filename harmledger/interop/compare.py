"""Lining up another dataset's events against our incidents: date window, distance and type.

A pair can match when their date spans come within `days` of each other, their points lie within
`km`, and their types are of one family. Pairs are then taken best first (nearest in km and days),
each event and each incident at most once, so a count of "only theirs" or "only ours" is a count
of things the other side does not hold, not of duplicates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from harmledger.interop.codebooks import FAMILY, date_span
from harmledger.interop.inbound import ExternalEvent
from harmledger.models import DatePrecision, Incident

DEFAULT_DAYS = 1
DEFAULT_KM = 25.0


@dataclass(frozen=True)
class Row:
    """One line of the comparison: a matched pair, or an event or incident only one side has."""

    status: str  # both | only_theirs | only_ours
    event: ExternalEvent | None
    incident: Incident | None
    km: float | None = None
    days: int | None = None

    @property
    def difference(self) -> int | None:
        """Their best fatalities minus our best killed, for a matched pair."""
        if self.event is None or self.incident is None:
            return None
        return self.event.best - (self.incident.killed.best or 0)

    @property
    def within_our_range(self) -> bool | None:
        """Whether their figure lies in our low–high range (open-ended high: anything above low)."""
        if self.event is None or self.incident is None:
            return None
        k = self.incident.killed
        if k.low is None:  # we hold no killed figure: only their zero agrees
            return self.event.best == 0
        return k.low <= self.event.best and (k.high is None or self.event.best <= k.high)


@dataclass(frozen=True)
class Comparison:
    """Every row, best matches first, and what the comparison covered."""

    dataset: str
    rows: list[Row]
    first: date | None
    last: date | None
    countries: list[str]
    not_comparable: int  # our incidents in scope by country but without a date or a point

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def figures_differ(self) -> int:
        return sum(1 for r in self.rows if r.status == "both" and r.difference)

    @property
    def outside_our_range(self) -> int:
        return sum(1 for r in self.rows if r.status == "both" and r.within_our_range is False)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def days_apart(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two spans of days; 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def types_agree(event: ExternalEvent, inc: Incident) -> bool:
    ours = FAMILY.get(inc.event_type, "any")
    return "any" in (ours, event.family) or ours == event.family


def in_scope(inc: Incident, first: date, last: date, countries: set[str], days: int) -> bool:
    """An incident the other dataset could hold: in its countries and its span of dates (± days)."""
    if inc.place is None or inc.date.value is None:
        return False
    if countries and inc.place.country_code.upper() not in countries:
        return False
    start, end = date_span(inc.date.value, inc.date.precision)
    assert start is not None and end is not None
    return days_apart((start, end), (first - timedelta(days=days), last + timedelta(days=days))) == 0


def pairable(event: ExternalEvent, inc: Incident, days: int = DEFAULT_DAYS, km: float = DEFAULT_KM,
             any_type: bool = False) -> bool:
    """Whether `event` and `inc` may be a pair: dates within `days`, points within `km`, one type family."""
    if inc.place is None or inc.date.value is None:
        return False
    start, end = date_span(inc.date.value, inc.date.precision)
    assert start is not None and end is not None
    return (days_apart((event.start, event.end), (start, end)) <= days
            and km_between(event.lat, event.lon, inc.place.lat, inc.place.lon) <= km
            and (any_type or types_agree(event, inc)))


def compare(dataset: str, events: list[ExternalEvent], ours: list[Incident],
            days: int = DEFAULT_DAYS, km: float = DEFAULT_KM, any_type: bool = False) -> Comparison:
    """Match `events` to `ours`; our incidents outside the events' countries and dates are left out."""
    first = min((e.start for e in events), default=None)
    last = max((e.end for e in events), default=None)
    countries = {e.country_code for e in events if e.country_code}
    # An event whose country we could not name widens the scope to every country.
    if any(not e.country_code for e in events):
        countries = set()
    by_country = [i for i in ours if not countries or (i.place and i.place.country_code.upper() in countries)]
    scoped = [i for i in by_country if first and last and in_scope(i, first, last, countries, days)]
    not_comparable = sum(1 for i in by_country if i.place is None or i.date.value is None)
    candidates = []
    for e in events:
        for inc in scoped:
            assert inc.place is not None
            start, end = date_span(inc.date.value, inc.date.precision)
            assert start is not None and end is not None
            gap = days_apart((e.start, e.end), (start, end))
            if gap > days:
                continue
            dist = km_between(e.lat, e.lon, inc.place.lat, inc.place.lon)
            if dist > km or not (any_type or types_agree(e, inc)):
                continue
            # Nearest first; a day apart weighs like the whole distance window.
            candidates.append((dist / km + gap / (days + 1), dist, gap, e, inc))
    candidates.sort(key=lambda c: (c[0], c[3].id, c[4].id))
    taken_events: set[int] = set()
    taken_ours: set[str] = set()
    rows = []
    for _, dist, gap, e, inc in candidates:
        if id(e) in taken_events or inc.id in taken_ours:
            continue
        taken_events.add(id(e))
        taken_ours.add(inc.id)
        rows.append(Row("both", e, inc, round(dist, 1), gap))
    rows.sort(key=lambda r: (r.event.start if r.event else date.min, r.event.id if r.event else ""))
    rows += [Row("only_theirs", e, None) for e in sorted(events, key=lambda e: (e.start, e.id))
             if id(e) not in taken_events]
    rows += [Row("only_ours", None, inc) for inc in sorted(scoped, key=lambda i: (i.date.value or date.min, i.id))
             if inc.id not in taken_ours]
    return Comparison(dataset, rows, first, last, sorted(countries), not_comparable)


REPORT_COLUMNS = [
    "status", "their_id", "our_id", "their_date", "our_date", "their_place", "our_place", "their_type",
    "our_type", "their_fatalities", "our_killed_low", "our_killed_best", "our_killed_high",
    "difference", "within_our_range", "km", "days",
]


def report_row(row: Row) -> dict[str, object]:
    """One comparison row as the CSV's columns (empty where a side is missing)."""
    e, inc = row.event, row.incident
    place = inc.place if inc else None
    return {
        "status": row.status,
        "their_id": e.id if e else "",
        "our_id": inc.id if inc else "",
        "their_date": (e.start.isoformat() + ("" if e.end == e.start else f"/{e.end.isoformat()}")) if e else "",
        "our_date": _our_date(inc),
        "their_place": e.location if e else "",
        "our_place": f"{place.name}, {place.country_code}" if place else "",
        "their_type": e.event_type if e else "",
        "our_type": inc.event_type if inc else "",
        "their_fatalities": e.best if e else "",
        "our_killed_low": _blank(inc.killed.low) if inc else "",
        "our_killed_best": _blank(inc.killed.best) if inc else "",
        "our_killed_high": _blank(inc.killed.high) if inc else "",
        "difference": _blank(row.difference),
        "within_our_range": "" if row.within_our_range is None else ("yes" if row.within_our_range else "no"),
        "km": _blank(row.km),
        "days": _blank(row.days),
    }


def _blank(v: object) -> object:
    return "" if v is None else v


def _our_date(inc: Incident | None) -> str:
    """Our incident's day, with its precision when coarser than a day."""
    if inc is None or inc.date.value is None:
        return ""
    return inc.date.value.isoformat() + ("" if inc.date.precision == DatePrecision.day else f" ({inc.date.precision})")
