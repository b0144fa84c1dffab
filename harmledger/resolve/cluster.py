"""Group mentions from many articles into incidents (a first, simple, documented rule).

Main mentions are taken most precise date first. A mention joins the first incident that is in
the same place (towns within 30 km, or the region/country containing the town) and on a
compatible date: day-precise dates at most one day apart, or a day and month without a year that
equal the incident's. When neither side has a usable date, or only a weekday, the targets must
share a word as well ("train station" ~ "station"). Blocking by a 1-degree grid cell keeps the
comparison to nearby incidents. Background mentions then join the incident they recall by the
same test with month precision allowed; when none fits they form a background-only incident.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from harmledger.extract.gazetteer import distance_km
from harmledger.models import EventDate, Incident, Mention, Place

SAME_PLACE_KM = 30.0
NEIGHBOUR_KM = 80.0
DAY_TOLERANCE = 1
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_TARGET_SYNONYMS = {
    "railway": "station", "train": "station", "rail": "station",
    "mall": "shopping", "centre": "shopping", "center": "shopping",
    "flats": "apartment", "block": "apartment", "residential": "apartment", "building": "apartment",
    "hostel": "dormitory", "dormitorie": "dormitory", "dorm": "dormitory",
}
_TARGET_STOP = frozenset({"the", "a", "of", "city", "town", "local", "two", "several"})


class _Cluster:
    def __init__(self, first: Mention) -> None:
        self.mentions = [first]
        self.place = first.place
        self.date = first.date
        self.targets = target_words(first.target)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.targets |= target_words(m.target)
        if _PRECISION_RANK.get(m.date.precision, 4) < _PRECISION_RANK.get(self.date.precision, 4):
            self.date = m.date
        if self.place is None or (m.place is not None and self.place.precision != "town"
                                  and m.place.precision == "town"):
            self.place = m.place
        elif m.place is not None and m.place != self.place and _is_seat(self.place) \
                and _neighbours(m.place, self.place):
            self.place = m.place  # "Serhiivka, near Odesa": the site, not the city that reports it


def resolve(found: list[Mention]) -> list[Incident]:
    """Incidents (not yet reconciled) formed from `found` mentions."""
    mains = sorted((m for m in found if m.role == "main"), key=_order)
    clusters: list[_Cluster] = []
    grid: dict[tuple[int, int], list[_Cluster]] = defaultdict(list)
    for m in mains:
        target = _best_match(m, _nearby(grid, m.place), background=False)
        if target is None:
            target = _Cluster(m)
            clusters.append(target)
            _index(grid, target)
        else:
            target.add(m)
    background_clusters: list[_Cluster] = []
    for m in sorted((m for m in found if m.role == "background"), key=_order):
        target = _best_match(m, _nearby(grid, m.place), background=True) or \
            _best_match(m, background_clusters, background=True)
        if target is None:
            background_clusters.append(_Cluster(m))
        else:
            target.add(m)
    out = [_incident(c, background_only=False) for c in clusters]
    out += [_incident(c, background_only=True) for c in background_clusters]
    return out


def _order(m: Mention) -> tuple[int, date, str]:
    return (_PRECISION_RANK.get(m.date.precision, 4), m.date.value or date.max, m.id)


def _cell(place: Place) -> tuple[int, int]:
    return int(place.lat // 1), int(place.lon // 1)


def _index(grid: dict[tuple[int, int], list[_Cluster]], c: _Cluster) -> None:
    if c.place is not None:
        grid[_cell(c.place)].append(c)


def _nearby(grid: dict[tuple[int, int], list[_Cluster]], place: Place | None) -> Iterator[_Cluster]:
    if place is None:
        return
    lat, lon = _cell(place)
    reach = 1 if place.precision in ("town", "site") else 4
    for dlat in range(-reach, reach + 1):
        for dlon in range(-reach, reach + 1):
            yield from grid.get((lat + dlat, lon + dlon), ())


def _best_match(m: Mention, candidates: Iterator[_Cluster] | list[_Cluster],
                background: bool) -> _Cluster | None:
    for c in candidates:
        if (same_place(m.place, c.place) and _dates_fit(m, c, background)) or \
                (not background and _same_day_neighbours(m, c)):
            return c
    return None


def _same_day_neighbours(m: Mention, c: _Cluster) -> bool:
    """A village and the city it is "near" (Serhiivka, Odesa): same admin1, within 80 km, the same
    day, and either the same target or one of them is the region's own city, which reports
    name for strikes around it."""
    a, b = m.place, c.place
    if a is None or b is None or not _neighbours(a, b):
        return False
    if m.date.value is None or c.date.value is None or abs((m.date.value - c.date.value).days) > DAY_TOLERANCE:
        return False
    if "day" not in (m.date.precision, c.date.precision):
        return False
    return bool(target_words(m.target) & c.targets) or _is_seat(a) or _is_seat(b)


def _neighbours(a: Place, b: Place) -> bool:
    return (a.precision == b.precision == "town" and a.country_code == b.country_code
            and a.admin1 == b.admin1 and distance_km(a.lat, a.lon, b.lat, b.lon) <= NEIGHBOUR_KM)


def _is_seat(p: Place) -> bool:
    """The city a region is named after (our admin1 names are their most populous place)."""
    return p.name == p.admin1


def same_place(a: Place | None, b: Place | None) -> bool:
    """Towns within 30 km, or a region/country that contains the other place."""
    if a is None or b is None:
        return False
    if a.precision == "country" or b.precision == "country":
        return a.country_code == b.country_code and a.precision == b.precision
    if a.precision == "region" or b.precision == "region":
        return a.country_code == b.country_code and a.admin1 == b.admin1
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM


def _dates_fit(m: Mention, c: _Cluster, background: bool) -> bool:
    a, b = m.date, c.date
    targets_agree = bool(target_words(m.target) & c.targets)
    if a.value and b.value:
        if a.precision == "day" and b.precision == "day":
            return abs((a.value - b.value).days) <= DAY_TOLERANCE
        if "month" in (a.precision, b.precision):
            fits = (a.value.year, a.value.month) == (b.value.year, b.value.month)
            return fits and (targets_agree or not background)
        return abs((a.value - b.value).days) <= 7 and targets_agree
    known = b if b.value else a
    partial = a if known is b else b
    if known.value and partial.month_day:
        return _month_day_fits(known.value, partial.month_day)
    if known.value and partial.weekday is not None:
        return known.value.weekday() == partial.weekday and targets_agree
    if a.month_day and b.month_day:
        return a.month_day == b.month_day
    if a.weekday is not None and b.weekday is not None and a.weekday != b.weekday:
        return False
    return targets_agree and not (known.value and partial.precision == "unknown"
                                  and partial.weekday is None and partial.month_day is None
                                  and background)


def _month_day_fits(day: date, month_day: tuple[int, int]) -> bool:
    try:
        named = day.replace(month=month_day[0], day=month_day[1])
    except ValueError:
        return False
    return abs((named - day).days) <= DAY_TOLERANCE


def target_words(target: str) -> set[str]:
    """Content words of a target phrase, possessives and plurals folded, synonyms merged."""
    words = set()
    for w in target.lower().split():
        w = re.sub(r"['’]s$", "", w.strip(".,;:"))
        w = w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w
        words.add(_TARGET_SYNONYMS.get(w, w))
    # Six letters stand for the stem: "administration" ~ "administrative".
    return {w[:6] for w in words if w and w not in _TARGET_STOP}


def _incident(c: _Cluster, background_only: bool) -> Incident:
    ids = sorted(m.id for m in c.mentions)
    digest = hashlib.sha1(ids[0].encode()).hexdigest()[:12]
    mains = [m for m in c.mentions if m.role == "main"] or c.mentions
    types = [m.event_type for m in mains if m.event_type != "other"] or [mains[0].event_type]
    when = _canonical_date(mains)
    targets = [m.target for m in mains if m.target]
    weapons = [m.weapon for m in c.mentions if m.weapon]
    return Incident(
        id=f"I{digest}", event_type=max(set(types), key=types.count), date=when, place=c.place,
        target=max(set(targets), key=targets.count) if targets else "",
        weapon=max(set(weapons), key=weapons.count) if weapons else "",
        mentions=list(c.mentions),
        background_only=background_only,
    )


def _canonical_date(mains: list[Mention]) -> EventDate:
    """The most reported date among the most precise ones."""
    best = min(_PRECISION_RANK.get(m.date.precision, 4) for m in mains)
    pool = [m.date for m in mains if _PRECISION_RANK.get(m.date.precision, 4) == best and m.date.value]
    if not pool:
        return mains[0].date
    values = [d.value for d in pool]
    top = max(set(values), key=lambda v: (values.count(v), v))
    return next(d for d in pool if d.value == top)
